import { orPageError, pageUser } from '$lib/server/review/page';
import { reviewReport } from '$lib/server/review/report';
import { store } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event);
	return orPageError(() => reviewReport(store().db, user, event.params.id));
};
