/**
 * Sessions: a random token in an HttpOnly cookie (or `Authorization: Bearer`), stored only as its
 * hash, ending when it expires, on sign-out, on a password change (the others) or deactivation.
 */
import type { SessionInfo } from '$lib/contract/protocol';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { hashToken, hoursFrom, isTokenShaped, iso, newToken } from './tokens';

/** The signed-in person as request handlers see them. */
export interface SessionUser {
	id: string;
	orgId: string;
	orgName: string;
	email: string;
	name: string;
	role: Role;
}

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

/** The answer to a sign-in through the API: the new session, and whom it belongs to. */
export async function sessionInfo(
	db: Db,
	session: { token: string; expiresAt: string }
): Promise<SessionInfo> {
	const user = await sessionUser(db, session.token);
	if (!user) throw new Error('The session just created cannot be read back');
	const { id, email, name, role, orgName } = user;
	return { ...session, user: { id, email, name, role, organisation: orgName } };
}

export async function endSession(db: Db, token: string | undefined): Promise<void> {
	if (token && isTokenShaped(token))
		await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
