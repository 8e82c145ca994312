/**
 * `parseScan`: the one entry point that turns whatever a scanner (or a person) produced into a
 * product identity, or says why it can't.
 *
 * Inputs it recognises:
 * - scanner output with an AIM symbology identifier (`]C1`, `]d2`, `]Q3`, `]e0`, `]J1`: GS1 AI
 *   data with GS separators; `]E0`/`]E4`: EAN-13/UPC-A and EAN-8; `]Q1`, `]d1`, ...: plain
 *   data, which may be a Digital Link URI);
 * - a GS1 Digital Link URI on any domain;
 * - a bracketed element string `(01)...(21)...`;
 * - a raw element string starting with FNC1 (`^` or GS), or one whose leading FNC1 the decoder
 *   dropped (ZXing reports GS1-128 and GS1 DataMatrix that way): accepted when it contains GS
 *   or starts with (01) and a 14-digit GTIN;
 * - plain GTIN digits: 8 (EAN-8 or UPC-E), 12 (UPC-A), 13 (EAN-13; ZXing reports UPC-A and
 *   expanded UPC-E this way, with a leading 0) or 14 (ITF-14).
 * Anything else (an ordinary URL in a QR code, free text, a Code 39 part number) is reported as
 * `not-gs1` rather than guessed at.
 */

import { parseDigitalLink, looksLikeDigitalLink } from './digital-link';
import { GS, parseBracketed, parseElementString, type AiElement } from './gs1';
import {
	expandUpcE,
	upcAToGtin,
	validateEightDigits,
	validateGtin,
	type Gtin,
	type GtinResult
} from './gtin';
import {
	identityFromAis,
	identityFromGtin,
	type DateOptions,
	type IdentityResult,
	type ScanFailureCode
} from './identity';

export type Symbology =
	| 'GS1-128'
	| 'Code128'
	| 'DataBarExpanded'
	| 'DataMatrix'
	| 'QR'
	| 'DotCode'
	| 'EAN-13'
	| 'EAN-8'
	| 'ITF'
	| 'Code39';

/**
 * AIM symbology identifiers we accept. ECI variants (]Q2, ]d4, ...) are left out on purpose:
 * their data may contain ECI escape sequences we do not decode, and GS1 codes do not use them.
 */
const IDENTIFIERS: Record<string, { symbology: Symbology; data: 'gs1' | 'plain' | 'ean' }> = {
	']C0': { symbology: 'Code128', data: 'plain' },
	']C1': { symbology: 'GS1-128', data: 'gs1' },
	']e0': { symbology: 'DataBarExpanded', data: 'gs1' },
	']d1': { symbology: 'DataMatrix', data: 'plain' },
	']d2': { symbology: 'DataMatrix', data: 'gs1' },
	']Q1': { symbology: 'QR', data: 'plain' },
	']Q3': { symbology: 'QR', data: 'gs1' },
	']J0': { symbology: 'DotCode', data: 'plain' },
	']J1': { symbology: 'DotCode', data: 'gs1' },
	']E0': { symbology: 'EAN-13', data: 'ean' },
	']E4': { symbology: 'EAN-8', data: 'ean' },
	']I0': { symbology: 'ITF', data: 'plain' },
	']I1': { symbology: 'ITF', data: 'plain' },
	']A0': { symbology: 'Code39', data: 'plain' }
};

export type ScanContent =
	/** GS1 AI data (GS1-128, GS1 DataMatrix/QR/DotCode, DataBar). */
	| { kind: 'ai-data'; symbology: Symbology; ais: AiElement[] }
	/** An EAN/UPC; `composite` holds the AIs of a 2D composite component, if any. */
	| { kind: 'gtin'; symbology: Symbology; gtin: Gtin; composite?: AiElement[] }
	/** Plain (non-GS1) data, e.g. a URL in a QR code. */
	| { kind: 'text'; symbology: Symbology; text: string };

export type ScanDataResult =
	{ ok: true; content: ScanContent } | { ok: false; reason: string; code: ScanFailureCode };

/**
 * Decodes scanner output that starts with an AIM symbology identifier (`]C1...`), the way a
 * decoder reports it: GS (ASCII 29) separates variable-length AIs, and the identifier stands in
 * for the leading FNC1. `|` separates an EAN/UPC from its composite component (`|]e0...`).
 */
export function readScanData(raw: string): ScanDataResult {
	const id = raw.slice(0, 3);
	const spec = IDENTIFIERS[id];
	if (!spec) {
		return {
			ok: false,
			code: 'not-gs1',
			reason: `Unknown or unsupported symbology identifier "${id}".`
		};
	}
	const data = raw.slice(3);
	const { symbology } = spec;
	if (spec.data === 'plain') return { ok: true, content: { kind: 'text', symbology, text: data } };
	if (spec.data === 'gs1') {
		if (data === '')
			return { ok: false, code: 'invalid', reason: 'The GS1 code contains no data.' };
		const parsed = parseElementString(data, { implicitLeadingFnc1: true });
		if (!parsed.ok) return { ok: false, code: 'invalid', reason: parsed.reason };
		return { ok: true, content: { kind: 'ai-data', symbology, ais: parsed.ais } };
	}
	const bar = data.indexOf('|');
	const linear = bar < 0 ? data : data.slice(0, bar);
	const length = symbology === 'EAN-8' ? 8 : 13;
	if (!new RegExp(`^\\d{${length}}$`).test(linear)) {
		return { ok: false, code: 'invalid', reason: `${symbology} data must be ${length} digits.` };
	}
	const gtin = validateGtin(linear);
	if (!gtin.ok) return { ok: false, code: 'invalid', reason: gtin.reason };
	const content: ScanContent = {
		kind: 'gtin',
		symbology,
		gtin: { gtin: gtin.gtin, gtin14: gtin.gtin14, format: gtin.format }
	};
	if (bar >= 0) {
		const component = data.slice(bar + 1);
		if (!component.startsWith(']e0')) {
			return { ok: false, code: 'invalid', reason: 'The composite component must start with ]e0.' };
		}
		const parsed = parseElementString(component.slice(3), { implicitLeadingFnc1: true });
		if (!parsed.ok) return { ok: false, code: 'invalid', reason: parsed.reason };
		content.composite = parsed.ais;
	}
	return { ok: true, content };
}

