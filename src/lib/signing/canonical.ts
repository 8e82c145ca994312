/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for report payloads, plus the guard that decides
 * what may be signed.
 *
 * The `canonicalize` package does the serialisation (key order by UTF-16 code units, ES6 number
 * formatting through JSON.stringify). It does not validate its input, and several JavaScript values
 * come out wrong rather than failing (checked against canonicalize 2.1.0):
 * - `undefined` at the top level returns `undefined`, not a string;
 * - a function inside an array or object is written as the bare word `undefined` (invalid JSON);
 * - a sparse array drops its holes (`[1, , 2]` becomes `[1,2]`, `[, 1]` becomes `[,1]`);
 * - `undefined` inside an array becomes `null`, inside an object the member disappears;
 * - a Date is turned into a string by its toJSON, a Map, Set or Blob into `{}`;
 * - a cycle overflows the stack; a BigInt throws a bare TypeError.
 * So every value goes through `checkJsonValue` first, which names the JSON path of the first
 * offending value.
 */
import canonicalize from 'canonicalize';
import { isWellFormedUnicode } from './encoding';

/** What a signed report may contain: JSON with integers only. */
export type SignableValue =
	string | number | boolean | null | SignableValue[] | { [key: string]: SignableValue };

/** Why a value was refused. */
export type NotSignableKind =
	| 'undefined'
	| 'function'
	| 'symbol'
	| 'bigint'
	| 'non-finite-number'
	| 'non-integer-number'
	| 'unsafe-integer'
	| 'lone-surrogate'
	| 'sparse-array'
	| 'array-extra-property'
	| 'symbol-key'
	| 'accessor-property'
	| 'non-plain-object'
	| 'cycle';

/** Thrown by `assertSignable`, `signableJson` and `canonicalJson`; `path` is JSONPath-like (`$.a[2]`). */
export class NotSignableError extends TypeError {
	override readonly name = 'NotSignableError';
	readonly path: string;
	readonly kind: NotSignableKind;

	constructor(path: string, kind: NotSignableKind, detail: string) {
		super(`Value at ${path} cannot be signed: ${detail}`);
		this.path = path;
		this.kind = kind;
	}
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function memberPath(parent: string, key: string): string {
	return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function describe(value: object): string {
	const proto: unknown = Object.getPrototypeOf(value);
	const name =
		proto !== null && typeof proto === 'object' && 'constructor' in proto
			? (proto.constructor as { name?: unknown }).name
			: undefined;
	return typeof name === 'string' && name !== '' ? name : 'object with a custom prototype';
}

function isPlainObject(value: object): boolean {
	const proto: unknown = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

function checkKeys(value: object, path: string): void {
	if (Object.getOwnPropertySymbols(value).length > 0) {
		throw new NotSignableError(path, 'symbol-key', 'symbol-keyed properties have no JSON form');
	}
}

function checkJsonValue(
	value: unknown,
	path: string,
	integersOnly: boolean,
	ancestors: Set<object>
): void {
	switch (typeof value) {
		case 'string':
			// I-JSON (RFC 7493 section 2.1), which RFC 8785 builds on, forbids lone surrogates.
			if (!isWellFormedUnicode(value)) {
				throw new NotSignableError(path, 'lone-surrogate', 'string contains a lone surrogate');
			}
			return;
		case 'boolean':
			return;
		case 'number':
			if (!Number.isFinite(value)) {
				throw new NotSignableError(path, 'non-finite-number', `${value} is not a JSON number`);
			}
			if (!integersOnly) return;
			// Floats are refused because a value computed on the device (1.1 + 2.2) prints with
			// binary noise and other languages' JCS number formatting is a common source of bugs.
			if (!Number.isInteger(value)) {
				throw new NotSignableError(
					path,
					'non-integer-number',
					`${value} is not an integer (store decimals as strings or scaled integers)`
				);
			}
			// Beyond 2^53 the printed digits stop matching the intended integer.
			if (!Number.isSafeInteger(value)) {
				throw new NotSignableError(path, 'unsafe-integer', `${value} is beyond ±(2^53 − 1)`);
			}
			return;
		case 'undefined':
			throw new NotSignableError(path, 'undefined', 'undefined has no JSON form');
		case 'function':
			throw new NotSignableError(path, 'function', 'functions have no JSON form');
		case 'symbol':
			throw new NotSignableError(path, 'symbol', 'symbols have no JSON form');
		case 'bigint':
			throw new NotSignableError(path, 'bigint', 'BigInt has no JSON form (use a string)');
		case 'object':
			break;
	}
	if (value === null) return;
	const object = value as object;
	if (ancestors.has(object)) {
		throw new NotSignableError(path, 'cycle', 'the value contains itself');
	}
	ancestors.add(object);
	if (Array.isArray(object)) {
		checkKeys(object, path);
		for (let index = 0; index < object.length; index++) {
			const itemPath = `${path}[${index}]`;
			const descriptor = Object.getOwnPropertyDescriptor(object, index);
			if (descriptor === undefined) {
				throw new NotSignableError(itemPath, 'sparse-array', 'array hole (sparse array)');
			}
			if (!('value' in descriptor)) {
				throw new NotSignableError(itemPath, 'accessor-property', 'getter/setter element');
			}
			checkJsonValue(descriptor.value, itemPath, integersOnly, ancestors);
		}
		// Non-index properties would be silently dropped by the serialiser.
		const extra = Object.keys(object).find(
			(key) => !(/^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < object.length)
		);
		if (extra !== undefined) {
			throw new NotSignableError(
				memberPath(path, extra),
				'array-extra-property',
				'arrays may only have index elements'
			);
		}
	} else {
		if (!isPlainObject(object)) {
			throw new NotSignableError(
				path,
				'non-plain-object',
				`${describe(object)} is not a plain object (convert it to JSON data first)`
			);
		}
		checkKeys(object, path);
		for (const key of Object.keys(object)) {
			const childPath = memberPath(path, key);
			if (!isWellFormedUnicode(key)) {
				throw new NotSignableError(childPath, 'lone-surrogate', 'key contains a lone surrogate');
			}
			const descriptor = Object.getOwnPropertyDescriptor(object, key);
			// A getter could return something else when the serialiser reads it.
			if (descriptor === undefined || !('value' in descriptor)) {
				throw new NotSignableError(childPath, 'accessor-property', 'getter/setter property');
			}
			checkJsonValue(descriptor.value, childPath, integersOnly, ancestors);
		}
	}
	ancestors.delete(object);
}

/**
 * Throws NotSignableError unless the value is made only of strings (well-formed Unicode), safe
 * integers, booleans, null, dense arrays and plain objects. `-0` is accepted: RFC 8785 writes it
 * as `0`, which is what it means in a report.
 */
export function assertSignable(value: unknown): asserts value is SignableValue {
	checkJsonValue(value, '$', true, new Set());
}

/**
 * RFC 8785 canonical JSON of any JSON value (non-integer numbers allowed, as in the JCS test
 * vectors). Throws NotSignableError for anything that is not JSON data rather than letting the
 * serialiser produce invalid or lossy output.
 */
export function canonicalJson(value: unknown): string {
	checkJsonValue(value, '$', false, new Set());
	const text = canonicalize(value);
	// Unreachable after the check above; kept so a library change cannot slip through as "undefined".
	if (typeof text !== 'string') throw new TypeError('canonicalize returned no text');
	return text;
}

/** The payload text of a report: `assertSignable` then `canonicalJson`. */
export function signableJson(value: unknown): string {
	assertSignable(value);
	return canonicalJson(value);
}
