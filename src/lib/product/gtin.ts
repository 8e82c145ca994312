/**
 * GTIN check digits, validation and normalisation, manual entry, and UPC-E expansion.
 *
 * All GS1 keys with a numeric check digit (GTIN-8/12/13/14, GLN, SSCC, GSRN, ...) use the same
 * mod-10 algorithm: weights 3, 1, 3, 1, ... from the rightmost data digit, and the check digit is
 * (10 - sum mod 10) mod 10.
 */

export type GtinFormat = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';

export interface Gtin {
	/** The GTIN as given, without separators (8, 12, 13 or 14 digits). */
	gtin: string;
	/** The same GTIN left-padded with zeros to 14 digits: the form to store and compare. */
	gtin14: string;
	format: GtinFormat;
	/** Set when the input was an 8-digit UPC-E, which `gtin` then holds expanded to UPC-A. */
	upcE?: string;
}

export type GtinResult = ({ ok: true } & Gtin) | { ok: false; reason: string };

const FORMATS: Record<number, GtinFormat> = {
	8: 'GTIN-8',
	12: 'GTIN-12',
	13: 'GTIN-13',
	14: 'GTIN-14'
};

const DIGITS = /^\d+$/;

/** The mod-10 check digit for `body` (the digits before the check digit); undefined if not digits. */
export function computeCheckDigit(body: string): string | undefined {
	if (!DIGITS.test(body)) return undefined;
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		// Weight 3 for the digit next to the check digit, then alternating 1, 3, ...
		const weight = i % 2 === 0 ? 3 : 1;
		sum += Number(body[body.length - 1 - i]) * weight;
	}
	return String((10 - (sum % 10)) % 10);
}

/**
 * The digit that the last position of `code` should hold, e.g. `'7'` for `'2112233789658'`.
 * Undefined if `code` has fewer than 2 digits or contains anything but digits.
 */
export function expectedCheckDigit(code: string): string | undefined {
	if (code.length < 2) return undefined;
	return computeCheckDigit(code.slice(0, -1));
}

/** True if `code` is all digits and its last digit is the correct mod-10 check digit. */
export function hasValidCheckDigit(code: string): boolean {
	const expected = expectedCheckDigit(code);
	return expected !== undefined && code.endsWith(expected);
}

/** Validates a GTIN-8/12/13/14 (digits only, no separators) and normalises it to GTIN-14. */
export function validateGtin(code: string): GtinResult {
	if (!DIGITS.test(code)) return { ok: false, reason: 'A GTIN contains only digits.' };
	const format = FORMATS[code.length];
	if (!format) {
		return {
			ok: false,
			reason: `A GTIN has 8, 12, 13 or 14 digits; this one has ${code.length}.`
		};
	}
	const expected = expectedCheckDigit(code);
	if (expected === undefined || !code.endsWith(expected)) {
		return { ok: false, reason: checkDigitMessage(code, expected) };
	}
	return { ok: true, gtin: code, gtin14: code.padStart(14, '0'), format };
}

/** GTIN-14 form of a valid GTIN-8/12/13/14, or undefined if `code` is not a valid GTIN. */
export function normaliseGtin(code: string): string | undefined {
	const result = validateGtin(code);
	return result.ok ? result.gtin14 : undefined;
}

function checkDigitMessage(code: string, expected: string | undefined): string {
	return `The check digit should be ${expected}, not ${code.slice(-1)}.`;
}

/**
 * Validates a GTIN typed by a person. Spaces and hyphens (as printed under barcodes or pasted
 * from documents) are removed first. Every failure names the problem so the form can show it.
 *
 * Eight digits may be an EAN-8 or the digits printed under a UPC-E: see `validateEightDigits`.
 */
export function validateManualGtin(input: string): GtinResult {
	const compact = input.replace(/[\s-]+/g, '');
	if (compact === '') return { ok: false, reason: 'Enter the number printed under the barcode.' };
	const bad = /[^0-9]/.exec(compact);
	if (bad) {
		const what = /[A-Za-z]/.test(bad[0]) ? 'letters' : `"${bad[0]}"`;
		return { ok: false, reason: `A GTIN contains only digits; remove ${what} and try again.` };
	}
	if (!FORMATS[compact.length]) {
		return {
			ok: false,
			reason: `A GTIN has 8, 12, 13 or 14 digits; you entered ${compact.length}.`
		};
	}
	return compact.length === 8 ? validateEightDigits(compact) : validateGtin(compact);
}

/**
 * Reads 8 digits, which may be an EAN-8 (GTIN-8) or a UPC-E; many codes are valid as both.
 * With a `format` (from the decoder) that decides. Without one: GS1-8 prefix 0 is reserved for
 * restricted circulation numbers (in-store codes, meaningless elsewhere), so a 0-prefixed code
 * that is a valid UPC-E is read as a UPC-E; otherwise as an EAN-8 if its check digit fits, else
 * as a UPC-E (number system 1) if that fits.
 */
export function validateEightDigits(code: string, format?: 'ean-8' | 'upc-e'): GtinResult {
	const asUpcE = (): GtinResult => {
		const upcE = expandUpcE(code);
		return upcE.ok ? { ok: true, ...upcAToGtin(upcE.upcA), upcE: code } : upcE;
	};
	if (format === 'upc-e') return asUpcE();
	const ean8 = validateGtin(code);
	if (format === 'ean-8' || code.length !== 8) return ean8;
	const upcE = asUpcE();
	if (upcE.ok && (code.startsWith('0') || !ean8.ok)) return upcE;
	return ean8;
}

/**
 * Expands a UPC-E to its UPC-A (GTIN-12), following the GS1 General Specifications' zero
 * suppression rules. Accepts 8 digits (number system 0 or 1, six data digits, check digit,
 * which must match the UPC-A's), 7 digits (number system + data: the check digit is computed)
 * or 6 digits (data only, number system 0).
 */
export function expandUpcE(
	code: string
): { ok: true; upcA: string } | { ok: false; reason: string } {
	if (!DIGITS.test(code) || code.length < 6 || code.length > 8) {
		return { ok: false, reason: 'A UPC-E has 6, 7 or 8 digits.' };
	}
	const full = code.length === 6 ? '0' + code : code;
	const ns = full[0] ?? '';
	if (ns !== '0' && ns !== '1') {
		return { ok: false, reason: 'A UPC-E starts with number system 0 or 1.' };
	}
	const d = full.slice(1, 7);
	const last = d[5] ?? '';
	let body: string;
	// The last data digit says where the suppressed zeros go.
	if (last <= '2') body = d.slice(0, 2) + last + '0000' + d.slice(2, 5);
	else if (last === '3') body = d.slice(0, 3) + '00000' + d.slice(3, 5);
	else if (last === '4') body = d.slice(0, 4) + '00000' + d[4];
	else body = d.slice(0, 5) + '0000' + last;
	const upcABody = ns + body;
	const check = computeCheckDigit(upcABody) ?? '';
	if (full.length === 8 && full[7] !== check) {
		return { ok: false, reason: checkDigitMessage(full, check) };
	}
	return { ok: true, upcA: upcABody + check };
}

/** The GTIN fields for a UPC-A produced by `expandUpcE` (its check digit is already right). */
export function upcAToGtin(upcA: string): Gtin {
	return { gtin: upcA, gtin14: upcA.padStart(14, '0'), format: 'GTIN-12' };
}
