/**
 * The report PDF end to end, in Node: a realistic signed shop visit rendered, then read back with
 * poppler (pdftotext, pdfimages, pdftoppm) the way a reader's viewer would see it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerWords } from '$lib/inspection/indications';
import { fingerprintFromKeyId } from '$lib/signing';
import { renderReportPdf, ReportPdfError, type ReportPdfInput } from './pdf';
import { SAMPLE, SAMPLE_REASONS, sampleReport, type SampleReport } from './pdf-fixture';
import { reportQrPayload } from './qr';
import { testdataUrl } from '../../../tests/testdata';

const LABEL_PHOTO = testdataUrl('photos/label-small-upright.jpg');

const work = mkdtempSync(join(tmpdir(), 'shelfcheck-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const run = (command: string, args: string[]) =>
	execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
/** Runs of spaces and line breaks made single spaces, so wrapped text reads as one line. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * A real redacted copy of the label photo: the "Default password" line covered by a black box,
 * re-encoded as a JPEG by poppler, as the app's redaction re-encodes it on the device.
 */
async function redactedLabel(jpeg: Uint8Array): Promise<Uint8Array> {
	const { jsPDF } = await import('jspdf');
	const doc = new jsPDF({ unit: 'pt', format: [750, 1000] });
	doc.addImage(jpeg, 'JPEG', 0, 0, 750, 1000);
	doc.setFillColor(0, 0, 0);
	doc.rect(750 * 0.05, 1000 * 0.335, 750 * 0.55, 1000 * 0.05, 'F');
	const pdf = join(work, 'redact.pdf');
	writeFileSync(pdf, new Uint8Array(doc.output('arraybuffer')));
	run('pdftoppm', [
		'-jpeg',
		'-r',
		'72',
		'-jpegopt',
		'quality=85',
		'-singlefile',
		pdf,
		join(work, 'redacted')
	]);
	return new Uint8Array(readFileSync(join(work, 'redacted.jpg')));
}

function inputOf(sample: SampleReport, overrides: Partial<ReportPdfInput> = {}): ReportPdfInput {
	return {
		document: sample.document,
		catalogue: sample.catalogue,
		reportHash: sample.reportHash,
		photo: async (hash) => sample.photos.get(hash),
		...overrides
	};
}

/** Writes the PDF and reads it back: text per page, page count, embedded JPEGs' SHA-256s. */
function readBack(name: string, bytes: Uint8Array) {
	const file = join(work, `${name}.pdf`);
	writeFileSync(file, bytes);
	const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
	const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
	const images = join(work, `${name}-images`);
	run('mkdir', ['-p', images]);
	// -j writes DCT (JPEG) streams out as they are stored, so their hashes are the photos'.
	run('pdfimages', ['-j', file, join(images, 'img')]);
	const jpegs = readdirSync(images)
		.filter((entry) => entry.endsWith('.jpg'))
		.map((entry) => sha256(readFileSync(join(images, entry))));
	const others = readdirSync(images).filter((entry) => !entry.endsWith('.jpg'));
	return { file, pages, text, pageTexts: text.split('\f'), jpegs, others };
}

let sample: SampleReport;
let pdf: Uint8Array;
let result: ReturnType<typeof readBack>;

beforeAll(async () => {
	const jpeg = new Uint8Array(readFileSync(LABEL_PHOTO));
	sample = await sampleReport({ jpeg, photoCount: 8, redactedJpeg: await redactedLabel(jpeg) });
	pdf = await renderReportPdf(inputOf(sample));
	result = readBack('report', pdf);
	// PDF_SPEC_OUT=<folder> keeps the rendered report for a look at its pages.
	if (process.env.PDF_SPEC_OUT) writeFileSync(join(process.env.PDF_SPEC_OUT, 'report.pdf'), pdf);
}, 60_000);

