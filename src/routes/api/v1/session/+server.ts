import { json } from '@sveltejs/kit';
import { endSession, sessionInfo } from '$lib/server/auth/sessions';
import { signIn } from '$lib/server/auth/sign-in';
import { startSession } from '$lib/server/auth/start-session';
import { api, readJson, requireUser } from '$lib/server/http';
import { clearSessionCookie } from '$lib/server/session-cookie';
import { settings, store } from '$lib/server/runtime';
import { signInRequestSchema } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

/** Sign in: sets the session cookie and answers the token for `Authorization: Bearer`. */
export const POST: RequestHandler = (event) =>
	api(async () => {
		const body = await readJson(event.request, signInRequestSchema, settings().maxJsonBytes);
		const { db } = store();
		const userId = await signIn(db, body.email, body.password, event.getClientAddress());
		const session = await startSession(event, userId);
		return json(await sessionInfo(db, session), { status: 201 });
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
