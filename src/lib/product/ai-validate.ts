/**
 * Validation of one AI value against its Syntax Dictionary format: component lengths, character
 * sets, and the content checks ("linters") named in the dictionary.
 *
 * Content checks NOT implemented, listed in UNCHECKED_LINTERS: they need code lists this offline
 * module does not carry (ISO 3166 country codes, ISO 4217 currencies, IBAN country lengths, UN/ECE
 * package types) or implement the North American coupon grammar. AIs that use them are still
 * parsed and checked for length and character set, so a GS1 DataMatrix that also carries, say,
 * (422) country of origin still identifies the product; only the code-list membership of that
 * value goes unchecked. None of them matter for identifying a product.
 */

import type { AiComponent, AiDefinition } from './ai-dictionary';
import { expectedCheckDigit } from './gtin';

export const UNCHECKED_LINTERS: ReadonlySet<string> = new Set([
	'iso3166',
	'iso3166999',
	'iso3166alpha2',
	'iso4217',
	'iban',
	'couponcode',
	'couponposoffer',
	'packagetype'
]);

/** GS1 AI encodable character set 82, in the order that gives each character its value. */
const CSET82 =
	'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Characters of an alphanumeric check character pair (GMN, MUDI). */
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function aiLabel(def: AiDefinition): string {
	return def.title ? `AI (${def.ai}) ${def.title}` : `AI (${def.ai})`;
}

/** Human description of the value's allowed length, e.g. "14 digits", "1 to 20 characters". */
function describeLength(def: AiDefinition): string {
	let min = 0;
	let max = 0;
	for (const c of def.components) {
		if (!c.optional) min += c.min;
		max += c.max;
	}
	const unit = def.components.every((c) => c.cset === 'N') ? 'digits' : 'characters';
	return min === max ? `${min} ${unit}` : `${min} to ${max} ${unit}`;
}

/**
 * Checks `value` for AI `def`. Returns null if valid, otherwise a human-readable reason that
 * names the AI and the problem.
 */
export function validateAiValue(def: AiDefinition, value: string): string | null {
	const label = aiLabel(def);
	if (value === '') return `${label} has no value.`;
	let pos = 0;
	for (const c of def.components) {
		const remaining = value.length - pos;
		// Optional components may be left out once the data is used up.
		if (remaining === 0 && c.optional) break;
		const len = c.min === c.max ? c.min : remaining;
		if (remaining < len || len < c.min) {
			return `${label} is too short: "${value}" (expected ${describeLength(def)}).`;
		}
		if (len > c.max) {
			return `${label} is too long: "${value}" (expected ${describeLength(def)}).`;
		}
		const part = value.slice(pos, pos + len);
		const problem = checkCharset(c, part) ?? runLinters(c, part);
		if (problem) return `${label}: ${problem}`;
		pos += len;
	}
	if (pos < value.length) {
		return `${label} is too long: "${value}" (expected ${describeLength(def)}).`;
	}
	return null;
}

function badCharacter(part: string, allowed: string): string | undefined {
	for (const ch of part) if (!allowed.includes(ch)) return ch;
	return undefined;
}

function showChar(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (code < 0x20 || code === 0x7f)
		return `control character 0x${code.toString(16).padStart(2, '0')}`;
	if (ch === ' ') return 'a space';
	return `"${ch}"`;
}

function checkCharset(c: AiComponent, part: string): string | null {
	switch (c.cset) {
		case 'N':
			return /^\d*$/.test(part) ? null : `"${part}" must contain only digits.`;
		case 'X': {
			const bad = badCharacter(part, CSET82);
			return bad === undefined ? null : `${showChar(bad)} is not allowed in GS1 data.`;
		}
		case 'Y': {
			const bad = badCharacter(part, CSET39);
			return bad === undefined ? null : `${showChar(bad)} is not allowed here (A-Z, 0-9, #, -, /).`;
		}
		case 'Z': {
			// base64url; up to two "=" pads, only where they make the length a multiple of 3
			// (the rule of the GS1 reference implementation).
			const body = part.replace(/=+$/, '');
			const pads = part.length - body.length;
			if (pads > 2 || (pads > 0 && part.length % 3 !== 0)) return 'incorrect "=" padding.';
			const bad = badCharacter(body, CSET64);
			return bad === undefined ? null : `${showChar(bad)} is not a base64url character.`;
		}
	}
}

