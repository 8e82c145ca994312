import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { answerCheck, createInspection, setScopeAnswer } from '$lib/inspection';
import { assertSignable } from '$lib/signing';
import { buildReportDocument } from './build';
import { checkReportDocument } from '$lib/contract/report-document';

const T = '2026-11-22T10:00:00.000Z';
const hex = (c: string) => c.repeat(64);

function photo(
	id: string,
	checkId: string,
	sha: string,
	extra: Partial<PhotoRecord> = {}
): PhotoRecord {
	return {
		id,
		inspectionId: 'i',
		checkId,
		data: new ArrayBuffer(1),
		sha256: hex(sha),
		bytes: 1234,
		type: 'image/jpeg',
		width: 1536,
		height: 2048,
		capturedAt: T,
		caption: 'Label',
		...extra
	};
}

function finishedShopVisit(proposedBy?: 'label') {
	let inspection = createInspection({
		id: 'i',
		now: T,
		catalogue,
		bundleId: 'shop-visit',
		place: { kind: 'shop', name: 'Corner Electrics', address: '1 High St' },
		inspector: 'A. Officer',
		product: { gtin: '05012345678900', model: 'SC-CAM-200', brand: 'Acme' }
	});
	inspection = setScopeAnswer(inspection, 'forChildren', 'no', T);
	inspection = setScopeAnswer(inspection, 'usesPasswords', 'no', T);
	inspection = answerCheck(inspection, catalogue, 'ID-01', 'PASS', '', T, proposedBy);
	inspection = answerCheck(inspection, catalogue, 'DOC-06', 'FAIL', 'No period shown', T);
	return { ...inspection, status: 'finished' as const, finishedAt: T };
}

const device = {
	keyId: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
	publicJwk: { kty: 'EC' as const, crv: 'P-256' as const, x: 'xx', y: 'yy' }
};

function build(photos: PhotoRecord[] = [], proposedBy?: 'label') {
	return buildReportDocument({
		inspection: finishedShopVisit(proposedBy),
		catalogue,
		photos,
		reportId: '3f1b2a9e-8c1d-4e55-9a0b-1c2d3e4f5a6b',
		supersedes: null,
		device,
		appVersion: '0.1.0+test',
		previousReportHash: null,
		finishedAt: T
	});
}

describe('buildReportDocument', () => {
	it('builds a document the schema accepts and that can be signed (no floats, no undefined)', () => {
		const document = build([
			photo('p1', 'ID-01', 'a', {
				location: { latitude: 51.5034, longitude: -0.1276, accuracyMetres: 12.7 }
			}),
			photo('p2', 'ID-01', 'b', {
				derivedFrom: 'p1',
				derivation: 'redaction',
				marks: [{ kind: 'redact', from: { x: 0.1, y: 0.25 }, to: { x: 0.5, y: 0.3 } }]
			})
		]);
		expect(checkReportDocument(document)).toEqual({ ok: true, document });
		expect(() => assertSignable(document)).not.toThrow();
		expect(document.answers.map((a) => [a.checkId, a.verdict])).toEqual([
			['ID-01', 'PASS'],
			['DOC-06', 'FAIL']
		]);
		expect(document.answers[0]!.photos).toEqual([hex('a'), hex('b')]);
		expect(document.photos[1]).toMatchObject({
			derivedFrom: hex('a'),
			derivation: 'redaction',
			marks: [{ kind: 'redact', x1: 154, y1: 512, x2: 768, y2: 614 }]
		});
		expect(document.photos[0]!.location).toEqual({
			latitude: '51.503400',
			longitude: '-0.127600',
			accuracyMetres: 13
		});
		const en = document.rollup.find((f) => f.framework === 'EN303645')!;
		expect(en.provisions.find((p) => p.id === '5.3-13')).toMatchObject({
			outcome: 'FAIL',
			checks: ['DOC-06']
		});
	});

	it('marks an answer confirmed as the label proposed it, and only that one', () => {
		const document = build(
			[photo('p1', 'identify', 'a', { usedBy: ['identify', 'ID-01'] })],
			'label'
		);
		expect(checkReportDocument(document)).toEqual({ ok: true, document });
		expect(document.answers.map((a) => [a.checkId, a.proposedBy])).toEqual([
			['ID-01', 'label'],
			['DOC-06', undefined]
		]);
		expect(document.answers[1]).not.toHaveProperty('proposedBy');
		expect(build().answers[0]).not.toHaveProperty('proposedBy');
	});

	it('leaves out photos of checks the scope switched off', () => {
		// PHY-01 needs passwords; this product has none.
		const document = build([photo('p1', 'PHY-01', 'c'), photo('p2', 'identify', 'd')]);
		expect(document.photos.map((p) => p.takenFor)).toEqual(['identify']);
	});

	it('lists a photo linked to several checks once, cited by each of them', () => {
		// Taken on Identify, linked to ID-01 and DOC-06; and one linked only to a switched-off check.
		const document = build([
			photo('p1', 'identify', 'a', { usedBy: ['identify', 'ID-01', 'DOC-06'] }),
			photo('p2', 'PHY-01', 'c', { usedBy: ['PHY-01'] })
		]);
		expect(checkReportDocument(document)).toEqual({ ok: true, document });
		expect(document.photos.map((p) => [p.sha256, p.takenFor])).toEqual([[hex('a'), 'identify']]);
		expect(document.answers.map((a) => [a.checkId, a.photos])).toEqual([
			['ID-01', [hex('a')]],
			['DOC-06', [hex('a')]]
		]);
	});
});

