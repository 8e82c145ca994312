import { createHash } from 'node:crypto';
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	CreateMultipartUploadCommand,
	HeadObjectCommand,
	ListMultipartUploadsCommand,
	PutObjectCommand
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Real files, a real S3 server: on a shared 2-core machine these take seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000 });
import {
	cuttingRelay,
	s3ServerAvailable,
	startS3Server,
	type S3TestServer
} from '../../../../e2e/support/s3';
import { loadEvidenceConfig, StartupError } from '../config';
import { Problem } from '../problem';
import { DiskEvidenceStore } from './disk';
import { DamagedEvidence, openEvidenceStore, openVerified, readVerified } from './index';
import type { EvidenceStore } from './store';
import { testdataUrl } from '../../../../tests/testdata';

const photo = (name: string) => new Uint8Array(readFileSync(testdataUrl(`photos/${name}`)));
const SMALL = photo('label-small-upright.jpg');
const OTHER = photo('label-12mp-orientation6-gps.jpg');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes a photo in uneven chunks, the way a request body arrives. */
async function store(evidence: EvidenceStore, bytes: Uint8Array) {
	const writer = await evidence.writer(sha(bytes));
	for (let at = 0; at < bytes.length; at += 7_777) await writer.write(bytes.slice(at, at + 7_777));
	await writer.commit();
}

async function collect(iterable: AsyncIterable<string>) {
	const all: string[] = [];
	for await (const item of iterable) all.push(item);
	return all.sort();
}

interface Harness {
	open(): Promise<EvidenceStore>;
	/** Puts other bytes where the store keeps this photo, behind its back. */
	damage(sha256: string, bytes: Uint8Array): Promise<void>;
	/** Whether anything at all is kept under this hash (complete or not). */
	anything(sha256: string): Promise<boolean>;
}

/** What both stores promise, run against each. */
function behavesAsAnEvidenceStore(name: string, harness: () => Harness) {
	describe(`${name}: the evidence store contract`, () => {
		let evidence: EvidenceStore;
		beforeAll(async () => {
			evidence = await harness().open();
		});
		afterAll(() => evidence?.close());

		it('holds a committed photo, gives back its bytes, and lists it', async () => {
			expect(await evidence.holds(sha(SMALL))).toBe(false);
			await store(evidence, SMALL);
			expect(await evidence.holds(sha(SMALL))).toBe(true);
			expect(await readVerified(evidence, sha(SMALL))).toEqual(SMALL);
			expect(await collect(evidence.list())).toContain(sha(SMALL));
			// Idempotent: the same photo again changes nothing.
			await store(evidence, SMALL);
			expect(await readVerified(evidence, sha(SMALL))).toEqual(SMALL);
		});

		it('keeps nothing of an aborted upload', async () => {
			const bytes = SMALL.slice(0, 5000);
			const writer = await evidence.writer(sha(bytes));
			await writer.write(bytes);
			await writer.abort();
			expect(await evidence.holds(sha(bytes))).toBe(false);
			expect(await harness().anything(sha(bytes))).toBe(false);
			expect(await evidence.open(sha(bytes))).toBeNull();
		});

		it('does not count a damaged photo as held, refuses to read it whole, and the next upload repairs it', async () => {
			const bytes = OTHER.slice(0, 300_000);
			const hash = sha(bytes);
			await store(evidence, bytes);
			const damaged = bytes.slice();
			damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
			await harness().damage(hash, damaged);
			expect(await evidence.holds(hash)).toBe(false);
			await expect(readVerified(evidence, hash)).rejects.toBeInstanceOf(DamagedEvidence);
			// A download gets every byte but the last chunk, then an error: never the whole photo.
			const opened = (await openVerified(evidence, hash))!;
			const reader = opened.stream.getReader();
			let received = 0;
			const ended = await (async () => {
				for (;;) {
					const chunk = await reader.read();
					if (chunk.done) return 'done';
					received += chunk.value.byteLength;
				}
			})().catch((error: Error) => error.name);
			expect(ended).toBe('DamagedEvidence');
			expect(received).toBeLessThan(bytes.length);

			await store(evidence, bytes);
			expect(await evidence.holds(hash)).toBe(true);
			expect(await readVerified(evidence, hash)).toEqual(bytes);
		});
	});
}

