/**
 * The camera's rule for 1D codes: a read counts only after two identical reads in a row. A
 * single frame can yield a wrong but check-digit-valid EAN (a partial read, a blurred bar), and
 * the chance that two independent frames agree on the same wrong code is far smaller. 2D codes
 * carry error correction and count at once.
 */

import { isLinearFormat, readKey } from './formats';

export interface CodeRead {
	text: string;
	/** Barcode Detection API naming, e.g. `ean_13`. */
	format: string;
}

export interface ReadConfirmerOptions {
	/**
	 * Two reads further apart than this are not "in a row": the camera may have moved to another
	 * product in between. At 10 frames a second, 1.5 s leaves room for several unreadable frames.
	 */
	maxGapMs?: number;
}

export class ReadConfirmer {
	readonly #maxGapMs: number;
	#last: { key: string; at: number } | null = null;

	constructor({ maxGapMs = 1500 }: ReadConfirmerOptions = {}) {
		this.#maxGapMs = maxGapMs;
	}

	/**
	 * Offers one decoded read, taken at `at` (ms). True when it counts: any 2D read, or a 1D read
	 * that repeats the previous read. A different read in between starts the count again.
	 */
	offer(read: CodeRead, at: number): boolean {
		if (!isLinearFormat(read.format)) {
			this.#last = null;
			return true;
		}
		const key = readKey(read.text, read.format);
		const previous = this.#last;
		const confirmed =
			previous !== null && previous.key === key && at - previous.at <= this.#maxGapMs;
		// Once a read has counted, the next one has to earn its own pair.
		this.#last = confirmed ? null : { key, at };
		return confirmed;
	}

	/** Forgets the last read, e.g. when the camera restarts. */
	reset(): void {
		this.#last = null;
	}
}
