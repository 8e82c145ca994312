import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'shelfcheck_session';

/** HttpOnly, SameSite=Lax, Secure whenever the public URL is HTTPS (set ORIGIN behind a proxy). */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, hours: number): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: hours * 3600
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/** The session token: the cookie, or `Authorization: Bearer <token>` from the app. */
export function requestToken(cookies: Cookies, request: Request): string | undefined {
	const bearer = /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.headers.get('authorization') ?? '');
	return bearer?.[1] ?? cookies.get(SESSION_COOKIE);
}
