import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	allAiDefinitions,
	expandUpcE,
	expectedCheckDigit,
	getAiDefinition,
	gs1DateToIso,
	hasValidCheckDigit,
	IMPLEMENTED_LINTERS,
	looksLikeDigitalLink,
	normaliseGtin,
	parseBracketed,
	parseDigitalLink,
	parseElementString,
	parseScan,
	parseSyntaxDictionary,
	percentDecode,
	readScanData,
	toBracketed,
	toElementString,
	toHri,
	UNCHECKED_LINTERS,
	validateGtin,
	validateManualGtin,
	type AiDataResult,
	type AiElement,
	type ProductIdentity,
	type ScanContent
} from './index';
import { TESTDATA } from '../../../tests/testdata';

// Independent vectors (see shared/testdata/README.md): GS1 Syntax Engine unit tests, GS1
// digital-link.js check digits and ZXing's barcode texts. `^` in them is FNC1.
const DATA = TESTDATA;
const readText = (path: string) => readFileSync(new URL(path, DATA), 'utf8');
const readJson = <T>(path: string): T => JSON.parse(readText(path)) as T;

interface VectorFile<C> {
	cases: C[];
}
interface BaseCase {
	id: string;
	input: string;
	valid?: boolean;
	comment?: string;
	options?: Record<string, boolean>;
}

/**
 * Splits a vector file into cases we run and cases out of scope (each with its reason). Out of
 * scope cases are registered as skipped tests, so the reporter counts them, and the totals are
 * pinned so a change of scope shows up as a failure.
 */
function partition<C extends BaseCase>(cases: C[], outOfScope: (c: C) => string | null) {
	const run: C[] = [];
	const skipped: Array<{ c: C; reason: string }> = [];
	for (const c of cases) {
		const reason = outOfScope(c);
		if (reason) skipped.push({ c, reason });
		else run.push(c);
	}
	for (const { c, reason } of skipped) it.skip(`${c.id} out of scope: ${reason}`, () => {});
	return { run, skipped };
}

const TODAY = new Date(Date.UTC(2026, 5, 1));

function expectOk(result: AiDataResult): AiElement[] {
	if (!result.ok) expect.fail(`expected success, got: ${result.reason}`);
	return result.ais;
}

function expectIdentity(text: string, options = {}): ProductIdentity {
	const result = parseScan(text, { today: TODAY, ...options });
	if (!result.ok) expect.fail(`expected an identity for ${JSON.stringify(text)}: ${result.reason}`);
	return result.identity;
}

describe('GS1 Barcode Syntax Dictionary table', () => {
	const reference = parseSyntaxDictionary(
		readText('gs1/gs1-syntax-engine/gs1-syntax-dictionary.txt')
	);

	it('matches every entry of the reference dictionary (AIs, flags, formats, DL keys, titles)', () => {
		expect(reference.length).toBeGreaterThan(500);
		expect(allAiDefinitions()).toEqual(reference);
	});

	it('knows every content check the dictionary names (implemented or deliberately unchecked)', () => {
		const named = new Set(reference.flatMap((d) => d.components.flatMap((c) => c.linters)));
		const unknown = [...named].filter(
			(l) => !IMPLEMENTED_LINTERS.has(l) && !UNCHECKED_LINTERS.has(l)
		);
		expect(unknown).toEqual([]);
	});

	it('has the AIs the product module relies on, with their formats', () => {
		const fmt = (ai: string) =>
			getAiDefinition(ai)
				?.components.map((c) => `${c.cset}${c.min === c.max ? c.min : `..${c.max}`}`)
				.join(' ');
		expect(fmt('00')).toBe('N18');
		expect(fmt('01')).toBe('N14');
		expect(fmt('02')).toBe('N14');
		expect(fmt('10')).toBe('X..20');
		expect(fmt('21')).toBe('X..20');
		expect(fmt('17')).toBe('N6');
		expect(fmt('240')).toBe('X..30');
		expect(fmt('250')).toBe('X..30');
		expect(fmt('400')).toBe('X..30');
		expect(getAiDefinition('01')?.dlQualifiers).toEqual([['22', '10', '21'], ['235']]);
		expect(getAiDefinition('89')).toBeUndefined();
	});
});