// ---------------------------------------------------------------- files on disk

const diskDir = () => join(mkdtempSync(join(tmpdir(), 'shelfcheck-evidence-')), 'evidence');

let disk: string;
behavesAsAnEvidenceStore('files on disk', () => ({
	open: async () => new DiskEvidenceStore((disk ??= diskDir())),
	damage: async (hash, bytes) => writeFileSync(join(disk, hash.slice(0, 2), hash), bytes),
	anything: async (hash) =>
		readdirSync(disk, { recursive: true }).some((name) => String(name).includes(hash))
}));

describe('files on disk', () => {
	it('keeps each photo at evidence/<2 hex>/<sha256>, nothing left under tmp/', async () => {
		const dir = diskDir();
		const evidence = new DiskEvidenceStore(dir);
		await store(evidence, SMALL);
		const hash = sha(SMALL);
		expect(readFileSync(join(dir, hash.slice(0, 2), hash))).toEqual(Buffer.from(SMALL));
		expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
	});

	it('the start-up sweep removes temporary files older than the process, not newer ones', async () => {
		const dir = diskDir();
		mkdirSync(join(dir, 'tmp'), { recursive: true });
		const started = new Date();
		const old = join(dir, 'tmp', `${'a'.repeat(64)}.0123456789abcdef`);
		writeFileSync(old, SMALL.slice(0, 1000));
		utimesSync(old, new Date(started.getTime() - 60_000), new Date(started.getTime() - 60_000));
		const inFlight = join(dir, 'tmp', `${'b'.repeat(64)}.fedcba9876543210`);
		writeFileSync(inFlight, SMALL.slice(0, 1000));
		utimesSync(inFlight, new Date(started.getTime() + 1000), new Date(started.getTime() + 1000));
		const evidence = new DiskEvidenceStore(dir);
		expect(await evidence.sweep(started)).toEqual({ temporaryFiles: 1, multipartUploads: 0 });
		expect(readdirSync(join(dir, 'tmp'))).toEqual([`${'b'.repeat(64)}.fedcba9876543210`]);
	});
});

// ---------------------------------------------------------------- an S3-compatible bucket

const haveS3 = s3ServerAvailable();
let s3: S3TestServer;
let bucket: string;

