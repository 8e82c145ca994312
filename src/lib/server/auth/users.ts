/**
 * The people of an organisation: an admin invites (a one-time link), the invitee accepts and
 * chooses a password, an admin deactivates; everyone may change their own password (after the
 * throttled check of the current one in `sign-in.ts`). `requireRole`
 * is the one check of who may do what.
 */
import { randomUUID } from 'node:crypto';
import { ROLES } from '$lib/contract/enums';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { Problem } from '../problem';
import { normaliseEmail, requiredText, requirePolicy } from './input';
import { hashPassword } from './password';
import type { SessionUser } from './sessions';
import { confirmPassword } from './sign-in';
import { hashToken, hoursFrom, isTokenShaped, iso, newToken } from './tokens';

export const INVITE_HOURS = 72;

export async function changePassword(
	db: Db,
	user: SessionUser,
	current: unknown,
	next: unknown,
	keepToken: string | undefined,
	now = new Date()
): Promise<void> {
	await confirmPassword(db, user, current, now);
	const password = requirePolicy(next, [user.name, user.email, user.orgName]);
	if (password === current)
		throw new Problem(422, 'same-password', 'Choose a password different from the current one.', {
			field: 'password'
		});
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
	const name = requiredText(input.name, 'your name', 'name');
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