describe('check digits (check-digits.json)', () => {
	const file =
		readJson<
			VectorFile<{ input: string; kind: string; valid: boolean; correctCheckDigit: string }>
		>('gs1/check-digits.json');

	it('has all 37 cases', () => expect(file.cases).toHaveLength(37));

	it.each(file.cases)('$input ($kind) valid=$valid', (c) => {
		expect(hasValidCheckDigit(c.input)).toBe(c.valid);
		expect(expectedCheckDigit(c.input)).toBe(c.correctCheckDigit);
		if (c.kind.startsWith('GTIN')) {
			const result = validateGtin(c.input);
			expect(result.ok).toBe(c.valid);
			if (result.ok) expect(result.gtin14).toBe(c.input.padStart(14, '0'));
			else {
				expect(result.reason).toBe(
					`The check digit should be ${c.correctCheckDigit}, not ${c.input.slice(-1)}.`
				);
			}
		}
	});

	it('normalises to GTIN-14 and rejects non-GTIN lengths', () => {
		expect(normaliseGtin('02345680')).toBe('00000002345680');
		expect(normaliseGtin('416000336108')).toBe('00416000336108');
		expect(normaliseGtin('2112233789657')).toBe('02112233789657');
		expect(normaliseGtin('24012345678905')).toBe('24012345678905');
		expect(normaliseGtin('2112233789658')).toBeUndefined();
		// An SSCC has a valid check digit but is not a GTIN.
		expect(normaliseGtin('012345678912345675')).toBeUndefined();
	});
});

describe('manual GTIN entry', () => {
	it('accepts typed GTINs with spaces and hyphens', () => {
		expect(validateManualGtin(' 978-0-8048-1663-2 ')).toMatchObject({
			ok: true,
			gtin: '9780804816632',
			gtin14: '09780804816632',
			format: 'GTIN-13'
		});
		expect(validateManualGtin('4160 0033 6108')).toMatchObject({ ok: true, format: 'GTIN-12' });
	});

	it('names the right check digit', () => {
		expect(validateManualGtin('2112233789658')).toEqual({
			ok: false,
			reason: 'The check digit should be 7, not 8.'
		});
		expect(validateManualGtin('24012345678909')).toEqual({
			ok: false,
			reason: 'The check digit should be 5, not 9.'
		});
	});

	it('rejects letters, other characters, wrong lengths and empty input with a reason', () => {
		const reason = (s: string) => {
			const r = validateManualGtin(s);
			return r.ok ? 'accepted' : r.reason;
		};
		expect(reason('97808048I6632')).toBe(
			'A GTIN contains only digits; remove letters and try again.'
		);
		expect(reason('9780804816632.')).toBe('A GTIN contains only digits; remove "." and try again.');
		expect(reason('978080481663')).not.toBe('accepted'); // 12 digits, wrong check digit
		expect(reason('97808048166')).toBe('A GTIN has 8, 12, 13 or 14 digits; you entered 11.');
		expect(reason('123456789012345')).toBe('A GTIN has 8, 12, 13 or 14 digits; you entered 15.');
		expect(reason('  ')).toBe('Enter the number printed under the barcode.');
	});

	it('reads the 8 digits printed under a UPC-E', () => {
		// 01234565 is a UPC-E from ZXing's upce-1 set. Its check digit also fits as an EAN-8, but
		// GS1-8 prefix 0 is for in-store numbers only, so the UPC-E reading wins.
		expect(validateManualGtin('01234565')).toMatchObject({
			ok: true,
			gtin: '012345000065',
			gtin14: '00012345000065',
			upcE: '01234565'
		});
	});
});

