/** Messages between the page and the decoder worker (structured-cloned, ImageData transferred). */

import type { Detection, PhotoOutcome } from './photo';
import type { ScanFormat } from './formats';

export type DecoderRequest =
	| { id: number; type: 'init'; wasmUrl: string; formats: ScanFormat[] }
	| { id: number; type: 'detect'; image: ImageData }
	/** A camera frame at the camera's own resolution, drawn into pixels by the worker. */
	| { id: number; type: 'detect-frame'; frame: ImageBitmap }
	| { id: number; type: 'photo'; photo: Blob };

export interface DecoderEngineInfo {
	/** Formats read by the browser's own BarcodeDetector. */
	native: ScanFormat[];
	/** Formats read by ZXing-C++ (WebAssembly). */
	polyfill: ScanFormat[];
}

export type DecoderResult = DecoderEngineInfo | Detection[] | PhotoOutcome;

export type DecoderResponse =
	{ id: number; ok: true; result: DecoderResult } | { id: number; ok: false; error: string };
