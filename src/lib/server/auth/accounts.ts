import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { Problem } from '../problem';
import { checkPassword, dummyHash, hashPassword, verifyPassword } from './password';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	recordFailure,
	secondsBlocked,
	type ThrottlePolicy,
	type ThrottleState
} from './throttle';
import { hashToken, isTokenShaped, newToken } from './tokens';

type Db = Kysely<Database>;

export const ROLES: readonly Role[] = ['inspector', 'reviewer', 'admin'];
export const SETUP_TOKEN_HOURS = 24;
export const INVITE_HOURS = 72;

/** The signed-in person as request handlers see them. */
export interface SessionUser {
	id: string;
	orgId: string;
	orgName: string;
	email: string;
	name: string;
	role: Role;
}

const iso = (date: Date) => date.toISOString();
const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * 3600_000);

export function normaliseEmail(raw: unknown): string {
	const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (email.length > 320 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
		throw new Problem(400, 'invalid-email', 'Enter an e-mail address like name@example.org.');
	return email;
}

function requiredText(raw: unknown, what: string, max = 200): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) throw new Problem(400, 'missing-field', `Enter ${what}.`);
	if (text.length > max)
		throw new Problem(400, 'field-too-long', `Keep ${what} under ${max} characters.`);
	return text;
}

function requirePolicy(password: unknown, inputs: string[]): string {
	if (typeof password !== 'string') throw new Problem(400, 'missing-field', 'Enter a password.');
	const check = checkPassword(password, inputs);
	if (!check.ok)
		throw new Problem(422, 'weak-password', check.problems.join(' '), {
			problems: check.problems
		});
	return password;
}

// ---------------------------------------------------------------- first start

/**
 * On a server with no users, issues a fresh one-time set-up token (any earlier unused ones stop
 * working) and returns it; with users, returns null. Only the token's hash is stored.
 */
export async function issueSetupToken(db: Db, now = new Date()): Promise<string | null> {
	const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
	if (anyUser) return null;
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		// Several server processes may start at once on one PostgreSQL database, and the link must
		// be printed once. The process that takes this session lock prints it and keeps the lock
		// (on a connection of its own) until it stops; one that starts meanwhile prints none, and
		// the link already printed stays good. Once the holder is gone (stopped, or killed:
		// PostgreSQL then ends its session and the lock), the next process to start issues a new
		// link, as a restart does on SQLite.
		const SETUP_LINK_LOCK = 0x5e7c4ec4;
		const claimed = await new Promise<boolean>((resolve, reject) => {
			db.connection()
				.execute(async (connection) => {
					const { rows } = await sql<{
						claimed: boolean;
					}>`select pg_try_advisory_lock(${SETUP_LINK_LOCK}) as claimed`.execute(connection);
					resolve(rows[0]?.claimed === true);
					if (rows[0]?.claimed !== true) return;
					await new Promise((stopping) => process.once('sveltekit:shutdown', stopping));
					await sql`select pg_advisory_unlock(${SETUP_LINK_LOCK})`.execute(connection);
				})
				.catch(reject);
		});
		if (!claimed) return null;
	}
	const token = newToken();
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('setup_tokens').where('used_at', 'is', null).execute();
		await trx
			.insertInto('setup_tokens')
			.values({
				token_hash: hashToken(token),
				created_at: iso(now),
				expires_at: iso(hoursFrom(now, SETUP_TOKEN_HOURS)),
				used_at: null
			})
			.execute();
	});
	return token;
}

/** Whether the set-up link is still good (for showing the form or saying it is spent). */
export async function setupTokenUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
	if (!isTokenShaped(token)) return false;
	const row = await db
		.selectFrom('setup_tokens')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	return Boolean(row && !row.used_at && row.expires_at > iso(now));
}

export interface SetupInput {
	organisation: unknown;
	name: unknown;
	email: unknown;
	password: unknown;
}