describe('UPC-E expansion', () => {
	// ZXing decodes these UPC-E symbols (upce-1, upce-2 sets) and verifies their check digit,
	// which is computed over the UPC-A expansion, so a wrong expansion fails the check.
	const dir = new URL('barcodes/upce/', DATA);
	const texts = new Set<string>();
	for (const set of readdirSync(dir, { withFileTypes: true })) {
		if (!set.isDirectory()) continue;
		for (const f of readdirSync(new URL(`${set.name}/`, dir))) {
			if (f.endsWith('.txt') && !f.endsWith('.metadata.txt')) {
				texts.add(readText(`barcodes/upce/${set.name}/${f}`));
			}
		}
	}

	it('has the ZXing UPC-E texts', () => expect(texts.size).toBeGreaterThanOrEqual(5));

	it.each([...texts])('expands ZXing UPC-E %s to a UPC-A with the same check digit', (upcE) => {
		const result = expandUpcE(upcE);
		if (!result.ok) expect.fail(result.reason);
		expect(result.upcA).toHaveLength(12);
		expect(result.upcA.slice(-1)).toBe(upcE.slice(-1));
		expect(hasValidCheckDigit(result.upcA)).toBe(true);
	});

	it('places the suppressed zeros by the last data digit (GS1 General Specifications)', () => {
		const upcA = (s: string) => {
			const r = expandUpcE(s);
			return r.ok ? r.upcA : r.reason;
		};
		// Digit 6 in 0-2: manufacturer X1 X2 X6 00, item 00 X3 X4 X5.
		expect(upcA('0654321')).toBe('065100004327'); // the classic 654321 example
		expect(upcA('01234565')).toBe('012345000065'); // 5-9: X1..X5 0000 X6
		expect(upcA('04963406')).toBe('049000006346'); // 0-2
		expect(upcA('05096893')).toBe('050968000093'); // 5-9
		expect(upcA('0123453')).toBe('012300000451'); // 3: X1 X2 X3 00000 X4 X5
		expect(upcA('0123454')).toBe('012340000053'); // 4: X1..X4 00000 X5
	});

	it('rejects bad UPC-E input', () => {
		expect(expandUpcE('01234566')).toEqual({
			ok: false,
			reason: 'The check digit should be 5, not 6.'
		});
		expect(expandUpcE('21234565').ok).toBe(false);
		expect(expandUpcE('12345').ok).toBe(false);
		expect(expandUpcE('0123456A').ok).toBe(false);
	});
});

describe('bracketed element strings (ai-bracketed-parse.json)', () => {
	const file = readJson<VectorFile<BaseCase & { expected?: string }>>(
		'gs1/gs1-syntax-engine/ai-bracketed-parse.json'
	);
	const { run, skipped } = partition(file.cases, () => null);

	it('runs all 29 cases', () => expect([run.length, skipped.length]).toEqual([29, 0]));

	it.each(run)('$id $input', (c) => {
		const result = parseBracketed(c.input);
		expect(result.ok, result.ok ? '' : result.reason).toBe(c.valid);
		if (result.ok) expect(toElementString(result.ais)).toBe(c.expected);
		else expect(result.reason.length).toBeGreaterThan(10);
	});
});

describe('raw element strings (ai-element-string-validate.json)', () => {
	const file = readJson<VectorFile<BaseCase & { expectedBracketed?: string }>>(
		'gs1/gs1-syntax-engine/ai-element-string-validate.json'
	);
	// ai.c:1867 runs with unknown AIs permitted; it expects rejection, which a stricter parser
	// (unknown AIs never permitted) must also give, so it is run.
	const { run, skipped } = partition(file.cases, () => null);

	it('runs all 81 cases', () => expect([run.length, skipped.length]).toEqual([81, 0]));

	it.each(run)('$id $input', (c) => {
		const result = parseElementString(c.input);
		expect(result.ok, result.ok ? '' : result.reason).toBe(c.valid);
		if (result.ok) expect(toBracketed(result.ais)).toBe(c.expectedBracketed);
	});

	it('accepts GS as FNC1 and tolerates a missing leading FNC1 only when told', () => {
		const gs = '\u001d0112345678901231235XYZ\u001d10BATCH';
		expect(toElementString(expectOk(parseElementString(gs)))).toBe(
			'^0112345678901231235XYZ^10BATCH'
		);
		expect(parseElementString('0112345678901231').ok).toBe(false);
		expect(parseElementString('0112345678901231', { implicitLeadingFnc1: true }).ok).toBe(true);
	});
});

