import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, signableJson } from './canonical';
import { canonicalOfParsed, MAX_DEPTH, parseCanonicalJson } from './canonical-parse';

// The RFC 8785 author's vectors (see ../shared/testdata/README.md).
const JCS = new URL('../../../../shared/testdata/jcs/', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, JCS)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const names = readdirSync(new URL('input/', JCS)).filter((name) => name.endsWith('.json'));

describe('parseCanonicalJson on the RFC 8785 vectors', () => {
	it('has the six vectors', () => expect(names).toHaveLength(6));

	it.each(names)('accepts the canonical form of %s, and parses it', (name) => {
		const bytes = read(`output/${name}`);
		const parsed = parseCanonicalJson(bytes, { integersOnly: false });
		expect(parsed).toEqual({ ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) });
	});

	it.each(names)('refuses the input of %s, saying which rule it breaks', (name) => {
		const parsed = parseCanonicalJson(read(`input/${name}`), { integersOnly: false });
		expect(parsed.ok).toBe(false);
		expect(parsed.ok === false && parsed.problem).not.toBe('not-canonical');
	});

	it('refuses the vectors with fractions and large numbers when only safe integers are allowed', () => {
		expect(parseCanonicalJson(read('output/values.json'))).toMatchObject({
			ok: false,
			problem: 'number',
			path: 'numbers.0'
		});
	});

	it('accepts each of the 10,000 ES6 number forms and refuses the same number spelled otherwise', () => {
		const lines = new TextDecoder()
			.decode(read('es6-numbers/es6testfile10k.txt'))
			.trim()
			.split('\n');
		expect(lines).toHaveLength(10_000);
		let respelled = 0;
		for (const line of lines) {
			const expected = line.split(',')[1]!;
			const parsed = parseCanonicalJson(utf8(`[${expected}]`), { integersOnly: false });
			expect(parsed, expected).toEqual({ ok: true, value: [Number(expected)] });
			// The same value spelled another way: a zero more in the fraction, or an exponent of 0.
			const [mantissa, exponent] = expected.split('e');
			const longer = mantissa!.includes('.') ? `${mantissa}0` : `${mantissa}.0`;
			const other = exponent === undefined ? `${expected}e0` : `${longer}e${exponent}`;
			expect(Number(other)).toBe(Number(expected));
			respelled++;
			expect(parseCanonicalJson(utf8(`[${other}]`), { integersOnly: false }), other).toMatchObject({
				ok: false,
				problem: 'number',
				path: '0'
			});
		}
		expect(respelled).toBe(10_000);
	});
});

