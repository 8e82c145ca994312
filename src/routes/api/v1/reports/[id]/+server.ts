import { json } from '@sveltejs/kit';
import { api, readLimited, requireUser } from '$lib/server/http';
import { Problem } from '$lib/server/problem';
import { getReport } from '$lib/server/reports/query';
import { receiveReport } from '$lib/server/reports/receive';
import { settings, store } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Receives a signed report (body: the compact JWS); 201 stored, 200 the same again. */
export const PUT: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		// application/jose only (RFC 7515 §9.2.1). text/plain is a "simple" type that SvelteKit's
		// CSRF guard refuses in plain text unless the Origin is ours (see SECURITY.md).
		if (!/^application\/jose\s*(;|$)/i.test(event.request.headers.get('content-type') ?? ''))
			throw new Problem(415, 'unsupported-media-type', 'Send the compact JWS as application/jose.');
		const body = await readLimited(event.request, settings().maxReportBytes);
		const { receipt, created } = await receiveReport(store().db, user, event.params.id, body);
		return json(receipt, { status: created ? 201 : 200 });
	});

export const GET: RequestHandler = (event) =>
	api(async () => json(await getReport(store().db, requireUser(event), event.params.id)));
