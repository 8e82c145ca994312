import { redirect } from '@sveltejs/kit';
import { createSession } from '$lib/server/auth/sessions';
import { completeSetup, setupTokenUsable } from '$lib/server/auth/setup';
import { formFailure, formFields } from '$lib/server/forms';
import { setSessionCookie } from '$lib/server/session-cookie';
import { settings, store } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	usable: await setupTokenUsable(store().db, params.token)
});

export const actions: Actions = {
	default: async ({ request, params, cookies, url }) => {
		const fields = await formFields(request);
		let userId: string;
		try {
			userId = await completeSetup(store().db, params.token, {
				organisation: fields.organisation,
				name: fields.name,
				email: fields.email,
				password: fields.password
			});
		} catch (error) {
			return formFailure(error, fields);
		}
		const { token } = await createSession(store().db, userId, settings().sessionHours);
		setSessionCookie(cookies, url, token, settings().sessionHours);
		redirect(303, '/admin');
	}
};