describe.skipIf(!haveS3)('an S3-compatible bucket (moto_server on 127.0.0.1)', () => {
	beforeAll(async () => {
		s3 = await startS3Server();
		bucket = await s3.bucket();
	}, 30_000);
	afterAll(() => s3?.stop());

	const config = (url: string, prefix = 'photos/') =>
		loadEvidenceConfig({ EVIDENCE_S3_URL: `${url}/${prefix}` }, '/unused');
	const key = (hash: string) => `photos/${hash}`;

	behavesAsAnEvidenceStore('S3', () => ({
		open: () => openEvidenceStore(config(s3.url(bucket))),
		// Other bytes put over the photo by something else: their checksum is their own.
		damage: async (hash, bytes) => {
			await s3.client.send(
				new PutObjectCommand({
					Bucket: bucket,
					Key: key(hash),
					Body: bytes,
					ChecksumAlgorithm: 'SHA256'
				})
			);
		},
		anything: async (hash) =>
			s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key(hash) })).then(
				() => true,
				() => false
			)
	}));

	it('keeps each photo at <prefix><sha256>, sent with its SHA-256 checksum', async () => {
		const evidence = await openEvidenceStore(config(s3.url(bucket), 'keys/'));
		await store(evidence, SMALL);
		const head = await s3.client.send(
			new HeadObjectCommand({ Bucket: bucket, Key: `keys/${sha(SMALL)}`, ChecksumMode: 'ENABLED' })
		);
		expect(head.ContentLength).toBe(SMALL.length);
		expect(head.ChecksumSHA256).toBe(Buffer.from(sha(SMALL), 'hex').toString('base64'));
		await evidence.close();
	});

	it('an object written without the checksum (some other way) is not counted as held', async () => {
		const evidence = await openEvidenceStore(config(s3.url(bucket), 'foreign/'));
		const bytes = SMALL.slice(0, 4000);
		await s3.client.send(
			new PutObjectCommand({ Bucket: bucket, Key: `foreign/${sha(bytes)}`, Body: SMALL })
		);
		expect(await evidence.holds(sha(bytes))).toBe(false);
		await store(evidence, bytes);
		expect(await evidence.holds(sha(bytes))).toBe(true);
		await evidence.close();
	});

	it('an object that claims the right checksum over other bytes is still refused when read', async () => {
		// S3 checks a sent checksum before storing; a service that does not (moto is one) could
		// keep a damaged body under the right checksum. Reads hash the bytes themselves.
		const evidence = await openEvidenceStore(config(s3.url(bucket), 'lying/'));
		const bytes = SMALL.slice(0, 9000);
		const hash = sha(bytes);
		await s3.client.send(
			new PutObjectCommand({
				Bucket: bucket,
				Key: `lying/${hash}`,
				Body: SMALL.slice(1, 9001),
				ChecksumAlgorithm: 'SHA256',
				ChecksumSHA256: Buffer.from(hash, 'hex').toString('base64')
			})
		);
		await expect(readVerified(evidence, hash)).rejects.toBeInstanceOf(DamagedEvidence);
		await evidence.close();
	});

	it('a put cut off mid-body is not counted as held, leaves no photo, and the retry stores it', async () => {
		const relay = await cuttingRelay(s3.endpoint);
		const evidence = await openEvidenceStore(config(s3.url(bucket, relay.endpoint), 'cut/'));
		try {
			const bytes = OTHER.slice(0, 200_000);
			relay.cutting = true;
			const failed = await store(evidence, bytes).then(
				() => null,
				(error: unknown) => error
			);
			expect(failed).toBeInstanceOf(Problem);
			expect(failed).toMatchObject({ status: 503, code: 'evidence-store-unavailable' });
			expect(relay.cuts()).toBeGreaterThan(0);
			relay.cutting = false;
			expect(await evidence.holds(sha(bytes))).toBe(false);
			expect(await readVerified(evidence, sha(bytes)).catch(() => 'unreadable')).not.toEqual(bytes);

			await store(evidence, bytes);
			expect(await evidence.holds(sha(bytes))).toBe(true);
			expect(await readVerified(evidence, sha(bytes))).toEqual(bytes);
		} finally {
			await evidence.close();
			await relay.close();
		}
	});

	it('the start-up sweep aborts multipart uploads under its prefix begun before the process', async () => {
		const evidence = await openEvidenceStore(config(s3.url(bucket), 'sweep/'));
		const ours = await s3.client.send(
			new CreateMultipartUploadCommand({ Bucket: bucket, Key: `sweep/${'c'.repeat(64)}` })
		);
		await s3.client.send(
			new CreateMultipartUploadCommand({ Bucket: bucket, Key: `elsewhere/${'c'.repeat(64)}` })
		);
		expect(await evidence.sweep(new Date())).toEqual({ temporaryFiles: 0, multipartUploads: 1 });
		const left = await s3.client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
		expect(left.Uploads?.map((u) => u.Key)).toEqual([`elsewhere/${'c'.repeat(64)}`]);
		expect(left.Uploads?.some((u) => u.UploadId === ours.UploadId)).toBe(false);
		await evidence.close();
	});

	it('a missing bucket or an unreachable endpoint stops start-up with one clear line', async () => {
		await expect(openEvidenceStore(config(s3.url('no-such-bucket')))).rejects.toThrow(
			/Cannot use the evidence bucket s3:\/\/no-such-bucket\/photos\/ at http:\/\/127\.0\.0\.1:\d+: it does not exist/
		);
		const nowhere = config(s3.url(bucket, 'http://127.0.0.1:1'));
		await expect(openEvidenceStore(nowhere)).rejects.toBeInstanceOf(StartupError);
		await expect(openEvidenceStore(nowhere)).rejects.not.toThrow(/not-a-secret/);
	});
});
