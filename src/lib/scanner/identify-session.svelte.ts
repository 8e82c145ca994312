/**
 * The Identify screen's state: the camera (opened on request, paused while the page is hidden),
 * photos, hardware-scanner bursts and what to say about each read. The screen stays thin: it
 * renders this and passes accepted codes on to the product card.
 */

import { assessScannedCode, type CodeEntry } from '$lib/product/identification';
import { CameraLifecycle, type LifecycleState } from './camera-lifecycle';
import { classifyCameraError, cameraProblemMessages, type CameraProblem } from './camera-problems';
import { formatLabel } from './formats';
import { loadScanner, type Detection, type Scanner } from './index';
import { KeyboardWedgeDetector } from './wedge';

export type PhotoState =
	| { state: 'idle' }
	| { state: 'reading' }
	| { state: 'several'; reads: Detection[] }
	| { state: 'failed'; message: string };

export class IdentifySession {
	camera = $state<LifecycleState>('off');
	problem = $state<CameraProblem | null>(null);
	torchAvailable = $state(false);
	torchOn = $state(false);
	/** Frames the decoder has looked at since the camera opened (shown as a data attribute). */
	frames = $state(0);
	/** A code was read but cannot identify a product; scanning goes on. */
	notice = $state<string | null>(null);
	photo = $state<PhotoState>({ state: 'idle' });

	readonly #elementId: string;
	readonly #onAccepted: (entry: CodeEntry) => void;
	readonly #lifecycle: CameraLifecycle;
	readonly #wedge = new KeyboardWedgeDetector();
	#scanner: Promise<Scanner> | null = null;
	#disposed = false;
	#accepted = false;

	constructor(elementId: string, onAccepted: (entry: CodeEntry) => void) {
		this.#elementId = elementId;
		this.#onAccepted = onAccepted;
		this.#lifecycle = new CameraLifecycle(
			{
				start: async () => {
					const scanner = await this.#getScanner();
					this.frames = 0;
					const started = await scanner.startCamera(this.#elementId, {
						onRead: (read) => this.#take({ method: 'camera', ...read }),
						onFrame: () => this.frames++
					});
					this.torchAvailable = started.torch;
					this.torchOn = false;
				},
				stop: async () => {
					this.torchAvailable = false;
					this.torchOn = false;
					await (await this.#getScanner()).stopCamera();
				}
			},
			{
				onStartError: (error) => {
					// Leaving while the camera starts is not a camera problem.
					if (!this.#disposed) this.problem = classifyCameraError(error);
				},
				onChange: (state) => (this.camera = state)
			}
		);
	}

	get problemMessage(): string | null {
		return this.problem ? cameraProblemMessages[this.problem] : null;
	}

	/**
	 * Opens the camera at once if the browser says it is already allowed; otherwise waits for the
	 * inspector to ask, so the permission prompt never comes as a surprise.
	 */
	async openIfAllowed(): Promise<void> {
		try {
			const status = await navigator.permissions?.query({ name: 'camera' as PermissionName });
			if (status?.state === 'granted') await this.openCamera();
			else if (status?.state === 'denied') this.problem = 'denied';
		} catch {
			// Firefox and older Safari cannot be asked about the camera: wait for the button.
		}
	}

	openCamera(): Promise<void> {
		this.problem = null;
		this.notice = null;
		return this.#lifecycle.open();
	}

	setVisible(visible: boolean): Promise<void> {
		return this.#lifecycle.setVisible(visible);
	}

	async toggleTorch(): Promise<void> {
		const on = !this.torchOn;
		try {
			await (await this.#getScanner()).setTorch(on);
			this.torchOn = on;
		} catch {
			this.torchAvailable = false;
		}
	}

	/** Reads a photo chosen with "Scan from photo". */
	async readPhoto(file: File): Promise<void> {
		this.photo = { state: 'reading' };
		this.notice = null;
		try {
			const outcome = await (await this.#getScanner()).decodePhoto(file);
			if (outcome.kind === 'none') {
				this.photo = {
					state: 'failed',
					message:
						'No code found in this photo. Take it again closer, with the code flat, sharp and well lit, or type the code.'
				};
			} else if (outcome.kind === 'several') {
				this.photo = { state: 'several', reads: outcome.reads };
			} else {
				this.photo = { state: 'idle' };
				this.#take({ method: 'photo', text: outcome.read.text, format: outcome.read.format });
			}
		} catch (error) {
			this.photo = {
				state: 'failed',
				message: `The photo could not be read (${error instanceof Error ? error.message : error}). Try another photo or type the code.`
			};
		}
	}

	/** The inspector picked one of several codes in a photo. */
	choose(read: Detection): void {
		this.photo = { state: 'idle' };
		this.#take({ method: 'photo', text: read.text, format: read.format });
	}

	/**
	 * Feeds a key press to the hardware-scanner detector; true when it completed a scan (the
	 * caller then keeps the Enter from submitting a form).
	 */
	keyDown(event: { key: string; timeStamp: number; repeat: boolean }): boolean {
		// Holding a key down repeats it as fast as a scanner types.
		if (event.repeat) return false;
		const text = this.#wedge.feed({ key: event.key, at: event.timeStamp });
		if (text === null) return false;
		this.#take({ method: 'keyboard-scanner', text });
		return true;
	}

	dispose(): void {
		this.#disposed = true;
		void this.#lifecycle.close();
		void this.#scanner?.then((scanner) => scanner.dispose()).catch(() => {});
	}

	#getScanner(): Promise<Scanner> {
		if (this.#disposed) return Promise.reject(new Error('The scanner was closed.'));
		this.#scanner ??= loadScanner();
		// A failed download (offline before the app was installed) can be retried.
		this.#scanner.catch(() => (this.#scanner = null));
		return this.#scanner;
	}

	#take(entry: CodeEntry): void {
		if (this.#accepted || this.#disposed) return;
		const assessment = assessScannedCode(entry);
		if (assessment.accept) {
			this.#accepted = true;
			void this.#lifecycle.close();
			this.#onAccepted(assessment.entry);
			return;
		}
		const what = entry.format ? `a ${formatLabel(entry.format)} code` : 'a code';
		this.notice = `Read ${what} (“${printable(entry.text)}”) that cannot identify a product: ${assessment.reason}`;
	}
}

/** Control characters (GS1's group separator, line breaks) shown as a visible mark. */
function printable(text: string): string {
	const shown = [...text].map((c) => (c.charCodeAt(0) < 0x20 ? '␝' : c)).join('');
	return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
}
