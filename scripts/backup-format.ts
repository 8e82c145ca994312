// What `npm run backup` writes and `npm run restore` reads.
export const BACKUP_MANIFEST = 'backup.json';
export const SQLITE_FILE = 'shelfcheck.db';
export const PG_DUMP_FILE = 'shelfcheck.pgdump';

export interface BackupManifest {
	format: 1;
	createdAt: string;
	database: 'sqlite' | 'postgres';
	photos: number;
	bytes: number;
	/** Where the photos were copied from (for the record; they go back to the configured store). */
	evidenceFrom: string;
}
