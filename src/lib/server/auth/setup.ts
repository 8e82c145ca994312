/**
 * First start: a server with no users prints a one-time set-up link (`hooks.server.ts`), and that
 * link creates the organisation and its first administrator. There are no default credentials.
 */
import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db';
import { Problem } from '../problem';
import { normaliseEmail, requiredText, requirePolicy } from './input';
import { hashPassword } from './password';
import { hashToken, hoursFrom, isTokenShaped, iso, newToken } from './tokens';

export const SETUP_TOKEN_HOURS = 24;

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
	const organisation = requiredText(input.organisation, 'the organisation’s name', 'organisation');
	const name = requiredText(input.name, 'your name', 'name');
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
