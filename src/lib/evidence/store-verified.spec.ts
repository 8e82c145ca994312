import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PhotoRecord } from './photo-record';
import { PhotoNotSavedError, bytesOf, storeVerified, type PhotoStore } from './store-verified';

const hash = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const jpegBytes = new Uint8Array([0xff, 0xd8, 1, 2, 3, 4, 5, 0xff, 0xd9]);

async function photo(): Promise<PhotoRecord & { data: Blob }> {
	return {
		id: 'p1',
		inspectionId: 'i1',
		checkId: 'ID-01',
		data: new Blob([jpegBytes], { type: 'image/jpeg' }),
		sha256: await hash(jpegBytes),
		bytes: jpegBytes.length,
		type: 'image/jpeg',
		width: 2,
		height: 2,
		capturedAt: '2026-11-22T10:00:00.000Z',
		caption: ''
	};
}

/** An in-memory store whose first `failures` operations misbehave in the given way. */
function flakyStore(failures: number, how: 'throw' | 'corrupt' | 'lose' | 'blob-only-corrupt') {
	const rows = new Map<string, PhotoRecord>();
	let writes = 0;
	const store: PhotoStore & { rows: Map<string, PhotoRecord>; writes: () => number } = {
		rows,
		writes: () => writes,
		async add(record) {
			writes++;
			if (rows.has(record.id)) throw new Error('ConstraintError: key already exists');
			const failing =
				writes <= failures || (how === 'blob-only-corrupt' && record.data instanceof Blob);
			if (failing && how === 'throw') throw new Error('UnknownError: Blob write failed');
			if (failing && how === 'lose') return;
			if (failing && (how === 'corrupt' || how === 'blob-only-corrupt')) {
				rows.set(record.id, { ...record, data: new Blob([new Uint8Array(9)]) });
				return;
			}
			rows.set(record.id, record);
		},
		async get(id) {
			return rows.get(id);
		},
		async remove(id) {
			rows.delete(id);
		}
	};
	return store;
}

describe('storeVerified', () => {
	it('writes once and verifies when all is well', async () => {
		const store = flakyStore(0, 'throw');
		const result = await storeVerified(await photo(), store, hash);
		expect(result).toMatchObject({ attempts: 1, storedAsArrayBuffer: false });
		expect(await hash(await bytesOf(store.rows.get('p1')!.data))).toBe((await photo()).sha256);
	});

	it('retries once after a failed Blob write', async () => {
		const store = flakyStore(1, 'throw');
		const result = await storeVerified(await photo(), store, hash);
		expect(result).toMatchObject({ attempts: 2, storedAsArrayBuffer: false });
		expect(store.writes()).toBe(2);
	});

	it('retries once after bytes that read back different, removing the bad copy first', async () => {
		const store = flakyStore(1, 'corrupt');
		const result = await storeVerified(await photo(), store, hash);
		expect(result.attempts).toBe(2);
		expect(await bytesOf(store.rows.get('p1')!.data)).toEqual(jpegBytes);
	});

	it('falls back to an ArrayBuffer when Blobs keep failing, and verifies that', async () => {
		const store = flakyStore(0, 'blob-only-corrupt');
		const result = await storeVerified(await photo(), store, hash);
		expect(result).toMatchObject({ attempts: 3, storedAsArrayBuffer: true });
		expect(store.rows.get('p1')!.data).toBeInstanceOf(ArrayBuffer);
		expect(await bytesOf(store.rows.get('p1')!.data)).toEqual(jpegBytes);
	});

	it('gives up with a clear error and leaves nothing half-written', async () => {
		const store = flakyStore(3, 'lose');
		const error = await storeVerified(await photo(), store, hash).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PhotoNotSavedError);
		expect((error as Error).message).toBe(
			'The photo could not be saved on this device: it could not be read back.'
		);
		expect(store.rows.size).toBe(0);
		expect(store.writes()).toBe(3);
	});
});
