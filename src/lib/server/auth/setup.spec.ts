import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db';
import { completeSetup, issueSetupToken, setupTokenUsable } from './setup';
import { PASSWORD, T0, at, openTestStore } from './test-store';
import { hashToken } from './tokens';

describe('first start on a real SQLite store', () => {
	let store: Store;
	let token: string;
	beforeAll(async () => {
		store = await openTestStore();
		token = (await issueSetupToken(store.db, T0))!;
	});
	afterAll(() => store.close());

	it('stores only the set-up token’s hash, and a new token replaces an unused one', async () => {
		const rows = await store.db.selectFrom('setup_tokens').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.token_hash).toBe(hashToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
		const replacement = (await issueSetupToken(store.db, T0))!;
		expect(await setupTokenUsable(store.db, token, T0)).toBe(false);
		expect(await setupTokenUsable(store.db, replacement, at(23 * 3600))).toBe(true);
		expect(await setupTokenUsable(store.db, replacement, at(24 * 3600 + 1))).toBe(false);
		token = replacement;
	});

	it('creates the first admin once; the token cannot be used again', async () => {
		const input = { organisation: 'Acme', name: 'Ada', email: 'Ada@Acme.test', password: PASSWORD };
		await completeSetup(store.db, token, input, at(1));
		await expect(completeSetup(store.db, token, input, at(2))).rejects.toMatchObject({
			status: 410,
			code: 'setup-link-used'
		});
		expect(await issueSetupToken(store.db, at(3))).toBeNull();
	});
});