describe('content checks (ai-linters.json)', () => {
	const file = readJson<VectorFile<BaseCase & { expectedLinterError: string }>>(
		'gs1/gs1-syntax-engine/ai-linters.json'
	);
	const { run, skipped } = partition(file.cases, (c) => {
		if (/COUPON/.test(c.expectedLinterError)) {
			return 'coupon code grammar (AI 8110/8112) is not checked; only its length and character set';
		}
		if (/ISO3166|ISO4217|IBAN/.test(c.expectedLinterError)) {
			return 'code-list check (ISO 3166 / ISO 4217 / IBAN) is not carried offline';
		}
		return null;
	});

	it('runs 37 cases; 62 are out of scope', () => {
		expect([run.length, skipped.length]).toEqual([37, 62]);
	});

	it.each(run)('$id $input → $expectedLinterError', (c) => {
		const result = parseBracketed(c.input);
		expect(result.ok, result.ok ? '' : result.reason).toBe(c.valid);
	});

	it('explains failures in words', () => {
		const reason = (s: string) => {
			const r = parseBracketed(s);
			return r.ok ? 'accepted' : r.reason;
		};
		expect(reason('(00)123456789012345670')).toBe(
			'AI (00) SSCC: incorrect check digit (it should be 5, not 0).'
		);
		expect(reason('(01)95012345678903(11)131313')).toBe(
			'AI (11) PROD DATE: month 13 is not valid.'
		);
		expect(reason('(17)250230')).toBe(
			'AI (17) USE BY or EXPIRY: day 30 is not valid for that month.'
		);
		expect(reason('(10) ')).toBe('AI (10) BATCH/LOT: a space is not allowed in GS1 data.');
	});
});

describe('repeated AIs (ai-association-validate.json)', () => {
	const file = readJson<VectorFile<BaseCase & { rule: string }>>(
		'gs1/gs1-syntax-engine/ai-association-validate.json'
	);
	const { run, skipped } = partition(file.cases, (c) => {
		if (c.rule !== 'repeatedAIsMustHaveSameValue') {
			return `cross-AI rule "${c.rule}" (dictionary req=/ex=) is not enforced; a product identity only needs (01)`;
		}
		if (c.input.includes('(89)')) return 'uses AI (89), which is not in the dictionary';
		return null;
	});

	it('runs 11 cases; 66 are out of scope', () => {
		expect([run.length, skipped.length]).toEqual([11, 66]);
	});

	it.each(run)('$id $input', (c) => {
		expect(parseBracketed(c.input).ok).toBe(c.valid);
	});
});

describe('Digital Link URIs (dl-uri-parse.json)', () => {
	const file = readJson<VectorFile<BaseCase & { expected?: string }>>(
		'gs1/gs1-syntax-engine/dl-uri-parse.json'
	);
	const { run, skipped } = partition(file.cases, (c) => {
		if (c.options?.permitConvenienceAlphas) {
			return 'convenience alphas (/gtin/, /ser/) are a deprecated, non-default option';
		}
		if (c.options?.permitUnknownAIs && c.valid) {
			return 'needs AIs outside the dictionary to be accepted; this parser never accepts them';
		}
		return null;
	});

	it('runs 114 cases; 6 are out of scope', () => {
		expect([run.length, skipped.length]).toEqual([114, 6]);
	});

	it.each(run)('$id $input', (c) => {
		const result = parseDigitalLink(c.input, {
			permitZeroSuppressedGtin: Boolean(c.options?.permitZeroSuppressedGTINinDLuris)
		});
		expect(result.ok, result.ok ? '' : result.reason).toBe(c.valid);
		if (result.ok) expect(toElementString(result.ais)).toBe(c.expected);
	});

	it('parses a custom domain with a path prefix, all key qualifiers and query AIs', () => {
		const uri =
			'https://brand.example.com/some-extra/pathinfo/01/09520123456788/22/2A/10/ABC%2F1/21/' +
			'12345?17=201225&3103=000195&utm_source=label&linkType=gs1:pip#top';
		const result = parseDigitalLink(uri);
		if (!result.ok) expect.fail(result.reason);
		expect(result.ais).toEqual([
			{ ai: '01', value: '09520123456788' },
			{ ai: '22', value: '2A' },
			{ ai: '10', value: 'ABC/1' },
			{ ai: '21', value: '12345' },
			{ ai: '17', value: '201225' },
			{ ai: '3103', value: '000195' }
		]);
		expect(result.stem).toBe('https://brand.example.com/some-extra/pathinfo');
		expect(result.ignoredQueryParams).toEqual(['utm_source=label', 'linkType=gs1:pip']);
	});

	it('rejects qualifiers out of order and an ordinary URL', () => {
		const bad = parseDigitalLink('https://example.com/01/09520123456788/21/12345/10/ABC');
		expect(bad).toMatchObject({ ok: false, isDigitalLink: true });
		const web = parseDigitalLink('https://example.com/products/camera-200');
		expect(web).toMatchObject({ ok: false, isDigitalLink: false });
	});
});

