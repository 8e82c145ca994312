/**
 * What the printed-credential checks need to know about a password, PIN, Wi-Fi key or setup code
 * read from a label, so that the value itself need not be kept:
 *
 * - its length and character classes;
 * - whether it is a common default (admin, password, 0000, 1234, 12345678, ...), or such a word
 *   with digits added, or a plain run (1234, abcd) or repeat (0000);
 * - whether it is derived from the serial number, MAC address, Wi-Fi name (SSID) or model
 *   designation printed beside it: equal, contained, a prefix or suffix of one, or the other way
 *   round, ignoring case, separators, and a MAC's hex digits read as decimal or the other way;
 * - a keyed hash (HMAC-SHA-256, WebCrypto) of the value and of the values just below and above
 *   it, so units of the same model can be compared: the same hash on two units is a universal
 *   default indication, a neighbour's hash an incremental counter indication.
 *
 * Pure apart from WebCrypto (which Node has too): no storage, no DOM.
 * EN 303 645 5.1-1 and 5.1-2 (TS 103 701 5.1-2-1), PSTI Schedule 1 paragraph 1(3).
 */

import type { CredentialKind } from './candidates';

export type { CredentialKind } from './candidates';

/** Common default credentials, lower case. Matched ignoring case and separators. */
export const COMMON_DEFAULTS: readonly string[] = [
	'admin',
	'administrator',
	'password',
	'passw0rd',
	'pass',
	'root',
	'user',
	'guest',
	'default',
	'support',
	'service',
	'system',
	'setup',
	'changeme',
	'letmein',
	'welcome',
	'qwerty',
	'qwertyuiop',
	'abc123',
	'1234',
	'12345',
	'123456',
	'1234567',
	'12345678',
	'123456789',
	'1234567890',
	'0000',
	'00000000',
	'1111',
	'11111111',
	'888888',
	'666666',
	'54321',
	'4321',
	'0123456789',
	'admin123',
	'admin1234',
	'password1',
	'password123',
	'ubnt',
	'realtek',
	'vizxv',
	'xc3511',
	'hi3518',
	'7ujmko0admin',
	'juantech',
	'smcadmin',
	'meinsm',
	'ikwb',
	'dreambox'
];

/** Words that, with only digits or symbols added, still make a default ("admin2024", "Password!"). */
const DEFAULT_WORDS = [
	'admin',
	'administrator',
	'password',
	'passw0rd',
	'root',
	'user',
	'guest',
	'default',
	'changeme',
	'welcome',
	'qwerty',
	'setup',
	'support'
];

export interface CharacterClasses {
	lower: boolean;
	upper: boolean;
	digit: boolean;
	/** Anything else printable: punctuation, symbols, spaces, letters outside a-z. */
	symbol: boolean;
}

export type IdentifierSource = 'serial' | 'mac' | 'ssid' | 'model';

/**
 * How a credential relates to a printed identifier:
 * `equal`; `contains` (the identifier is inside the credential); `part` (the credential is a
 * stretch of the identifier); `prefix` / `suffix` (the credential is the identifier's start or
 * end, at least 4 characters); `hex` (equal or part once a MAC's hex is read as decimal, or the
 * credential's digits as hex).
 */
export type Relation = 'equal' | 'contains' | 'part' | 'prefix' | 'suffix' | 'hex';

export interface Derivation {
	source: IdentifierSource;
	relation: Relation;
	/** Characters shared. */
	shared: number;
}

/** The analysis: everything a check needs, nothing that gives the value back. */
export interface CredentialAnalysis {
	kind: CredentialKind;
	length: number;
	classes: CharacterClasses;
	/** How many of the four classes occur. */
	classCount: number;
	/** `exact`: on the defaults list; `word`: a default word plus digits or symbols; null: neither. */
	commonDefault: 'exact' | 'word' | null;
	/** A plain run (1234, abcd, 9876) or one character repeated (0000, aaaa). */
	trivialPattern: 'sequence' | 'repeat' | null;
	derivedFrom: Derivation[];
}

/** The identifiers printed on the same label (or typed on the product card). */
export type Identifiers = Partial<Record<IdentifierSource, string>>;

// ---------------------------------------------------------------------------------------------
// Length, classes, defaults

export function characterClasses(value: string): CharacterClasses {
	return {
		lower: /[a-z]/u.test(value),
		upper: /[A-Z]/u.test(value),
		digit: /[0-9]/u.test(value),
		symbol: /[^a-zA-Z0-9]/u.test(value)
	};
}

