/**
 * The visit report PDF in Node, read back with poppler's pdftotext: the cover, the table of the
 * products and each product's own report after it, with every report's hash and fingerprint.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import { fingerprintFromKeyId } from '$lib/signing';
import type { ProductRow } from '$lib/visit/visit';
import { visitCover } from '$lib/visit/visit-report';
import type { Visit } from '$lib/visit/visit';
import { SAMPLE, sampleReport, type SampleReport } from './pdf-fixture';
import { renderVisitPdf } from './visit-pdf';
import { testdataUrl } from '../../../tests/testdata';

const work = mkdtempSync(join(tmpdir(), 'shelfcheck-visit-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const flat = (text: string) => text.replace(/\s+/g, ' ');

const PRODUCTS = [
	{ reportId: '11111111-1111-4111-8111-111111111111', gtin: '05012345678900', model: 'CAM-1' },
	{ reportId: '22222222-2222-4222-8222-222222222222', gtin: '04006381333931', model: 'PLUG-2' }
];

const visit: Visit = {
	id: 'v',
	createdAt: '2026-11-22T10:00:00.000Z',
	updatedAt: '2026-11-22T11:00:00.000Z',
	date: '2026-11-22',
	context: 'shop',
	bundleId: 'shop-visit',
	place: SAMPLE.place,
	inspector: SAMPLE.inspector
};

function rowOf(sample: SampleReport): ProductRow {
	return {
		inspectionId: sample.document.reportId,
		gtin: sample.document.product.gtin!,
		brand: sample.document.product.brand!,
		model: sample.document.product.model!,
		status: 'finished',
		psti: { 'PSTI-1': 'PASS', 'PSTI-2': 'FAIL', 'PSTI-3': 'REFER', 'PSTI-SOC': 'NOT_ASSESSED' },
		fails: 1,
		referrals: 2
	};
}

let samples: SampleReport[];
let pages: string[];
let text: string;

beforeAll(async () => {
	const jpeg = new Uint8Array(readFileSync(testdataUrl('photos/label-small-upright.jpg')));
	samples = await Promise.all(
		PRODUCTS.map((product) => sampleReport({ jpeg, photoCount: 4, product }))
	);
	const rows = samples.map(rowOf);
	const draft: ProductRow = { ...rows[0]!, inspectionId: 'draft', status: 'draft' };
	const cover = visitCover(
		visit,
		[...rows, draft],
		samples.map((sample, index) => ({
			row: rows[index]!,
			reportId: sample.document.reportId,
			reportHash: sample.reportHash,
			fingerprint: fingerprintFromKeyId(sample.document.device.keyId)
		}))
	);
	const pdf = await renderVisitPdf({
		cover,
		createdAt: visit.updatedAt,
		reports: samples.map((sample) => ({
			document: sample.document,
			catalogue,
			reportHash: sample.reportHash,
			photo: async (hash) => sample.photos.get(hash)
		}))
	});
	const file = join(work, 'visit.pdf');
	writeFileSync(file, pdf);
	text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	if (process.env.PDF_SPEC_OUT) writeFileSync(join(process.env.PDF_SPEC_OUT, 'visit.pdf'), pdf);
	pages = text.split('\f').filter((page) => page.trim());
}, 60_000);

describe('renderVisitPdf', () => {
	it('opens with the visit cover: place, date, inspector, notice and the unsigned count', () => {
		const cover = flat(pages[0]!);
		expect(cover).toContain('VISIT REPORT');
		expect(cover).toContain(`Visit at ${SAMPLE.place.name}`);
		expect(cover).toContain('Field indications, not a conformance assessment.');
		expect(cover).toContain(SAMPLE.inspector);
		expect(cover).toContain('2026-11-22');
		expect(cover).toContain('1 product is still unsigned and is not in this report.');
	});

	it('tables every signed product with its GTIN, PSTI indications and counts', () => {
		const cover = pages[0]!;
		for (const product of PRODUCTS) {
			const line = cover.split('\n').find((l) => l.includes(product.gtin));
			expect(line, product.gtin).toBeDefined();
			expect(flat(line!)).toMatch(/ Acme (CAM-1|PLUG-2) Meets Fails Refer Not 1 2$/);
		}
	});

	it('names every report’s id, hash and key fingerprint on the cover', () => {
		const cover = flat(pages[0]!);
		for (const sample of samples) {
			expect(cover).toContain(sample.document.reportId);
			expect(cover).toContain(sample.reportHash);
			expect(cover).toContain(fingerprintFromKeyId(sample.document.device.keyId));
		}
	});

	it('then holds each product’s own report, its pages footed with its id, numbered in the visit', () => {
		const total = pages.length;
		for (const sample of samples) {
			const own = pages.filter((page) => page.includes(`Report ${sample.document.reportId}`));
			expect(own.length).toBeGreaterThan(2);
			expect(flat(own[0]!)).toContain('FIELD INSPECTION REPORT');
			expect(flat(own.at(-1)!)).toContain(sample.reportHash);
		}
		pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${total}`));
		const firstOfSecond = pages.findIndex((p) => p.includes(`Report ${PRODUCTS[1]!.reportId}`));
		const lastOfFirst = pages.findLastIndex((p) => p.includes(`Report ${PRODUCTS[0]!.reportId}`));
		expect(lastOfFirst).toBeLessThan(firstOfSecond);
	});
});