describe('percent-decoding (uri-percent-decode.json)', () => {
	const file = readJson<
		VectorFile<BaseCase & { expectedPath?: string; expectedQuery?: string; rejected?: boolean }>
	>('gs1/gs1-syntax-engine/uri-percent-decode.json');

	it('has all 22 cases', () => expect(file.cases).toHaveLength(22));

	it.each(file.cases)('$id $input', (c) => {
		if (c.rejected) {
			expect(percentDecode(c.input, false)).toBeNull();
			expect(percentDecode(c.input, true)).toBeNull();
		} else {
			expect(percentDecode(c.input, false)).toBe(c.expectedPath);
			expect(percentDecode(c.input, true)).toBe(c.expectedQuery);
		}
	});
});

/** The `^`-notation data string of decoded scan content, as the vectors write it. */
function dataString(content: ScanContent): string {
	switch (content.kind) {
		case 'ai-data':
			return toElementString(content.ais);
		case 'gtin':
			return (
				content.gtin.gtin + (content.composite ? '|' + toElementString(content.composite) : '')
			);
		case 'text':
			// In plain data the vectors escape a literal ^ as \^ (and nothing else).
			return content.text.replaceAll('^', '\\^');
	}
}

describe('scanner output (scan-data-process.json)', () => {
	const file = readJson<
		VectorFile<
			BaseCase & {
				expectedSymbology?: string;
				expectedDataStr?: string;
				expectedDigitalLinkAIs?: string | null;
			}
		>
	>('gs1/gs1-syntax-engine/scan-data-process.json');
	const { run, skipped } = partition(file.cases, () => null);

	it('runs all 54 cases', () => expect([run.length, skipped.length]).toEqual([54, 0]));

	it.each(run)('$id $input', (c) => {
		const result = readScanData(c.input);
		// The reference also rejects plain data that has a Digital Link's scheme but is not a valid
		// one (scandata.c:980); readScanData leaves that to parseDigitalLink, so combine the two.
		const text = result.ok && result.content.kind === 'text' ? result.content.text : '';
		const dl = looksLikeDigitalLink(text) ? parseDigitalLink(text) : null;
		const accepted = result.ok && (dl === null || dl.ok);
		expect(accepted, result.ok ? (dl && !dl.ok ? dl.reason : '') : result.reason).toBe(c.valid);
		if (!result.ok || !accepted) return;
		expect(result.content.symbology).toBe(c.expectedSymbology);
		expect(dataString(result.content)).toBe(c.expectedDataStr);
		if (c.expectedDigitalLinkAIs !== undefined) {
			expect(dl?.ok ? toElementString(dl.ais) : null).toBe(c.expectedDigitalLinkAIs);
		}
	});
});

