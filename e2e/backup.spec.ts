import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import {
	addUser,
	adminUrl,
	client,
	enrol,
	newDevice,
	photoBytes,
	reportDocument,
	setUp,
	signIn,
	sha256,
	sign,
	startApiServer,
	type ApiServer
} from './support/api';
import { s3ServerAvailable, startS3Server } from './support/s3';
import { freshDataDir, startServer } from './support/server';

const root = new URL('..', import.meta.url).pathname;

/** Runs `npm run <script> -- <folder>` as an operator would; resolves with its exit code and output. */
function npmRun(script: string, folder: string, env: Record<string, string>) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn('npm', ['run', '-s', script, '--', folder], {
			cwd: root,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

/** Runs a PostgreSQL client tool (pg_dump, pg_restore) and fails the test if it fails. */
function pgTool(tool: string, args: string[]) {
	execFileSync(tool, args, { stdio: 'pipe', timeout: 60_000 });
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `shelfcheck_restore_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	return {
		url: Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).href,
		drop: async () => {
			const again = new pg.Client({ connectionString: adminUrl });
			await again.connect();
			await again.query(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}

for (const setup of ['SQLite and files', 'PostgreSQL and S3'] as const)
	test(`${setup}: a backup taken while reports arrive restores into an empty DATA_DIR with every report and photo present and verified`, async () => {
		test.skip(
			setup === 'PostgreSQL and S3' && (!adminUrl || !s3ServerAvailable()),
			'needs TEST_DATABASE_URL and moto_server'
		);
		test.setTimeout(300_000);
		const onPostgres = setup === 'PostgreSQL and S3';
		const s3 = onPostgres ? await startS3Server() : undefined;
		const cleanup: (() => Promise<void>)[] = [async () => s3?.stop()];
		const sourceEnv: Record<string, string> = s3
			? { EVIDENCE_S3_URL: s3.url(await s3.bucket()) }
			: {};
		let server: ApiServer | undefined = await startApiServer(
			onPostgres ? 'postgres' : 'sqlite',
			sourceEnv
		);
		let restored: Awaited<ReturnType<typeof startServer>> | undefined;
		try {
			const admin = await setUp(server);
			const inspector = client(server, await addUser(server, admin, 'ivy@acme.test', 'inspector'));
			const key = await newDevice();
			expect((await enrol(inspector, key)).status).toBe(201);

			// A device keeps sending reports, each with a photo of its own, until told to stop.
			const acknowledged: { id: string; hash: string; photo: string; at: number }[] = [];
			let sending = true;
			const device = (async () => {
				for (let i = 0; sending; i++) {
					const photo = photoBytes(`backup-${i}`, 20_000 + i);
					const hash = await sha256(photo);
					const put = await inspector(`/api/v1/evidence/${hash}`, {
						method: 'PUT',
						headers: { 'content-type': 'image/jpeg' },
						body: photo as Uint8Array<ArrayBuffer>
					});
					expect(put.status).toBe(201);
					const document = await reportDocument(key, [photo]);
					const receipt = await inspector(`/api/v1/reports/${document.reportId}`, {
						method: 'PUT',
						headers: { 'content-type': 'application/jose' },
						body: await sign(document, key)
					});
					expect(receipt.status).toBe(201);
					const { reportId, reportHash } = await receipt.json();
					acknowledged.push({ id: reportId, hash: reportHash, photo: hash, at: Date.now() });
				}
			})();
			await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(5);

			const folder = join(freshDataDir(), 'backup');
			const startedAt = Date.now();
			const backupEnv = { DATA_DIR: server.dataDir, ...sourceEnv };
			if (onPostgres) {
				// The README's order: pg_dump first, into the folder; then the photos.
				const asked = await npmRun('backup', folder, {
					...backupEnv,
					DATABASE_URL: server.databaseUrl!
				});
				expect(asked.code).toBe(1);
				expect(asked.output).toContain('pg_dump --format=custom --file');
				pgTool('pg_dump', [
					'--format=custom',
					'--file',
					join(folder, 'shelfcheck.pgdump'),
					server.databaseUrl!
				]);
			}
			const backup = await npmRun('backup', folder, {
				...backupEnv,
				...(onPostgres ? { DATABASE_URL: server.databaseUrl! } : {})
			});
			const duringBackup = acknowledged.filter((r) => r.at > startedAt).length;
			sending = false;
			await device;
			expect(backup.output).toContain(
				onPostgres ? 'copied by pg_dump' : 'copied with the online backup API'
			);
			expect(backup.code).toBe(0);
			// Reports kept arriving while the copy was taken.
			expect(duringBackup).toBeGreaterThan(0);
			const before = acknowledged.filter((r) => r.at <= startedAt);

			await server.dispose();
			server = undefined;

			// Into an empty DATA_DIR, and for PostgreSQL and S3 a new database and a new bucket.
			const dataDir = join(freshDataDir(), 'restored');
			const targetEnv: Record<string, string> = { DATA_DIR: dataDir };
			if (onPostgres) {
				const database = await createDatabase();
				cleanup.push(database.drop);
				targetEnv.DATABASE_URL = database.url;
				targetEnv.EVIDENCE_S3_URL = s3!.url(await s3!.bucket());
				const asked = await npmRun('restore', folder, targetEnv);
				expect(asked.code).toBe(1);
				expect(asked.output).toContain('pg_restore --no-owner --dbname');
				pgTool('pg_restore', [
					'--no-owner',
					'--dbname',
					database.url,
					join(folder, 'shelfcheck.pgdump')
				]);
			}
			const restore = await npmRun('restore', folder, targetEnv);
			expect(restore.output).toMatch(/Verified: all (\d+) reports/);
			expect(restore.code).toBe(0);
			const verified = Number(/Verified: all (\d+) reports/.exec(restore.output)![1]);
			expect(verified).toBeGreaterThanOrEqual(before.length);

			// The restored server holds every report acknowledged before the backup began, and the
			// photos of every report it holds.
			restored = await startServer({ dataDir, env: targetEnv });
			const session = await signIn(restored, 'admin@acme.test');
			expect(session.status).toBe(201);
			const reviewer = client(restored, (await session.json()).token);
			const list = (await (await reviewer('/api/v1/reports?limit=200')).json()).reports as {
				reportId: string;
				reportHash: string;
			}[];
			expect(list).toHaveLength(verified);
			const held = new Map(list.map((r) => [r.reportId, r.reportHash]));
			for (const report of before) expect(held.get(report.id)).toBe(report.hash);
			for (const report of acknowledged.filter((r) => held.has(r.id))) {
				const photo = await reviewer(`/api/v1/evidence/${report.photo}`);
				expect(photo.status).toBe(200);
				expect(await sha256(new Uint8Array(await photo.arrayBuffer()))).toBe(report.photo);
			}
		} finally {
			await server?.dispose();
			await restored?.stop();
			for (const step of cleanup.reverse()) await step();
		}
	});
