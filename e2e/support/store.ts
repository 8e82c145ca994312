import { loadConfig } from '../../src/lib/server/config';
import { openStore, type Store } from '../../src/lib/server/db';
import type { ApiServer } from './api';

/**
 * Opens the running server's own database through the server's store (Kysely, the schema's
 * types), for tests that must see what was written, such as whether a refused request left a row.
 */
export async function withServerStore<T>(
	server: ApiServer,
	read: (store: Store) => Promise<T>
): Promise<T> {
	// The server's own reading of its environment, so the test opens exactly its database.
	const config = loadConfig({ DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl });
	const store = await openStore(config);
	try {
		return await read(store);
	} finally {
		await store.close();
	}
}

/** How many session rows the server holds now. */
export function countSessions(server: ApiServer): Promise<number> {
	return withServerStore(server, async ({ db }) => {
		const row = await db
			.selectFrom('sessions')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	});
}
