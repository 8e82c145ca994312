import { Buffer } from 'node:buffer';
import {
	AbortMultipartUploadCommand,
	GetObjectCommand,
	HeadBucketCommand,
	HeadObjectCommand,
	ListMultipartUploadsCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	S3Client,
	S3ServiceException
} from '@aws-sdk/client-s3';
import { SHA256_HEX } from '$lib/contract/protocol';
import { StartupError, type S3EvidenceConfig } from '../config';
import { Problem } from '../problem';
import type { EvidenceStore, EvidenceWriter, StoredPhoto, SweepReport } from './store';

/** S3's own form of a SHA-256: base64 of the digest. */
const checksumOf = (sha256: string) => Buffer.from(sha256, 'hex').toString('base64');

const unavailable = () =>
	new Problem(
		503,
		'evidence-store-unavailable',
		'The photo store cannot be reached just now; nothing was stored. Send the photo again.'
	);

const status = (error: unknown) =>
	error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;

/**
 * Photos as objects `<prefix><sha256>` in an S3-compatible bucket. A photo is put in one request
 * (S3 accepts up to 5 GB in one PutObject, far above MAX_PHOTO_BYTES) with its SHA-256 as
 * `x-amz-checksum-sha256`, which S3 checks before it stores anything; a put is all or nothing, so
 * a cut request leaves no object. After the put the object's length and checksum are read back
 * (HeadObject), so only an object the store reports as exactly these bytes counts as held.
 */
export class S3EvidenceStore implements EvidenceStore {
	readonly kind = 's3';
	readonly location: string;
	private readonly client: S3Client;

	private constructor(private readonly config: S3EvidenceConfig) {
		this.location = config.display;
		this.client = new S3Client({
			region: config.region,
			endpoint: config.endpoint,
			// S3-compatible services are reached by path (host/bucket/key), Amazon S3 by its own rules.
			forcePathStyle: Boolean(config.endpoint),
			credentials: config.credentials,
			// The checksum this store sends is the SHA-256 it already has; no aws-chunked trailers,
			// which not every S3-compatible service reads. Reads are hashed by `verified.ts`.
			requestChecksumCalculation: 'WHEN_REQUIRED',
			responseChecksumValidation: 'WHEN_REQUIRED',
			maxAttempts: 3,
			requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 }
		});
	}

	/** Opens the store and checks that the bucket is there and ours to use. */
	static async open(config: S3EvidenceConfig): Promise<S3EvidenceStore> {
		const store = new S3EvidenceStore(config);
		try {
			await store.client.send(new HeadBucketCommand({ Bucket: config.bucket }));
		} catch (error) {
			store.client.destroy();
			const code = status(error);
			const why =
				code === 404
					? 'it does not exist; create it first'
					: code === 403 || code === 401
						? 'access is denied; check the credentials'
						: `it cannot be reached (${(error as Error).message || (error as Error).name})`;
			throw new StartupError(`Cannot use the evidence bucket ${config.display}: ${why}`);
		}
		return store;
	}

	private key(sha256: string): string {
		return `${this.config.prefix}${sha256}`;
	}

	/** The object's length and SHA-256 checksum as the store reports them; null when absent. */
	private async head(sha256: string) {
		try {
			const head = await this.client.send(
				new HeadObjectCommand({
					Bucket: this.config.bucket,
					Key: this.key(sha256),
					ChecksumMode: 'ENABLED'
				})
			);
			return { bytes: head.ContentLength, checksum: head.ChecksumSHA256 };
		} catch (error) {
			if (status(error) === 404) return null;
			throw unavailable();
		}
	}

	async holds(sha256: string): Promise<boolean> {
		// Only an object stored with this checksum: one written some other way (or damaged and
		// rewritten) is put again, which is idempotent.
		return (await this.head(sha256))?.checksum === checksumOf(sha256);
	}

	async writer(sha256: string): Promise<EvidenceWriter> {
		// Photos are at most MAX_PHOTO_BYTES: held in memory until their hash has been checked,
		// so the bucket never sees a body the device did not finish sending.
		let chunks: Uint8Array[] = [];
		return {
			write: async (chunk) => {
				chunks.push(chunk);
			},
			commit: async () => {
				const body = Buffer.concat(chunks);
				chunks = [];
				try {
					await this.client.send(
						new PutObjectCommand({
							Bucket: this.config.bucket,
							Key: this.key(sha256),
							Body: body,
							ContentLength: body.length,
							ContentType: 'image/jpeg',
							ChecksumAlgorithm: 'SHA256',
							ChecksumSHA256: checksumOf(sha256)
						})
					);
				} catch (error) {
					console.error(`Evidence store: putting ${sha256} failed (${(error as Error).message})`);
					throw unavailable();
				}
				const stored = await this.head(sha256);
				if (
					!stored ||
					stored.bytes !== body.length ||
					(stored.checksum !== undefined && stored.checksum !== checksumOf(sha256))
				) {
					console.error(
						`Evidence store: ${sha256} reads back as ${stored ? `${stored.bytes} bytes, checksum ${stored.checksum}` : 'absent'} after its put`
					);
					throw unavailable();
				}
			},
			abort: async () => {
				chunks = [];
			}
		};
	}

	async open(sha256: string): Promise<StoredPhoto | null> {
		try {
			const object = await this.client.send(
				new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(sha256) })
			);
			if (!object.Body) return null;
			return {
				bytes: Number(object.ContentLength),
				stream: object.Body.transformToWebStream() as ReadableStream<Uint8Array>
			};
		} catch (error) {
			if (status(error) === 404) return null;
			throw unavailable();
		}
	}

	async *list(): AsyncIterable<string> {
		let token: string | undefined;
		do {
			const page = await this.client.send(
				new ListObjectsV2Command({
					Bucket: this.config.bucket,
					Prefix: this.config.prefix,
					ContinuationToken: token
				})
			);
			for (const object of page.Contents ?? []) {
				const name = object.Key?.slice(this.config.prefix.length) ?? '';
				if (SHA256_HEX.test(name)) yield name;
			}
			token = page.IsTruncated ? page.NextContinuationToken : undefined;
		} while (token);
	}

	async sweep(before: Date): Promise<SweepReport> {
		// This store puts each photo in one request; a multipart upload under its prefix that was
		// started before this process (by an older version, a copy tool or a restore cut short)
		// and never completed holds storage for ever unless it is aborted.
		let multipartUploads = 0;
		let keyMarker: string | undefined;
		let uploadIdMarker: string | undefined;
		do {
			const page = await this.client.send(
				new ListMultipartUploadsCommand({
					Bucket: this.config.bucket,
					Prefix: this.config.prefix,
					KeyMarker: keyMarker,
					UploadIdMarker: uploadIdMarker
				})
			);
			for (const upload of page.Uploads ?? []) {
				if (!upload.Key || !upload.UploadId || (upload.Initiated && upload.Initiated >= before))
					continue;
				await this.client.send(
					new AbortMultipartUploadCommand({
						Bucket: this.config.bucket,
						Key: upload.Key,
						UploadId: upload.UploadId
					})
				);
				multipartUploads++;
			}
			keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
			uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
		} while (keyMarker);
		return { temporaryFiles: 0, multipartUploads };
	}

	async close(): Promise<void> {
		this.client.destroy();
	}
}
