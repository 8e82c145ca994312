import { redirect } from '@sveltejs/kit';
import { deactivateUser, inviteUser, listUsers } from '$lib/server/auth/users';
import { formFailure, formFields } from '$lib/server/forms';
import { listDevices, revokeDevice } from '$lib/server/sync/devices';
import { store } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/signin?next=/admin');
	if (locals.user.role !== 'admin') redirect(303, '/account');
	const users = await listUsers(store().db, locals.user);
	const devices = await listDevices(store().db, locals.user);
	return { user: locals.user, users, devices };
};

export const actions: Actions = {
	invite: async ({ request, locals, url }) => {
		const fields = await formFields(request);
		try {
			const invite = await inviteUser(store().db, locals.user!, fields.email, fields.role);
			return { invited: { ...invite, link: `${url.origin}/invite/${invite.token}` } };
		} catch (error) {
			return formFailure(error, fields);
		}
	},
	deactivate: async ({ request, locals }) => {
		const fields = await formFields(request);
		try {
			await deactivateUser(store().db, locals.user!, fields.user);
			return { done: 'The user is deactivated and signed out everywhere.' };
		} catch (error) {
			return formFailure(error);
		}
	},
	revoke: async ({ request, locals }) => {
		const fields = await formFields(request);
		try {
			if (!locals.user || locals.user.role !== 'admin') redirect(303, '/account');
			await revokeDevice(store().db, locals.user, fields.kid ?? '');
			return { done: 'The device is revoked; reports it signs are refused from now on.' };
		} catch (error) {
			return formFailure(error);
		}
	}
};
