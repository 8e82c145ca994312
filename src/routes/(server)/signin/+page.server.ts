import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/sign-in';
import { startSession } from '$lib/server/auth/start-session';
import { formFailure, formFields } from '$lib/server/forms';
import { store } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

/** Only local paths, so a crafted link cannot send someone elsewhere after signing in. */
function next(url: URL): string {
	const target = url.searchParams.get('next') ?? '';
	return /^\/(?![/\\])/.test(target) ? target : '/account';
}

export const load: PageServerLoad = ({ locals }) => ({ signedInAs: locals.user?.email ?? null });

export const actions: Actions = {
	default: async (event) => {
		const fields = await formFields(event.request);
		let userId: string;
		try {
			userId = await signIn(store().db, fields.email, fields.password, event.getClientAddress());
		} catch (error) {
			return formFailure(error, fields);
		}
		await startSession(event, userId);
		redirect(303, next(event.url));
	}
};