export interface ParseScanOptions extends DateOptions {
	/**
	 * The barcode format the decoder reported, if known, in BarcodeDetector (`upc_e`) or ZXing
	 * (`UPC_E`) naming. It only matters for 8 digits, which may be an EAN-8 or a UPC-E.
	 */
	format?: string;
}

const notGs1 = (reason: string): IdentityResult => ({ ok: false, code: 'not-gs1', reason });
const invalid = (reason: string): IdentityResult => ({ ok: false, code: 'invalid', reason });

/** Decides what a scanned or typed string is and returns the product identity it names. */
export function parseScan(input: string, options: ParseScanOptions = {}): IdentityResult {
	// Keyboard-wedge scanners end with CR/LF; GS is not whitespace, so trim() keeps it.
	const text = input.trim();
	if (text === '') return { ok: false, code: 'empty', reason: 'Nothing was scanned.' };
	if (text.startsWith(']')) {
		const read = readScanData(text);
		if (!read.ok) return read;
		return fromContent(read.content, options);
	}
	return fromText(text, options);
}

function fromContent(content: ScanContent, options: ParseScanOptions): IdentityResult {
	switch (content.kind) {
		case 'ai-data':
			return identityFromAis(content.ais, 'element-string', options);
		case 'gtin': {
			if (!content.composite) return { ok: true, identity: identityFromGtin(content.gtin) };
			const ais = [{ ai: '01', value: content.gtin.gtin14 }, ...content.composite];
			const result = identityFromAis(ais, 'gtin', options);
			if (result.ok) result.identity.gtin = content.gtin.gtin;
			return result;
		}
		case 'text': {
			// Plain data: only a Digital Link or (from ITF-14) GTIN digits can name a product.
			if (looksLikeDigitalLink(content.text) || /^\d{14}$/.test(content.text)) {
				return fromText(content.text, options);
			}
			return notGs1(
				content.text === ''
					? 'The code is empty.'
					: 'Not a GS1 code: the code holds text, not a product identifier.'
			);
		}
	}
}

function fromText(text: string, options: ParseScanOptions): IdentityResult {
	if (looksLikeDigitalLink(text)) {
		const dl = parseDigitalLink(text, { permitZeroSuppressedGtin: true });
		if (!dl.ok) return dl.isDigitalLink ? invalid(dl.reason) : notGs1(dl.reason);
		const result = identityFromAis(dl.ais, 'digital-link', options);
		if (result.ok) {
			result.identity.digitalLink = {
				uri: text,
				stem: dl.stem,
				ignoredQueryParams: dl.ignoredQueryParams
			};
		}
		return result;
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
		return notGs1('Not a GS1 code: this is a link or other text, not a GS1 Digital Link.');
	}
	if (text.startsWith('(')) {
		const parsed = parseBracketed(text);
		return parsed.ok
			? identityFromAis(parsed.ais, 'element-string', options)
			: invalid(parsed.reason);
	}
	if (text.startsWith('^') || text.startsWith(GS)) {
		const parsed = parseElementString(text);
		return parsed.ok
			? identityFromAis(parsed.ais, 'element-string', options)
			: invalid(parsed.reason);
	}
	if (/^\d+$/.test(text) && [6, 7, 8, 12, 13, 14].includes(text.length)) {
		return fromDigits(text, options);
	}
	if (text.includes(GS) || /^01\d{14}/.test(text)) {
		const parsed = parseElementString(text, { implicitLeadingFnc1: true });
		return parsed.ok
			? identityFromAis(parsed.ais, 'element-string', options)
			: invalid(parsed.reason);
	}
	if (/^\d+$/.test(text)) {
		return notGs1(`Not a GTIN: a GTIN has 8, 12, 13 or 14 digits, this code has ${text.length}.`);
	}
	return notGs1('Not a GS1 code: the code holds text, not a product identifier.');
}

function fromDigits(digits: string, options: ParseScanOptions): IdentityResult {
	const format = options.format?.toLowerCase().replace(/[^a-z0-9]/g, '');
	let gtin: GtinResult;
	if (format === 'upce' && digits.length <= 8) {
		// A decoder may hand over UPC-E without its number system or check digit, or already
		// expanded to 12/13 digits (then it is an ordinary GTIN, handled below).
		const upcE = expandUpcE(digits);
		if (!upcE.ok) return invalid(upcE.reason);
		const full = (digits.length === 6 ? '0' + digits : digits).slice(0, 7) + upcE.upcA.slice(-1);
		gtin = { ok: true, ...upcAToGtin(upcE.upcA), upcE: full };
	} else if (digits.length < 8) {
		return notGs1(`Not a GTIN: a GTIN has 8, 12, 13 or 14 digits, this code has ${digits.length}.`);
	} else if (digits.length === 8) {
		gtin = validateEightDigits(digits, format === 'ean8' ? 'ean-8' : undefined);
	} else gtin = validateGtin(digits);
	return gtin.ok ? { ok: true, identity: identityFromGtin(gtin) } : invalid(gtin.reason);
}
