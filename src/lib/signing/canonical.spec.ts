import { readdirSync, readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { assertSignable, canonicalJson, NotSignableError, signableJson } from './canonical';
import { testdataUrl } from '../../../tests/testdata';

const JCS = testdataUrl('jcs/');

function readJcs(path: string): Buffer {
	return readFileSync(new URL(path, JCS));
}

/** The thrown NotSignableError, so a test can check its path and kind. */
function rejection(run: () => unknown): NotSignableError {
	try {
		run();
	} catch (error) {
		if (error instanceof NotSignableError) return error;
		throw error;
	}
	throw new Error('expected a NotSignableError, nothing was thrown');
}

describe('RFC 8785 vectors (cyberphone/json-canonicalization)', () => {
	const names = readdirSync(new URL('input/', JCS)).filter((name) => name.endsWith('.json'));

	it('has the six upstream input files', () => {
		expect(names.sort()).toEqual([
			'arrays.json',
			'french.json',
			'structures.json',
			'unicode.json',
			'values.json',
			'weird.json'
		]);
	});

	it.each(names)('%s canonicalises to the exact expected bytes', (name) => {
		const input: unknown = JSON.parse(readJcs(`input/${name}`).toString('utf8'));
		const actual = Buffer.from(new TextEncoder().encode(canonicalJson(input)));
		expect(actual.equals(readJcs(`output/${name}`))).toBe(true);
		const hex = readJcs(`outhex/${name.replace(/\.json$/, '.txt')}`)
			.toString('ascii')
			.trim()
			.split(/\s+/)
			.map((byte) => parseInt(byte, 16));
		expect([...actual]).toEqual(hex);
	});

	it('formats all 10,000 ES6 number lines exactly', () => {
		const lines = readJcs('es6-numbers/es6testfile10k.txt').toString('ascii').split('\n');
		if (lines.at(-1) === '') lines.pop();
		expect(lines).toHaveLength(10_000);
		const view = new DataView(new ArrayBuffer(8));
		const mismatches: string[] = [];
		let signableCount = 0;
		for (const line of lines) {
			const [hex, expected, ...rest] = line.split(',');
			if (
				hex === undefined ||
				expected === undefined ||
				rest.length > 0 ||
				!/^[0-9a-f]{1,16}$/.test(hex)
			) {
				mismatches.push(`unparsable line ${JSON.stringify(line)}`);
				continue;
			}
			view.setBigUint64(0, BigInt(`0x${hex}`));
			const value = view.getFloat64(0);
			const actual = canonicalJson(value);
			if (actual !== expected) mismatches.push(`${hex}: got ${actual}, expected ${expected}`);
			// The signing guard must agree with the number's own nature on every vector.
			let accepted = true;
			try {
				assertSignable(value);
			} catch {
				accepted = false;
			}
			if (accepted !== Number.isSafeInteger(value))
				mismatches.push(`${hex}: guard said ${accepted}`);
			if (accepted) signableCount++;
		}
		expect(mismatches.slice(0, 10)).toEqual([]);
		// 0 and -0 are the first two lines; a regression that rejected or accepted everything shows here.
		expect(signableCount).toBeGreaterThanOrEqual(2);
		expect(signableCount).toBeLessThan(10_000);
	});
});

describe('canonicalJson', () => {
	it('sorts keys by UTF-16 code units and drops whitespace', () => {
		expect(canonicalJson({ b: 1, a: [true, null, 'x'], '\u20ac': 0, '\ud83d\ude00': 1 })).toBe(
			'{"a":[true,null,"x"],"b":1,"\u20ac":0,"\ud83d\ude00":1}'
		);
	});

	it('writes -0 as 0, as RFC 8785 requires', () => {
		expect(canonicalJson(-0)).toBe('0');
		expect(signableJson({ n: -0 })).toBe('{"n":0}');
	});

	it('refuses inputs the canonicalize package turns into invalid or lossy JSON', () => {
		// What the library does on its own (documented in canonical.ts):
		// eslint-disable-next-line no-sparse-arrays
		expect(canonicalize([, 1])).toBe('[,1]');
		expect(canonicalize([() => 1])).toBe('[undefined]');
		expect(canonicalize({ d: new Date(0) })).toBe('{"d":"1970-01-01T00:00:00.000Z"}');
		expect(canonicalize(undefined)).toBeUndefined();
		// …and what we do instead.
		// eslint-disable-next-line no-sparse-arrays
		expect(rejection(() => canonicalJson([, 1])).kind).toBe('sparse-array');
		expect(rejection(() => canonicalJson([() => 1])).path).toBe('$[0]');
		expect(rejection(() => canonicalJson({ d: new Date(0) })).kind).toBe('non-plain-object');
		expect(rejection(() => canonicalJson(undefined)).kind).toBe('undefined');
		expect(rejection(() => canonicalJson(Number.NaN)).kind).toBe('non-finite-number');
	});

	it('accepts non-integer numbers (only the signing guard refuses them)', () => {
		expect(canonicalJson({ x: 1.5 })).toBe('{"x":1.5}');
		expect(rejection(() => signableJson({ x: 1.5 })).path).toBe('$.x');
	});
});

describe('assertSignable', () => {
	const report = {
		id: 'r-1',
		version: 3,
		signed: true,
		note: null,
		checks: [{ id: 'EN303645-5.1-1', verdict: 'PASS', photos: [] }],
		empty: Object.create(null) as object
	};

	it('accepts reports made of strings, safe integers, booleans, null, arrays and plain objects', () => {
		expect(() => assertSignable(report)).not.toThrow();
		expect(() => assertSignable(Number.MAX_SAFE_INTEGER)).not.toThrow();
		expect(() => assertSignable(-Number.MAX_SAFE_INTEGER)).not.toThrow();
		const shared = { a: 1 };
		expect(() => assertSignable({ x: shared, y: [shared, shared] })).not.toThrow();
	});

	it.each([
		['a float', { reading: { value: 1.5 } }, '$.reading.value', 'non-integer-number'],
		['a float in an array', { values: [1, 2, 0.1 + 0.2] }, '$.values[2]', 'non-integer-number'],
		['NaN', { a: [{ b: Number.NaN }] }, '$.a[0].b', 'non-finite-number'],
		['Infinity', { a: Number.POSITIVE_INFINITY }, '$.a', 'non-finite-number'],
		['-Infinity', [Number.NEGATIVE_INFINITY], '$[0]', 'non-finite-number'],
		['an unsafe integer', { n: 2 ** 53 }, '$.n', 'unsafe-integer'],
		['undefined in an object', { a: { b: undefined } }, '$.a.b', 'undefined'],
		['undefined in an array', { list: [1, undefined] }, '$.list[1]', 'undefined'],
		['undefined at the top', undefined, '$', 'undefined'],
		['a Date', { when: new Date(0) }, '$.when', 'non-plain-object'],
		['a Blob', { photo: new Blob(['x']) }, '$.photo', 'non-plain-object'],
		['a Map', { m: new Map() }, '$.m', 'non-plain-object'],
		['a Uint8Array', { b: new Uint8Array(1) }, '$.b', 'non-plain-object'],
		['a boxed string', { s: new String('x') }, '$.s', 'non-plain-object'],
		['a class instance', { v: new (class Reading {})() }, '$.v', 'non-plain-object'],
		['a function', { f: () => 1 }, '$.f', 'function'],
		['a symbol', { s: Symbol('s') }, '$.s', 'symbol'],
		['a BigInt', { big: 1n }, '$.big', 'bigint'],
		['a lone surrogate', { text: 'a\ud800b' }, '$.text', 'lone-surrogate'],
		['a lone surrogate in a key', { ['k\udc00']: 1 }, '$["k\\udc00"]', 'lone-surrogate'],
		// eslint-disable-next-line no-sparse-arrays
		['a sparse array', { list: [1, , 3] }, '$.list[1]', 'sparse-array'],
		['an odd key', { 'serial no.': [0.5] }, '$["serial no."][0]', 'non-integer-number']
	])('rejects %s with its path', (_label, value, path, kind) => {
		const error = rejection(() => assertSignable(value));
		expect(error).toBeInstanceOf(TypeError);
		expect(error.path).toBe(path);
		expect(error.kind).toBe(kind);
		expect(error.message).toContain(path);
	});

	it('rejects cycles, getters, symbol keys and extra array properties', () => {
		const cyclic: Record<string, unknown> = { a: 1 };
		cyclic.self = { back: cyclic };
		expect(rejection(() => assertSignable(cyclic))).toMatchObject({
			path: '$.self.back',
			kind: 'cycle'
		});
		const getter = Object.defineProperty({}, 'n', { get: () => 1, enumerable: true });
		expect(rejection(() => assertSignable(getter))).toMatchObject({
			path: '$.n',
			kind: 'accessor-property'
		});
		expect(rejection(() => assertSignable({ [Symbol('k')]: 1 })).kind).toBe('symbol-key');
		const tagged = Object.assign([1, 2], { extra: 3 });
		expect(rejection(() => assertSignable({ t: tagged }))).toMatchObject({
			path: '$.t.extra',
			kind: 'array-extra-property'
		});
	});
});
