import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db';
import type { Problem } from '../problem';
import { createSession, sessionUser, type SessionUser } from './sessions';
import { signIn } from './sign-in';
import { PASSWORD, T0, addFirstAdmin, at, openTestStore } from './test-store';
import { changePassword } from './users';

const NEW_PASSWORD = 'another-Quiet-Lantern-7';

describe('changing a password on a real SQLite store', () => {
	let store: Store;
	let ada: SessionUser;
	beforeAll(async () => {
		store = await openTestStore();
		const id = await addFirstAdmin(store);
		const session = await createSession(store.db, id, 24 * 365, T0);
		ada = (await sessionUser(store.db, session.token, T0))!;
	});
	afterAll(() => store.close());

	const outcome = (promise: Promise<unknown>) =>
		promise.then(
			() => 'ok',
			(error: Problem) =>
				[error.status, error.code, error.headers['retry-after'], error.details.field]
					.filter((part) => part !== undefined)
					.join(' ')
		);

	it('throttles wrong current passwords on the account’s sign-in counter, in the database', async () => {
		const change = (current: string, seconds: number) =>
			outcome(changePassword(store.db, ada, current, NEW_PASSWORD, undefined, at(seconds)));
		for (let i = 0; i < 5; i++)
			expect(await change(`guess ${i}`, 10)).toBe('403 wrong-password current');
		// Blocked now, even with the right password: the password is not even looked at.
		expect(await change(PASSWORD, 10)).toBe('429 too-many-attempts 30 current');
		const blocked = await changePassword(store.db, ada, PASSWORD, NEW_PASSWORD, undefined, at(11))
			.then(() => null)
			.catch((error: Problem) => error);
		expect(blocked?.message).toBe(
			'Too many wrong passwords for this account. Try again in 29 seconds.'
		);
		// One budget of guesses per account: the sign-in form is blocked for the same time.
		expect(await outcome(signIn(store.db, 'ada@acme.test', PASSWORD, '192.0.2.9', at(12)))).toBe(
			'429 too-many-attempts 28'
		);
		// The wait grows: a sixth wrong guess after it blocks for a minute.
		expect(await change('guess 5', 40)).toBe('403 wrong-password current');
		expect(await change(PASSWORD, 41)).toBe('429 too-many-attempts 59 current');
		const row = await store.db
			.selectFrom('login_throttle')
			.select('failures')
			.where('key', '=', 'account:ada@acme.test')
			.executeTakeFirstOrThrow();
		expect(row.failures).toBe(6);
	});

	it('a right current password, once the wait is over, changes it and clears the counter', async () => {
		expect(
			await outcome(changePassword(store.db, ada, PASSWORD, NEW_PASSWORD, undefined, at(100)))
		).toBe('ok');
		const row = await store.db
			.selectFrom('login_throttle')
			.selectAll()
			.where('key', '=', 'account:ada@acme.test')
			.executeTakeFirst();
		expect(row).toBeUndefined();
		expect(
			await outcome(signIn(store.db, 'ada@acme.test', NEW_PASSWORD, '192.0.2.9', at(101)))
		).toBe('ok');
	});

	it('names the field each refusal is about', async () => {
		expect(await outcome(changePassword(store.db, ada, NEW_PASSWORD, 'short', undefined))).toBe(
			'422 weak-password password'
		);
		expect(
			await outcome(changePassword(store.db, ada, NEW_PASSWORD, NEW_PASSWORD, undefined))
		).toBe('422 same-password password');
	});
});
