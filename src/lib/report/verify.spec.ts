import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { answerCheck, createInspection } from '$lib/inspection';
import {
	REPORT_TYP,
	generateDeviceKey,
	reportHash,
	sha256Hex,
	signCompact,
	signableJson,
	type DeviceKey
} from '$lib/signing';
import { buildReportDocument } from './build';
import type { ReportDocument } from '$lib/contract/report-document';
import { EXPORT_NAMES, buildExport } from './export-zip';
import { verifyExport } from './verify';
import { testdataUrl } from '../../../tests/testdata';

const T = '2026-11-22T10:00:00.000Z';
const label = new Uint8Array(readFileSync(testdataUrl('photos/label-small-upright.jpg')));
const other = label.slice();
other[other.length - 3] = other[other.length - 3]! ^ 0xff;

async function photoRecord(id: string, checkId: string, bytes: Uint8Array): Promise<PhotoRecord> {
	return {
		id,
		inspectionId: 'i',
		checkId,
		data: bytes.slice().buffer,
		sha256: await sha256Hex(bytes),
		bytes: bytes.length,
		type: 'image/jpeg',
		width: 750,
		height: 1000,
		capturedAt: T,
		caption: id === 'p1' ? 'Rating label' : ''
	};
}

async function signedExport(key: DeviceKey, previousReportHash: string | null = null) {
	let inspection = createInspection({
		id: 'i',
		now: T,
		catalogue,
		bundleId: 'shop-visit',
		place: { kind: 'shop', name: 'Corner Electrics' },
		inspector: 'A. Officer',
		product: { gtin: '05012345678900', model: 'SC-CAM-200' }
	});
	inspection = answerCheck(inspection, catalogue, 'ID-01', 'PASS', '', T);
	inspection = answerCheck(inspection, catalogue, 'ID-02', 'REFER', 'Box says SC-CAM-201', T);
	const photos = [await photoRecord('p1', 'ID-01', label), await photoRecord('p2', 'ID-02', other)];
	const document = buildReportDocument({
		inspection: { ...inspection, status: 'finished', finishedAt: T },
		catalogue,
		photos,
		reportId: crypto.randomUUID(),
		supersedes: null,
		device: { keyId: key.kid, publicJwk: key.publicJwk },
		appVersion: 'test',
		previousReportHash,
		finishedAt: T
	});
	const jws = await sign(document, key);
	const zip = buildExport({
		jws,
		photos: [
			{ sha256: photos[0]!.sha256, bytes: label },
			{ sha256: photos[1]!.sha256, bytes: other }
		]
	});
	return { document, jws, zip, photos };
}

const sign = (document: ReportDocument, key: DeviceKey) =>
	signCompact(signableJson(document), key.privateKey, key.kid, { typ: REPORT_TYP });