describe('renderReportPdf', () => {
	it('makes an A4 PDF with the product, the place, the inspector and the notice', () => {
		expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
		expect(run('pdfinfo', [result.file])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
		const cover = flat(result.pageTexts[0]!);
		expect(cover).toContain(SAMPLE.gtin);
		expect(cover).toContain(SAMPLE.model);
		expect(cover).toContain(`${SAMPLE.brand} ${SAMPLE.model}`);
		expect(cover).toContain(SAMPLE.inspector);
		expect(cover).toContain(`${SAMPLE.place.name}, ${SAMPLE.place.address}`);
		expect(cover).toContain('Field indications, not a conformance assessment');
		expect(cover).toContain('22 Nov 2026, 10:00 UTC');
		expect(cover).toContain('PSTI summary');
	});

	it('says "Page n of N" on every page, with the report id', () => {
		expect(result.pages).toBeGreaterThan(4);
		result.pageTexts.slice(0, result.pages).forEach((page, index) => {
			expect(page).toContain(`Page ${index + 1} of ${result.pages}`);
			expect(page).toContain(`Report ${sample.document.reportId}`);
		});
	});

	it('shows every answered check with its verdict word and its reason intact', () => {
		const text = flat(result.text);
		const titles = new Map(sample.catalogue.checks.map((check) => [check.id, check.title]));
		const kinds = new Map(sample.catalogue.checks.map((check) => [check.id, check.kind]));
		const headings = sample.document.answers.map(
			(answer) => `${answer.checkId} ${titles.get(answer.checkId)}`
		);
		sample.document.answers.forEach((answer, index) => {
			const start = text.indexOf(headings[index]!, text.indexOf('Every check answered'));
			expect(start, headings[index]).toBeGreaterThan(0);
			const end = index + 1 < headings.length ? text.indexOf(headings[index + 1]!, start) : -1;
			const section = text.slice(start, end > 0 ? end : undefined);
			// The verdict word comes right after the title; a screening Pass is "No issue seen".
			expect(section.slice(headings[index]!.length).trimStart()).toMatch(
				new RegExp(`^${answerWords(answer.verdict, kinds.get(answer.checkId))} Answered`)
			);
			if (answer.reason) expect(section).toContain(`Reason: ${flat(answer.reason)}`);
		});
		expect(new Set(sample.document.answers.map((a) => a.verdict))).toEqual(
			new Set(['PASS', 'FAIL', 'REFER', 'INCONCLUSIVE', 'NA'])
		);
	});

	it('keeps £, €, typographic quotes and accented letters', () => {
		for (const expected of ['£49.99', '€59,00', '“Password: admin”', '‘ask the manufacturer’']) {
			expect(result.text).toContain(expected);
		}
		expect(flat(result.text)).toContain(flat(SAMPLE_REASONS['DOC-06']!.reason));
		expect(result.text).toContain('Zoë Ångström-Żółć');
		expect(result.text).toContain('Café Électrique, 12 Rue de l’Église');
	});

	it('rolls up per framework in honest words, never "compliant"', () => {
		const text = flat(result.text);
		for (const name of [
			'EN 303 645',
			'PSTI',
			'CI checklist',
			'Mozilla minimum standards',
			'UK Code of Practice'
		]) {
			expect(text).toContain(name);
		}
		expect(text).toMatch(/Indication: fails 5\.3-13 Support period published/);
		expect(text).toMatch(/Indication: fails PSTI-3 Published minimum security update period/);
		expect(text).toMatch(/Refer PSTI-1 Passwords unique per product/);
		expect(text).toContain('Not assessed in this inspection:');
		expect(text).not.toMatch(/\b(non-)?compliant\b/i);
	});

	it('lists the report hash, the key fingerprint and every photo’s SHA-256 in the appendix', () => {
		const appendix = flat(result.text.slice(result.text.indexOf('Appendix: signature')));
		expect(appendix).toContain(sample.reportHash);
		expect(appendix).toContain(fingerprintFromKeyId(sample.document.device.keyId));
		for (const photo of sample.document.photos) expect(appendix).toContain(photo.sha256);
		// Printed on two lines, broken before the hash.
		expect(appendix.replace(/\s/g, '')).toContain(
			reportQrPayload(sample.document.reportId, sample.reportHash)
		);
		expect(appendix).toMatch(/Not shown: its redacted copy, photo 3, replaces it/);
	});

	it('embeds the shown photos byte for byte, and never the original of a redacted copy', () => {
		const { original, copy } = sample.redaction;
		const expected = sample.document.photos
			.map((photo) => photo.sha256)
			.filter((hash) => hash !== original);
		expect(result.others).toEqual([]);
		expect(result.jpegs.sort()).toEqual(expected.sort());
		expect(result.jpegs).not.toContain(original);
		expect(result.jpegs).toContain(copy);
		// And not hidden in some other stream either.
		const file = Buffer.from(pdf);
		expect(file.indexOf(Buffer.from(sample.photos.get(original)!))).toBe(-1);
		expect(file.indexOf(Buffer.from(sample.photos.get(copy)!))).toBeGreaterThan(0);
	});

	it('draws a QR code that scans to the report id and hash', async () => {
		const appendixPage = result.pageTexts.findIndex((page) => page.includes('Appendix')) + 1;
		const png = join(work, 'appendix');
		run('pdftoppm', [
			'-png',
			'-r',
			'150',
			'-f',
			`${appendixPage}`,
			'-l',
			`${appendixPage}`,
			'-singlefile',
			result.file,
			png
		]);
		const values = await scanQr(new Uint8Array(readFileSync(`${png}.png`)));
		expect(values).toEqual([reportQrPayload(sample.document.reportId, sample.reportHash)]);
	});

	it('gives the same bytes for the same inputs', async () => {
		const again = await renderReportPdf(inputOf(sample));
		expect(sha256(again)).toBe(sha256(pdf));
	});

	it('says so where a photo is missing, unreadable or altered, and embeds none of them', async () => {
		const [, , , missing, altered, failing] = sample.document.photos.map((photo) => photo.sha256);
		const bytes = await renderReportPdf(
			inputOf(sample, {
				photo: async (hash) => {
					if (hash === missing) return undefined;
					if (hash === failing) throw new Error('IndexedDB closed');
					const photo = sample.photos.get(hash)!;
					// One bit changed in the entropy-coded data: still a JPEG, no longer the photo.
					return hash === altered
						? Uint8Array.from(photo, (byte, index) =>
								index === photo.length - 100 ? byte ^ 1 : byte
							)
						: photo;
				}
			})
		);
		const back = readBack('problems', bytes);
		const text = flat(back.text);
		expect(text).toContain('Photo not held on this device or server.');
		expect(text).toContain('Photo could not be read from storage: not shown.');
		expect(text).toContain('Photo file does not match its recorded SHA-256: not shown.');
		expect(back.jpegs).toHaveLength(result.jpegs.length - 3);
		for (const hash of [missing, altered, failing]) expect(back.jpegs).not.toContain(hash);
	});

	it('refuses a document that does not pass the schema, or a report hash that is not one', async () => {
		await expect(renderReportPdf(inputOf(sample, { reportHash: 'ABC' }))).rejects.toMatchObject({
			code: 'invalid-report-hash'
		});
		const bad = { ...sample.document, notice: 'Compliant' } as unknown as typeof sample.document;
		await expect(renderReportPdf(inputOf(sample, { document: bad }))).rejects.toBeInstanceOf(
			ReportPdfError
		);
	});
});

/**
 * Reads QR codes from a PNG with the ZXing build the scanner uses (barcode-detector), its
 * WebAssembly loaded from node_modules rather than a CDN.
 */
async function scanQr(png: Uint8Array<ArrayBuffer>): Promise<string[]> {
	const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/pure');
	const wasm = readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
	await prepareZXingModule({
		overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.length) },
		fireImmediately: true
	});
	// The polyfill reports each code's box as a DOMRectReadOnly, which Node lacks.
	const globals = globalThis as { DOMRectReadOnly?: unknown };
	const hadRect = 'DOMRectReadOnly' in globals;
	globals.DOMRectReadOnly ??= class {
		constructor(
			readonly x = 0,
			readonly y = 0,
			readonly width = 0,
			readonly height = 0
		) {}
	};
	try {
		const detector = new BarcodeDetector({ formats: ['qr_code'] });
		const codes = await detector.detect(new Blob([png], { type: 'image/png' }));
		return codes.map((code) => code.rawValue);
	} finally {
		if (!hadRect) delete globals.DOMRectReadOnly;
	}
}