describe('end-to-end API examples (api-examples.json)', () => {
	interface ApiCase extends BaseCase {
		inputKind: 'dataStr' | 'aiDataStr' | 'scanData';
		expect: {
			aiDataStr?: string | null;
			dataStr?: string;
			hri?: string[];
			dlIgnoredQueryParams?: string[];
			error?: boolean;
			symbology?: string;
		};
	}
	const file = readJson<VectorFile<ApiCase>>('gs1/gs1-syntax-engine/api-examples.json');
	const CHECKED = ['aiDataStr', 'dataStr', 'hri', 'dlIgnoredQueryParams', 'error', 'symbology'];
	const { run, skipped } = partition(file.cases, (c) => {
		if (c.id === 'api-33')
			return 'rejection comes from a requisite-AI rule ((02) needs (37)), not enforced';
		if (!Object.keys(c.expect).some((k) => CHECKED.includes(k))) {
			return 'only checks generating scan data or a canonical DL URI, which this module does not do';
		}
		return null;
	});

	it('runs 33 cases; 6 are out of scope', () => {
		expect([run.length, skipped.length]).toEqual([33, 6]);
	});

	/** Parses `^...` or `(..)...` AI data, with `|` separating a composite component. */
	function parseAiData(input: string, bracketed: boolean): AiDataResult {
		const ais: AiElement[] = [];
		for (const part of input.split('|')) {
			const r = bracketed ? parseBracketed(part) : parseElementString(part);
			if (!r.ok) return r;
			ais.push(...r.ais);
		}
		return { ok: true, ais };
	}

	it.each(run)('$id $input', (c) => {
		let ais: AiElement[] | null = null;
		let dataStr = c.input;
		let ignored: string[] = [];
		let symbology: string | undefined;
		let error: string | null = null;
		if (c.inputKind === 'scanData') {
			const r = readScanData(c.input);
			if (!r.ok) error = r.reason;
			else {
				symbology = r.content.symbology;
				dataStr = dataString(r.content);
				if (r.content.kind === 'ai-data') ais = r.content.ais;
			}
		} else if (c.inputKind === 'aiDataStr' || c.input.startsWith('^')) {
			const r = parseAiData(c.input, c.inputKind === 'aiDataStr');
			if (!r.ok) error = r.reason;
			else ais = r.ais;
			if (c.inputKind === 'aiDataStr' && ais) dataStr = toElementString(ais);
		} else if (looksLikeDigitalLink(c.input)) {
			const r = parseDigitalLink(c.input);
			if (!r.ok) error = r.reason;
			else [ais, ignored] = [r.ais, r.ignoredQueryParams];
		}
		const e = c.expect;
		expect(error !== null, error ?? '').toBe(Boolean(e.error));
		if (e.error) return;
		// A `|` composite keeps its separator in the bracketed form.
		const bracketed = c.input.includes('|')
			? c.input
					.split('|')
					.map((p) => toBracketed(expectOk(parseAiData(p, c.inputKind === 'aiDataStr'))))
					.join('|')
			: ais && toBracketed(ais);
		if (e.aiDataStr !== undefined) expect(bracketed).toBe(e.aiDataStr);
		if (e.dataStr !== undefined) expect(dataStr).toBe(e.dataStr);
		if (e.hri !== undefined) {
			const titles = Boolean(c.options?.includeDataTitlesInHRI);
			expect(toHri(ais ?? [], { titles })).toEqual(e.hri);
		}
		if (e.dlIgnoredQueryParams !== undefined) expect(ignored).toEqual(e.dlIgnoredQueryParams);
		if (e.symbology !== undefined) expect(symbology).toBe(e.symbology);
	});
});

describe('GS1 dates', () => {
	it('returns ISO dates, with DD=00 as the last day of the month', () => {
		expect(gs1DateToIso('201231', { today: TODAY })).toBe('2020-12-31');
		expect(gs1DateToIso('240200', { today: TODAY })).toBe('2024-02-29');
		expect(gs1DateToIso('250200', { today: TODAY })).toBe('2025-02-28');
		expect(gs1DateToIso('261100', { today: TODAY })).toBe('2026-11-30');
	});

	it('applies the GS1 century rule relative to today', () => {
		// From 2026: up to 50 years ahead stays in this century, 51 or more ahead is the last one.
		expect(gs1DateToIso('760101', { today: TODAY })).toBe('2076-01-01');
		expect(gs1DateToIso('770101', { today: TODAY })).toBe('1977-01-01');
		expect(gs1DateToIso('991225', { today: TODAY })).toBe('1999-12-25');
		// From 2080: 50 or more years behind is the next century.
		const later = { today: new Date(Date.UTC(2080, 0, 1)) };
		expect(gs1DateToIso('300101', later)).toBe('2130-01-01');
		expect(gs1DateToIso('310101', later)).toBe('2031-01-01');
	});
});

