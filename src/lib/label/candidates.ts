/**
 * Candidates from a rating label's recognised text: brand, model designation, hardware version,
 * serial number, MAC address, Wi-Fi name and printed credentials, each pointing at the line (and
 * the characters in it) it came from, so the screen can show where it was read.
 *
 * Candidates, not guesses: a value is proposed only after a label word ("Model", "S/N", "PIN",
 * ...) or, for a MAC address, in a shape nothing else has. The brand, which labels rarely
 * introduce with a word, is proposed from the first line of plain words and said to be so.
 * The inspector accepts a candidate or types over it.
 *
 * Pure: no OCR engine, no DOM. Lines come from the engine (text and box) or from a plain string.
 */

/** A box in the photo's pixels, as the engine gives it. */
export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** One recognised line. */
export interface OcrLine {
	text: string;
	box?: Box;
	/** The engine's confidence, 0 to 100. */
	confidence?: number;
}

export type IdentityField = 'brand' | 'model' | 'hardwareVersion' | 'serial' | 'mac' | 'ssid';
export type CredentialKind = 'password' | 'pin' | 'wifiKey' | 'setupCode';
export type CandidateField = IdentityField | CredentialKind;

export const credentialKinds: readonly CredentialKind[] = [
	'password',
	'pin',
	'wifiKey',
	'setupCode'
];

export function isCredentialKind(field: CandidateField): field is CredentialKind {
	return (credentialKinds as readonly string[]).includes(field);
}

export interface Candidate {
	field: CandidateField;
	/** The value as printed (credentials: exactly, case kept). */
	value: string;
	/** Index of the line it came from. */
	line: number;
	/** Where the value is in that line's text: [start, end). */
	start: number;
	end: number;
	/** The label word it followed ("S/N", "Model No."), or how it was found ("first line"). */
	cue: string;
}

export const fieldNames: Record<CandidateField, string> = {
	brand: 'Brand',
	model: 'Model designation',
	hardwareVersion: 'Hardware version',
	serial: 'Serial number',
	mac: 'MAC address',
	ssid: 'Wi-Fi name (SSID)',
	password: 'Password',
	pin: 'PIN',
	wifiKey: 'Wi-Fi key',
	setupCode: 'Setup code'
};

interface Cue {
	/** `ignore`: a label word whose value is not a candidate, but which must not be read as one. */
	field: CandidateField | 'ignore';
	/** Matched case-insensitively, at a word start, followed by a separator or a space. */
	pattern: string;
}

// Longer cues first where one starts another ("Wi-Fi password" before "Password"), so the more
// specific field wins. Separators are matched after the cue.
const CUES: Cue[] = [
	// Credentials
	{
		field: 'wifiKey',
		pattern: String.raw`(?:wi-?fi|wlan|wpa2?(?:-psk)?|wireless|network)\s*(?:password|passphrase|key|pw)`
	},
	{ field: 'wifiKey', pattern: String.raw`wpa2?(?:-psk)?|psk|security\s+key|passphrase` },
	{ field: 'setupCode', pattern: String.raw`(?:home\s*kit\s+)?(?:setup|pairing|device)\s+code` },
	{ field: 'pin', pattern: String.raw`(?:wps\s+)?pin(?:\s+code)?` },
	{
		field: 'password',
		pattern: String.raw`(?:default\s+|admin\s+|user\s+|login\s+|device\s+|web\s+)?(?:password|passwort|passwd|pwd|pw|pass)`
	},
	// Versions of software are not the hardware version ("FW ver 1.2" is not "ver 1.2").
	{
		field: 'ignore',
		pattern: String.raw`(?:firmware|software|fw|sw)\s*(?:version|ver\.?|rev\.?|v(?=[\s.:]))?`
	},
	// Identity
	{ field: 'ssid', pattern: String.raw`ssid|(?:wi-?fi|wlan|network)\s+name` },
	{ field: 'mac', pattern: String.raw`mac(?:\s+(?:address|addr\.?|id))?` },
	{
		field: 'serial',
		pattern: String.raw`serial\s*(?:no\.?|number|nr\.?|#)?|ser\.\s*no\.?|[s5]\s?\/\s?n(?:o\.?)?|s\.n\.|sn`
	},
	{
		field: 'hardwareVersion',
		pattern: String.raw`(?:hardware|h\/w|hw)\s*(?:version|ver\.?|revision|rev\.?|v(?=[\s.:]))?|hv|rev(?:ision)?\.?|ver(?:sion)?\.?`
	},
	{
		field: 'model',
		pattern: String.raw`model\s*(?:no\.?|number|nr\.?|#|name)?|mod\.|type\s*(?:no\.?)?|product\s+model|item\s+no\.?`
	},
	{ field: 'brand', pattern: String.raw`brand|manufacturer|mfr\.?|made\s+by` }
];

