import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExport } from '$lib/report/export-zip';
import { readUnverified } from '$lib/signing/unverified';
import {
	REPORT_LIMITS,
	REPORT_SCHEMA,
	REPORT_SCHEMA_V1,
	checkReportDocument,
	type CurrentReportDocument
} from './report-document';

/** A report exported by the app before schema 2 (commit 978e4b6): one photo, cited twice. */
const v1Export = readExport(
	new Uint8Array(readFileSync(new URL('../report/fixtures/signed-v1.zip', import.meta.url)))
);
if (!v1Export.ok) throw new Error(v1Export.reason);
const v1Payload = readUnverified(v1Export.jws)!.payload as Record<string, unknown>;

const T = '2026-12-02T10:00:00.000Z';
const sha = (c: string) => c.repeat(64);

function current(overrides: Partial<CurrentReportDocument> = {}): CurrentReportDocument {
	return {
		schema: REPORT_SCHEMA,
		reportId: '0b6f9f64-6a39-4c9f-9a55-9f1f3c1e2d4a',
		supersedes: null,
		product: { gtin: '05012345678900', model: 'SC-CAM-200' },
		bundle: { id: 'shop-visit', name: 'Shop visit' },
		catalogueVersion: '2026.12.1',
		context: 'shop',
		place: { kind: 'shop', name: 'Corner Electrics' },
		inspector: { name: 'A. Officer' },
		scope: { networkConnected: 'yes' },
		answers: [
			{
				checkId: 'ID-01',
				verdict: 'PASS',
				reason: '',
				answeredAt: T,
				kind: 'shows',
				photos: [sha('a')]
			},
			{
				checkId: 'PHY-01',
				verdict: 'PASS',
				reason: '',
				answeredAt: T,
				kind: 'screens',
				photos: [sha('a')]
			}
		],
		photos: [
			{
				sha256: sha('a'),
				bytes: 1000,
				type: 'image/jpeg',
				width: 750,
				height: 1000,
				capturedAt: T,
				caption: 'Rating label',
				derivedFrom: null,
				derivation: null,
				marks: [],
				location: null,
				takenFor: 'identify'
			}
		],
		rollup: [
			{
				framework: 'PSTI',
				provisions: [{ id: 'PSTI-1', outcome: 'NA', checks: [], reason: 'Excepted from PSTI: yes' }]
			}
		],
		device: {
			keyId: 'A'.repeat(43),
			publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }
		},
		startedAt: T,
		finishedAt: T,
		appVersion: 'test',
		previousReportHash: null,
		notice: 'Field indications, not a conformance assessment.',
		...overrides
	};
}

function refusal(value: unknown) {
	const checked = checkReportDocument(value);
	if (checked.ok) throw new Error('the document was accepted');
	return checked;
}

describe('checkReportDocument', () => {
	it('accepts the current schema, one photo cited by two answers', () => {
		const checked = checkReportDocument(current());
		expect(checked.ok && checked.document.photos).toHaveLength(1);
		expect(checked.ok && checked.document.answers.map((a) => a.kind)).toEqual(['shows', 'screens']);
	});

	it('reads a report signed under schema 1 in the current shape, each photo once', () => {
		expect(v1Payload.schema).toBe(REPORT_SCHEMA_V1);
		expect(v1Payload.photos).toHaveLength(2);
		const checked = checkReportDocument(v1Payload);
		if (!checked.ok) throw new Error(`${checked.path}: ${checked.message}`);
		expect(checked.document.schema).toBe(REPORT_SCHEMA_V1);
		expect(checked.document.photos.map((p) => p.takenFor)).toEqual(['ID-01']);
		expect(checked.document.answers.every((answer) => answer.kind === undefined)).toBe(true);
	});

	it('accepts what it returns for a v1 report again (the PDF renderer checks its input)', () => {
		const once = checkReportDocument(v1Payload);
		if (!once.ok) throw new Error(`${once.path}: ${once.message}`);
		expect(checkReportDocument(once.document)).toEqual(once);
		// The current shape under the v1 name is still held to its rules.
		const listedTwice = {
			...once.document,
			photos: [...once.document.photos, ...once.document.photos]
		};
		expect(checkReportDocument(listedTwice).ok).toBe(false);
	});

	it('refuses a schema it does not know, and v1 fields under v2', () => {
		expect(refusal({ ...current(), schema: 'shelfcheck.report/3' }).path).toBe('schema');
		const photos = current().photos.map(({ takenFor, ...photo }) => ({
			...photo,
			checkId: takenFor
		}));
		expect(refusal({ ...current(), photos }).path).toBe('photos.0.takenFor');
	});

	it('refuses a photo listed twice and an answer citing a photo it does not list', () => {
		const doc = current();
		expect(refusal({ ...doc, photos: [...doc.photos, ...doc.photos] }).path).toBe('photos');
		const answers = [{ ...doc.answers[0]!, photos: [sha('b')] }];
		expect(refusal({ ...doc, answers })).toMatchObject({
			path: 'answers',
			message: 'must cite only photos the report lists'
		});
	});

	it('caps every list and string far above a real inspection', () => {
		const doc = current();
		const answer = doc.answers[1]!;
		const many = Array.from({ length: REPORT_LIMITS.answers + 1 }, () => answer);
		expect(refusal({ ...doc, answers: many }).path).toBe('answers');
		const within = Array.from({ length: 9_000 }, () => answer);
		expect(checkReportDocument({ ...doc, answers: within }).ok).toBe(true);

		const long = 'x'.repeat(REPORT_LIMITS.textChars + 1);
		expect(refusal({ ...doc, answers: [{ ...answer, reason: long }] }).path).toBe(
			'answers.0.reason'
		);
		expect(refusal({ ...doc, inspector: { name: long } }).path).toBe('inspector.name');
	});

	it('refuses numbers that are not safe integers', () => {
		const photo = current().photos[0]!;
		for (const bytes of [2 ** 53, 1e308, 1.5, -1]) {
			expect(refusal({ ...current(), photos: [{ ...photo, bytes }] }).path).toBe('photos.0.bytes');
		}
	});
});