describe('parseScan', () => {
	it('reads plain GTIN barcodes of every length', () => {
		// ean13 camera fixture, check-digits.json GTINs, ZXing EAN-8 and UPC-A texts.
		expect(expectIdentity('5012345678900')).toEqual({
			source: 'gtin',
			gtin: '5012345678900',
			gtin14: '05012345678900',
			ais: [{ ai: '01', value: '05012345678900' }]
		});
		expect(expectIdentity('625034201058').gtin14).toBe('00625034201058');
		// ZXing may report the same UPC-A as an EAN-13 with a leading 0.
		expect(expectIdentity('0625034201058').gtin14).toBe('00625034201058');
		expect(expectIdentity('55123457').gtin14).toBe('00000055123457');
		expect(expectIdentity('09520123456788').gtin14).toBe('09520123456788');
		expect(expectIdentity('5012345678900\r\n').gtin14).toBe('05012345678900');
	});

	it('reads every EAN-13, EAN-8 and UPC-A text of the ZXing test sets', () => {
		const manifest = readJson<{
			sets: Array<{ format: string; images: Array<{ expectedText: string }> }>;
		}>('barcodes/manifest.json');
		const texts = manifest.sets
			.filter((s) => ['ean13', 'ean8', 'upca'].includes(s.format))
			.flatMap((s) => s.images.map((i) => i.expectedText));
		expect(texts.length).toBeGreaterThan(80);
		for (const text of texts) {
			expect(expectIdentity(text).gtin14).toBe(text.padStart(14, '0'));
		}
	});

	it('expands 8-digit UPC-E, and honours a format hint for EAN-8', () => {
		const upcE = expectIdentity('01234565');
		expect(upcE).toMatchObject({
			gtin: '012345000065',
			gtin14: '00012345000065',
			upcE: '01234565'
		});
		expect(expectIdentity('04963406', { format: 'upc_e' }).gtin14).toBe('00049000006346');
		expect(expectIdentity('0049000006346', { format: 'upc_e' }).gtin14).toBe('00049000006346');
		expect(expectIdentity('496340', { format: 'upc_e' })).toMatchObject({
			gtin14: '00049000006346',
			upcE: '04963406'
		});
		// 02345673 is an EAN-8 in scan-data-process.json (]E4); as UPC-E its check fails anyway.
		expect(expectIdentity('02345673', { format: 'EAN_8' }).gtin14).toBe('00000002345673');
		expect(expectIdentity(']E402345673').gtin14).toBe('00000002345673');
	});

	it('reads a Digital Link on a custom domain with qualifiers and query AIs', () => {
		const id = expectIdentity('https://example.com/01/09520123456788/10/ABC/21/12345?17=201231');
		expect(id).toMatchObject({
			source: 'digital-link',
			gtin14: '09520123456788',
			batch: 'ABC',
			serial: '12345',
			expiry: '2020-12-31',
			digitalLink: { stem: 'https://example.com', ignoredQueryParams: [] }
		});
		const camera = expectIdentity('https://id.gs1.org/01/05012345678900/21/SC12345');
		expect(camera).toMatchObject({ gtin14: '05012345678900', serial: 'SC12345' });
		// Brand sites publish GTIN-13s in /01/; parseScan accepts them (dl.c:1641).
		const short = expectIdentity('https://brand.example.com/some-extra/pathinfo/01/9520123456788');
		expect(short).toMatchObject({ gtin14: '09520123456788', gtin: '09520123456788' });
		expect(short.digitalLink?.stem).toBe('https://brand.example.com/some-extra/pathinfo');
		const cpv = expectIdentity('https://id.gs1.org/01/09520123456788/22/2A?15=261100&11=250101');
		expect(cpv).toMatchObject({
			cpv: '2A',
			bestBefore: '2026-11-30',
			productionDate: '2025-01-01'
		});
	});

	it('reads GS1 element strings from scanners, with or without the symbology identifier', () => {
		const want = {
			source: 'element-string',
			gtin14: '05012345678900',
			serial: 'SC12345',
			batch: 'LOT42'
		};
		const gs = '\u001d';
		expect(expectIdentity(`]d20105012345678900` + `21SC12345${gs}10LOT42`)).toMatchObject(want);
		expect(expectIdentity(`]C10105012345678900` + `21SC12345${gs}10LOT42`)).toMatchObject(want);
		expect(expectIdentity(`]Q30105012345678900` + `21SC12345${gs}10LOT42`)).toMatchObject(want);
		// ZXing drops the leading FNC1 of GS1-128 / GS1 DataMatrix and reports no identifier.
		expect(expectIdentity(`0105012345678900` + `21SC12345${gs}10LOT42`)).toMatchObject(want);
		expect(expectIdentity(`^0105012345678900` + `21SC12345^10LOT42`)).toMatchObject(want);
		expect(expectIdentity('(01)05012345678900(21)SC12345(10)LOT42')).toMatchObject(want);
		const dated = expectIdentity(
			'(01)09520123456788(17)251231(13)250100(16)260615(240)X-1(241)P9(250)S2'
		);
		expect(dated).toMatchObject({
			expiry: '2025-12-31',
			packagingDate: '2025-01-31',
			sellBy: '2026-06-15',
			additionalId: 'X-1',
			customerPartNumber: 'P9',
			secondarySerial: 'S2'
		});
		expect(dated.ais).toHaveLength(7);
	});

	it('reports ordinary URLs and text as not GS1', () => {
		for (const text of [
			'https://example.com/products/camera-200',
			']Q1https://example.com/',
			'HtTps://example.com/01/12312312312333?99=TEST',
			'mailto:support@example.com',
			'Hello World',
			']Q1TESTING',
			'1234567890'
		]) {
			const r = parseScan(text);
			expect(r, text).toMatchObject({ ok: false, code: 'not-gs1' });
			if (!r.ok) expect(r.reason).toMatch(/not a (GS1|GTIN)/i);
		}
		expect(parseScan('')).toMatchObject({ ok: false, code: 'empty' });
	});

	it('reports every ZXing QR Code and Data Matrix test text as not GS1', () => {
		const manifest = readJson<{
			sets: Array<{ format: string; images: Array<{ expectedText: string }> }>;
		}>('barcodes/manifest.json');
		const texts = manifest.sets
			.filter((s) => ['qrcode', 'datamatrix'].includes(s.format))
			.flatMap((s) => s.images.map((i) => i.expectedText));
		expect(texts.length).toBeGreaterThan(90);
		for (const text of texts)
			expect(parseScan(text), text).toMatchObject({ ok: false, code: 'not-gs1' });
	});

	it('rejects bad GS1 data with a reason, and GS1 data that names no product', () => {
		expect(parseScan('5012345678901')).toEqual({
			ok: false,
			code: 'invalid',
			reason: 'The check digit should be 0, not 1.'
		});
		expect(parseScan('https://example.com/01/09520123456789')).toMatchObject({
			ok: false,
			code: 'invalid'
		});
		expect(parseScan(']C101123123123133^10ABC')).toMatchObject({ ok: false, code: 'invalid' });
		expect(parseScan('(01)05012345678900(17)251340')).toMatchObject({ ok: false, code: 'invalid' });
		expect(parseScan('(00)006141411234567890')).toMatchObject({ ok: false, code: 'not-a-product' });
		expect(parseScan('https://id.gs1.org/00/952012345678912345')).toMatchObject({
			ok: false,
			code: 'not-a-product'
		});
		expect(parseScan(']XX12345')).toMatchObject({ ok: false, code: 'not-gs1' });
	});
});

