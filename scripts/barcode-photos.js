// The scanning benchmark's shared parts, for the end-to-end test (which asserts) and
// scripts/bench-scanner.js (which times): the ZXing test images and what they should read, and
// a loop that decodes them in a page through the app's own photo path (the production scanner
// chunk's `createScanner().decodePhoto`, its worker and its WebAssembly). Plain Node ESM.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ rotationDegrees: number, mustPass: number, mustPassTryHarder: number }} Rotation */
/** @typedef {{ set: string, format: string, zxingThresholds: { perRotation: Rotation[] }, images: { image: string, expectedText: string }[] }} BarcodeSet */
/** @typedef {{ set: string, format: string, image: string, expectedText: string, rotations: Rotation[] }} BarcodeImage */
/** @typedef {import('../src/lib/scanner/photo').PhotoOutcome} PhotoOutcome */
/** @typedef {BarcodeImage & { rotation: number, outcome: PhotoOutcome, ms: number }} DecodeResult */
/** @typedef {{ decodePhoto(photo: Blob): Promise<PhotoOutcome> }} PageScanner */

/** Where the shared test data lives (a sibling of the project's folder). */
export const barcodesDir =
	process.env.SHELFCHECK_BARCODES || join(root, '../shared/testdata/barcodes');

/** The URL prefix the page fetches test images from; the test answers it from disk. */
export const IMAGE_PREFIX = '/__testdata/barcodes/';

/**
 * The production build's scanner chunk, as a URL path. Vite names chunks by hash, so it is found
 * by its one export, `createScanner` (what `loadScanner` imports).
 */
export function scannerChunkUrl(buildDir = join(root, 'build')) {
	const dir = join(buildDir, 'client/_app/immutable/chunks');
	const found = readdirSync(dir).filter(
		(name) =>
			name.endsWith('.js') &&
			/export\s*\{[^}]*\bas createScanner\b[^}]*\}/.test(readFileSync(join(dir, name), 'utf8'))
	);
	if (found.length !== 1) {
		throw new Error(`Expected one chunk exporting createScanner in ${dir}, found ${found.length}`);
	}
	return `/_app/immutable/chunks/${found[0]}`;
}

/**
 * Every image with its set, format, expected text and ZXing's thresholds per rotation.
 * @returns {BarcodeImage[]}
 */
export function barcodeImages() {
	return barcodeSets().flatMap((set) =>
		set.images.map((image) => ({
			set: set.set,
			format: set.format,
			image: image.image,
			expectedText: image.expectedText,
			rotations: set.zxingThresholds.perRotation
		}))
	);
}

/**
 * The manifest's sets with their ZXing thresholds.
 * @returns {BarcodeSet[]}
 */
export function barcodeSets() {
	return JSON.parse(readFileSync(join(barcodesDir, 'manifest.json'), 'utf8')).sets;
}

const RETAIL = new Set(['ean13', 'ean8', 'upca', 'upce', 'ean_13', 'ean_8', 'upc_a', 'upc_e']);

/** @param {string} body */
function checkDigit(body) {
	let sum = 0;
	for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 ? 1 : 3);
	return String((10 - (sum % 10)) % 10);
}

/**
 * UPC-E (8 digits) to UPC-A, by the GS1 zero-suppression rules; written here independently.
 * @param {string} code
 */
function upcEToUpcA(code) {
	const d = code.slice(1, 7);
	const last = d[5] ?? '';
	let body;
	if (last <= '2') body = d.slice(0, 2) + last + '0000' + d.slice(2, 5);
	else if (last === '3') body = d.slice(0, 3) + '00000' + d.slice(3, 5);
	else if (last === '4') body = d.slice(0, 4) + '00000' + d[4];
	else body = d.slice(0, 5) + '0000' + last;
	return code[0] + body + checkDigit(code[0] + body);
}

/**
 * What must match for a read to be correct: for EAN/UPC the same GTIN (ZXing-C++ reports UPC-A
 * and UPC-E in EAN-13 form), otherwise the format family and the exact text.
 * @param {string} format
 * @param {string} text
 */