/** Every cue, as one expression; group n+1 is CUES[n]. */
const CUE_RE = new RegExp(
	`(?<![\\p{L}\\p{N}])(?:${CUES.map((cue) => `(${cue.pattern})`).join('|')})(?![\\p{L}\\p{N}])`,
	'giu'
);

/** After a cue: an optional separator (OCR reads ":" as ";" or "." too), then spaces. */
const SEPARATOR_RE = /^\s*[:;.#=：)\]-]?\s*/u;

const MAC_RE =
	/(?<![0-9A-Za-z])(?:[0-9A-Fa-fOo]{2}[:-]){5}[0-9A-Fa-fOo]{2}(?![0-9A-Za-z])|(?<![0-9A-Za-z])[0-9A-F]{12}(?![0-9A-Za-z])/gu;

interface CueHit {
	field: CandidateField | 'ignore';
	cue: string;
	start: number;
	/** Where the value may begin (after the cue and its separator). */
	valueStart: number;
}

function cuesIn(text: string): CueHit[] {
	const hits: CueHit[] = [];
	for (const match of text.matchAll(CUE_RE)) {
		const index = match.slice(1).findIndex((group) => group !== undefined);
		const cue = CUES[index];
		if (!cue || match.index === undefined) continue;
		const after = match.index + match[0].length;
		const separator = SEPARATOR_RE.exec(text.slice(after));
		hits.push({
			field: cue.field,
			cue: match[0],
			start: match.index,
			valueStart: after + (separator?.[0].length ?? 0)
		});
	}
	return hits;
}

/** Trailing punctuation OCR adds or the label ends a value with. */
function trimValue(value: string): string {
	let trimmed = value.replace(/^[\s"'“”‘’[{<|]+/u, '').replace(/[\s"'“”‘’\]}>|,;.:]+$/u, '');
	// A closing bracket stays when it closes one in the value: "HS100(UK)".
	while (trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')'))
		trimmed = trimmed.slice(0, -1).replace(/[\s,;.:]+$/u, '');
	if (trimmed.startsWith('(') && count(trimmed, '(') > count(trimmed, ')'))
		trimmed = trimmed.slice(1);
	return trimmed;
}

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

/** A value has at least one letter or digit and is not itself a label word. */
function plausible(field: CandidateField | 'ignore', value: string): field is CandidateField {
	if (field === 'ignore') return false;
	if (!/[\p{L}\p{N}]/u.test(value)) return false;
	if (field === 'hardwareVersion') return /\d/.test(value) && value.length <= 12;
	if (field === 'mac') return normaliseMac(value) !== null;
	if (field === 'serial' || field === 'model') return value.length >= 2;
	if (field === 'pin' || field === 'setupCode') return /\d/.test(value);
	return true;
}

/**
 * The value after a cue, up to the next cue or a wide gap (two or more spaces separate columns
 * on a label). Most fields are one word; a model designation takes following words that carry
 * a digit ("SC 200"), a brand or SSID the words up to the gap.
 */
function valueAfter(text: string, hit: CueHit, end: number): { start: number; value: string } {
	const rest = text.slice(hit.valueStart, end);
	const gap = /\s{2,}|\t/u.exec(rest);
	const span = gap ? rest.slice(0, gap.index) : rest;
	const words = span.split(/\s+/u).filter(Boolean);
	let taken: string[];
	if (hit.field === 'brand' || hit.field === 'ssid') taken = words;
	else if (hit.field === 'model') {
		taken = words.slice(0, 1);
		for (const word of words.slice(1)) {
			if (/^[A-Z0-9][A-Z0-9./-]*$/u.test(word) && /\d/.test(word)) taken.push(word);
			else break;
		}
	} else taken = words.slice(0, 1);
	const raw = taken.join(' ');
	const value = trimValue(raw);
	const lead = raw.indexOf(value);
	return {
		start: hit.valueStart + (span.length - span.trimStart().length) + Math.max(0, lead),
		value
	};
}

/** A MAC address in the usual colon form, upper case; null when it is not one. */
export function normaliseMac(value: string): string | null {
	const hex = value.replace(/[oO]/gu, '0').replace(/[:\-.\s]/gu, '');
	if (!/^[0-9A-Fa-f]{12}$/u.test(hex)) return null;
	return hex.toUpperCase().replace(/(..)(?!$)/gu, '$1:');
}

function normalise(field: CandidateField, value: string): string {
	if (field === 'mac') return normaliseMac(value) ?? value;
	return value;
}

/** The first line of plain words (no label word, no long digit run) names the brand, often. */
function brandFromFirstLine(lines: string[], cued: Set<number>): Candidate | null {
	for (const [index, text] of lines.entries()) {
		const trimmed = text.trim();
		if (trimmed === '') continue;
		if (cued.has(index)) return null;
		const first = /^[\p{L}][\p{L}\p{N}&+.'-]{1,30}/u.exec(trimmed);
		if (!first || /\d{3,}/u.test(trimmed) || !/[\p{Lu}]/u.test(first[0])) return null;
		const start = text.indexOf(first[0]);
		const value = trimValue(first[0]);
		return {
			field: 'brand',
			value,
			line: index,
			start,
			end: start + value.length,
			cue: 'first line'
		};
	}
	return null;
}

/** Splits recognised text into lines when the engine gave only a string. */
export function linesOf(text: string): OcrLine[] {
	return text.split(/\r?\n/u).map((line) => ({ text: line }));
}

/**
 * Every candidate found, in the order of the label (line, then position). The same value for the
 * same field is proposed once, from its first line.
 */
export function extractCandidates(input: OcrLine[] | string): Candidate[] {
	const lines = (typeof input === 'string' ? linesOf(input) : input).map((line) => line.text);
	const found: Candidate[] = [];
	const cued = new Set<number>();
	for (const [index, text] of lines.entries()) {
		const hits = cuesIn(text);
		if (hits.length > 0) cued.add(index);
		for (let n = 0; n < hits.length; n++) {
			const hit = hits[n]!;
			let next = hits[n + 1];
			// "Password: password": after a separator, a label word is the value itself.
			if (
				next &&
				next.start === hit.valueStart &&
				/[:=]/u.test(text.slice(hit.start, next.start))
			) {
				n++;
				next = hits[n + 1];
			}
			const end = next?.start ?? text.length;
			const { start, value } = valueAfter(text, hit, end);
			if (!plausible(hit.field, value)) continue;
			found.push({
				field: hit.field,
				value: normalise(hit.field, value),
				line: index,
				start,
				end: start + value.length,
				cue: hit.cue.trim()
			});
		}
		// A MAC address needs no label word: its shape is enough.
		for (const match of text.matchAll(MAC_RE)) {
			if (match.index === undefined) continue;
			const mac = normaliseMac(match[0]);
			if (mac)
				found.push({
					field: 'mac',
					value: mac,
					line: index,
					start: match.index,
					end: match.index + match[0].length,
					cue: 'MAC address shape'
				});
		}
	}
	if (!found.some((c) => c.field === 'brand')) {
		const brand = brandFromFirstLine(lines, cued);
		if (brand) found.push(brand);
	}
	const seen = new Set<string>();
	return found
		.sort((a, b) => a.line - b.line || a.start - b.start)
		.filter((candidate) => {
			const exact = candidate.field === 'mac' || isCredentialKind(candidate.field);
			const key = `${candidate.field}\u0000${exact ? candidate.value : candidate.value.toLowerCase()}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}

/** The first candidate of each field, the ones a screen offers first. */
export function firstOfEach(candidates: Candidate[]): Partial<Record<CandidateField, Candidate>> {
	const first: Partial<Record<CandidateField, Candidate>> = {};
	for (const candidate of candidates) first[candidate.field] ??= candidate;
	return first;
}
