import { redirect } from '@sveltejs/kit';
import { sameOriginPath } from '$lib/server/auth/next-path';
import { signIn } from '$lib/server/auth/sign-in';
import { startSession } from '$lib/server/auth/start-session';
import { formFailure, formFields } from '$lib/server/forms';
import { store } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ signedInAs: locals.user?.email ?? null });

export const actions: Actions = {
	default: async (event) => {
		// Decided before anything is written, so a hostile `next` can only ever mean the default page.
		const target = sameOriginPath(event.url.searchParams.get('next'), '/account');
		const fields = await formFields(event.request);
		let userId: string;
		try {
			userId = await signIn(store().db, fields.email, fields.password, event.getClientAddress());
		} catch (error) {
			return formFailure(error, fields, event.setHeaders);
		}
		await startSession(event, userId);
		redirect(303, target);
	}
};
