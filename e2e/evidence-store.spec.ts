import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { addUser, client, setUp, startApiServer, type ApiServer } from './support/api';
import { BIG_PHOTO, SMALL_PHOTO } from './support/device';
import { s3ServerAvailable, startS3Server, type S3TestServer } from './support/s3';

const BIG = new Uint8Array(readFileSync(BIG_PHOTO));
const SMALL = new Uint8Array(readFileSync(SMALL_PHOTO));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Store = 'disk' | 's3';

interface Setup {
	server: ApiServer;
	inspector: ReturnType<typeof client>;
	reviewer: ReturnType<typeof client>;
	inspectorToken: string;
	/** Whether the store has an object for this hash (complete or not). */
	present(hash: string): Promise<boolean>;
	/** Other bytes where the store keeps this photo, behind the server's back. */
	damage(hash: string, bytes: Uint8Array): Promise<void>;
}

/** Starts one body of `bytes` bytes and sends only its first `sent`; resolves once they left. */
function halfUpload(
	server: ApiServer,
	token: string,
	hash: string,
	bytes: Uint8Array,
	sent: number
) {
	return new Promise<void>((resolve, reject) => {
		const put = request(`${server.url}/api/v1/evidence/${hash}`, {
			method: 'PUT',
			headers: {
				authorization: `Bearer ${token}`,
				'content-type': 'image/jpeg',
				'content-length': String(bytes.length)
			}
		});
		// The server dies with this request open: its socket error is expected.
		put.on('error', () => {});
		put.write(bytes.subarray(0, sent), (error) => (error ? reject(error) : resolve()));
	});
}

for (const kind of ['disk', 's3'] as Store[]) {
	test.describe(`photos in ${kind === 'disk' ? 'files on disk' : 'an S3 bucket'}`, () => {
		test.skip(kind === 's3' && !s3ServerAvailable(), 'moto_server is not installed');
		test.describe.configure({ timeout: 120_000 });
		let s3: S3TestServer | undefined;
		let current: Setup | undefined;
		test.afterEach(async () => {
			await current?.server.dispose();
			await s3?.stop();
			current = s3 = undefined;
		});

		async function start(): Promise<Setup> {
			let env: Record<string, string> = {};
			let bucket = '';
			if (kind === 's3') {
				s3 = await startS3Server();
				bucket = await s3.bucket();
				env = { EVIDENCE_S3_URL: s3.url(bucket) };
			}
			const server = await startApiServer('sqlite', env);
			// Disposed by afterEach even if what follows fails.
			current = { server } as Setup;
			const admin = await setUp(server);
			const inspectorToken = await addUser(server, admin, 'ivy@acme.test', 'inspector');
			const reviewer = client(server, await addUser(server, admin, 'rex@acme.test', 'reviewer'));
			const file = (hash: string) => join(server.dataDir, 'evidence', hash.slice(0, 2), hash);
			return {
				server,
				inspector: client(server, inspectorToken),
				reviewer,
				inspectorToken,
				present: async (hash) =>
					kind === 'disk'
						? existsSync(file(hash))
						: s3!.client.send(new HeadObjectCommand({ Bucket: bucket, Key: hash })).then(
								() => true,
								() => false
							),
				damage: async (hash, bytes) => {
					if (kind === 'disk') writeFileSync(file(hash), bytes);
					else
						await s3!.client.send(new PutObjectCommand({ Bucket: bucket, Key: hash, Body: bytes }));
				}
			};
		}

		const put = (api: Setup['inspector'], hash: string, bytes: Uint8Array) =>
			api(`/api/v1/evidence/${hash}`, {
				method: 'PUT',
				headers: { 'content-type': 'image/jpeg' },
				body: bytes as Uint8Array<ArrayBuffer>
			});
		const missing = async (api: Setup['inspector'], hashes: string[]) =>
			(
				await (
					await api('/api/v1/evidence/missing', {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ hashes })
					})
				).json()
			).missing;

		test('the server SIGKILLed while a photo is half uploaded: after the restart nothing is left under evidence/tmp, and the retry stores it once', async () => {
			const t = (current = await start());
			const hash = sha(BIG);
			await halfUpload(t.server, t.inspectorToken, hash, BIG, Math.floor(BIG.length / 2));
			const tmp = join(t.server.dataDir, 'evidence', 'tmp');
			if (kind === 'disk')
				// The half-received bytes are in a temporary file when the server dies.
				await expect
					.poll(() => (existsSync(tmp) ? readdirSync(tmp).length : 0), { timeout: 15_000 })
					.toBe(1);
			await t.server.restart('SIGKILL');

			expect(t.server.output()).toContain(
				kind === 'disk'
					? 'the start-up sweep removed 1 unfinished upload file under tmp/'
					: 'the start-up sweep removed 0 unfinished multipart uploads'
			);
			expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
			expect(await t.present(hash)).toBe(false);
			expect(await missing(t.inspector, [hash])).toEqual([hash]);

			// The device's retry: stored, and once.
			expect((await put(t.inspector, hash, BIG)).status).toBe(201);
			expect((await put(t.inspector, hash, BIG)).status).toBe(200);
			expect(await missing(t.inspector, [hash])).toEqual([]);
			expect(await t.present(hash)).toBe(true);
			const download = await t.reviewer(`/api/v1/evidence/${hash}`);
			expect(new Uint8Array(await download.arrayBuffer())).toEqual(BIG);
			if (kind === 'disk') {
				const files = readdirSync(join(t.server.dataDir, 'evidence'), { recursive: true });
				expect(files.filter((name) => /[0-9a-f]{64}/.test(String(name)))).toHaveLength(1);
			}
		});

		test('a reviewer downloads photos from the store; a damaged one is never served whole, and the log says so', async () => {
			const t = (current = await start());
			const hash = sha(SMALL);
			expect((await put(t.inspector, hash, SMALL)).status).toBe(201);
			const download = await t.reviewer(`/api/v1/evidence/${hash}`);
			expect(download.status).toBe(200);
			expect(new Uint8Array(await download.arrayBuffer())).toEqual(SMALL);

			const damaged = SMALL.slice();
			damaged[100] = damaged[100]! ^ 0xff;
			await t.damage(hash, damaged);
			const outcome = await t.reviewer(`/api/v1/evidence/${hash}`).then(
				async (response) => {
					const body = new Uint8Array(await response.arrayBuffer());
					return body.length === SMALL.length ? 'served whole' : 'cut short';
				},
				() => 'cut short'
			);
			expect(outcome).toBe('cut short');
			await expect.poll(() => t.server.output()).toContain(`photo ${hash}`);
			expect(t.server.output()).toMatch(/is damaged: its \d+ bytes hash to/);
		});
	});
}
