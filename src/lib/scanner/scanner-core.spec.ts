import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'barcode-detector/ponyfill';
import { classifyCameraError } from './camera-problems';
import { CameraLifecycle, type CameraDriver } from './camera-lifecycle';
import { ReadConfirmer } from './confirm';
import {
	SCAN_FORMATS,
	fromHtml5QrcodeName,
	html5QrcodeNames,
	isLinearFormat,
	readKey,
	splitByDetector
} from './formats';
import {
	MAX_LONG_EDGE,
	boxBlur,
	dropPartialReads,
	raiseContrast,
	settledByFirstCopy,
	variantSize,
	votePhotoReads,
	type Detection
} from './photo';
import { KeyboardWedgeDetector } from './wedge';

describe('formats', () => {
	it('maps every format to html5-qrcode and back', () => {
		for (const format of SCAN_FORMATS) {
			expect(fromHtml5QrcodeName(html5QrcodeNames[format])).toBe(format);
		}
		expect(fromHtml5QrcodeName('PDF_417')).toBeUndefined();
	});

	it('treats 1D codes as linear and 2D codes as not', () => {
		expect(SCAN_FORMATS.filter(isLinearFormat)).toEqual([
			'ean_13',
			'ean_8',
			'upc_a',
			'upc_e',
			'code_128'
		]);
	});

	it('compares retail codes as GTINs, whatever length the decoder reports', () => {
		// ZXing-C++ gives UPC-A as 13 digits and UPC-E expanded; others give 12 and 8 digits.
		expect(readKey('0012345678905', 'upc_a')).toBe(readKey('012345678905', 'upc_a'));
		expect(readKey('012345678905', 'upc_a')).toBe(readKey('0012345678905', 'ean_13'));
		expect(readKey('01234565', 'upc_e')).toBe(readKey('0012345000065', 'upc_e'));
		expect(readKey('5012345678900', 'ean_13')).toBe('gtin:05012345678900');
		// Other formats compare by format and exact text.
		expect(readKey('5012345678900', 'code_128')).toBe('code_128:5012345678900');
		expect(readKey('ABC', 'qr_code')).not.toBe(readKey('ABC ', 'qr_code'));
	});

	it('leaves to the polyfill what the native detector cannot read', () => {
		expect(splitByDetector([])).toEqual({ native: [], polyfill: [...SCAN_FORMATS] });
		expect(splitByDetector(['qr_code', 'ean_13', 'aztec'])).toEqual({
			native: ['ean_13', 'qr_code'],
			polyfill: ['ean_8', 'upc_a', 'upc_e', 'code_128', 'data_matrix']
		});
	});
});

describe('two identical reads in a row (camera, 1D codes)', () => {
	const ean = { text: '5012345678900', format: 'ean_13' };

	it('counts a 1D read only when the next read is the same', () => {
		const confirmer = new ReadConfirmer();
		expect(confirmer.offer(ean, 0)).toBe(false);
		expect(confirmer.offer(ean, 100)).toBe(true);
	});

	it('starts again after a different read in between', () => {
		const confirmer = new ReadConfirmer();
		expect(confirmer.offer(ean, 0)).toBe(false);
		expect(confirmer.offer({ text: '4006381333931', format: 'ean_13' }, 100)).toBe(false);
		expect(confirmer.offer(ean, 200)).toBe(false);
		expect(confirmer.offer(ean, 300)).toBe(true);
	});

	it('does not pair reads that are too far apart', () => {
		const confirmer = new ReadConfirmer({ maxGapMs: 1000 });
		expect(confirmer.offer(ean, 0)).toBe(false);
		expect(confirmer.offer(ean, 1500)).toBe(false);
		expect(confirmer.offer(ean, 2000)).toBe(true);
	});

	it('pairs a UPC-A reported in two forms (same GTIN)', () => {
		const confirmer = new ReadConfirmer();
		expect(confirmer.offer({ text: '012345678905', format: 'upc_a' }, 0)).toBe(false);
		expect(confirmer.offer({ text: '0012345678905', format: 'upc_a' }, 100)).toBe(true);
	});

	it('needs a fresh pair after a read has counted', () => {
		const confirmer = new ReadConfirmer();
		confirmer.offer(ean, 0);
		expect(confirmer.offer(ean, 100)).toBe(true);
		expect(confirmer.offer(ean, 200)).toBe(false);
		expect(confirmer.offer(ean, 300)).toBe(true);
	});

	it('counts 2D reads at once, and they break a 1D pair', () => {
		const confirmer = new ReadConfirmer();
		expect(confirmer.offer(ean, 0)).toBe(false);
		expect(
			confirmer.offer({ text: 'https://id.gs1.org/01/05012345678900', format: 'qr_code' }, 50)
		).toBe(true);
		expect(confirmer.offer(ean, 100)).toBe(false);
		expect(confirmer.offer({ text: 'x', format: 'data_matrix' }, 150)).toBe(true);
	});

	it('forgets on reset (camera restarted)', () => {
		const confirmer = new ReadConfirmer();
		confirmer.offer(ean, 0);
		confirmer.reset();
		expect(confirmer.offer(ean, 100)).toBe(false);
	});
});

