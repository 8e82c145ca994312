import { expect, test } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freshDataDir, startServer, startServerExpectingFailure } from './support/server';

test('on an empty data directory the server creates its database and answers health', async () => {
	const dataDir = join(freshDataDir(), 'not-yet-there');
	const server = await startServer({ dataDir });
	try {
		const response = await fetch(`${server.url}/api/v1/health`);
		expect(response.status).toBe(200);
		const health = await response.json();
		expect(health).toMatchObject({
			status: 'ok',
			database: 'sqlite',
			migration: '0004_evidence_uploaders'
		});
		expect(health.version).toMatch(/^\d+\.\d+\.\d+\+/);
		expect(existsSync(join(dataDir, 'shelfcheck.db'))).toBe(true);
	} finally {
		await server.stop();
	}
});

test('the catalogue the app carries is served as JSON with its content version', async () => {
	const server = await startServer();
	try {
		const response = await fetch(`${server.url}/api/v1/catalogue`);
		expect(response.status).toBe(200);
		const catalogue = await response.json();
		expect(catalogue.version).toMatch(/^\d{4}\.\d+\.\d+$/);
		expect(response.headers.get('etag')).toBe(`"catalogue-${catalogue.version}"`);
		const en = catalogue.provisions.filter(
			(p: { framework: string }) => p.framework === 'EN303645'
		);
		expect(en).toHaveLength(68);
		expect(catalogue.bundles.map((b: { name: string }) => b.name)).toEqual([
			'Shop visit',
			'Goods-in',
			'Home setup test'
		]);
		expect(catalogue.checks.length).toBeGreaterThanOrEqual(40);

		const again = await fetch(`${server.url}/api/v1/catalogue`, {
			headers: { 'if-none-match': response.headers.get('etag')! }
		});
		expect(again.status).toBe(304);
	} finally {
		await server.stop();
	}
});

test('the database survives a restart without migrating twice', async () => {
	const dataDir = freshDataDir();
	const first = await startServer({ dataDir });
	await first.stop();
	const second = await startServer({ dataDir });
	try {
		const health = await (await fetch(`${second.url}/api/v1/health`)).json();
		expect(health.migration).toBe('0004_evidence_uploaders');
	} finally {
		await second.stop();
	}
});

test('an unwritable DATA_DIR stops start-up with one clear line', async () => {
	const file = join(freshDataDir(), 'a-file');
	writeFileSync(file, 'not a directory');
	const { code, output } = await startServerExpectingFailure({ DATA_DIR: join(file, 'data') });
	expect(code).toBe(1);
	const lines = output.trim().split('\n');
	expect(lines.at(-1)).toMatch(
		/^Shelfcheck could not start: DATA_DIR .* is not a writable directory/
	);
	expect(output).not.toMatch(/\n\s+at /); // no stack trace
});

test('a bad DATABASE_URL stops start-up with one clear line and no password', async () => {
	const malformed = await startServerExpectingFailure({
		DATA_DIR: freshDataDir(),
		DATABASE_URL: 'mysql://root:hunter2@localhost/db'
	});
	expect(malformed.code).toBe(1);
	expect(malformed.output.trim().split('\n').at(-1)).toBe(
		'Shelfcheck could not start: DATABASE_URL must start with postgres:// (got mysql://); leave it unset to use the embedded SQLite database'
	);

	const unreachable = await startServerExpectingFailure({
		DATA_DIR: freshDataDir(),
		DATABASE_URL: 'postgres://shelfcheck:hunter2@127.0.0.1:1/shelfcheck'
	});
	expect(unreachable.code).toBe(1);
	const last = unreachable.output.trim().split('\n').at(-1);
	expect(last).toMatch(
		/^Shelfcheck could not start: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/shelfcheck/
	);
	expect(unreachable.output).not.toContain('hunter2');
	expect(unreachable.output).not.toMatch(/\n\s+at /);
});

test.describe('on PostgreSQL', () => {
	const adminUrl = process.env.TEST_DATABASE_URL;
	test.skip(!adminUrl, 'TEST_DATABASE_URL is not set');

	test('the server migrates a fresh database and answers health', async () => {
		const name = `shelfcheck_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`create database ${name}`);
		const url = new URL(adminUrl!);
		url.pathname = `/${name}`;
		const server = await startServer({ env: { DATABASE_URL: url.href } });
		try {
			const health = await (await fetch(`${server.url}/api/v1/health`)).json();
			expect(health).toMatchObject({
				status: 'ok',
				database: 'postgres',
				migration: '0004_evidence_uploaders'
			});
			const db = new pg.Client({ connectionString: url.href });
			await db.connect();
			const { rows } = await db.query(
				"select table_name from information_schema.tables where table_schema = 'public' order by 1"
			);
			await db.end();
			expect(rows.map((r) => r.table_name)).toEqual(
				expect.arrayContaining(['kysely_migration', 'server_info'])
			);
		} finally {
			await server.stop();
			await admin.query(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	});
});
