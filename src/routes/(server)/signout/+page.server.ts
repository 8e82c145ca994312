import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/sessions';
import { clearSessionCookie } from '$lib/server/session-cookie';
import { store } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ signedIn: Boolean(locals.user) });

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		await endSession(store().db, locals.sessionToken);
		clearSessionCookie(cookies, url);
		redirect(303, '/signin');
	}
};