describe('keyboard wedge (hardware scanner that types)', () => {
	/** Types `text` then Enter, one key every `gap` ms from `start`; returns what was detected. */
	function type(detector: KeyboardWedgeDetector, text: string, gap: number, start = 0) {
		const results: Array<string | null> = [];
		let at = start;
		for (const key of [...text, 'Enter']) {
			results.push(detector.feed({ key, at }));
			at += gap;
		}
		return results.filter((r) => r !== null);
	}

	it('takes a fast burst ending in Enter as a scan', () => {
		expect(type(new KeyboardWedgeDetector(), '5012345678900', 8)).toEqual(['5012345678900']);
	});

	it('takes a Bluetooth scanner at 30 ms a key', () => {
		expect(type(new KeyboardWedgeDetector(), '05012345678900', 30)).toEqual(['05012345678900']);
	});

	it('ignores a person typing the same code', () => {
		expect(type(new KeyboardWedgeDetector(), '5012345678900', 150)).toEqual([]);
	});

	it('ignores bursts too short to be a code', () => {
		expect(type(new KeyboardWedgeDetector(), '12345', 5)).toEqual([]);
	});

	it('ignores an Enter that comes long after the burst', () => {
		const detector = new KeyboardWedgeDetector();
		for (const [i, key] of [...'5012345678900'].entries()) detector.feed({ key, at: i * 5 });
		expect(detector.feed({ key: 'Enter', at: 2000 })).toBeNull();
	});

	it('starts the burst afresh after a pause, keeping only the fast tail', () => {
		const detector = new KeyboardWedgeDetector();
		detector.feed({ key: 'x', at: 0 });
		detector.feed({ key: 'y', at: 400 });
		const results = type(detector, '4006381333931', 10, 1000);
		expect(results).toEqual(['4006381333931']);
	});

	it('lets Shift through (scanners press it for capitals) but not editing keys', () => {
		const detector = new KeyboardWedgeDetector();
		const keys = ['S', 'Shift', 'C', '1', '2', '3', '4', '5', 'Enter'];
		expect(keys.map((key, i) => detector.feed({ key, at: i * 5 })).at(-1)).toBe('SC12345');
		const edited = ['5', '0', '1', 'Backspace', '2', '3', '4', '5', '6', 'Enter'];
		expect(edited.map((key, i) => detector.feed({ key, at: 100 + i * 5 })).at(-1)).toBeNull();
	});
});

describe('photos: prepared copies and the vote', () => {
	const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
	const ean = (text: string, b = box(0, 0, 100, 40)): Detection => ({
		text,
		format: 'ean_13',
		box: b
	});

	it('sizes copies from the photo, capping big photos and the enlarged copy', () => {
		expect(variantSize(480, 360, { name: '', scale: 1, filter: 'none' })).toEqual({
			width: 480,
			height: 360
		});
		expect(variantSize(480, 360, { name: '', scale: 0.5, filter: 'none' })).toEqual({
			width: 240,
			height: 180
		});
		expect(variantSize(4000, 3000, { name: '', scale: 1, filter: 'none' })).toEqual({
			width: 1600,
			height: 1200
		});
		const big = variantSize(4000, 3000, { name: '', scale: 1.5, filter: 'none' });
		expect(Math.max(big.width, big.height)).toBe(MAX_LONG_EDGE);
	});

	it('raises contrast like CSS contrast(1.6), leaving alpha', () => {
		const pixels = new Uint8ClampedArray([128, 100, 200, 77, 0, 255, 10, 255]);
		raiseContrast(pixels);
		expect([...pixels]).toEqual([128, 83, 243, 77, 0, 255, 0, 255]);
	});

	it('box-blurs with the 3x3 mean, edges averaging what exists', () => {
		// A 3x1 strip: black, white, black.
		const pixels = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255]);
		const out = boxBlur(pixels, 3, 1);
		expect([...out]).toEqual([128, 128, 128, 255, 85, 85, 85, 255, 128, 128, 128, 255]);
	});

	it('counts a 1D code only when enough copies agree', () => {
		const right = ean('5012345678900');
		const wrong = ean('5012345678917');
		expect(votePhotoReads([[right], [right], [wrong], [], [right], []])).toEqual({
			kind: 'one',
			read: right
		});
		expect(votePhotoReads([[right], [right], [wrong], [], [], []])).toEqual({ kind: 'none' });
	});

	it('counts a 2D code from one copy', () => {
		const qr: Detection = {
			text: 'https://example.org',
			format: 'qr_code',
			box: box(0, 0, 50, 50)
		};
		expect(votePhotoReads([[qr], [], [], [], [], []])).toEqual({ kind: 'one', read: qr });
	});

	it('does not count one copy twice when it reads the same code twice', () => {
		const right = ean('5012345678900');
		expect(votePhotoReads([[right, right, right], [], []])).toEqual({ kind: 'none' });
	});

	it('offers a choice when a photo holds several codes, most agreed first', () => {
		const isbn = ean('9784872348880', box(0, 0, 300, 80));
		const price = ean('1920081045006', box(0, 200, 350, 60));
		const outcome = votePhotoReads([[isbn, price], [isbn, price], [isbn], [price, isbn], [isbn]]);
		expect(outcome).toEqual({ kind: 'several', reads: [isbn, price] });
	});

	it('drops a UPC-E read out of the bars of an EAN-13', () => {
		const full = ean('9780441014989', box(10, 10, 156, 66));
		const partial: Detection = { text: '0178100000449', format: 'upc_e', box: box(60, 40, 85, 15) };
		const elsewhere: Detection = {
			text: '0012345000065',
			format: 'upc_e',
			box: box(300, 300, 80, 30)
		};
		expect(dropPartialReads([full, partial, elsewhere])).toEqual([full, elsewhere]);
		expect(
			votePhotoReads([
				[full, partial],
				[full, partial],
				[full, partial]
			])
		).toEqual({
			kind: 'one',
			read: full
		});
	});

	it('settles on the first copy only when it holds nothing but 2D codes', () => {
		const dm: Detection = { text: '0105012345678900', format: 'data_matrix', box: box(0, 0, 9, 9) };
		expect(settledByFirstCopy([dm])).toBe(true);
		expect(settledByFirstCopy([dm, ean('5012345678900')])).toBe(false);
		expect(settledByFirstCopy([])).toBe(false);
	});
});