/** Creates the organisation and its first admin with the one-time token, and spends the token. */
export async function completeSetup(
	db: Db,
	token: string,
	input: SetupInput,
	now = new Date()
): Promise<string> {
	const organisation = requiredText(input.organisation, 'the organisation’s name');
	const name = requiredText(input.name, 'your name');
	const email = normaliseEmail(input.email);
	const password = requirePolicy(input.password, [organisation, name, email]);
	const passwordHash = await hashPassword(password);
	const used = new Problem(
		410,
		'setup-link-used',
		'This set-up link has been used or has expired. Restart the server on an empty database for a new one, or sign in.'
	);
	if (!isTokenShaped(token)) throw used;
	return db.transaction().execute(async (trx) => {
		// Spend the token first: of two concurrent set-ups only one updates the row.
		const spent = await trx
			.updateTable('setup_tokens')
			.set({ used_at: iso(now) })
			.where('token_hash', '=', hashToken(token))
			.where('used_at', 'is', null)
			.where('expires_at', '>', iso(now))
			.executeTakeFirst();
		if (Number(spent.numUpdatedRows) !== 1) throw used;
		const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
		if (anyUser) throw used;
		const orgId = randomUUID();
		const userId = randomUUID();
		await trx
			.insertInto('organisations')
			.values({ id: orgId, name: organisation, created_at: iso(now) })
			.execute();
		await trx
			.insertInto('users')
			.values({
				id: userId,
				org_id: orgId,
				email,
				name,
				role: 'admin',
				password_hash: passwordHash,
				active: 1,
				created_at: iso(now)
			})
			.execute();
		return userId;
	});
}