describe('robustness', () => {
	it('never throws, whatever the input (mutated vector inputs)', () => {
		const seeds = [
			...readJson<VectorFile<BaseCase>>('gs1/gs1-syntax-engine/dl-uri-parse.json').cases,
			...readJson<VectorFile<BaseCase>>('gs1/gs1-syntax-engine/ai-element-string-validate.json')
				.cases,
			...readJson<VectorFile<BaseCase>>('gs1/gs1-syntax-engine/scan-data-process.json').cases,
			...readJson<VectorFile<BaseCase>>('gs1/gs1-syntax-engine/ai-bracketed-parse.json').cases
		].map((c) => c.input);
		const alphabet = '0123456789()^/?=&%#|]\\\u001d\u0000 aZé+-.:[';
		let state = 12345;
		const rand = (n: number) => {
			// Deterministic LCG so a failure reproduces.
			state = (state * 1103515245 + 12345) % 2147483648;
			return state % n;
		};
		let count = 0;
		for (const seed of seeds) {
			for (let k = 0; k < 10; k++) {
				const chars = [...seed];
				const edits = 1 + rand(3);
				for (let e = 0; e < edits; e++) {
					const at = rand(chars.length + 1);
					const ch = alphabet[rand(alphabet.length)] ?? '';
					if (rand(2) === 0) chars.splice(at, 1, ch);
					else chars.splice(at, 0, ch);
				}
				const text = chars.join('');
				const result = parseScan(text);
				if (!result.ok) expect(result.reason.length, text).toBeGreaterThan(5);
				count++;
			}
		}
		expect(count).toBeGreaterThan(2500);
	});
});
