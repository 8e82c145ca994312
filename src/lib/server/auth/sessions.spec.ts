import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db';
import { createSession, sessionInfo, sessionUser } from './sessions';
import { T0, addFirstAdmin, at, openTestStore } from './test-store';
import { hashToken } from './tokens';

describe('sessions on a real SQLite store', () => {
	let store: Store;
	let adminId: string;
	beforeAll(async () => {
		store = await openTestStore();
		adminId = await addFirstAdmin(store);
	});
	afterAll(() => store.close());

	it('sessions are stored hashed and expire', async () => {
		const session = await createSession(store.db, adminId, 1, T0);
		expect(await sessionUser(store.db, session.token, at(3599))).toMatchObject({ role: 'admin' });
		expect(await sessionUser(store.db, session.token, at(3600))).toBeNull();
		expect(await sessionUser(store.db, 'x'.repeat(43), T0)).toBeNull();
		const stored = await store.db.selectFrom('sessions').select('token_hash').execute();
		expect(stored.map((s) => s.token_hash)).toContain(hashToken(session.token));
		expect(JSON.stringify(stored)).not.toContain(session.token);
		await createSession(store.db, adminId, 1, at(7200));
		expect(await sessionUser(store.db, session.token, T0)).toBeNull(); // tidied away
	});

	it('answers a sign-in with the session and whom it belongs to, organisation by name', async () => {
		const session = await createSession(store.db, adminId, 1);
		expect(await sessionInfo(store.db, session)).toEqual({
			token: session.token,
			expiresAt: session.expiresAt,
			user: {
				id: adminId,
				email: 'ada@acme.test',
				name: 'Ada',
				role: 'admin',
				organisation: 'Acme'
			}
		});
	});
});
