import { json } from '@sveltejs/kit';
import { api, readJson, requireUser } from '$lib/server/http';
import { missingEvidence } from '$lib/server/sync/evidence';
import { settings, store } from '$lib/server/runtime';
import { missingEvidenceRequestSchema, type MissingEvidenceResponse } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

/** Which of these photo hashes the signed-in user has not uploaded (what a report may not name). */
export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		const { hashes } = await readJson(
			event.request,
			missingEvidenceRequestSchema,
			settings().maxJsonBytes + 100 * 1024
		);
		const response: MissingEvidenceResponse = {
			missing: await missingEvidence(store().db, user, hashes)
		};
		return json(response);
	});