describe('checkReportDocument', () => {
	it('names the path of the first problem', () => {
		const document = build();
		const bad = { ...document, answers: [{ ...document.answers[0]!, verdict: 'MAYBE' }] };
		expect(checkReportDocument(bad)).toMatchObject({ ok: false, path: 'answers.0.verdict' });
		expect(checkReportDocument({ ...document, extra: 1 })).toMatchObject({ ok: false });
		expect(checkReportDocument({ ...document, notice: 'Compliant' })).toMatchObject({
			ok: false,
			path: 'notice'
		});
	});

	it('refuses a photo hash that is not a SHA-256', () => {
		const document = build([photo('p1', 'ID-01', 'a')]);
		const bad = { ...document, photos: [{ ...document.photos[0]!, sha256: 'abc' }] };
		expect(checkReportDocument(bad)).toMatchObject({ ok: false, path: 'photos.0.sha256' });
	});
});

describe('label readings in the report', () => {
	it('carries the fields read from the label and the credential analysis, never the value or hash', async () => {
		const { analyseCredential, fingerprint, newCredentialKey } =
			await import('$lib/label/credentials');
		const key = await newCredentialKey();
		const credential = async (value: string) => ({
			kind: 'password' as const,
			analysis: analyseCredential('password', value, { serial: '5C0A12345' }),
			...(await fingerprint(key, 'password', value)),
			clear: value
		});
		const inspection = {
			...finishedShopVisit(),
			product: {
				model: 'SC-CAM-200',
				serial: '5C0A12345',
				readFromLabel: ['model' as const, 'serial' as const]
			},
			labelReadings: [1, 2].map((unit) => ({
				id: `r${unit}`,
				photoId: `p${unit}`,
				checkId: 'identify',
				unit,
				readAt: `${T}${unit}`,
				engine: 'tesseract.js',
				confidence: 91,
				credentials: [] as Awaited<ReturnType<typeof credential>>[]
			}))
		};
		inspection.labelReadings[0]!.credentials.push(await credential('admin1234'));
		inspection.labelReadings[1]!.credentials.push(await credential('admin1234'));
		const document = buildReportDocument({
			inspection,
			catalogue,
			photos: [photo('p1', 'identify', 'e')],
			reportId: '3f1b2a9e-8c1d-4e55-9a0b-1c2d3e4f5a6b',
			supersedes: null,
			device,
			appVersion: '0.1.0+test',
			previousReportHash: null,
			finishedAt: T
		});
		expect(checkReportDocument(document)).toMatchObject({ ok: true });
		expect(document.product.readFromLabel).toEqual(['model', 'serial']);
		expect(document.printedCredentials).toEqual([
			expect.objectContaining({ unit: 1, length: 9, sameAsUnits: [2], photo: hex('e') }),
			expect.objectContaining({ unit: 2, sameAsUnits: [1], photo: null })
		]);
		const text = JSON.stringify(document);
		expect(text).not.toContain('admin1234');
		expect(text).not.toContain(inspection.labelReadings[0]!.credentials[0]!.hash);
		// Reports from before label reading still validate; a hash smuggled in does not.
		const { printedCredentials, ...older } = document;
		expect(checkReportDocument(older)).toMatchObject({ ok: true });
		const smuggled = {
			...document,
			printedCredentials: [{ ...printedCredentials![0]!, hash: hex('f') }]
		};
		expect(checkReportDocument(smuggled)).toMatchObject({ ok: false });
	});
});
