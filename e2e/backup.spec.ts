import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	addUser,
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
		child.on('exit', (code) => resolve({ code, output }));
	});
}

test('a backup taken while reports arrive restores into an empty DATA_DIR with every report and photo present and verified', async () => {
	test.setTimeout(240_000);
	let server: ApiServer | undefined = await startApiServer('sqlite');
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
					body: photo
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
		const backup = await npmRun('backup', folder, { DATA_DIR: server.dataDir });
		const duringBackup = acknowledged.filter((r) => r.at > startedAt).length;
		sending = false;
		await device;
		expect(backup.output).toContain('copied with the online backup API');
		expect(backup.code).toBe(0);
		// Reports kept arriving while the copy was taken.
		expect(duringBackup).toBeGreaterThan(0);
		const before = acknowledged.filter((r) => r.at <= startedAt);

		await server.dispose();
		server = undefined;

		const dataDir = join(freshDataDir(), 'restored');
		const restore = await npmRun('restore', folder, { DATA_DIR: dataDir });
		expect(restore.output).toMatch(/Verified: all (\d+) reports/);
		expect(restore.code).toBe(0);
		const verified = Number(/Verified: all (\d+) reports/.exec(restore.output)![1]);
		expect(verified).toBeGreaterThanOrEqual(before.length);

		// The restored server holds every report acknowledged before the backup began, and the
		// photos of every report it holds.
		restored = await startServer({ dataDir });
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
	}
});
