/**
 * Reading signed bytes as JSON only when they are exactly the RFC 8785 form of what they parse
 * to. A signature covers bytes, but readers see parsed values: without this, one signed report
 * could read differently to different parsers (`"verdict":"FAIL","verdict":"PASS"` is FAIL to
 * some and PASS to JavaScript; 2^53 + 1 is not the number it spells; a lone surrogate is stored
 * as invalid UTF-8 by some databases). Accepted: valid UTF-8 (no byte-order mark), no whitespace,
 * each object's keys once and in RFC 8785 order (UTF-16 code units), strings with JSON.stringify's
 * escapes and no lone surrogate, numbers as ECMAScript writes them; by default integers only, and
 * only safe ones, as the report format allows.
 *
 * The common case is one parse, one canonicalisation (`canonicalOfParsed`) and one comparison.
 * Only a refusal walks the text to say which rule is broken first, and where (a dot path, as the
 * schema's errors give).
 */
import canonicalize from 'canonicalize';
import type { SignableValue } from './canonical';
import { isWellFormedUnicode } from './encoding';

export type CanonicalProblem =
	| 'invalid-utf8'
	| 'not-json'
	| 'whitespace'
	| 'duplicate-key'
	| 'key-order'
	| 'number'
	| 'lone-surrogate'
	| 'string-escape'
	| 'too-deep'
	| 'not-canonical';

export type CanonicalParse =
	| { ok: true; value: SignableValue }
	| { ok: false; problem: CanonicalProblem; reason: string; path: string };

export interface CanonicalOptions {
	/** Default true: every number a safe integer (the report format). False for the RFC vectors. */
	integersOnly?: boolean;
}

/** Deeper than any report (about six levels); far inside the stack of a recursive walk. */
export const MAX_DEPTH = 64;

const ROOT = '(document)';

class NotCanonical extends Error {
	constructor(
		readonly problem: CanonicalProblem,
		readonly path: string,
		detail: string
	) {
		super(`${detail} at ${path}`);
	}
}

/** Parses the bytes when, and only when, they are their own RFC 8785 form. */
export function parseCanonicalJson(
	bytes: Uint8Array,
	{ integersOnly = true }: CanonicalOptions = {}
): CanonicalParse {
	let text: string;
	try {
		// ignoreBOM keeps a byte-order mark in the text, where JSON.parse refuses it.
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return refused('invalid-utf8', ROOT, 'The bytes are not valid UTF-8.');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return refused('not-json', ROOT, 'The bytes are not JSON.');
	}
	const tooDeep = () =>
		refused('too-deep', ROOT, `The JSON nests deeper than ${MAX_DEPTH} levels.`);
	try {
		if (canonicalOfParsed(value, integersOnly) === text)
			return { ok: true, value: value as SignableValue };
	} catch (error) {
		// Nesting deeper than the stack (the walk is recursive); anything else is said below.
		if (error instanceof RangeError) return tooDeep();
	}
	try {
		new Scanner(text, integersOnly).document();
	} catch (error) {
		if (error instanceof NotCanonical)
			return refused(error.problem, error.path, `${error.message}.`);
		if (error instanceof RangeError) return tooDeep();
		throw error;
	}
	// Unreachable when the scanner knows every rule; kept so a gap cannot pass as canonical.
	return refused('not-canonical', ROOT, 'The bytes are not the RFC 8785 form of their JSON.');
}

/**
 * What `signableJson` (or, without integersOnly, `canonicalJson`) writes for a value JSON.parse
 * returned; null where they would refuse it. JSON.parse makes only strings, numbers, booleans,
 * null, dense arrays and plain objects with string keys, so of their checks only these can fail:
 * a lone surrogate in a string or key, a number that is not finite or (integersOnly) not a safe
 * integer. Checking just those and writing once with `canonicalize` spares the walks their full
 * checks make (shape, accessors, cycles), which on the server cost a tenth of a signed report.
 */
export function canonicalOfParsed(value: unknown, integersOnly: boolean): string | null {
	return isSignableParsed(value, integersOnly) ? (canonicalize(value) ?? null) : null;
}

function isSignableParsed(value: unknown, integersOnly: boolean): boolean {
	switch (typeof value) {
		case 'string':
			return isWellFormedUnicode(value);
		case 'number':
			return integersOnly ? Number.isSafeInteger(value) : Number.isFinite(value);
		case 'boolean':
			return true;
		case 'object':
			if (value === null) return true;
			if (Array.isArray(value)) return value.every((item) => isSignableParsed(item, integersOnly));
			return Object.entries(value).every(
				([key, member]) => isWellFormedUnicode(key) && isSignableParsed(member, integersOnly)
			);
		default:
			return false;
	}
}

