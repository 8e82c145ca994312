import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/http';
import { evidenceStore } from '$lib/server/evidence';
import { Problem } from '$lib/server/problem';
import { openEvidence, receiveEvidence } from '$lib/server/sync/evidence';
import { settings, store } from '$lib/server/runtime';
import { SHA256_HEX, type EvidenceReceipt } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

function hashParam(value: string): string {
	if (!SHA256_HEX.test(value))
		throw new Problem(400, 'invalid-hash', 'The URL must name a lower-case hex SHA-256.');
	return value;
}

/** Uploads a photo by its SHA-256: 201 stored, 200 this user sent it before, 413, 422 mismatch. */
export const PUT: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		const sha256 = hashParam(event.params.sha256);
		const type = event.request.headers.get('content-type') ?? '';
		if (!/^(image\/jpeg|application\/octet-stream)\b/i.test(type))
			throw new Problem(
				415,
				'unsupported-media-type',
				'Send the photo as image/jpeg or application/octet-stream.'
			);
		const { held, bytes } = await receiveEvidence(
			store().db,
			evidenceStore(),
			user,
			sha256,
			event.request.body,
			Number(event.request.headers.get('content-length') ?? NaN),
			settings().maxPhotoBytes
		);
		const receipt: EvidenceReceipt = { sha256, bytes };
		return json(receipt, { status: held ? 200 : 201 });
	});

/** A photo's bytes: for a reviewer or admin of the organisation, or the inspector who uploaded it. */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		const sha256 = hashParam(event.params.sha256);
		const { stream, bytes } = await openEvidence(store().db, evidenceStore(), user, sha256);
		return new Response(stream, {
			headers: {
				'content-type': 'image/jpeg',
				'content-length': String(bytes),
				'cache-control': 'private, max-age=31536000, immutable',
				etag: `"${sha256}"`,
				'content-security-policy': "default-src 'none'; sandbox"
			}
		});
	});
