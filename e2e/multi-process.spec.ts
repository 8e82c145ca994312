import { createServer, request, type Server } from 'node:http';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import {
	PASSWORD,
	addUser,
	adminUrl,
	client,
	enrol,
	freePort,
	newDevice,
	postForm,
	reportDocument,
	sessionCookie,
	sign,
	photoBytes,
	sha256
} from './support/api';
import { BIG_PHOTO, SMALL_PHOTO, enrolDevice, signReport } from './support/device';
import { s3ServerAvailable, startS3Server, type S3TestServer } from './support/s3';
import { freshDataDir, startServer, type RunningServer } from './support/server';

/**
 * A small round-robin proxy: each request goes to the next process; a process that does not
 * answer (refused, or gone mid-request) is skipped for the next one, as nginx's
 * proxy_next_upstream does for idempotent requests (every write of the sync API is a PUT). The
 * Host header is passed on, so the processes see the origin the browser uses.
 */
async function roundRobin(backends: () => number[]) {
	let next = 0;
	const seen: string[] = [];
	const server: Server = createServer(async (incoming, outgoing) => {
		const chunks: Buffer[] = [];
		for await (const chunk of incoming) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		seen.push(`${incoming.method} ${incoming.url}`);
		const ports = backends();
		for (let tried = 0; tried < ports.length; tried++) {
			const port = ports[next++ % ports.length]!;
			const answered = await new Promise<boolean>((resolve) => {
				const forward = request(
					{
						host: '127.0.0.1',
						port,
						method: incoming.method,
						path: incoming.url,
						headers: incoming.headers
					},
					(response) => {
						outgoing.writeHead(response.statusCode!, response.headers);
						response.pipe(outgoing);
						response.on('error', () => outgoing.destroy());
						resolve(true);
					}
				);
				forward.on('error', () => resolve(false));
				forward.end(body);
			});
			if (answered) return;
		}
		outgoing.writeHead(502).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const address = server.address();
	return {
		url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
		seen,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

const setupLinks = (outputs: string[]) =>
	outputs.flatMap((output) => output.match(/\/setup\/[A-Za-z0-9_-]{43}/g) ?? []);

test.describe('two server processes on one PostgreSQL database and one S3 bucket', () => {
	test.skip(!adminUrl, 'TEST_DATABASE_URL is not set');
	test.skip(!s3ServerAvailable(), 'moto_server is not installed');
	test.describe.configure({ timeout: 300_000 });

	let s3: S3TestServer;
	let bucket: string;
	let databaseUrl: string;
	let name: string;
	let processes: RunningServer[] = [];
	let outputs: (() => string)[] = [];
	const ports: number[] = [];
	let env: Record<string, string>;

	test.beforeEach(async () => {
		s3 = await startS3Server();
		bucket = await s3.bucket();
		name = `shelfcheck_multi_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		databaseUrl = Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).href;
		env = { DATABASE_URL: databaseUrl, EVIDENCE_S3_URL: s3.url(bucket) };
		ports.splice(0, ports.length, await freePort(), await freePort());
		// Both start at once on the empty database: migrations and the set-up link race.
		processes = await Promise.all(
			ports.map((port) => startServer({ port, dataDir: freshDataDir(), env }))
		);
		outputs = processes.map((p) => p.output);
	});

	test.afterEach(async () => {
		await Promise.all(processes.map((p) => p.stop()));
		await s3?.stop();
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	});

	async function query<T>(text: string): Promise<T[]> {
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		try {
			return (await db.query(text)).rows as T[];
		} finally {
			await db.end();
		}
	}

	async function team(front: { url: string }) {
		const links = setupLinks(outputs.map((output) => output()));
		expect(links).toHaveLength(1);
		const setup = await postForm(front, links[0]!, {
			organisation: 'Acme Trading Standards',
			name: 'Ada Admin',
			email: 'admin@acme.test',
			password: PASSWORD
		});
		expect(setup.status).toBe(303);
		const adminCookie = sessionCookie(setup)!;
		const inspector = await addUser(front, adminCookie, 'ivy@acme.test', 'inspector');
		const reviewer = client(front, await addUser(front, adminCookie, 'rex@acme.test', 'reviewer'));
		return { inspector, reviewer };
	}

	test('a device syncs 6 reports while one process is killed and restarted: each stored once, every photo held, one set-up link', async ({
		page,
		context
	}) => {
		const proxy = await roundRobin(() => ports);
		try {
			const { reviewer } = await team(proxy);
			await enrolDevice(page, proxy.url);
			await context.setOffline(true);
			const signed = [];
			for (let i = 0; i < 6; i++)
				signed.push(
					await signReport(page, {
						model: `SC-MULTI-${i + 1}`,
						photos: i % 3 === 2 ? [BIG_PHOTO, SMALL_PHOTO] : [SMALL_PHOTO]
					})
				);
			await expect(page.getByText('6 unsynced')).toBeVisible();

			// Online again; once the first report is on its way, the first process is killed
			// (SIGKILL: requests in flight to it die with it) and started again.
			let restarted: Promise<void> | undefined;
			const watch = setInterval(() => {
				if (restarted || !proxy.seen.some((r) => r.startsWith('PUT /api/v1/reports/'))) return;
				restarted = (async () => {
					await processes[0]!.kill();
					processes[0] = await startServer({ port: ports[0], dataDir: freshDataDir(), env });
					outputs.push(processes[0].output);
				})();
			}, 20);
			await context.setOffline(false);
			await expect.poll(() => restarted !== undefined, { timeout: 60_000 }).toBe(true);
			await restarted;
			clearInterval(watch);
			await expect(page.getByText('All synced')).toBeVisible({ timeout: 120_000 });

			// Every report once, as the reviewer lists it and in the database itself.
			const list = await (await reviewer('/api/v1/reports?limit=200')).json();
			expect(list.reports.map((r: { reportId: string }) => r.reportId).sort()).toEqual(
				signed.map((r) => r.id).sort()
			);
			const rows = await query<{ id: string; report_hash: string }>(
				'select id, report_hash from reports'
			);
			expect(rows.map((r) => [r.id, r.report_hash]).sort()).toEqual(
				signed.map((r) => [r.id, r.hash]).sort()
			);
			// Every photo the reports name: recorded, and in the bucket.
			const photos = await query<{ sha256: string; held: string | null }>(
				'select distinct p.sha256, e.sha256 as held from report_photos p left join evidence e on e.sha256 = p.sha256'
			);
			expect(photos).toHaveLength(2);
			for (const photo of photos) {
				expect(photo.held).toBe(photo.sha256);
				await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: photo.sha256 }));
			}
			// One set-up link in all the processes' output, the restarted one's included.
			expect(setupLinks(outputs.map((output) => output()))).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	test('the same report sent to both processes at once is stored once', async () => {
		const { inspector: token } = await team({ url: processes[1]!.url });
		const [a, b] = processes.map((p) => client(p, token));
		const key = await newDevice();
		expect((await enrol(a!, key)).status).toBe(201);
		const photo = photoBytes('shared');
		const hash = await sha256(photo);
		// The same photo to both at once, too.
		const uploads = await Promise.all(
			[a!, b!].map((api) =>
				api(`/api/v1/evidence/${hash}`, {
					method: 'PUT',
					headers: { 'content-type': 'image/jpeg' },
					body: photo as Uint8Array<ArrayBuffer>
				})
			)
		);
		expect(uploads.map((r) => r.status).sort()).toEqual([200, 201]);
		for (let round = 0; round < 5; round++) {
			const document = await reportDocument(key, [photo]);
			const jws = await sign(document, key);
			const answers = await Promise.all(
				[a!, b!].map((api) =>
					api(`/api/v1/reports/${document.reportId}`, {
						method: 'PUT',
						headers: { 'content-type': 'application/jose' },
						body: jws
					})
				)
			);
			const receipts = await Promise.all(answers.map((r) => r.json()));
			expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
			expect(receipts[0]).toEqual(receipts[1]);
		}
		const counts = await query<{ n: string }>('select count(*) as n from reports');
		expect(Number(counts[0]!.n)).toBe(5);
		expect(Number((await query<{ n: string }>('select count(*) as n from evidence'))[0]!.n)).toBe(
			1
		);
	});
});