function refused(problem: CanonicalProblem, path: string, reason: string): CanonicalParse {
	return { ok: false, problem, reason, path };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const short = (token: string) => (token.length > 40 ? `${token.slice(0, 39)}…` : token);
const member = (path: string, key: string) => (path === ROOT ? key : `${path}.${key}`);

/**
 * Walks JSON text that JSON.parse has already accepted, throwing NotCanonical at the first
 * place it departs from RFC 8785.
 */
class Scanner {
	#at = 0;
	constructor(
		readonly text: string,
		readonly integersOnly: boolean
	) {}

	document(): void {
		this.#value(ROOT, 0);
		this.#noWhitespace(ROOT);
	}

	#noWhitespace(path: string): void {
		if (WHITESPACE.has(this.text[this.#at]!))
			throw new NotCanonical('whitespace', path, `Whitespace at character ${this.#at}`);
	}

	#value(path: string, depth: number): void {
		if (depth > MAX_DEPTH) throw new RangeError('too deep');
		this.#noWhitespace(path);
		const c = this.text[this.#at];
		if (c === '{') this.#object(path, depth);
		else if (c === '[') this.#array(path, depth);
		else if (c === '"') this.#string(path, 'string');
		else if (c === 't' || c === 'n') this.#at += 4;
		else if (c === 'f') this.#at += 5;
		else this.#number(path);
		this.#noWhitespace(path);
	}

	#object(path: string, depth: number): void {
		this.#at++;
		this.#noWhitespace(path);
		if (this.text[this.#at] === '}') {
			this.#at++;
			return;
		}
		const keys = new Set<string>();
		let previous: string | undefined;
		for (;;) {
			this.#noWhitespace(path);
			const key = this.#string(path, 'key');
			const inner = member(path, key);
			if (keys.has(key))
				throw new NotCanonical('duplicate-key', path, `Duplicate key ${JSON.stringify(key)}`);
			if (previous !== undefined && previous > key)
				throw new NotCanonical(
					'key-order',
					path,
					`Key ${JSON.stringify(key)} comes after ${JSON.stringify(previous)}, not before it`
				);
			keys.add(key);
			previous = key;
			this.#noWhitespace(inner);
			this.#at++; // ':'
			this.#value(inner, depth + 1);
			if (this.text[this.#at++] === '}') return;
		}
	}

	#array(path: string, depth: number): void {
		this.#at++;
		this.#noWhitespace(path);
		if (this.text[this.#at] === ']') {
			this.#at++;
			return;
		}
		for (let index = 0; ; index++) {
			this.#value(member(path, String(index)), depth + 1);
			if (this.text[this.#at++] === ']') return;
		}
	}

	/** A string token; returns what it spells. */
	#string(path: string, what: 'string' | 'key'): string {
		const start = this.#at;
		let i = start + 1;
		while (this.text[i] !== '"') i += this.text[i] === '\\' ? 2 : 1;
		this.#at = i + 1;
		const raw = this.text.slice(start, this.#at);
		const value = JSON.parse(raw) as string;
		const where = what === 'key' ? member(path, value) : path;
		if (!isWellFormedUnicode(value))
			throw new NotCanonical('lone-surrogate', where, `A ${what} with a lone surrogate`);
		const canonical = JSON.stringify(value);
		if (canonical !== raw)
			throw new NotCanonical(
				'string-escape',
				where,
				`The ${what} ${short(raw)} is not written as RFC 8785 writes it (${short(canonical)})`
			);
		return value;
	}

	#number(path: string): void {
		NUMBER.lastIndex = this.#at;
		const raw = NUMBER.exec(this.text)![0];
		this.#at += raw.length;
		const value = Number(raw);
		if (this.integersOnly && !Number.isSafeInteger(value))
			throw new NotCanonical(
				'number',
				path,
				`The number ${raw} is not a safe integer (the report format has only integers up to 2^53 − 1)`
			);
		if (!Number.isFinite(value))
			throw new NotCanonical('number', path, `The number ${raw} has no JSON form`);
		if (String(value) !== raw)
			throw new NotCanonical(
				'number',
				path,
				`The number ${raw} is not written as RFC 8785 writes it (${String(value)})`
			);
	}
}
