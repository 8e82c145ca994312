import { json } from '@sveltejs/kit';
import { version } from '$app/environment';
import { store } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Liveness and what this server runs on; it touches the database so a dead one shows here. */
export const GET: RequestHandler = async () => {
	const { kind, migration, ping } = store();
	try {
		await ping();
	} catch {
		return json(
			{ status: 'error', version, database: kind, migration, error: 'database unreachable' },
			{ status: 503 }
		);
	}
	return json({ status: 'ok', version, database: kind, migration });
};
