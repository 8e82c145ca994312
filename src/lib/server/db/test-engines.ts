/**
 * For the server's node tests: a fresh, migrated store on each engine. SQLite in a temporary
 * directory always; PostgreSQL in a database of its own when TEST_DATABASE_URL names a role that
 * may create databases (as `store.spec.ts` does). Not used by the server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ServerConfig } from '../config';
import { DiskEvidenceStore } from '../evidence/disk';
import type { EvidenceStore } from '../evidence';
import { openStore, type Store } from './index';

export interface TestStore extends Store {
	/** The store's DATA_DIR (evidence files go under it). */
	dataDir: string;
	/** Photos, as files under DATA_DIR/evidence. */
	evidence: EvidenceStore;
}

export interface TestEngine {
	kind: Store['kind'];
	/** False when the engine cannot be tested here (PostgreSQL without TEST_DATABASE_URL). */
	available: boolean;
	/** A new empty database; `close()` also removes it. */
	open(): Promise<TestStore>;
}

const adminUrl = process.env.TEST_DATABASE_URL;
const tempDir = () => mkdtempSync(join(tmpdir(), 'shelfcheck-test-'));
const diskEvidence = (dataDir: string) => new DiskEvidenceStore(join(dataDir, 'evidence'));

async function admin(query: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

export const TEST_ENGINES: TestEngine[] = [
	{
		kind: 'sqlite',
		available: true,
		async open() {
			const dataDir = tempDir();
			const config: ServerConfig = {
				dataDir,
				database: { kind: 'sqlite', file: join(dataDir, 'shelfcheck.db') }
			};
			return { ...(await openStore(config)), dataDir, evidence: diskEvidence(dataDir) };
		}
	},
	{
		kind: 'postgres',
		available: Boolean(adminUrl),
		async open() {
			const name = `shelfcheck_unit_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
			await admin(`create database ${name}`);
			const url = Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).href;
			const dataDir = tempDir();
			const store = await openStore({
				dataDir,
				database: { kind: 'postgres', url, display: name }
			});
			return {
				...store,
				dataDir,
				evidence: diskEvidence(dataDir),
				async close() {
					await store.close();
					await admin(`drop database if exists ${name} with (force)`);
				}
			};
		}
	}
];
