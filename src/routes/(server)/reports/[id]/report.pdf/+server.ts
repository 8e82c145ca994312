import { orPageError, pageUser } from '$lib/server/review/page';
import { reportPdf } from '$lib/server/review/report';
import { evidenceStore } from '$lib/server/evidence';
import { store } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The report's PDF, rendered here by the same module the app renders it with. */
export const GET: RequestHandler = async (event) => {
	const user = pageUser(event);
	const { bytes, fileName } = await orPageError(() =>
		reportPdf(store().db, evidenceStore(), user, event.params.id)
	);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(bytes.byteLength),
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