// ---------------------------------------------------------------- signing in

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
	const accountKey = `account:${email}`;
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
	if (wait > 0)
		throw new Problem(
			429,
			'too-many-attempts',
			`Too many failed sign-ins. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
			{ retryAfter: wait },
			{ 'retry-after': String(wait) }
		);
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

// ---------------------------------------------------------------- sessions

export async function createSession(
	db: Db,
	userId: string,
	hours: number,
	now = new Date()
): Promise<{ token: string; expiresAt: string }> {
	const token = newToken();
	const expiresAt = iso(hoursFrom(now, hours));
	// Expired sessions are of no use to anyone; tidy them away as new ones are made.
	await db.deleteFrom('sessions').where('expires_at', '<=', iso(now)).execute();
	await db
		.insertInto('sessions')
		.values({
			token_hash: hashToken(token),
			user_id: userId,
			created_at: iso(now),
			expires_at: expiresAt
		})
		.execute();
	return { token, expiresAt };
}

export async function sessionUser(
	db: Db,
	token: string | undefined,
	now = new Date()
): Promise<SessionUser | null> {
	if (!token || !isTokenShaped(token)) return null;
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.innerJoin('organisations', 'organisations.id', 'users.org_id')
		.select([
			'users.id',
			'users.org_id',
			'organisations.name as org_name',
			'users.email',
			'users.name',
			'users.role',
			'users.active',
			'sessions.expires_at'
		])
		.where('sessions.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || !row.active || row.expires_at <= iso(now)) return null;
	return {
		id: row.id,
		orgId: row.org_id,
		orgName: row.org_name,
		email: row.email,
		name: row.name,
		role: row.role
	};
}

export async function endSession(db: Db, token: string | undefined): Promise<void> {
	if (token && isTokenShaped(token))
		await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

// ---------------------------------------------------------------- users

export async function changePassword(
	db: Db,
	user: SessionUser,
	current: unknown,
	next: unknown,
	keepToken: string | undefined
): Promise<void> {
	const row = await db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', user.id)
		.executeTakeFirstOrThrow();
	if (typeof current !== 'string' || !(await verifyPassword(row.password_hash, current)))
		throw new Problem(403, 'wrong-password', 'Your current password is not right.');
	const password = requirePolicy(next, [user.name, user.email, user.orgName]);
	if (password === current)
		throw new Problem(422, 'same-password', 'Choose a password different from the current one.');
	const hash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
		// Other sessions (a lost phone, someone who knew the old password) end here.
		let others = trx.deleteFrom('sessions').where('user_id', '=', user.id);
		if (keepToken && isTokenShaped(keepToken))
			others = others.where('token_hash', '!=', hashToken(keepToken));
		await others.execute();
	});
}

export function requireRole(user: SessionUser | null, ...roles: Role[]): SessionUser {
	if (!user) throw new Problem(401, 'not-signed-in', 'Sign in first.');
	if (!roles.includes(user.role))
		throw new Problem(403, 'forbidden', `This needs the ${roles.join(' or ')} role.`);
	return user;
}

export async function inviteUser(
	db: Db,
	admin: SessionUser,
	rawEmail: unknown,
	rawRole: unknown,
	now = new Date()
): Promise<{ token: string; email: string; role: Role; expiresAt: string }> {
	requireRole(admin, 'admin');
	const email = normaliseEmail(rawEmail);
	const role = ROLES.find((r) => r === rawRole);
	if (!role) throw new Problem(400, 'invalid-role', 'Choose inspector, reviewer or admin.');
	const existing = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirst();
	if (existing) throw new Problem(409, 'user-exists', `${email} already has an account.`);
	const token = newToken();
	const expiresAt = iso(hoursFrom(now, INVITE_HOURS));
	await db
		.insertInto('invites')
		.values({
			token_hash: hashToken(token),
			org_id: admin.orgId,
			email,
			role,
			invited_by: admin.id,
			created_at: iso(now),
			expires_at: expiresAt,
			used_at: null
		})
		.execute();
	return { token, email, role, expiresAt };
}

export async function findInvite(db: Db, token: string, now = new Date()) {
	if (!isTokenShaped(token)) return null;
	const row = await db
		.selectFrom('invites')
		.innerJoin('organisations', 'organisations.id', 'invites.org_id')
		.select([
			'invites.email',
			'invites.role',
			'invites.used_at',
			'invites.expires_at',
			'organisations.name as org_name'
		])
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.used_at || row.expires_at <= iso(now)) return null;
	return { email: row.email, role: row.role, orgName: row.org_name };
}

export async function acceptInvite(
	db: Db,
	token: string,
	input: { name: unknown; password: unknown },
	now = new Date()
): Promise<string> {
	const invite = await findInvite(db, token, now);
	const gone = new Problem(
		410,
		'invite-used',
		'This invitation has been used or has expired. Ask your administrator for a new one.'
	);
	if (!invite) throw gone;
	const name = requiredText(input.name, 'your name');
	const password = requirePolicy(input.password, [name, invite.email, invite.orgName]);
	const hash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('invites')
			.select(['org_id', 'email', 'role'])
			.where('token_hash', '=', hashToken(token))
			.executeTakeFirstOrThrow();
		const spent = await trx
			.updateTable('invites')
			.set({ used_at: iso(now) })
			.where('token_hash', '=', hashToken(token))
			.where('used_at', 'is', null)
			.executeTakeFirst();
		if (Number(spent.numUpdatedRows) !== 1) throw gone;
		const taken = await trx
			.selectFrom('users')
			.select('id')
			.where('email', '=', row.email)
			.executeTakeFirst();
		if (taken) throw new Problem(409, 'user-exists', `${row.email} already has an account.`);
		const id = randomUUID();
		await trx
			.insertInto('users')
			.values({
				id,
				org_id: row.org_id,
				email: row.email,
				name,
				role: row.role,
				password_hash: hash,
				active: 1,
				created_at: iso(now)
			})
			.execute();
		return id;
	});
}

export async function listUsers(db: Db, admin: SessionUser) {
	requireRole(admin, 'admin');
	return db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'role', 'active', 'created_at'])
		.where('org_id', '=', admin.orgId)
		.orderBy('created_at')
		.execute();
}

/** Deactivates a user of the admin's organisation and ends their sessions at once. */
export async function deactivateUser(db: Db, admin: SessionUser, userId: unknown): Promise<void> {
	requireRole(admin, 'admin');
	if (typeof userId !== 'string') throw new Problem(400, 'invalid-user', 'No user given.');
	if (userId === admin.id)
		throw new Problem(409, 'cannot-deactivate-self', 'You cannot deactivate your own account.');
	await db.transaction().execute(async (trx) => {
		const done = await trx
			.updateTable('users')
			.set({ active: 0 })
			.where('id', '=', userId)
			.where('org_id', '=', admin.orgId)
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) !== 1)
			throw new Problem(404, 'no-such-user', 'There is no such user in your organisation.');
		await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
	});
}
