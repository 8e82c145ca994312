/**
 * Where photos' bytes live. Content-addressed: a photo is its SHA-256 (lower-case hex), one
 * object per hash whichever organisations hold it; which organisation holds which photo is the
 * database's `evidence` table, not the store's. Two implementations: files under
 * DATA_DIR/evidence (`disk.ts`) and an S3-compatible bucket (`s3.ts`).
 *
 * A store never keeps a partial photo where it would be read: a writer's bytes become the photo
 * only on `commit`, after the caller has checked their hash, and `commit` returns only once the
 * store holds exactly those bytes.
 */
export interface EvidenceStore {
	readonly kind: 'disk' | 's3';
	/** Where the photos are, for logs: a directory, or s3://bucket/prefix at an endpoint. */
	readonly location: string;
	/** Whether the store already holds exactly this photo (checked, not just present). */
	holds(sha256: string): Promise<boolean>;
	/** Starts receiving a photo's bytes; nothing is visible until `commit`. */
	writer(sha256: string): Promise<EvidenceWriter>;
	/** The stored bytes as they are, unchecked (see `verified.ts`); null when there is none. */
	open(sha256: string): Promise<StoredPhoto | null>;
	/** Every photo's hash the store has, in no particular order. */
	list(): AsyncIterable<string>;
	/** Removes what uploads cut off before `before` left behind; says what it removed. */
	sweep(before: Date): Promise<SweepReport>;
	close(): Promise<void>;
}

export interface EvidenceWriter {
	write(chunk: Uint8Array): Promise<void>;
	/** Makes the bytes written the stored photo, idempotently; throws if the store cannot. */
	commit(): Promise<void>;
	/** Forgets the bytes written; never throws. */
	abort(): Promise<void>;
}

export interface StoredPhoto {
	bytes: number;
	stream: ReadableStream<Uint8Array>;
}

export interface SweepReport {
	/** Temporary files of uploads that never finished (disk). */
	temporaryFiles: number;
	/** Multipart uploads never completed (S3). */
	multipartUploads: number;
}