describe('parseCanonicalJson on payloads an attacker would sign', () => {
	const refusal = (text: string | Uint8Array) => {
		const parsed = parseCanonicalJson(typeof text === 'string' ? utf8(text) : text);
		if (parsed.ok) throw new Error(`accepted ${String(text)}`);
		return parsed;
	};

	it('accepts a canonical payload with integers and text of every kind', () => {
		const text =
			'{"a":[1,-2,0,9007199254740991],"b":"line\\nbreak \\"quoted\\" € 😂 \\u001f","c":null}';
		expect(parseCanonicalJson(utf8(text))).toEqual({ ok: true, value: JSON.parse(text) });
	});

	it.each([
		['pretty-printed', '{\n  "a": 1\n}', 'whitespace', '(document)'],
		['a space after a colon', '{"a": 1}', 'whitespace', 'a'],
		['a trailing newline', '{"a":1}\n', 'whitespace', '(document)'],
		['keys out of order', '{"b":1,"a":2}', 'key-order', '(document)'],
		[
			'keys ordered by code point, not UTF-16',
			'{"\uff61":1,"\ud83d\ude02":2}',
			'key-order',
			'(document)'
		],
		[
			'a duplicate verdict',
			'{"answers":[{"verdict":"FAIL","verdict":"PASS"}]}',
			'duplicate-key',
			'answers.0'
		],
		['a second reportId', '{"reportId":"a","reportId":"a"}', 'duplicate-key', '(document)'],
		['an integer above 2^53', '{"bytes":9007199254740993}', 'number', 'bytes'],
		['2^53 itself', '{"bytes":9007199254740992}', 'number', 'bytes'],
		['1e308', '{"bytes":1e308}', 'number', 'bytes'],
		['a fraction', '{"bytes":1.5}', 'number', 'bytes'],
		['1.0 for 1', '{"bytes":1.0}', 'number', 'bytes'],
		['-0', '{"bytes":-0}', 'number', 'bytes'],
		['a lone surrogate in a string', '{"caption":"\\ud800"}', 'lone-surrogate', 'caption'],
		['a lone surrogate in a key', '{"\\udc00":1}', 'lone-surrogate', '\udc00'],
		['an escaped letter', '{"a":"\\u0041"}', 'string-escape', 'a'],
		['an escaped slash', '{"a":"\\/"}', 'string-escape', 'a'],
		['an upper-case hex escape', '{"a":"\\u001F"}', 'string-escape', 'a'],
		['an escaped key', '{"\\u0061":1}', 'string-escape', 'a']
	])('refuses %s', (_name, text, problem, path) => {
		expect(refusal(text)).toMatchObject({ problem, path });
	});

	it('names why in a sentence', () => {
		expect(refusal('{"answers":[{"verdict":"FAIL","verdict":"PASS"}]}').reason).toBe(
			'Duplicate key "verdict" at answers.0.'
		);
		expect(refusal('{"bytes":1e308}').reason).toBe(
			'The number 1e308 is not a safe integer (the report format has only integers up to 2^53 − 1) at bytes.'
		);
	});

	it('refuses bytes that are not UTF-8, a byte-order mark, and what is not JSON', () => {
		expect(refusal(new Uint8Array([0x22, 0xff, 0x22])).problem).toBe('invalid-utf8');
		// A lone surrogate written as UTF-8 (CESU) bytes is not UTF-8 either.
		expect(refusal(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])).problem).toBe('invalid-utf8');
		expect(refusal(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')])).problem).toBe(
			'not-json'
		);
		expect(refusal('{"a":1,}').problem).toBe('not-json');
	});

	it('refuses nesting deeper than any report, whatever the stack', () => {
		const depth = (n: number, inner = '') => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
		expect(parseCanonicalJson(utf8(depth(MAX_DEPTH, '1')))).toMatchObject({ ok: true });
		// Canonical, but deeper than a recursive walk can go: refused, not a crash.
		expect(refusal(depth(100_000)).problem).toBe('too-deep');
		// Not canonical, past the scanner's limit: refused for the depth.
		expect(refusal(depth(MAX_DEPTH + 2, ' ')).problem).toBe('too-deep');
	});
});

describe('canonicalOfParsed', () => {
	// What JSON.parse can return, including what each of the two serialisers refuses.
	const texts = [
		...names
			.flatMap((name) => [read(`input/${name}`), read(`output/${name}`)])
			.map((b) => new TextDecoder().decode(b)),
		'{"b":1,"a":[true,false,null,"x"],"__proto__":{"toJSON":"y"},"":-0}',
		'{"\\ud800":1}',
		'["\\udc00"]',
		'[1.5]',
		'[9007199254740993]',
		'[1e999]',
		'{"é":1,"e":2,"€":3,"\\ud83d\\ude00":4,"10":5,"9":6}',
		'[[],{},[[{}]],""]'
	];

	it.each(texts)('writes what signableJson and canonicalJson write for %s', (text) => {
		const value: unknown = JSON.parse(text);
		const expected = (write: (v: unknown) => string) => {
			try {
				return write(value);
			} catch {
				return null;
			}
		};
		expect(canonicalOfParsed(value, true)).toBe(expected(signableJson));
		expect(canonicalOfParsed(value, false)).toBe(expected(canonicalJson));
	});
});
