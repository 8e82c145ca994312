/**
 * One Read label session on a screen: the photo is stored as evidence (the evidence pipeline),
 * read by the OCR engine with its progress, and turned into candidates. Printed credentials are
 * analysed and hashed at once and only that is saved; their clear values stay in this object's
 * memory for the screen (masked) unless the inspector chooses to keep them.
 */

import { PhotoCapture } from '$lib/app/evidence/photo-capture.svelte';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { photoBlob } from '$lib/evidence/photo-url';
import {
	extractCandidates,
	isCredentialKind,
	type Candidate,
	type CredentialKind
} from '$lib/label/candidates';
import { analyseCredential, fingerprint, type Identifiers } from '$lib/label/credentials';
import { engineLoaded, recognise, type OcrProgress, type OcrResult } from '$lib/label/ocr-engine';
import type { CredentialRecord, LabelReading } from '$lib/label/reading';
import { credentialKey } from './label-readings';

export interface LabelReaderOptions {
	target: () => { inspectionId: string; checkId: string };
	/** The unit this reading is of. */
	unit: () => number;
	/** Identifiers known besides the label (the product card's), to test credentials against. */
	known: () => Identifiers;
	save: (reading: LabelReading) => Promise<void>;
}

export type ReaderPhase = 'idle' | 'photo' | 'loading' | 'reading' | 'done' | 'failed';

export interface ReadCredential {
	candidate: Candidate & { field: CredentialKind };
	record: CredentialRecord;
}

/** The time now, ISO 8601 (a plain value for the record, not reactive state). */
function now(): string {
	return new Date(Date.now()).toISOString();
}

export class LabelReader {
	phase = $state<ReaderPhase>('idle');
	progress = $state<OcrProgress | null>(null);
	problem = $state<string | null>(null);
	photo = $state<PhotoRecord | null>(null);
	result = $state<OcrResult | null>(null);
	candidates = $state<Candidate[]>([]);
	credentials = $state<ReadCredential[]>([]);
	keepClear = $state(false);
	/** Whether this read loaded the engine (first use) or found it ready. */
	firstUse = $state(false);
	readonly capture: PhotoCapture;
	readonly #options: LabelReaderOptions;
	#reading: LabelReading | null = null;

	constructor(options: LabelReaderOptions) {
		this.#options = options;
		// A label reading is a photo of the label, whichever check it was read on.
		this.capture = new PhotoCapture(() => ({ ...options.target(), shows: 'label' }));
	}

	get busy(): boolean {
		return this.phase === 'photo' || this.phase === 'loading' || this.phase === 'reading';
	}

	/** The identity candidates (not credentials), in label order. */
	get identity(): Candidate[] {
		return this.candidates.filter((c) => !isCredentialKind(c.field));
	}

	async read(file: File): Promise<void> {
		if (this.busy) return;
		this.problem = null;
		this.result = null;
		this.candidates = [];
		this.credentials = [];
		this.#reading = null;
		this.phase = 'photo';
		const [photo] = await this.capture.add([file]);
		if (!photo) {
			this.phase = 'failed';
			this.problem = 'The photo was not stored, so it was not read. See the message above.';
			return;
		}
		this.photo = photo;
		await this.#recognise(photo);
	}

	async #recognise(photo: PhotoRecord): Promise<void> {
		const started = performance.now();
		this.firstUse = !engineLoaded();
		this.phase = 'loading';
		try {
			const result = await recognise(photoBlob(photo), (progress) => {
				this.progress = progress;
				this.phase = progress.stage;
			});
			// From the stored photo to the first candidates; the benchmark reads this.
			performance.measure('shelfcheck:label-read', { start: started });
			this.result = result;
			this.candidates = extractCandidates(result.lines);
			await this.#keep(photo, result);
			this.phase = 'done';
		} catch (error) {
			this.phase = 'failed';
			this.problem = `The label could not be read (${error instanceof Error ? error.message : error}). The photo is kept as evidence; type the details instead, or try again.`;
		} finally {
			this.progress = null;
		}
	}

	/** The label's own identifiers, then what the product card knows. */
	#identifiers(): Identifiers {
		const own: Identifiers = { ...this.#options.known() };
		for (const candidate of this.candidates) {
			const field = candidate.field;
			if (field === 'serial' || field === 'mac' || field === 'ssid' || field === 'model')
				own[field] ??= candidate.value;
		}
		return own;
	}

	async #keep(photo: PhotoRecord, result: OcrResult): Promise<void> {
		const key = await credentialKey();
		const identifiers = this.#identifiers();
		const read: ReadCredential[] = [];
		for (const candidate of this.candidates) {
			if (!isCredentialKind(candidate.field)) continue;
			const kind = candidate.field;
			read.push({
				candidate: { ...candidate, field: kind },
				record: {
					kind,
					analysis: analyseCredential(kind, candidate.value, identifiers),
					...(await fingerprint(key, kind, candidate.value))
				}
			});
		}
		this.credentials = read;
		const { checkId } = this.#options.target();
		this.#reading = {
			id: crypto.randomUUID(),
			photoId: photo.id,
			checkId,
			unit: this.#options.unit(),
			readAt: now(),
			engine: result.engine,
			confidence: Math.round(result.confidence),
			credentials: read.map((c) => this.#record(c))
		};
		await this.#options.save(this.#reading);
	}

	#record(credential: ReadCredential): CredentialRecord {
		return this.keepClear
			? { ...credential.record, clear: credential.candidate.value }
			: credential.record;
	}

	/** Keeps the clear values on this device, or forgets them again. */
	async setKeepClear(keep: boolean): Promise<void> {
		this.keepClear = keep;
		if (!this.#reading) return;
		this.#reading = {
			...this.#reading,
			credentials: this.credentials.map((c) => this.#record(c))
		};
		await this.#options.save(this.#reading);
	}
}
