import { redirect } from '@sveltejs/kit';
import { completeSetup, setupTokenUsable } from '$lib/server/auth/setup';
import { startSession } from '$lib/server/auth/start-session';
import { formFailure, formFields } from '$lib/server/forms';
import { store } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	usable: await setupTokenUsable(store().db, params.token)
});

export const actions: Actions = {
	default: async (event) => {
		const { request, params } = event;
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
		await startSession(event, userId);
		redirect(303, '/admin');
	}
};