export function codeKey(format, text) {
	if (RETAIL.has(format) && /^\d+$/.test(text)) {
		const digits =
			(format === 'upce' || format === 'upc_e') && text.length === 8 ? upcEToUpcA(text) : text;
		return `gtin:${digits.padStart(14, '0')}`;
	}
	/** @type {Record<string, string>} */
	const families = { code128: 'code_128', qrcode: 'qr_code', datamatrix: 'data_matrix' };
	const family = families[format] ?? format;
	return `${family}:${text}`;
}

/**
 * Decodes `images` in the page, each at each of its rotations (clockwise, as ZXing's tests do),
 * through the app's scanner. Returns one entry per decode: the outcome and the time the decoder
 * took (photo in, answer out; the rotation is drawn before the clock starts).
 * @param {Page} page
 * @param {BarcodeImage[]} images
 * @returns {Promise<DecodeResult[]>}
 */
export async function decodeInPage(page, images, { rotations = true } = {}) {
	const jobs = images.flatMap((image) =>
		(rotations ? image.rotations.map((r) => r.rotationDegrees) : [0]).map((rotation) => ({
			...image,
			rotation
		}))
	);
	/** @type {DecodeResult[]} */
	const results = [];
	// In batches, so that a slow machine never runs into one evaluate's time limit.
	for (let start = 0; start < jobs.length; start += 20) {
		const batch = jobs.slice(start, start + 20);
		const outcomes = await page.evaluate(
			async ({ batch, prefix }) => {
				const scanner = /** @type {PageScanner} */ (
					/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchScanner
				);
				/** @type {{ outcome: PhotoOutcome, ms: number }[]} */
				const out = [];
				for (const job of batch) {
					let photo = await (await fetch(prefix + job.image)).blob();
					if (job.rotation !== 0) {
						const bitmap = await createImageBitmap(photo);
						const turned = job.rotation % 180 !== 0;
						const canvas = new OffscreenCanvas(
							turned ? bitmap.height : bitmap.width,
							turned ? bitmap.width : bitmap.height
						);
						const context = /** @type {OffscreenCanvasRenderingContext2D} */ (
							canvas.getContext('2d')
						);
						context.translate(canvas.width / 2, canvas.height / 2);
						context.rotate((job.rotation * Math.PI) / 180);
						context.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
						photo = await canvas.convertToBlob({ type: 'image/png' });
					}
					const t0 = performance.now();
					const outcome = await scanner.decodePhoto(photo);
					out.push({ outcome, ms: performance.now() - t0 });
				}
				return out;
			},
			{ batch, prefix: IMAGE_PREFIX }
		);
		outcomes.forEach((o, i) =>
			results.push({ .../** @type {typeof jobs[number]} */ (batch[i]), ...o })
		);
	}
	return results;
}

/**
 * Loads the production scanner into the page as `window.__benchScanner`.
 * @param {Page} page
 * @param {string} chunkUrl
 */
export async function loadScannerInPage(page, chunkUrl) {
	await page.evaluate(async (url) => {
		const { createScanner } = await import(url);
		/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchScanner =
			createScanner();
	}, chunkUrl);
}

/**
 * Answers the page's requests for test images from disk.
 * @param {Page} page
 */
export async function serveImages(page) {
	await page.route(`**${IMAGE_PREFIX}**`, (route) => {
		const path = decodeURIComponent(
			new URL(route.request().url()).pathname.slice(IMAGE_PREFIX.length)
		);
		return route.fulfill({
			body: readFileSync(join(barcodesDir, path)),
			contentType: 'image/png'
		});
	});
}

/**
 * correct: one code, the expected one; choice: several codes, the expected among them (the app
 * asks the inspector, it does not pick); misread: a wrong code taken, or a choice without the
 * right one; failed: nothing read.
 * @param {DecodeResult} result
 */
export function classify(result) {
	const want = codeKey(result.format, result.expectedText);
	const { outcome } = result;
	if (outcome.kind === 'none') return 'failed';
	if (outcome.kind === 'one')
		return codeKey(outcome.read.format, outcome.read.text) === want ? 'correct' : 'misread';
	return outcome.reads.some((read) => codeKey(read.format, read.text) === want)
		? 'choice'
		: 'misread';
}

/** @param {number[]} values */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : (sorted[sorted.length >> 1] ?? NaN);
}
