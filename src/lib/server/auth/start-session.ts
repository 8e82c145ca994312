import type { RequestEvent } from '@sveltejs/kit';
import { setSessionCookie } from '../session-cookie';
import { settings, store } from '../runtime';
import { createSession } from './sessions';

/**
 * The step every way in ends with (the set-up link, an invitation, the sign-in form and the sign-in
 * API): a new session for the user, and its cookie on this answer. The caller then redirects, or
 * answers the session to a client that sends the token as `Authorization: Bearer`.
 */
export async function startSession(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	userId: string
): Promise<{ token: string; expiresAt: string }> {
	const hours = settings().sessionHours;
	const session = await createSession(store().db, userId, hours);
	setSessionCookie(event.cookies, event.url, session.token, hours);
	return session;
}
