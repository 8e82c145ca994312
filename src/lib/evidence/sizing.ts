/** Pixel sizes of the photo pipeline: pure arithmetic, tested on its own. */

export interface Size {
	width: number;
	height: number;
}

/** EXIF orientations 5-8 turn the picture a quarter: its upright width is its stored height. */
export function uprightSize(stored: Size, orientation: number): Size {
	return orientation >= 5 && orientation <= 8
		? { width: stored.height, height: stored.width }
		: { ...stored };
}

/**
 * The size to store: the long edge at most `maxEdge`, the aspect kept, never enlarged, whole
 * pixels, at least 1 px each way.
 */
export function fitWithin(size: Size, maxEdge: number): Size {
	const longEdge = Math.max(size.width, size.height);
	if (longEdge <= maxEdge) return { width: size.width, height: size.height };
	const scale = maxEdge / longEdge;
	return {
		width: Math.max(1, Math.round(size.width * scale)),
		height: Math.max(1, Math.round(size.height * scale))
	};
}

export function megapixels(size: Size): number {
	return (size.width * size.height) / 1_000_000;
}

/**
 * iOS Safari refuses canvases over 16,777,216 pixels (4096 x 4096); a decode target within it
 * is safe on every browser we support.
 */
export const CANVAS_PIXEL_LIMIT = 16_777_216;

export function fitsCanvas(size: Size): boolean {
	return size.width * size.height <= CANVAS_PIXEL_LIMIT;
}