/** Lower case without separators: how defaults and identifiers are compared. */
function fold(value: string): string {
	return value.toLowerCase().replace(/[\s:._-]+/gu, '');
}

export function commonDefault(value: string): CredentialAnalysis['commonDefault'] {
	const folded = fold(value);
	if (folded === '') return null;
	if (COMMON_DEFAULTS.includes(folded)) return 'exact';
	for (const word of DEFAULT_WORDS) {
		if (!folded.includes(word)) continue;
		const rest = folded.replace(word, '');
		if (/^[^a-z]*$/u.test(rest)) return 'word';
	}
	return null;
}

export function trivialPattern(value: string): CredentialAnalysis['trivialPattern'] {
	const folded = fold(value);
	if (folded.length < 3) return null;
	if (/^(.)\1+$/u.test(folded)) return 'repeat';
	const codes = [...folded].map((c) => c.codePointAt(0)!);
	const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]!));
	const step = [...steps][0];
	if (steps.size === 1 && (step === 1 || step === -1) && /^([0-9]+|[a-z]+)$/u.test(folded))
		return 'sequence';
	return null;
}

// ---------------------------------------------------------------------------------------------
// Derived from printed identifiers

const MIN_SHARED = 4;

/** The forms an identifier may appear in a credential: as printed, and a MAC's hex as decimal. */
function forms(source: IdentifierSource, identifier: string): { text: string; hex: boolean }[] {
	const folded = fold(identifier);
	const list = [{ text: folded, hex: false }];
	if (source === 'mac' && /^[0-9a-f]{12}$/u.test(folded)) {
		// Some makers print the MAC's last bytes as a decimal number.
		list.push({ text: BigInt(`0x${folded}`).toString(10), hex: true });
		list.push({ text: BigInt(`0x${folded.slice(6)}`).toString(10), hex: true });
	}
	return list;
}

/** The credential's own other forms: its digits read as hex (a MAC printed in decimal). */
function credentialForms(credential: string): { text: string; hex: boolean }[] {
	const folded = fold(credential);
	const list = [{ text: folded, hex: false }];
	if (/^[0-9]{4,15}$/u.test(folded)) list.push({ text: BigInt(folded).toString(16), hex: true });
	return list;
}

