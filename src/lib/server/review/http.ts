import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/sessions';
import { Problem } from '../problem';

/** The signed-in user of a server page, or a redirect to sign in and come back here. */
export function pageUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user)
		redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return user;
}

/** Runs a page's read, turning a service's Problem (404 above all) into the page's error. */
export async function orPageError<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (caught) {
		if (caught instanceof Problem) error(caught.status, caught.message);
		throw caught;
	}
}
