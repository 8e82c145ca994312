import { json } from '@sveltejs/kit';
import { createSession, endSession } from '$lib/server/auth/sessions';
import { signIn } from '$lib/server/auth/sign-in';
import { api, readJson, requireUser } from '$lib/server/http';
import { clearSessionCookie, setSessionCookie } from '$lib/server/session-cookie';
import { settings, store } from '$lib/server/store';
import { signInRequestSchema, type SessionInfo } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

/** Sign in: sets the session cookie and answers the token for `Authorization: Bearer`. */
export const POST: RequestHandler = (event) =>
	api(async () => {
		const body = await readJson(event.request, signInRequestSchema, settings().maxJsonBytes);
		const { db } = store();
		const userId = await signIn(db, body.email, body.password, event.getClientAddress());
		const { token, expiresAt } = await createSession(db, userId, settings().sessionHours);
		setSessionCookie(event.cookies, event.url, token, settings().sessionHours);
		const user = await db
			.selectFrom('users')
			.innerJoin('organisations', 'organisations.id', 'users.org_id')
			.select(['users.id', 'users.email', 'users.name', 'users.role', 'organisations.name as org'])
			.where('users.id', '=', userId)
			.executeTakeFirstOrThrow();
		const info: SessionInfo = {
			token,
			expiresAt,
			user: {
				id: user.id,
				email: user.email,
				name: user.name,
				role: user.role,
				organisation: user.org
			}
		};
		return json(info, { status: 201 });
	});

/** Who the session belongs to. */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		return json({ user });
	});

/** Sign out: ends the session on the server and clears the cookie. */
export const DELETE: RequestHandler = (event) =>
	api(async () => {
		requireUser(event);
		await endSession(store().db, event.locals.sessionToken);
		clearSessionCookie(event.cookies, event.url);
		return new Response(null, { status: 204 });
	});