/** The longest stretch the two have in common (simple dynamic programme; labels are short). */
function longestCommon(a: string, b: string): number {
	let best = 0;
	const previous = new Array<number>(b.length + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = 0;
		for (let j = 1; j <= b.length; j++) {
			const above = previous[j]!;
			previous[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
			best = Math.max(best, previous[j]!);
			diagonal = above;
		}
	}
	return best;
}

function relate(
	credential: string,
	identifier: string
): { relation: Relation; shared: number } | null {
	if (credential.length === 0 || identifier.length === 0) return null;
	if (credential === identifier) return { relation: 'equal', shared: credential.length };
	if (identifier.length >= MIN_SHARED && credential.includes(identifier))
		return { relation: 'contains', shared: identifier.length };
	if (credential.length >= MIN_SHARED) {
		if (identifier.endsWith(credential)) return { relation: 'suffix', shared: credential.length };
		if (identifier.startsWith(credential)) return { relation: 'prefix', shared: credential.length };
		if (identifier.includes(credential)) return { relation: 'part', shared: credential.length };
	}
	// A long stretch in common (half the credential, at least 4): a part of the identifier with
	// something added, such as "admin" + the serial's last six.
	const shared = longestCommon(credential, identifier);
	if (shared >= Math.max(MIN_SHARED, Math.ceil(credential.length / 2)))
		return { relation: 'part', shared };
	return null;
}

export function derivations(credential: string, identifiers: Identifiers): Derivation[] {
	const found: Derivation[] = [];
	for (const source of ['serial', 'mac', 'ssid', 'model'] as const) {
		const identifier = identifiers[source]?.trim();
		if (!identifier) continue;
		let best: Derivation | null = null;
		for (const own of credentialForms(credential)) {
			for (const form of forms(source, identifier)) {
				const relation = relate(own.text, form.text);
				if (!relation) continue;
				const derivation: Derivation = {
					source,
					relation: own.hex || form.hex ? 'hex' : relation.relation,
					shared: relation.shared
				};
				if (!best || derivation.shared > best.shared) best = derivation;
			}
		}
		if (best) found.push(best);
	}
	return found;
}

/** The analysis of one printed credential against the identifiers printed with it. */
export function analyseCredential(
	kind: CredentialKind,
	value: string,
	identifiers: Identifiers
): CredentialAnalysis {
	const classes = characterClasses(value);
	return {
		kind,
		length: [...value].length,
		classes,
		classCount: Object.values(classes).filter(Boolean).length,
		commonDefault: commonDefault(value),
		trivialPattern: trivialPattern(value),
		derivedFrom: derivations(value, identifiers)
	};
}

// ---------------------------------------------------------------------------------------------
// Comparing units: keyed hashes

/** How far apart two values may be and still count as an incremental counter. */
export const COUNTER_WINDOW = 20;

/**
 * The values a counter would give just below and above this one: its last run of digits (and,
 * when that run could be hex, its last run of hex digits) stepped by 1 to COUNTER_WINDOW, width
 * and case kept. "ABC0041" gives "ABC0040", "ABC0042", ...
 */
export function counterNeighbours(value: string, window = COUNTER_WINDOW): string[] {
	const out = new Set<string>();
	const step = (match: RegExpExecArray | null, radix: 10 | 16) => {
		if (!match) return;
		const digits = match[0];
		const head = value.slice(0, match.index);
		const tail = value.slice(match.index + digits.length);
		const upper = digits === digits.toUpperCase();
		const n = BigInt(radix === 16 ? `0x${digits}` : digits);
		for (let d = 1n; d <= BigInt(window); d++) {
			for (const next of [n - d, n + d]) {
				if (next < 0n) continue;
				let text = next.toString(radix).padStart(digits.length, '0');
				if (text.length > digits.length) continue;
				if (upper) text = text.toUpperCase();
				out.add(`${head}${text}${tail}`);
			}
		}
	};
	step(/[0-9]+(?=[^0-9]*$)/u.exec(value), 10);
	const hex = /[0-9A-Fa-f]+(?=[^0-9A-Fa-f]*$)/u.exec(value);
	if (hex && /[A-Fa-f]/u.test(hex[0]) && /[0-9]/u.test(hex[0])) step(hex, 16);
	out.delete(value);
	return [...out];
}

/** A fresh HMAC key that cannot be exported (kept by the device; never in a report). */
export function newCredentialKey(): Promise<CryptoKey> {
	return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
}

/** HMAC-SHA-256 of the kind and value, lower-case hex. */
export async function keyedHash(
	key: CryptoKey,
	kind: CredentialKind,
	value: string
): Promise<string> {
	const mac = await crypto.subtle.sign(
		'HMAC',
		key,
		new TextEncoder().encode(`${kind}\u0000${value}`)
	);
	return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What is kept of a credential to compare units: its hash and its counter neighbours' hashes. */
export interface CredentialFingerprint {
	hash: string;
	/** Hashes of the counter neighbours, shortened to 16 hex digits, sorted (order tells nothing). */
	neighbours: string[];
}

export async function fingerprint(
	key: CryptoKey,
	kind: CredentialKind,
	value: string
): Promise<CredentialFingerprint> {
	const [hash, ...neighbours] = await Promise.all(
		[value, ...counterNeighbours(value)].map((v) => keyedHash(key, kind, v))
	);
	return { hash: hash!, neighbours: neighbours.map((h) => h.slice(0, 16)).sort() };
}

/** One unit's credential, as compared. */
export interface UnitCredential extends CredentialFingerprint {
	unit: number;
	kind: CredentialKind;
}

export interface UnitComparison {
	/** Units compared (of this kind). */
	units: number[];
	/** Pairs of units with the same value: a universal default indication. */
	equal: [number, number][];
	/** Pairs of units whose values are a counter's steps apart: an incremental counter indication. */
	consecutive: [number, number][];
}

/** Compares the credentials of one kind across units (one credential per unit, the latest). */
export function compareUnits(credentials: UnitCredential[], kind: CredentialKind): UnitComparison {
	const byUnit = new Map<number, UnitCredential>();
	for (const credential of credentials)
		if (credential.kind === kind) byUnit.set(credential.unit, credential);
	const list = [...byUnit.values()].sort((a, b) => a.unit - b.unit);
	const result: UnitComparison = { units: list.map((c) => c.unit), equal: [], consecutive: [] };
	for (const [i, a] of list.entries()) {
		for (const b of list.slice(i + 1)) {
			if (a.hash === b.hash) result.equal.push([a.unit, b.unit]);
			else if (
				a.neighbours.includes(b.hash.slice(0, 16)) ||
				b.neighbours.includes(a.hash.slice(0, 16))
			)
				result.consecutive.push([a.unit, b.unit]);
		}
	}
	return result;
}
