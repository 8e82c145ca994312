import { redirect } from '@sveltejs/kit';
import { acceptInvite, findInvite } from '$lib/server/auth/users';
import { startSession } from '$lib/server/auth/start-session';
import { formFailure, formFields } from '$lib/server/forms';
import { store } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	invite: await findInvite(store().db, params.token)
});

export const actions: Actions = {
	default: async (event) => {
		const { request, params } = event;
		const fields = await formFields(request);
		let userId: string;
		try {
			userId = await acceptInvite(store().db, params.token, {
				name: fields.name,
				password: fields.password
			});
		} catch (error) {
			return formFailure(error, fields);
		}
		await startSession(event, userId);
		redirect(303, '/account');
	}
};
