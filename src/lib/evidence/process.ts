import { readJpegMeta } from './jpeg-meta';
import { fitWithin, uprightSize, type Size } from './sizing';

export interface ProcessOptions {
	/** Long edge of the stored photo, in pixels. */
	maxEdge: number;
	/** JPEG quality, 0 to 1. */
	quality: number;
}

export interface ProcessedPhoto {
	blob: Blob;
	width: number;
	height: number;
	/** The photo as it came from the camera or gallery. */
	source: { width: number; height: number; type: string };
}

/** The browser cannot read this image at all: most often a HEIC photo on a browser without HEIC. */
export class UnreadablePhotoError extends Error {
	override name = 'UnreadablePhotoError';
}

/**
 * Decodes a photo upright, at most `maxEdge` on its long side, and re-encodes it as a JPEG. A
 * canvas re-encode carries no EXIF, so camera make, date and GPS are all gone from what we keep.
 * Runs in a worker (OffscreenCanvas) or, where a browser lacks that, on the main thread.
 *
 * A JPEG's size and orientation are read from its header first so that it is decoded straight
 * to the stored size: a 48 MP photo never becomes a 48 MP canvas, which iOS would refuse.
 */
export async function processPhoto(file: Blob, options: ProcessOptions): Promise<ProcessedPhoto> {
	const meta =
		readJpegMeta(new Uint8Array(await file.slice(0, 512 * 1024).arrayBuffer())) ??
		(file.size > 512 * 1024 ? null : readJpegMeta(new Uint8Array(await file.arrayBuffer())));
	const bitmap = meta
		? await decode(file, fitWithin(uprightSize(meta, meta.orientation), options.maxEdge))
		: await decodeUnknown(file, options.maxEdge);
	try {
		const canvas = makeCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d') as
			CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
		if (!context) throw new Error('this browser gave no 2D canvas to draw the photo on');
		context.drawImage(bitmap, 0, 0);
		const blob = await toJpeg(canvas, options.quality);
		return {
			blob,
			width: bitmap.width,
			height: bitmap.height,
			source: {
				width: meta ? uprightSize(meta, meta.orientation).width : bitmap.width,
				height: meta ? uprightSize(meta, meta.orientation).height : bitmap.height,
				type: file.type || 'unknown'
			}
		};
	} finally {
		bitmap.close();
	}
}

async function decode(file: Blob, size?: Size): Promise<ImageBitmap> {
	try {
		return await createImageBitmap(file, {
			imageOrientation: 'from-image',
			...(size ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' } : {})
		});
	} catch {
		throw new UnreadablePhotoError(
			`This browser cannot read this photo${file.type ? ` (${file.type})` : ''}. If your camera saves HEIC, set it to “Most compatible” (JPEG), or use Take photo.`
		);
	}
}

/** Not a JPEG (PNG, WebP, HEIC where supported): decode once to learn the size, then fit it. */
async function decodeUnknown(file: Blob, maxEdge: number): Promise<ImageBitmap> {
	const full = await decode(file);
	const target = fitWithin({ width: full.width, height: full.height }, maxEdge);
	if (target.width === full.width && target.height === full.height) return full;
	full.close();
	return decode(file, target);
}

function makeCanvas(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
	if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	return canvas;
}

function toJpeg(canvas: OffscreenCanvas | HTMLCanvasElement, quality: number): Promise<Blob> {
	if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))),
			'image/jpeg',
			quality
		)
	);
}
