import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError, type ServerConfig } from '../config';
import { openStore } from './index';
import { latestMigration } from './migrations';

const tempDir = () => mkdtempSync(join(tmpdir(), 'shelfcheck-store-'));

function sqliteConfig(dataDir: string): ServerConfig {
	return { dataDir, database: { kind: 'sqlite', file: join(dataDir, 'shelfcheck.db') } };
}

describe('openStore on SQLite', () => {
	it('creates, migrates and reopens the database', async () => {
		const dataDir = join(tempDir(), 'nested', 'data');
		const first = await openStore(sqliteConfig(dataDir));
		expect(first.kind).toBe('sqlite');
		expect(first.migration).toBe(latestMigration);
		await first.db.insertInto('server_info').values({ key: 'k', value: 'v' }).execute();
		await first.close();

		const second = await openStore(sqliteConfig(dataDir));
		const row = await second.db.selectFrom('server_info').selectAll().executeTakeFirst();
		expect(row).toEqual({ key: 'k', value: 'v' });
		await second.close();
	});

	it('uses WAL and full synchronous writes', async () => {
		const store = await openStore(sqliteConfig(tempDir()));
		const { sql } = await import('kysely');
		const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
		const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
		expect(mode.rows[0]?.journal_mode).toBe('wal');
		expect(sync.rows[0]?.synchronous).toBe(2); // FULL
		await store.close();
	});

	it('answers a ping while open and refuses it once closed', async () => {
		const store = await openStore(sqliteConfig(tempDir()));
		await expect(store.ping()).resolves.toBeUndefined();
		await store.close();
		await expect(store.ping()).rejects.toThrow();
	});

	it('refuses a data directory that is a file, with a StartupError', async () => {
		const file = join(tempDir(), 'file');
		writeFileSync(file, '');
		await expect(openStore(sqliteConfig(file))).rejects.toThrow(StartupError);
		await expect(openStore(sqliteConfig(file))).rejects.toThrow(/is not a writable directory/);
	});
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('openStore on PostgreSQL', () => {
	const name = `shelfcheck_unit_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	const url = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${name}` }).href : '';

	afterAll(async () => {
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	});

	it('migrates a fresh database, and a second open finds it migrated', async () => {
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		const config: ServerConfig = {
			dataDir: tempDir(),
			database: { kind: 'postgres', url, display: name }
		};
		const first = await openStore(config);
		expect(first.kind).toBe('postgres');
		expect(first.migration).toBe(latestMigration);
		await first.db.insertInto('server_info').values({ key: 'k', value: 'v' }).execute();
		await first.close();
		const second = await openStore(config);
		expect(await second.db.selectFrom('server_info').selectAll().execute()).toEqual([
			{ key: 'k', value: 'v' }
		]);
		await expect(second.ping()).resolves.toBeUndefined();
		await second.close();
		await expect(second.ping()).rejects.toThrow();
	});

	it('reports an unreachable server as a StartupError without the password', async () => {
		const config: ServerConfig = {
			dataDir: tempDir(),
			database: {
				kind: 'postgres',
				url: 'postgres://u:hunter2@127.0.0.1:1/x',
				display: '127.0.0.1:1/x'
			}
		};
		const error = await openStore(config).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StartupError);
		expect((error as Error).message).toMatch(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x/);
		expect((error as Error).message).not.toContain('hunter2');
	});
});
