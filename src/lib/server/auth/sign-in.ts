/**
 * Signing in: an e-mail address and a password become a user id, or a refusal. Failed attempts are
 * throttled (EN 303 645 provision 5.1-5) with the schedule in `throttle.ts` and the counters in
 * the database (`login_throttle`), so a restart does not reset them. The same account counter
 * guards the other place a password is checked, the current password at `/account`: a stolen
 * session gets no more guesses at the password than the sign-in form gives.
 */
import type { Db } from '../db';
import { Problem } from '../problem';
import { dummyHash, verifyPassword } from './password';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	recordFailure,
	secondsBlocked,
	type ThrottlePolicy,
	type ThrottleState
} from './throttle';

async function readThrottle(db: Db, key: string): Promise<ThrottleState | undefined> {
	const row = await db
		.selectFrom('login_throttle')
		.selectAll()
		.where('key', '=', key)
		.executeTakeFirst();
	return row
		? {
				failures: row.failures,
				lastFailureAt: row.last_failure_at,
				blockedUntil: row.blocked_until
			}
		: undefined;
}

async function countFailure(db: Db, key: string, policy: ThrottlePolicy, now: Date) {
	const next = recordFailure(await readThrottle(db, key), now, policy);
	const values = {
		failures: next.failures,
		last_failure_at: next.lastFailureAt,
		blocked_until: next.blockedUntil
	};
	await db
		.insertInto('login_throttle')
		.values({ key, ...values })
		.onConflict((oc) => oc.column('key').doUpdateSet(values))
		.execute();
}

const accountKeyOf = (email: string) => `account:${email}`;

/** How long to wait, in words a person reads at a glance. */
export function waitWords(seconds: number): string {
	if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	return `${Math.ceil(seconds / 60)} minutes`;
}

function tooManyAttempts(what: string, wait: number, details: Record<string, unknown> = {}) {
	return new Problem(
		429,
		'too-many-attempts',
		`${what} Try again in ${waitWords(wait)}.`,
		{ retryAfter: wait, ...details },
		{ 'retry-after': String(wait) }
	);
}

/**
 * Checks an e-mail and password. Throttled per account and per address (the counters live in
 * the database); a throttled attempt is refused with 429 and Retry-After without looking at the
 * password. Unknown accounts take as long as known ones and give the same answer.
 */
export async function signIn(
	db: Db,
	rawEmail: unknown,
	password: unknown,
	address: string,
	now?: Date
): Promise<string> {
	const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase().slice(0, 320) : '';
	const accountKey = accountKeyOf(email);
	const addressKey = `address:${address}`;
	// One attempt at a time per account and per address: otherwise a burst of parallel guesses
	// would all read "not blocked" before the first failure is counted.
	return withLock(accountKey, () =>
		withLock(addressKey, () =>
			checkCredentials(db, email, password, accountKey, addressKey, now ?? new Date())
		)
	);
}

const locks = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task under the same key (in this process) has finished. */
export function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = locks.get(key) ?? Promise.resolve();
	const run = previous.then(task, task);
	const settled = run.catch(() => undefined);
	locks.set(key, settled);
	void settled.then(() => {
		if (locks.get(key) === settled) locks.delete(key);
	});
	return run;
}

async function checkCredentials(
	db: Db,
	email: string,
	password: unknown,
	accountKey: string,
	addressKey: string,
	now: Date
): Promise<string> {
	const wait = Math.max(
		secondsBlocked(await readThrottle(db, accountKey), now),
		secondsBlocked(await readThrottle(db, addressKey), now)
	);
	if (wait > 0) throw tooManyAttempts('Too many failed sign-ins.', wait);
	const user = email
		? await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
		: undefined;
	const text = typeof password === 'string' ? password.slice(0, 1024) : '';
	const matches = await verifyPassword(user?.password_hash ?? (await dummyHash()), text);
	if (!user || !matches || !user.active) {
		await countFailure(db, accountKey, ACCOUNT_POLICY, now);
		await countFailure(db, addressKey, ADDRESS_POLICY, now);
		throw new Problem(
			401,
			'bad-credentials',
			'That e-mail address and password do not match an active account.'
		);
	}
	await db.deleteFrom('login_throttle').where('key', '=', accountKey).execute();
	return user.id;
}

/**
 * Checks a signed-in user's current password (before a password change), throttled on the same
 * account counter as signing in: a wrong one counts as a failed sign-in, a right one clears it,
 * and while the account is blocked the password is not looked at. Refusals name the form field.
 */
export function confirmPassword(
	db: Db,
	user: { id: string; email: string },
	password: unknown,
	now = new Date()
): Promise<void> {
	const key = accountKeyOf(user.email);
	return withLock(key, async () => {
		const wait = secondsBlocked(await readThrottle(db, key), now);
		if (wait > 0)
			throw tooManyAttempts('Too many wrong passwords for this account.', wait, {
				field: 'current'
			});
		const row = await db
			.selectFrom('users')
			.select('password_hash')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		const text = typeof password === 'string' ? password.slice(0, 1024) : '';
		if (!(await verifyPassword(row.password_hash, text))) {
			await countFailure(db, key, ACCOUNT_POLICY, now);
			throw new Problem(403, 'wrong-password', 'Your current password is not right.', {
				field: 'current'
			});
		}
		await db.deleteFrom('login_throttle').where('key', '=', key).execute();
	});
}
