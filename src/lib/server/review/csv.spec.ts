import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csvField', () => {
	it('leaves plain text and numbers as they are', () => {
		expect(csvField('Acme')).toBe('Acme');
		expect(csvField(12)).toBe('12');
		expect(csvField(0)).toBe('0');
		expect(csvField('05012345678900')).toBe('05012345678900');
		expect(csvField('2026-11-22T10:00:00.000Z')).toBe('2026-11-22T10:00:00.000Z');
	});

	it('writes nothing for a missing value', () => {
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(Number.NaN)).toBe('');
	});

	it('quotes commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
		expect(csvField('Corner Electrics, Brighton')).toBe('"Corner Electrics, Brighton"');
		expect(csvField('SC-CAM-200 "Nursery"')).toBe('"SC-CAM-200 ""Nursery"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
	});

	it.each([
		['=HYPERLINK("http://evil.test","x")', `"'=HYPERLINK(""http://evil.test"",""x"")"`],
		['+1+2', "'+1+2"],
		['-2+3', "'-2+3"],
		['@SUM(A1:A2)', "'@SUM(A1:A2)"],
		['\tcmd', "'\tcmd"],
		['\rcmd', `"'\rcmd"`]
	])('neutralises a cell that a spreadsheet would read as a formula: %j', (value, expected) => {
		expect(csvField(value)).toBe(expected);
	});

	it('does not touch those characters later in a cell, nor negative numbers', () => {
		expect(csvField('a=b')).toBe('a=b');
		expect(csvField('x-1')).toBe('x-1');
		expect(csvField(-1)).toBe('-1');
	});
});

describe('toCsv', () => {
	it('writes a header and records, each ending in CRLF', () => {
		expect(
			toCsv(
				['id', 'model', 'fail'],
				[
					['a', 'X, "Y"', 2],
					['b', '=1+1', 0]
				]
			)
		).toBe('id,model,fail\r\na,"X, ""Y""",2\r\nb,\'=1+1,0\r\n');
	});

	it('is only the header when there is nothing to export', () => {
		expect(toCsv(['id'], [])).toBe('id\r\n');
	});
});
