import { json } from '@sveltejs/kit';
import { version } from '$app/environment';
import { store } from '$lib/server/store';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- moves into the store (issue 15)
import { sql } from 'kysely';
import type { RequestHandler } from './$types';

/** Liveness and what this server runs on; it touches the database so a dead one shows here. */
export const GET: RequestHandler = async () => {
	const { db, kind, migration } = store();
	try {
		await sql`select 1`.execute(db);
	} catch {
		return json(
			{ status: 'error', version, database: kind, migration, error: 'database unreachable' },
			{ status: 503 }
		);
	}
	return json({ status: 'ok', version, database: kind, migration });
};
