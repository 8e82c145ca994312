/// <reference lib="webworker" />
/**
 * The barcode decoder, off the main thread: the page stays responsive while ZXing-C++ works on
 * camera frames and photos. The browser's own BarcodeDetector reads the formats it supports
 * (Chrome on Android); the ZXing-C++ polyfill, with its WebAssembly served from our origin and
 * precached, reads the rest (everything on desktop Linux, iOS and Firefox).
 */

import {
	BarcodeDetector as ZXingBarcodeDetector,
	prepareZXingModule
} from 'barcode-detector/ponyfill';
import type { DecoderRequest, DecoderResponse, DecoderResult } from './decoder-protocol';
import { splitByDetector, type ScanFormat } from './formats';
import {
	PHOTO_VARIANTS,
	boxBlur,
	raiseContrast,
	settledByFirstCopy,
	variantSize,
	votePhotoReads,
	type Detection,
	type PhotoOutcome
} from './photo';

declare const self: DedicatedWorkerGlobalScope;

interface DetectorLike {
	detect(
		image: ImageData
	): Promise<Array<{ rawValue: string; format: string; boundingBox: DOMRectReadOnly }>>;
}
interface DetectorClass {
	new (options: { formats: string[] }): DetectorLike;
	getSupportedFormats(): Promise<readonly string[]>;
}

let detectors: DetectorLike[] | null = null;

async function init(wasmUrl: string, formats: ScanFormat[]): Promise<DecoderResult> {
	// The polyfill would fetch its .wasm from a CDN; ours is the same file (same zxing-wasm
	// version, checked by a unit test), served from our origin so that it works offline.
	// Compiling it now, not on the first frame, also surfaces a missing file here.
	await prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) =>
				path.endsWith('.wasm') ? wasmUrl : prefix + path
		},
		fireImmediately: true
	});
	const Native = (self as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
	const nativeFormats = Native ? await Native.getSupportedFormats().catch(() => []) : [];
	const split = splitByDetector(nativeFormats, formats);
	detectors = [];
	if (Native && split.native.length > 0) detectors.push(new Native({ formats: split.native }));
	if (split.polyfill.length > 0)
		detectors.push(new ZXingBarcodeDetector({ formats: split.polyfill }));
	return split;
}

/** Runs the detectors in turn and stops at the first that finds something. */
async function detect(image: ImageData): Promise<Detection[]> {
	if (!detectors) throw new Error('The decoder was used before it was started.');
	for (const detector of detectors) {
		const found = await detector.detect(image);
		if (found.length > 0) {
			return found.map((code) => ({
				text: code.rawValue,
				format: code.format,
				box: {
					x: code.boundingBox.x,
					y: code.boundingBox.y,
					width: code.boundingBox.width,
					height: code.boundingBox.height
				}
			}));
		}
	}
	return [];
}

/** Frames larger than this are scaled down first: 4K frames would cost more than they read. */
const MAX_FRAME_EDGE = 1920;
let frameCanvas: OffscreenCanvas | null = null;

async function detectFrame(frame: ImageBitmap): Promise<Detection[]> {
	try {
		const scale = Math.min(1, MAX_FRAME_EDGE / Math.max(frame.width, frame.height));
		const width = Math.max(1, Math.round(frame.width * scale));
		const height = Math.max(1, Math.round(frame.height * scale));
		if (!frameCanvas || frameCanvas.width !== width || frameCanvas.height !== height) {
			frameCanvas = new OffscreenCanvas(width, height);
		}
		const context = frameCanvas.getContext('2d', { willReadFrequently: true });
		if (!context) throw new Error('This browser cannot read camera frames in the background.');
		context.drawImage(frame, 0, 0, width, height);
		return detect(context.getImageData(0, 0, width, height));
	} finally {
		frame.close();
	}
}

async function decodePhoto(photo: Blob): Promise<PhotoOutcome> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
	} catch {
		throw new Error('This file could not be opened as a picture.');
	}
	try {
		const perVariant: Detection[][] = [];
		const drawn = new Map<number, ImageData>();
		for (const [index, variant] of PHOTO_VARIANTS.entries()) {
			const { width, height } = variantSize(bitmap.width, bitmap.height, variant);
			let image = drawn.get(width);
			if (!image) {
				const canvas = new OffscreenCanvas(width, height);
				const context = canvas.getContext('2d', { willReadFrequently: true });
				if (!context) throw new Error('This browser cannot read pictures in the background.');
				context.drawImage(bitmap, 0, 0, width, height);
				image = context.getImageData(0, 0, width, height);
				drawn.set(width, image);
			}
			if (variant.filter === 'contrast') {
				const pixels = new Uint8ClampedArray(image.data);
				raiseContrast(pixels);
				image = new ImageData(pixels, width, height);
			} else if (variant.filter === 'blur') {
				image = new ImageData(boxBlur(image.data, width, height), width, height);
			}
			// Boxes in the photo's own pixels, so that sizes compare across copies.
			const scale = bitmap.width / width;
			const found = (await detect(image)).map((d) => ({
				...d,
				box: {
					x: d.box.x * scale,
					y: d.box.y * scale,
					width: d.box.width * scale,
					height: d.box.height * scale
				}
			}));
			perVariant.push(found);
			if (index === 0 && settledByFirstCopy(found)) break;
		}
		return votePhotoReads(perVariant);
	} finally {
		bitmap.close();
	}
}

async function handle(request: DecoderRequest): Promise<DecoderResult> {
	switch (request.type) {
		case 'init':
			return init(request.wasmUrl, request.formats);
		case 'detect':
			return detect(request.image);
		case 'detect-frame':
			return detectFrame(request.frame);
		case 'photo':
			return decodePhoto(request.photo);
	}
}

// One request at a time, in order: the WebAssembly decoder is single-threaded anyway.
let queue: Promise<unknown> = Promise.resolve();
self.onmessage = (event: MessageEvent<DecoderRequest>) => {
	const request = event.data;
	queue = queue.then(async () => {
		let response: DecoderResponse;
		try {
			response = { id: request.id, ok: true, result: await handle(request) };
		} catch (error) {
			response = {
				id: request.id,
				ok: false,
				error: error instanceof Error ? error.message : String(error)
			};
		}
		self.postMessage(response);
	});
};
