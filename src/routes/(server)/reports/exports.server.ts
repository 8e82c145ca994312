import { error, type RequestEvent } from '@sveltejs/kit';
import { readFilters } from '$lib/server/review/filters';
import { pageUser } from '$lib/server/review/page';
import { allReviewReports } from '$lib/server/review/list';
import { store } from '$lib/server/runtime';

/** The list's search, every page of it (a cursor in the link is ignored), for an export. */
export async function exported(event: RequestEvent) {
	const user = pageUser(event);
	const params = new URLSearchParams(event.url.searchParams);
	params.delete('cursor');
	const filters = readFilters(params);
	if (!filters.query) error(400, filters.problem ?? 'The search is not valid.');
	const reports = await allReviewReports(store().db, user, filters.query);
	return { user, filters, reports };
}

export function attachment(body: string, type: string, fileName: string): Response {
	return new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
