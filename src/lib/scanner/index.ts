/**
 * The scanner: one small interface in front of the camera and the barcode decoder, so that the
 * decoder can change without touching a screen. This module is tiny; `loadScanner` fetches the
 * real thing (html5-qrcode, the decoder worker and its WebAssembly) only when a screen asks for
 * it, so the first screen stays light.
 */

import type { CodeRead } from './confirm';
import type { PhotoOutcome } from './photo';

export type { CodeRead } from './confirm';
export type { Detection, PhotoOutcome } from './photo';
export { KeyboardWedgeDetector } from './wedge';
export {
	SCAN_FORMATS,
	formatLabel,
	formatLabels,
	isLinearFormat,
	readKey,
	type ScanFormat
} from './formats';
export { cameraProblemMessages, type CameraProblem } from './camera-problems';

export interface CameraHandlers {
	/** A read that counts (1D codes: after two identical reads in a row). */
	onRead(read: CodeRead): void;
	/** Called for every frame the decoder looks at, found or not. */
	onFrame?(): void;
}

export interface CameraStarted {
	/** Whether the running camera has a torch the app can switch. */
	torch: boolean;
}

export interface Scanner {
	/**
	 * Asks for the camera (the browser's permission prompt, the first time) and shows its picture
	 * in the element with this id, reading codes until `stopCamera`. Rejects when the camera is
	 * refused, missing or busy (see `classifyCameraError`).
	 */
	startCamera(elementId: string, handlers: CameraHandlers): Promise<CameraStarted>;
	stopCamera(): Promise<void>;
	setTorch(on: boolean): Promise<void>;
	/** Reads a still photo with the same decoder. */
	decodePhoto(photo: Blob): Promise<PhotoOutcome>;
	/** Stops the camera and the decoder for good. */
	dispose(): void;
}

/** Loads the scanner code (a separate chunk) and makes a scanner. */
export async function loadScanner(): Promise<Scanner> {
	const { createScanner } = await import('./scanner');
	return createScanner();
}
