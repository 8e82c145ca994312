import { redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/users';
import { formFailure, formFields } from '$lib/server/forms';
import { Problem } from '$lib/server/problem';
import { listDevices } from '$lib/server/sync/devices';
import { store } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/signin?next=/account');
	return { user: locals.user, devices: await listDevices(store().db, locals.user) };
};

export const actions: Actions = {
	password: async ({ request, locals, setHeaders }) => {
		if (!locals.user) redirect(303, '/signin?next=/account');
		const fields = await formFields(request);
		try {
			if (fields.password !== fields.confirm)
				throw new Problem(
					422,
					'confirm-mismatch',
					'The new password and its confirmation differ.',
					{
						field: 'confirm'
					}
				);
			await changePassword(
				store().db,
				locals.user,
				fields.current,
				fields.password,
				locals.sessionToken
			);
		} catch (error) {
			return formFailure(error, {}, setHeaders);
		}
		return { changed: true };
	}
};
