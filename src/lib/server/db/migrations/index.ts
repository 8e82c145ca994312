import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_server_info';
import * as m0002 from './0002_accounts';
import * as m0003 from './0003_sync';
import * as m0004 from './0004_evidence_uploaders';

/**
 * Migrations are listed here rather than read from a folder at run time, because the server is
 * bundled by Vite and has no migrations folder to read. Names sort in the order they run.
 */
const migrations: Record<string, Migration> = {
	'0001_server_info': m0001,
	'0002_accounts': m0002,
	'0003_sync': m0003,
	'0004_evidence_uploaders': m0004
};

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};

export const latestMigration = Object.keys(migrations).sort().at(-1) ?? null;
