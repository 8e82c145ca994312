/**
 * The scanner behind `Scanner`: html5-qrcode runs the camera (picking the rear camera, the
 * viewfinder with its target box, the frame loop, the torch), and every frame and photo goes to
 * our decoder worker (the native BarcodeDetector where the browser has it for a format, ZXing-C++
 * otherwise). Loaded on demand by `loadScanner`.
 */

import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { BarcodeDecoder } from './decoder';
import { ReadConfirmer } from './confirm';
import { SCAN_FORMATS, fromHtml5QrcodeName, html5QrcodeNames } from './formats';
import { dropPartialReads } from './photo';
import type { CameraHandlers, CameraStarted, Scanner } from './index';

/** Frames looked at per second: enough to feel instant, few enough to spare a phone's battery. */
const FRAMES_PER_SECOND = 10;

export function createScanner(): Scanner {
	return new Html5QrcodeScanner();
}

class Html5QrcodeScanner implements Scanner {
	readonly #decoder = new BarcodeDecoder();
	readonly #confirmer = new ReadConfirmer();
	#camera: Html5Qrcode | null = null;
	#elementId: string | null = null;
	#handlers: CameraHandlers | null = null;
	#disposed = false;

	async startCamera(elementId: string, handlers: CameraHandlers): Promise<CameraStarted> {
		if (this.#disposed) throw new Error('The scanner was closed.');
		if (!navigator.mediaDevices?.getUserMedia) {
			throw new Error('Camera streaming not supported: getUserMedia is not available here');
		}
		// A decoder that cannot load (its WebAssembly missing) would leave the camera looking
		// for ever; better to say so before asking for the camera.
		await this.#decoder.ready;
		const camera = this.#cameraFor(elementId);
		await this.stopCamera();
		this.#handlers = handlers;
		this.#confirmer.reset();
		await camera.start(
			{ facingMode: 'environment' },
			{
				fps: FRAMES_PER_SECOND,
				// The target box the inspector aims with (the decoder reads the whole frame, so a
				// code half out of the box still counts).
				qrbox: (width, height) => ({
					width: Math.max(50, Math.floor(width * 0.85)),
					height: Math.max(50, Math.floor(height * 0.75))
				}),
				// A rear camera's picture is not mirrored; trying a flipped copy doubles the work.
				disableFlip: true,
				videoConstraints: {
					facingMode: 'environment',
					// More pixels than the 640x480 default make small EANs readable.
					width: { ideal: 1280 },
					height: { ideal: 720 }
				}
			},
			(text, result) => {
				const format =
					fromHtml5QrcodeName(result.result.format?.formatName ?? '') ??
					result.result.format?.formatName ??
					'unknown';
				if (this.#confirmer.offer({ text, format }, performance.now())) {
					this.#handlers?.onRead({ text, format });
				}
			},
			() => {
				// No code in this frame: the normal case, nothing to report.
			}
		);
		// html5-qrcode resolves start() before the picture plays, and until it plays its stop()
		// cannot run (it fails half-way and keeps the camera). Wait for the picture.
		// The screen may also go meanwhile (the inspector left at once): its picture, detached,
		// will never play, so the camera is let go at once.
		const deadline = performance.now() + 10_000;
		while (!camera.isScanning && !this.#disposed && performance.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		if (this.#disposed || !camera.isScanning) {
			if (camera.isScanning) await camera.stop().catch(() => {});
			else this.#abandon(camera);
			throw new Error(
				this.#disposed ? 'The scanner was closed.' : 'The camera picture did not start'
			);
		}
		return { torch: hasTorch(camera) };
	}

	async stopCamera(): Promise<void> {
		const camera = this.#camera;
		this.#confirmer.reset();
		// html5-qrcode throws on stop() unless it is scanning or paused.
		if (camera?.isScanning) await camera.stop();
	}

	/**
	 * Gives up on an html5-qrcode instance that never got its picture: its tracks are released
	 * and the next start builds a fresh one (the old one's state machine is stuck in "scanning").
	 */
	#abandon(camera: Html5Qrcode): void {
		const internals = camera as unknown as { renderedCamera?: { close(): Promise<void> } | null };
		void internals.renderedCamera?.close().catch(() => {});
		if (this.#camera === camera) {
			this.#camera = null;
			const element = this.#elementId ? document.getElementById(this.#elementId) : null;
			element?.replaceChildren();
		}
	}