function runLinters(c: AiComponent, part: string): string | null {
	for (const linter of c.linters) {
		const problem = lint(linter, part);
		if (problem) return problem;
	}
	return null;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Checks month and day of a date. For two-digit years the leap year is judged on YY alone:
 * the GS1 century rule maps YY=00 to 2000 (a leap year) until 2050.
 */
function checkDate(year: number, month: number, day: number, dayZeroOk: boolean): string | null {
	if (month < 1 || month > 12) return `month ${String(month).padStart(2, '0')} is not valid.`;
	if (day === 0 && dayZeroOk) return null;
	if (day < 1 || day > daysInMonth(year, month)) {
		return `day ${String(day).padStart(2, '0')} is not valid for that month.`;
	}
	return null;
}

function num(s: string, from: number, to: number): number {
	return Number(s.slice(from, to));
}

function checkHour(s: string): string | null {
	return Number(s) > 23 ? `hour ${s} is not valid.` : null;
}
function checkMinute(s: string, what = 'minute'): string | null {
	return Number(s) > 59 ? `${what} ${s} is not valid.` : null;
}

function alphaCheckPair(part: string): string | null {
	if (part.length < 2) return 'too short to hold its two check characters.';
	const data = part.slice(0, -2);
	let sum = 0;
	// Weights are the primes 2, 3, 5, ... from the rightmost data character leftwards.
	const primes = primesUpTo(data.length);
	for (let i = 0; i < data.length; i++) {
		sum += CSET82.indexOf(data[i] ?? '') * (primes[data.length - 1 - i] ?? 0);
	}
	sum %= 1021;
	const pair = (CSET32[sum >> 5] ?? '') + (CSET32[sum & 31] ?? '');
	return part.endsWith(pair) ? null : `the check characters should be ${pair}.`;
}

function primesUpTo(count: number): number[] {
	const primes: number[] = [];
	for (let n = 2; primes.length < count; n++) {
		if (primes.every((p) => n % p !== 0)) primes.push(n);
	}
	return primes;
}

function lint(linter: string, part: string): string | null {
	switch (linter) {
		case 'csum': {
			const expected = expectedCheckDigit(part);
			return expected !== undefined && part.endsWith(expected)
				? null
				: `incorrect check digit (it should be ${expected}, not ${part.slice(-1)}).`;
		}
		case 'csumalpha':
			return alphaCheckPair(part);
		case 'gcppos1':
		case 'gcppos2': {
			// A GS1 Company Prefix has at least 4 digits; gcppos2 keys start with one extra digit.
			const gcp = linter === 'gcppos2' ? part.slice(1) : part;
			if (gcp.length < 4) return 'too short to start with a GS1 Company Prefix.';
			return /^\d{4}/.test(gcp) ? null : 'does not start with a GS1 Company Prefix.';
		}
		case 'zero':
			return part === '0' ? null : `"${part}" must be 0.`;
		case 'nonzero':
			return /^0+$/.test(part) ? `"${part}" must not be zero.` : null;
		case 'nozeroprefix':
			return part.length > 1 && part.startsWith('0') ? 'must not start with 0.' : null;
		case 'yesno':
			return part === '0' || part === '1' ? null : `"${part}" must be 0 or 1.`;
		case 'winding':
			return ['0', '1', '9'].includes(part) ? null : `winding direction "${part}" is not valid.`;
		case 'hyphen':
			return /^-+$/.test(part) ? null : `"${part}" must be "-".`;
		case 'iso5218':
			return ['0', '1', '2', '9'].includes(part) ? null : `"${part}" is not an ISO 5218 code.`;
		case 'pieceoftotal': {
			const piece = num(part, 0, part.length / 2);
			const total = num(part, part.length / 2, part.length);
			if (piece === 0) return 'piece number must not be zero.';
			if (total === 0) return 'total number of pieces must not be zero.';
			return piece > total ? 'piece number exceeds the total number of pieces.' : null;
		}
		case 'yymmd0':
		case 'yymmdd':
			return checkDate(num(part, 0, 2), num(part, 2, 4), num(part, 4, 6), linter === 'yymmd0');
		case 'yyyymmdd':
			return checkDate(num(part, 0, 4), num(part, 4, 6), num(part, 6, 8), false);
		case 'hhmi':
			return checkHour(part.slice(0, 2)) ?? checkMinute(part.slice(2, 4));
		case 'hh':
			return checkHour(part);
		case 'mi':
			return checkMinute(part);
		case 'ss':
			return checkMinute(part, 'second');
		case 'latitude':
			return Number(part) > 1800000000 ? 'latitude is out of range.' : null;
		case 'longitude':
			return Number(part) > 3600000000 ? 'longitude is out of range.' : null;
		case 'posinseqslash': {
			const m = /^(\d+)\/(\d+)$/.exec(part);
			if (!m) return `"${part}" must have the form position/total.`;
			if (/^0/.test(m[1] ?? '') || /^0/.test(m[2] ?? '')) return 'must not start with 0.';
			return Number(m[1]) > Number(m[2]) ? 'position exceeds the total.' : null;
		}
		case 'hasnondigit':
			return /\D/.test(part) ? null : 'must contain a non-digit character.';
		case 'pcenc':
			return /%(?![0-9A-Fa-f]{2})/.test(part) ? 'invalid percent-encoding.' : null;
		case 'mediatype': {
			const n = Number(part);
			return (n >= 1 && n <= 10) || n >= 80 ? null : `media type ${part} is not valid.`;
		}
		case 'importeridx':
			return /^[-0-9A-Za-z_]$/.test(part) ? null : `importer index "${part}" is not valid.`;
		default:
			if (UNCHECKED_LINTERS.has(linter)) return null;
			// A linter the dictionary names but this module has never heard of: the table was
			// updated without updating this switch. Accept, as for the unchecked ones; the
			// dictionary test lists every linter so this cannot go unnoticed.
			return null;
	}
}

/** Every content check this module implements (for the dictionary-coverage test). */
export const IMPLEMENTED_LINTERS: ReadonlySet<string> = new Set([
	'csum',
	'csumalpha',
	'gcppos1',
	'gcppos2',
	'zero',
	'nonzero',
	'nozeroprefix',
	'yesno',
	'winding',
	'hyphen',
	'iso5218',
	'pieceoftotal',
	'yymmd0',
	'yymmdd',
	'yyyymmdd',
	'hhmi',
	'hh',
	'mi',
	'ss',
	'latitude',
	'longitude',
	'posinseqslash',
	'hasnondigit',
	'pcenc',
	'mediatype',
	'importeridx'
]);
