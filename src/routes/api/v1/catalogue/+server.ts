import { json } from '@sveltejs/kit';
import { catalogue } from '$lib/catalogue';
import type { RequestHandler } from './$types';

/**
 * The catalogue and bundles the app carries, so devices can pull content updates. The ETag is
 * the content version: a device that has it gets a 304 and keeps what it has.
 */
export const GET: RequestHandler = ({ request }) => {
	const etag = `"catalogue-${catalogue.version}"`;
	const headers = { etag, 'cache-control': 'no-cache' };
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	return json(catalogue, { headers });
};