describe('camera problems', () => {
	it('reads html5-qrcode’s error strings and DOMExceptions', () => {
		expect(
			classifyCameraError('Error getting userMedia, error = NotAllowedError: Permission denied')
		).toBe('denied');
		expect(
			classifyCameraError(new DOMException('Requested device not found', 'NotFoundError'))
		).toBe('no-camera');
		expect(
			classifyCameraError(new DOMException('Could not start video source', 'NotReadableError'))
		).toBe('in-use');
		expect(classifyCameraError('Camera streaming not supported by the browser.')).toBe(
			'unsupported'
		);
		expect(classifyCameraError(new Error('Barcode decoder unavailable: 404 : /x.wasm'))).toBe(
			'decoder'
		);
		expect(classifyCameraError(new Error('something else'))).toBe('failed');
	});
});

describe('camera lifecycle', () => {
	function driver(options: { failStart?: unknown } = {}) {
		const calls: string[] = [];
		const d: CameraDriver & { calls: string[] } = {
			calls,
			start: vi.fn(async () => {
				calls.push('start');
				await Promise.resolve();
				if (options.failStart) throw options.failStart;
			}),
			stop: vi.fn(async () => {
				calls.push('stop');
				await Promise.resolve();
			})
		};
		return d;
	}

	it('runs while open and visible, stops when hidden, restarts on return', async () => {
		const d = driver();
		const camera = new CameraLifecycle(d, { onStartError: () => {} });
		await camera.open();
		expect(camera.state).toBe('running');
		await camera.setVisible(false);
		expect(camera.state).toBe('off');
		await camera.setVisible(true);
		expect(camera.state).toBe('running');
		await camera.close();
		expect(d.calls).toEqual(['start', 'stop', 'start', 'stop']);
	});

	it('does not start while the page is hidden', async () => {
		const d = driver();
		const camera = new CameraLifecycle(d, { onStartError: () => {} });
		await camera.setVisible(false);
		await camera.open();
		expect(d.calls).toEqual([]);
		await camera.setVisible(true);
		expect(d.calls).toEqual(['start']);
	});

	it('settles on the latest wish when wishes arrive during a start', async () => {
		const d = driver();
		const camera = new CameraLifecycle(d, { onStartError: () => {} });
		const first = camera.open();
		void camera.setVisible(false);
		void camera.setVisible(true);
		void camera.setVisible(false);
		await first;
		expect(camera.state).toBe('off');
		expect(d.calls).toEqual(['start', 'stop']);
	});

	it('reports a refused camera once and does not retry by itself', async () => {
		const errors: unknown[] = [];
		const d = driver({ failStart: new DOMException('denied', 'NotAllowedError') });
		const camera = new CameraLifecycle(d, { onStartError: (e) => errors.push(e) });
		await camera.open();
		await camera.setVisible(false);
		await camera.setVisible(true);
		expect(errors).toHaveLength(1);
		expect(d.calls).toEqual(['start']);
		expect(camera.state).toBe('off');
	});
});

describe('the decoder’s WebAssembly', () => {
	it('is the file the polyfill was built for (same zxing-wasm version and hash)', () => {
		const require = createRequire(import.meta.url);
		const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
		// The package's own manifest sits two folders above dist/reader/.
		const pkg = JSON.parse(
			readFileSync(join(dirname(wasmPath), '..', '..', 'package.json'), 'utf8')
		) as { name: string; version: string };
		expect(pkg.name).toBe('zxing-wasm');
		expect(pkg.version).toBe(ZXING_WASM_VERSION);
		const sha256 = createHash('sha256').update(readFileSync(wasmPath)).digest('hex');
		expect(sha256).toBe(ZXING_WASM_SHA256);
	});
});
