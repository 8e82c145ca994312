import { Problem } from '$lib/server/problem';
import { FILTER_LABELS, filterSearch, readFilters } from '$lib/server/review/filters';
import { pageUser } from '$lib/server/review/page';
import { reviewReports, type ReviewPage } from '$lib/server/review/list';
import { store } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event);
	const filters = readFilters(event.url.searchParams);
	let page: ReviewPage = { reports: [], nextCursor: null };
	let problem = filters.problem;
	if (filters.query) {
		try {
			page = await reviewReports(store().db, user, filters.query);
		} catch (error) {
			// A cursor that is not ours (400) is said on the page, next to the search.
			if (!(error instanceof Problem)) throw error;
			problem = error.message;
		}
	}
	return {
		role: user.role,
		organisation: user.orgName,
		filters: { values: filters.values, active: filters.active },
		labels: FILTER_LABELS,
		/** The search as a query string, for the export links and "First page". */
		search: filterSearch(filters.values),
		nextSearch: page.nextCursor ? filterSearch(filters.values, { cursor: page.nextCursor }) : null,
		problem,
		continued: event.url.searchParams.has('cursor'),
		page
	};
};
