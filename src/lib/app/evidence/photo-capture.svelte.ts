import { photos, settings, storageStatus } from '$lib/db';
import { sha256Hex } from '$lib/signing';
import type { PhotoSubject } from '$lib/catalogue/types';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { processInBackground } from '$lib/evidence/processor';
import { storeVerified } from '$lib/evidence/store-verified';

/** Under this much free space, say so before every photo. */
const LOW_SPACE_BYTES = 100 * 1000 * 1000;
export const DEFAULT_MAX_EDGE = 2048;
const JPEG_QUALITY = 0.8;

/** Where a photo taken now goes: the inspection, the check it is taken for, what it shows. */
export type CaptureTarget = { inspectionId: string; checkId: string; shows?: PhotoSubject };

export type CaptureMessage = { kind: 'error' | 'warning' | 'done'; text: string };

export async function photoSettings(): Promise<{ maxEdge: number; recordLocation: boolean }> {
	const [maxEdge, recordLocation] = await Promise.all([
		settings.get<number>('photoMaxEdge'),
		settings.get<boolean>('recordLocation')
	]);
	return { maxEdge: maxEdge ?? DEFAULT_MAX_EDGE, recordLocation: recordLocation ?? false };
}

/**
 * Taking photos for one check: each file is processed off the main thread, hashed, stored and
 * verified, one after another, with the progress and the outcome in words.
 */
export class PhotoCapture {
	progress = $state<{ done: number; total: number } | null>(null);
	messages = $state<CaptureMessage[]>([]);
	readonly #target: () => CaptureTarget;

	constructor(target: () => CaptureTarget) {
		this.#target = target;
	}

	/** Stores the files as evidence; returns the photos stored and verified. */
	async add(files: File[]): Promise<PhotoRecord[]> {
		const stored: PhotoRecord[] = [];
		if (files.length === 0) return stored;
		const { inspectionId, checkId, shows } = this.#target();
		const { maxEdge, recordLocation } = await photoSettings();
		this.messages = [];
		this.progress = { done: 0, total: files.length };
		try {
			for (const file of files) {
				if (!(await this.#roomFor(file))) return stored;
				try {
					const started = performance.now();
					const saved = await savePhoto(file, {
						inspectionId,
						checkId,
						shows,
						maxEdge,
						recordLocation
					});
					stored.push(saved);
					// From the chosen file to a verified stored photo; the benchmark reads this.
					performance.measure('shelfcheck:photo-saved', { start: started });
					this.messages.push({
						kind: 'done',
						text: `Photo saved and verified (${Math.round(saved.bytes / 1000)} KB).`
					});
				} catch (error) {
					this.messages.push({
						kind: 'error',
						text: `${file.name || 'A photo'} was not added. ${error instanceof Error ? error.message : error}`
					});
				}
				this.progress = { done: this.progress!.done + 1, total: files.length };
			}
		} finally {
			this.progress = null;
		}
		return stored;
	}

	async #roomFor(file: File): Promise<boolean> {
		const { availableBytes } = await storageStatus();
		if (availableBytes === null) return true;
		const mb = Math.round(availableBytes / 1e6);
		if (availableBytes < file.size * 2) {
			this.messages.push({
				kind: 'error',
				text: `No room for this photo: ${mb} MB left on this device. Sync, then delete finished inspections to make room. Nothing was added.`
			});
			return false;
		}
		if (availableBytes < LOW_SPACE_BYTES) {
			this.messages.push({
				kind: 'warning',
				text: `Storage is low: ${mb} MB left on this device. Sync, then delete finished inspections to make room.`
			});
		}
		return true;
	}
}

async function savePhoto(
	file: File,
	target: CaptureTarget & { maxEdge: number; recordLocation: boolean }
): Promise<PhotoRecord> {
	const [processed, location] = await Promise.all([
		processInBackground(file, { maxEdge: target.maxEdge, quality: JPEG_QUALITY }),
		target.recordLocation ? currentLocation() : Promise.resolve(undefined)
	]);
	const bytes = new Uint8Array(await processed.blob.arrayBuffer());
	const record: PhotoRecord & { data: Blob } = {
		id: crypto.randomUUID(),
		inspectionId: target.inspectionId,
		checkId: target.checkId,
		data: processed.blob,
		sha256: await sha256Hex(bytes),
		bytes: bytes.length,
		type: 'image/jpeg',
		width: processed.width,
		height: processed.height,
		capturedAt: new Date(file.lastModified || Date.now()).toISOString(),
		caption: '',
		...(target.shows ? { shows: target.shows } : {}),
		...(location ? { location } : {})
	};
	return (await storeVerified(record, photos, sha256Hex)).record;
}

/** The device's position, as a visible field of the photo; undefined when refused or slow. */
function currentLocation(): Promise<PhotoRecord['location']> {
	if (!('geolocation' in navigator)) return Promise.resolve(undefined);
	return new Promise((resolve) =>
		navigator.geolocation.getCurrentPosition(
			({ coords }) =>
				resolve({
					latitude: Number(coords.latitude.toFixed(6)),
					longitude: Number(coords.longitude.toFixed(6)),
					accuracyMetres: Math.round(coords.accuracy)
				}),
			() => resolve(undefined),
			{ timeout: 5000, maximumAge: 60_000 }
		)
	);
}
