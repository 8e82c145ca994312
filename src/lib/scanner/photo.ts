/**
 * Reading a still photo: the decoder runs on a few differently prepared copies of the photo and
 * the reads are put to a vote. Pure functions over pixels and decoder results; the worker does
 * the drawing and decoding.
 *
 * Why a vote: a photo gives one chance, where the camera gets ten frames a second. ZXing-C++ on
 * a single copy of the ZXing test photos returns a wrong but check-digit-valid EAN/UPC now and
 * then (a partial read, a blurred bar). A wrong read rarely survives rescaling and filtering, a
 * right one usually does, so a 1D code counts only when several copies agree, the photo's
 * equivalent of the camera's "two identical reads in a row". 2D codes carry error correction and
 * count from one copy.
 */

import { isLinearFormat, readKey } from './formats';

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** One code found by the decoder in one image. */
export interface Detection {
	text: string;
	/** Barcode Detection API naming, e.g. `ean_13`. */
	format: string;
	box: Box;
}

export interface PhotoVariant {
	name: string;
	/** Relative to the base image. */
	scale: number;
	filter: 'none' | 'blur' | 'contrast';
}

/**
 * The copies each photo is decoded in. Scales help blurred (smaller) and tiny (larger) codes;
 * blur smooths sensor noise and print dots; contrast rescues grey-on-grey prints. Measured on the
 * ZXing test photos: requiring 3 agreeing copies of these 6 left no misreads.
 */
export const PHOTO_VARIANTS: readonly PhotoVariant[] = [
	{ name: 'as taken', scale: 1, filter: 'none' },
	{ name: 'half size', scale: 0.5, filter: 'none' },
	{ name: 'three quarters', scale: 0.75, filter: 'none' },
	{ name: 'one and a half', scale: 1.5, filter: 'none' },
	{ name: 'softened', scale: 1, filter: 'blur' },
	{ name: 'more contrast', scale: 1, filter: 'contrast' }
];

/** How many copies must agree on a 1D code. */
export const MIN_LINEAR_VOTES = 3;

/** Photos are decoded at most this long on their long edge (a 12 MP photo would take seconds). */
export const BASE_LONG_EDGE = 1600;
/** The enlarged copy is capped too, so that it stays affordable on a phone. */
export const MAX_LONG_EDGE = 2400;

/** The pixel size of a variant of a `width` x `height` photo. */
export function variantSize(
	width: number,
	height: number,
	variant: PhotoVariant
): { width: number; height: number } {
	const longEdge = Math.max(width, height);
	const base = Math.min(1, BASE_LONG_EDGE / longEdge);
	const scale = Math.min(base * variant.scale, MAX_LONG_EDGE / longEdge);
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}

/** CSS `contrast(factor)` on RGBA pixels, in place: each channel pushed away from mid-grey. */
export function raiseContrast(pixels: Uint8ClampedArray, factor = 1.6): void {
	for (let i = 0; i < pixels.length; i += 4) {
		pixels[i] = (pixels[i]! - 128) * factor + 128;
		pixels[i + 1] = (pixels[i + 1]! - 128) * factor + 128;
		pixels[i + 2] = (pixels[i + 2]! - 128) * factor + 128;
	}
}

/** A 3x3 box blur of RGBA pixels (edges use the pixels that exist); returns new pixels. */
export function boxBlur(
	pixels: Uint8ClampedArray,
	width: number,
	height: number
): Uint8ClampedArray<ArrayBuffer> {
	const out = new Uint8ClampedArray(new ArrayBuffer(pixels.length));
	for (let y = 0; y < height; y++) {
		const y0 = Math.max(0, y - 1);
		const y1 = Math.min(height - 1, y + 1);
		for (let x = 0; x < width; x++) {
			const x0 = Math.max(0, x - 1);
			const x1 = Math.min(width - 1, x + 1);
			let r = 0;
			let g = 0;
			let b = 0;
			for (let yy = y0; yy <= y1; yy++) {
				for (let xx = x0; xx <= x1; xx++) {
					const i = (yy * width + xx) * 4;
					r += pixels[i]!;
					g += pixels[i + 1]!;
					b += pixels[i + 2]!;
				}
			}
			const n = (y1 - y0 + 1) * (x1 - x0 + 1);
			const o = (y * width + x) * 4;
			out[o] = r / n;
			out[o + 1] = g / n;
			out[o + 2] = b / n;
			out[o + 3] = pixels[o + 3]!;
		}
	}
	return out;
}

function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Drops UPC-E and EAN-8 reads that lie on an EAN-13 or UPC-A read of the same image: a short
 * code decoded from part of a longer one's bars is a known ZXing partial read, never a second
 * code (the short codes need their own quiet zones).
 */
export function dropPartialReads(detections: Detection[]): Detection[] {
	const long = detections.filter((d) => d.format === 'ean_13' || d.format === 'upc_a');
	return detections.filter(
		(d) =>
			!((d.format === 'upc_e' || d.format === 'ean_8') && long.some((l) => overlaps(l.box, d.box)))
	);
}

export type PhotoOutcome =
	| { kind: 'none' }
	| { kind: 'one'; read: Detection }
	/** Several different codes: the inspector chooses, most agreed and largest first. */
	| { kind: 'several'; reads: Detection[] };

/**
 * Decides what a photo holds from the detections in each copy (`perVariant[i]` for copy i, in
 * that copy's own pixels). 2D codes count from one copy; 1D codes need `minVotes` copies.
 */
export function votePhotoReads(
	perVariant: Detection[][],
	minVotes = MIN_LINEAR_VOTES
): PhotoOutcome {
	const tally = new Map<string, { read: Detection; votes: number; area: number }>();
	for (const detections of perVariant) {
		const seen = new Set<string>();
		for (const detection of dropPartialReads(detections)) {
			const key = readKey(detection.text, detection.format);
			if (seen.has(key)) continue;
			seen.add(key);
			const entry = tally.get(key);
			const area = detection.box.width * detection.box.height;
			if (entry) {
				entry.votes++;
				entry.area = Math.max(entry.area, area);
			} else tally.set(key, { read: detection, votes: 1, area });
		}
	}
	const counted = [...tally.values()]
		.filter((entry) => !isLinearFormat(entry.read.format) || entry.votes >= minVotes)
		.sort((a, b) => b.votes - a.votes || b.area - a.area);
	if (counted.length === 0) return { kind: 'none' };
	if (counted.length === 1) return { kind: 'one', read: counted[0]!.read };
	return { kind: 'several', reads: counted.map((entry) => entry.read) };
}

/**
 * True when the first copy's reads settle the photo: only 2D codes, which need no vote, so the
 * other copies can be skipped.
 */
export function settledByFirstCopy(detections: Detection[]): boolean {
	return detections.length > 0 && detections.every((d) => !isLinearFormat(d.format));
}
