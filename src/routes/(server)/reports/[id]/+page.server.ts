import { orPageError, pageUser } from '$lib/server/review/http';
import { reviewReport } from '$lib/server/review/reports';
import { store } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event);
	return orPageError(() => reviewReport(store().db, user, event.params.id));
};
