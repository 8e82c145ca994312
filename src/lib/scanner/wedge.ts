/**
 * Hardware scanners that pair as a keyboard ("keyboard wedge", Bluetooth or USB) type what they
 * read, then press Enter. A person types a few characters a second; a scanner types a whole code
 * in a burst, a few milliseconds per character. This tells the two apart from key events and
 * their times alone, so it runs the same in a test as in the browser.
 */

export interface WedgeKey {
	/** `KeyboardEvent.key`: one character for printable keys, a name (`Enter`, `Shift`) otherwise. */
	key: string;
	/** When the key went down, in ms (`KeyboardEvent.timeStamp` or `performance.now()`). */
	at: number;
}

export interface KeyboardWedgeOptions {
	/**
	 * The longest pause between two characters of one scan. USB scanners type every 1-10 ms and
	 * Bluetooth ones every 10-30 ms; people rarely manage under 60 ms between keys.
	 */
	maxGapMs?: number;
	/** Shorter bursts are not taken as scans (a GTIN-8, the shortest code we expect, has 8). */
	minLength?: number;
}

/** Keys that do not interrupt a burst: scanners press Shift for capitals. */
const NEUTRAL_KEYS = new Set(['Shift', 'CapsLock', 'Unidentified']);

export class KeyboardWedgeDetector {
	readonly #maxGapMs: number;
	readonly #minLength: number;
	#buffer = '';
	#lastAt = -Infinity;

	constructor({ maxGapMs = 50, minLength = 6 }: KeyboardWedgeOptions = {}) {
		this.#maxGapMs = maxGapMs;
		this.#minLength = minLength;
	}

	/** Feeds one key press; returns the scanned text when this Enter ends a burst, else null. */
	feed({ key, at }: WedgeKey): string | null {
		if (NEUTRAL_KEYS.has(key)) return null;
		const inBurst = at - this.#lastAt <= this.#maxGapMs;
		if (key === 'Enter') {
			const scanned = inBurst && this.#buffer.length >= this.#minLength ? this.#buffer : null;
			this.reset();
			return scanned;
		}
		if (key.length !== 1) {
			// Backspace, arrows, Tab: a person is editing, not a scanner typing.
			this.reset();
			return null;
		}
		this.#buffer = inBurst ? this.#buffer + key : key;
		this.#lastAt = at;
		return null;
	}

	/** True while the keys so far look like the start of a scan (for suppressing typing echo). */
	get bursting(): boolean {
		return this.#buffer.length > 1;
	}

	reset(): void {
		this.#buffer = '';
		this.#lastAt = -Infinity;
	}
}
