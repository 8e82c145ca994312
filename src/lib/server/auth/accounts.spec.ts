import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db';
import { Problem } from '../problem';
import {
	completeSetup,
	createSession,
	issueSetupToken,
	sessionUser,
	setupTokenUsable,
	signIn
} from './accounts';
import { hashToken } from './tokens';

const PASSWORD = 'blue-Kettle-42-Harbour';
const t0 = new Date('2026-11-22T10:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('accounts on a real SQLite store', () => {
	let store: Store;
	let token: string;
	beforeAll(async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'shelfcheck-accounts-'));
		store = await openStore({
			dataDir,
			database: { kind: 'sqlite', file: join(dataDir, 'shelfcheck.db') }
		});
		token = (await issueSetupToken(store.db, t0))!;
	});
	afterAll(() => store.close());

	it('stores only the set-up token’s hash, and a new token replaces an unused one', async () => {
		const rows = await store.db.selectFrom('setup_tokens').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.token_hash).toBe(hashToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
		const replacement = (await issueSetupToken(store.db, t0))!;
		expect(await setupTokenUsable(store.db, token, t0)).toBe(false);
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

	it('throttles with growing delays from counters kept in the database', async () => {
		const attempt = (password: string, seconds: number, address = '192.0.2.1') =>
			signIn(store.db, 'ada@acme.test', password, address, at(seconds)).then(
				() => 'ok',
				(error: Problem) =>
					`${error.status}${error.headers['retry-after'] ? ` ${error.headers['retry-after']}` : ''}`
			);
		for (let i = 0; i < 5; i++) expect(await attempt('wrong', 10)).toBe('401');
		expect(await attempt(PASSWORD, 10)).toBe('429 30');
		expect(await attempt(PASSWORD, 39, '198.51.100.7')).toBe('429 1'); // per account, any address
		expect(await attempt('wrong', 40)).toBe('401'); // the wait is over; sixth failure
		expect(await attempt(PASSWORD, 41)).toBe('429 59');
		expect(await attempt(PASSWORD, 100)).toBe('ok');
		const row = await store.db
			.selectFrom('login_throttle')
			.selectAll()
			.where('key', '=', 'account:ada@acme.test')
			.executeTakeFirst();
		expect(row).toBeUndefined(); // success clears the account's counter
	});

	it('sessions are stored hashed and expire', async () => {
		const users = await store.db.selectFrom('users').select('id').execute();
		const session = await createSession(store.db, users[0]!.id, 1, t0);
		expect(await sessionUser(store.db, session.token, at(3599))).toMatchObject({ role: 'admin' });
		expect(await sessionUser(store.db, session.token, at(3600))).toBeNull();
		expect(await sessionUser(store.db, 'x'.repeat(43), t0)).toBeNull();
		const stored = await store.db.selectFrom('sessions').select('token_hash').execute();
		expect(stored.map((s) => s.token_hash)).toContain(hashToken(session.token));
		expect(JSON.stringify(stored)).not.toContain(session.token);
		await createSession(store.db, users[0]!.id, 1, at(7200));
		expect(await sessionUser(store.db, session.token, t0)).toBeNull(); // tidied away
	});
});
