import { json } from '@sveltejs/kit';
import { api, requireUser, validate } from '$lib/server/http';
import { searchReports } from '$lib/server/reports/query';
import { store } from '$lib/server/runtime';
import { reportQuerySchema } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

/** Search: gtin, model, brand, verdict, provision (+outcome), inspector, from, to; cursor pages. */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		const query = validate(reportQuerySchema, Object.fromEntries(event.url.searchParams));
		return json(await searchReports(store().db, user, query));
	});
