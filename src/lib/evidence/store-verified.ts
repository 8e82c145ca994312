import type { PhotoRecord } from './photo-record';

/** Where photos go: the app passes the IndexedDB repository, the tests a fake that fails. */
export interface PhotoStore {
	/** Adds a new record; never replaces one (photos are not overwritten in place). */
	add(record: PhotoRecord): Promise<void>;
	get(id: string): Promise<PhotoRecord | undefined>;
	remove(id: string): Promise<void>;
}

export type Hash = (bytes: Uint8Array) => Promise<string>;

export class PhotoNotSavedError extends Error {
	override name = 'PhotoNotSavedError';
}

export interface VerifiedWrite {
	record: PhotoRecord;
	/** How many writes it took (1 is the normal case). */
	attempts: number;
	/** True when the Blob could not be kept and the bytes went in as an ArrayBuffer. */
	storedAsArrayBuffer: boolean;
}

export async function bytesOf(data: Blob | ArrayBuffer): Promise<Uint8Array> {
	return new Uint8Array(data instanceof ArrayBuffer ? data : await data.arrayBuffer());
}

/**
 * Writes a photo and proves it was kept: read it back and compare its SHA-256 with the one taken
 * before writing. A write that fails or reads back different is removed and tried once more;
 * then the bytes are stored as an ArrayBuffer instead of a Blob (Safari has lost Blobs in
 * IndexedDB), and verified again. If that fails too, the caller is told, and nothing half-written
 * is left behind.
 */
export async function storeVerified(
	record: PhotoRecord & { data: Blob },
	store: PhotoStore,
	hash: Hash
): Promise<VerifiedWrite> {
	const attempts: Array<PhotoRecord> = [
		record,
		record,
		{ ...record, data: (await bytesOf(record.data)).slice().buffer }
	];
	let lastProblem = '';
	for (const [index, attempt] of attempts.entries()) {
		try {
			await store.add(attempt);
			const readBack = await store.get(attempt.id);
			if (readBack && (await hash(await bytesOf(readBack.data))) === record.sha256) {
				return {
					record: readBack,
					attempts: index + 1,
					storedAsArrayBuffer: readBack.data instanceof ArrayBuffer
				};
			}
			lastProblem = readBack
				? 'what was read back differs from what was written'
				: 'it could not be read back';
		} catch (error) {
			lastProblem = error instanceof Error ? error.message : String(error);
		}
		await store.remove(attempt.id).catch(() => undefined);
	}
	throw new PhotoNotSavedError(`The photo could not be saved on this device: ${lastProblem}.`);
}