	async setTorch(on: boolean): Promise<void> {
		if (!this.#camera?.isScanning) return;
		await this.#camera.getRunningTrackCameraCapabilities().torchFeature().apply(on);
	}

	decodePhoto(photo: Blob) {
		return this.#decoder.decodePhoto(photo);
	}

	dispose(): void {
		this.#disposed = true;
		this.#handlers = null;
		// A camera still starting is stopped by startCamera when it is up.
		if (this.#camera?.isScanning) void this.#camera.stop().catch(() => {});
		this.#decoder.dispose();
	}

	#cameraFor(elementId: string): Html5Qrcode {
		if (this.#camera && this.#elementId === elementId) return this.#camera;
		const frameSeen = () => this.#handlers?.onFrame?.();
		const video = () => document.getElementById(elementId)?.querySelector('video') ?? null;
		/**
		 * html5-qrcode hands over a canvas the size of the viewfinder on screen (about 360 px
		 * wide on a phone), too coarse for a small EAN. The camera's own frame, at up to 1280 px,
		 * goes to the worker instead; the canvas is the fallback before the video has a frame.
		 */
		const readFrame = async (canvas: HTMLCanvasElement, video: HTMLVideoElement | null) => {
			if (video && video.videoWidth > 0 && video.videoHeight > 0) {
				return this.#decoder.detectFrame(await createImageBitmap(video));
			}
			const context = canvas.getContext('2d', { willReadFrequently: true });
			if (!context || canvas.width === 0 || canvas.height === 0) return [];
			return this.#decoder.detect(context.getImageData(0, 0, canvas.width, canvas.height));
		};
		/**
		 * What html5-qrcode sees as the browser's BarcodeDetector: it hands us each frame's canvas
		 * and picks the largest code we return. It only looks for the class while it is being
		 * constructed, so the global is swapped for that moment and then put back.
		 */
		class WorkerBarcodeDetector {
			static async getSupportedFormats(): Promise<string[]> {
				return [...SCAN_FORMATS];
			}
			async detect(canvas: HTMLCanvasElement) {
				frameSeen();
				const found = dropPartialReads(await readFrame(canvas, video()));
				return found.map((code) => ({
					rawValue: code.text,
					format: code.format,
					// A 1D code read on one pixel row has no height; html5-qrcode would drop a
					// zero-area box as "no code", so give it at least one pixel each way.
					boundingBox: new DOMRectReadOnly(
						code.box.x,
						code.box.y,
						Math.max(1, code.box.width),
						Math.max(1, code.box.height)
					),
					cornerPoints: []
				}));
			}
		}
		const global = globalThis as { BarcodeDetector?: unknown };
		const hadOwn = Object.prototype.hasOwnProperty.call(global, 'BarcodeDetector');
		const original = global.BarcodeDetector;
		global.BarcodeDetector = WorkerBarcodeDetector;
		let camera: Html5Qrcode;
		try {
			camera = new Html5Qrcode(elementId, {
				formatsToSupport: SCAN_FORMATS.map(
					(format) =>
						Html5QrcodeSupportedFormats[
							html5QrcodeNames[format] as keyof typeof Html5QrcodeSupportedFormats
						]
				),
				useBarCodeDetectorIfSupported: true,
				verbose: false
			});
		} finally {
			if (hadOwn) global.BarcodeDetector = original;
			else delete global.BarcodeDetector;
		}
		// html5-qrcode alternates frames between the detector and its own JavaScript ZXing port,
		// which read 0 of 50 photographed EAN-13 here and blocks the main thread while it tries.
		// One decoder, ours: drop the fallback (html5-qrcode 2.3.8 keeps it in qrcode.secondaryDecoder).
		const internals = camera as unknown as { qrcode?: { secondaryDecoder?: unknown } };
		if (internals.qrcode && 'secondaryDecoder' in internals.qrcode) {
			internals.qrcode.secondaryDecoder = undefined;
		}
		this.#camera?.clear();
		this.#camera = camera;
		this.#elementId = elementId;
		return camera;
	}
}

function hasTorch(camera: Html5Qrcode): boolean {
	try {
		return camera.getRunningTrackCameraCapabilities().torchFeature().isSupported();
	} catch {
		// Some browsers throw rather than report no capabilities.
		return false;
	}
}
