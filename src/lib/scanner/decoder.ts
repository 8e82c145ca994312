/**
 * The page's side of the decoder worker: one worker per scanner, requests answered in order.
 * Loaded only with the scanner (see `index.ts`), so the WebAssembly and the worker never weigh
 * on screens that do not scan.
 */

import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecoderEngineInfo, DecoderRequest, DecoderResponse } from './decoder-protocol';
import { SCAN_FORMATS } from './formats';
import type { Detection, PhotoOutcome } from './photo';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };
/** A request before it is numbered. */
type Request = DecoderRequest extends infer R
	? R extends DecoderRequest
		? Omit<R, 'id'>
		: never
	: never;

export class BarcodeDecoder {
	readonly #worker: Worker;
	readonly #pending = new Map<number, Pending>();
	#nextId = 1;
	#disposed = false;
	/** Which engine reads which format; settles once the WebAssembly is compiled. */
	readonly ready: Promise<DecoderEngineInfo>;

	constructor() {
		this.#worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), {
			type: 'module',
			name: 'barcode-decoder'
		});
		this.#worker.onmessage = (event: MessageEvent<DecoderResponse>) => {
			const response = event.data;
			const pending = this.#pending.get(response.id);
			if (!pending) return;
			this.#pending.delete(response.id);
			if (response.ok) pending.resolve(response.result as never);
			else pending.reject(new Error(response.error));
		};
		this.#worker.onerror = (event) => {
			event.preventDefault();
			const error = new Error(`The barcode decoder stopped: ${event.message || 'unknown error'}`);
			for (const pending of this.#pending.values()) pending.reject(error);
			this.#pending.clear();
		};
		this.ready = this.#send<DecoderEngineInfo>(
			{ type: 'init', wasmUrl, formats: [...SCAN_FORMATS] },
			[]
		).catch((error: unknown) => {
			throw new Error(
				`Barcode decoder unavailable: ${error instanceof Error ? error.message : error}`
			);
		});
		// Whoever uses the decoder hears of a failure; an unused one should not report it twice.
		this.ready.catch(() => {});
	}

	/** The codes in one image (a camera frame). */
	detect(image: ImageData): Promise<Detection[]> {
		// The pixels move to the worker rather than being copied; the caller draws a new frame.
		return this.#send<Detection[]>({ type: 'detect', image }, [image.data.buffer]);
	}

	/** The codes in a camera frame, which moves to the worker (the caller must not use it again). */
	detectFrame(frame: ImageBitmap): Promise<Detection[]> {
		if (this.#disposed) frame.close();
		return this.#send<Detection[]>({ type: 'detect-frame', frame }, [frame]);
	}

	/** What a still photo holds, after the vote over its prepared copies (see `photo.ts`). */
	async decodePhoto(photo: Blob): Promise<PhotoOutcome> {
		await this.ready;
		return this.#send<PhotoOutcome>({ type: 'photo', photo }, []);
	}

	dispose(): void {
		this.#disposed = true;
		this.#worker.terminate();
		const error = new Error('The scanner was closed.');
		for (const pending of this.#pending.values()) pending.reject(error);
		this.#pending.clear();
	}

	#send<T>(request: Request, transfer: Transferable[]): Promise<T> {
		// A terminated worker never answers: refuse rather than wait for ever.
		if (this.#disposed) return Promise.reject(new Error('The scanner was closed.'));
		const id = this.#nextId++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (value: never) => void, reject });
			this.#worker.postMessage({ ...request, id } as DecoderRequest, transfer);
		});
	}
}
