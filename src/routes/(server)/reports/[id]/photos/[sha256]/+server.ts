import { error } from '@sveltejs/kit';
import { orPageError, pageUser } from '$lib/server/review/page';
import { reportPhoto } from '$lib/server/review/report';
import { evidenceStore } from '$lib/server/evidence';
import { store } from '$lib/server/runtime';
import { SHA256_HEX } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

/** A photo of this report, for whoever may read the report (same-origin, so the CSP allows it). */
export const GET: RequestHandler = async (event) => {
	const user = pageUser(event);
	const { id, sha256 } = event.params;
	if (!SHA256_HEX.test(sha256)) error(404, 'There is no such photo.');
	const bytes = await orPageError(() => reportPhoto(store().db, evidenceStore(), user, id, sha256));
	if (!bytes) error(404, 'There is no such photo.');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'image/jpeg',
			'content-length': String(bytes.byteLength),
			'cache-control': 'private, max-age=31536000, immutable',
			etag: `"${sha256}"`,
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
