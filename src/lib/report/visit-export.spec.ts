/**
 * A visit's export: two products' signed reports, their photos once each and the visit PDF in
 * one zip, verified by the verifier the Verify screen and `npm run verify` use.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintFromKeyId } from '$lib/signing';
import { buildVisitExport, EXPORT_NAMES, VISIT_EXPORT_NAMES } from './export-zip';
import { sampleReport, type SampleReport } from './pdf-fixture';
import { verifyAnyExport } from './verify';
import { testdataUrl } from '../../../tests/testdata';

const PRODUCTS = [
	{ reportId: '11111111-1111-4111-8111-111111111111', gtin: '05012345678900', model: 'CAM-1' },
	{ reportId: '22222222-2222-4222-8222-222222222222', gtin: '04006381333931', model: 'PLUG-2' }
];

let samples: SampleReport[];
let zip: Uint8Array;

function rezip(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
	const files = unzipSync(zip);
	change(files);
	return zipSync(files);
}

beforeAll(async () => {
	const jpeg = new Uint8Array(readFileSync(testdataUrl('photos/label-small-upright.jpg')));
	samples = await Promise.all(
		PRODUCTS.map((product) => sampleReport({ jpeg, photoCount: 4, product }))
	);
	const photos = new Map<string, Uint8Array>();
	for (const sample of samples) for (const [hash, bytes] of sample.photos) photos.set(hash, bytes);
	zip = buildVisitExport({
		reports: samples.map((sample) => ({ reportId: sample.document.reportId, jws: sample.jws })),
		photos: [...photos].map(([sha256, bytes]) => ({ sha256, bytes })),
		pdf: new TextEncoder().encode('%PDF-1.3 visit')
	});
});

describe('a visit export', () => {
	it('holds each report under its id, each photo once, and the visit PDF', () => {
		const names = Object.keys(unzipSync(zip)).sort();
		expect(names).toEqual(
			[
				...PRODUCTS.map((p) => VISIT_EXPORT_NAMES.report(p.reportId)),
				...samples.flatMap((s) => [...s.photos.keys()].map(EXPORT_NAMES.evidence)),
				'visit-report.pdf'
			].sort()
		);
	});

	it('verifies, naming every report with its hash and fingerprint and every photo checked', async () => {
		const result = await verifyAnyExport(zip);
		expect(result.ok && result.kind).toBe('visit');
		if (!result.ok || result.kind !== 'visit') return;
		expect(result.reports.map((r) => [r.file, r.reportHash, r.fingerprint])).toEqual(
			samples.map((s) => [
				`reports/${s.document.reportId}.jws`,
				s.reportHash,
				fingerprintFromKeyId(s.document.device.keyId)
			])
		);
		expect(result.photos).toEqual(
			samples.flatMap((s) => [...s.photos.keys()].map(EXPORT_NAMES.evidence)).sort()
		);
	});

	it('refuses a changed photo byte, naming the report and the photo', async () => {
		const hash = samples[1]!.document.photos[2]!.sha256;
		const tampered = rezip((files) => {
			const bytes = files[EXPORT_NAMES.evidence(hash)]!;
			bytes[500] = bytes[500]! ^ 1;
		});
		const result = await verifyAnyExport(tampered);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(
			new RegExp(
				`^reports/${PRODUCTS[1]!.reportId}\\.jws: photo 3 \\(check .*\\) does not match the SHA-256 the signed report gives it \\(evidence/${hash}\\.jpg\\)$`
			)
		);
	});

	it('refuses a changed JWS byte, naming the report', async () => {
		const name = VISIT_EXPORT_NAMES.report(PRODUCTS[0]!.reportId);
		const tampered = rezip((files) => {
			const bytes = files[name]!;
			// A byte of the payload, still base64url: the signature no longer holds.
			const at = new TextDecoder().decode(bytes).indexOf('.') + 40;
			bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
		});
		const result = await verifyAnyExport(tampered);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(new RegExp(`^${name}: `));
	});

	it('refuses a photo missing, a photo no report names, and a report under another id', async () => {
		const hash = samples[0]!.document.photos[0]!.sha256;
		const missing = await verifyAnyExport(
			rezip((files) => delete files[EXPORT_NAMES.evidence(hash)])
		);
		expect(!missing.ok && missing.reason).toContain(
			`is missing from the file (evidence/${hash}.jpg)`
		);
		const extra = await verifyAnyExport(rezip((files) => (files['evidence/extra.jpg'] = zip)));
		expect(extra).toEqual({
			ok: false,
			reason: 'the file holds a photo no signed report names (evidence/extra.jpg)'
		});
		const renamed = await verifyAnyExport(
			rezip((files) => {
				const name = VISIT_EXPORT_NAMES.report(PRODUCTS[0]!.reportId);
				files['reports/other.jws'] = files[name]!;
				delete files[name];
			})
		);
		expect(renamed).toEqual({
			ok: false,
			reason: `reports/other.jws: the file holds report ${PRODUCTS[0]!.reportId} under another name`
		});
	});

	it('still verifies a one-report export as before', async () => {
		const { buildExport } = await import('./export-zip');
		const single = buildExport({
			jws: samples[0]!.jws,
			photos: [...samples[0]!.photos].map(([sha256, bytes]) => ({ sha256, bytes }))
		});
		expect(await verifyAnyExport(single)).toMatchObject({
			ok: true,
			kind: 'report',
			reportHash: samples[0]!.reportHash
		});
	});
});