/** Rewrites one entry of a zip. */
function rezip(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
	const files = unzipSync(zip);
	change(files);
	return zipSync(files);
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');

describe('verifyExport', async () => {
	const key = await generateDeviceKey();
	const { document, jws, zip, photos } = await signedExport(key);
	const [first, second] = [photos[0]!.sha256, photos[1]!.sha256];

	it('verifies an untouched export and gives the hash and fingerprint', async () => {
		const result = await verifyExport(zip);
		expect(result).toMatchObject({
			ok: true,
			reportHash: await reportHash(jws),
			previous: 'first'
		});
		expect(result.ok && result.document).toEqual(document);
		expect(result.ok && result.fingerprint).toMatch(/^([A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
	});

	it('names the photo when one byte of it changed', async () => {
		const tampered = rezip(zip, (files) => {
			const bytes = files[EXPORT_NAMES.evidence(first)]!;
			bytes[2000] = bytes[2000]! ^ 1;
		});
		expect(await verifyExport(tampered)).toEqual({
			ok: false,
			reason: `photo 1 (check ID-01, “Rating label”) does not match the SHA-256 the signed report gives it (evidence/${first}.jpg)`
		});
	});

	it('names a photo swapped for another', async () => {
		const swapped = rezip(zip, (files) => {
			const a = files[EXPORT_NAMES.evidence(first)]!;
			files[EXPORT_NAMES.evidence(first)] = files[EXPORT_NAMES.evidence(second)]!;
			files[EXPORT_NAMES.evidence(second)] = a;
		});
		const result = await verifyExport(swapped);
		expect(result.ok === false && result.reason).toMatch(/^photo 1 \(check ID-01.*does not match/);
	});

	it('says when a photo was removed, or one added', async () => {
		const removed = rezip(zip, (files) => delete files[EXPORT_NAMES.evidence(second)]);
		expect(await verifyExport(removed)).toEqual({
			ok: false,
			reason: `photo 2 (check ID-02) is missing from the file (evidence/${second}.jpg)`
		});
		const added = rezip(zip, (files) => (files['evidence/extra.jpg'] = label));
		expect(await verifyExport(added)).toEqual({
			ok: false,
			reason: 'the file holds a photo the signed report does not name (evidence/extra.jpg)'
		});
	});

	it('rejects a changed payload, a changed signature, alg none and HS256, each with its reason', async () => {
		const [header, payload, signature] = jws.split('.') as [string, string, string];
		const changedPayload = b64url(
			Buffer.from(payload, 'base64url').toString().replace('Corner Electrics', 'Corner Electricz')
		);
		const flipped = Buffer.from(signature, 'base64url');
		flipped[10] = flipped[10]! ^ 1;
		const noneHeader = b64url(JSON.stringify({ alg: 'none', kid: key.kid, typ: REPORT_TYP }));
		const hsHeader = b64url(JSON.stringify({ alg: 'HS256', kid: key.kid, typ: REPORT_TYP }));
		const cases: Array<[string, RegExp]> = [
			[`${header}.${changedPayload}.${signature}`, /^the signature does not hold: .*signature/i],
			[`${header}.${payload}.${flipped.toString('base64url')}`, /^the signature does not hold/],
			[`${noneHeader}.${payload}.`, /^the signature does not hold: .*none/i],
			[`${hsHeader}.${payload}.${signature}`, /^the signature does not hold: .*HS256/]
		];
		for (const [token, reason] of cases) {
			const result = await verifyExport(
				rezip(zip, (f) => (f[EXPORT_NAMES.report] = new TextEncoder().encode(token)))
			);
			expect(result.ok).toBe(false);
			expect(result.ok === false && result.reason).toMatch(reason);
		}
	});

	it('rejects a report re-signed with another key that claims the first key', async () => {
		const intruder = await generateDeviceKey();
		const forged = await signCompact(signableJson(document), intruder.privateKey, key.kid, {
			typ: REPORT_TYP
		});
		const result = await verifyExport(
			rezip(zip, (f) => (f[EXPORT_NAMES.report] = new TextEncoder().encode(forged)))
		);
		expect(result).toMatchObject({ ok: false });
		expect(result.ok === false && result.reason).toMatch(/^the signature does not hold/);
	});

	it('links to the previous report when it is known, and says so when it is not', async () => {
		const next = await signedExport(key, await reportHash(jws));
		expect(await verifyExport(next.zip)).toMatchObject({ ok: true, previous: 'not available' });
		const known = async (hash: string) => ((await reportHash(jws)) === hash ? jws : undefined);
		expect(await verifyExport(next.zip, known)).toMatchObject({ ok: true, previous: 'linked' });

		const otherDevice = await signedExport(await generateDeviceKey(), await reportHash(jws));
		expect(await verifyExport(otherDevice.zip, known)).toEqual({
			ok: false,
			reason: 'the previous report this one names was signed by another device'
		});
	});

	it('still verifies a report exported before schema 2, and refuses it changed', async () => {
		const v1 = new Uint8Array(readFileSync(new URL('./fixtures/signed-v1.zip', import.meta.url)));
		const result = await verifyExport(v1);
		expect(result).toMatchObject({
			ok: true,
			reportHash: 'a889affc196d55a77896668160f23f5b04379bb6ce2e47f0e8e7301d250a6481'
		});
		expect(result.ok && result.document.schema).toBe('shelfcheck.report/1');
		const tampered = rezip(v1, (files) => {
			const name = Object.keys(files).find((file) => file.startsWith('evidence/'))!;
			files[name]![100] = files[name]![100]! ^ 1;
		});
		expect(await verifyExport(tampered)).toMatchObject({ ok: false });
	});

	it('explains a file that is not an export', async () => {
		expect(await verifyExport(new TextEncoder().encode('hello'))).toEqual({
			ok: false,
			reason: 'this is not a Shelfcheck export (it is not a zip file)'
		});
		expect(await verifyExport(zipSync({ 'notes.txt': new Uint8Array(1) }))).toEqual({
			ok: false,
			reason: 'the file has no report.jws, so there is nothing to verify'
		});
	});
});
