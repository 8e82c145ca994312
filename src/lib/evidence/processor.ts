import { UnreadablePhotoError, type ProcessOptions, type ProcessedPhoto } from './process';
import type { ProcessRequest, ProcessResponse } from './process.worker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
	number,
	{ resolve: (p: ProcessedPhoto) => void; reject: (e: Error) => void }
>();

function workerCanProcess(): boolean {
	return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
}

function getWorker(): Worker {
	if (!worker) {
		worker = new Worker(new URL('./process.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = ({ data }: MessageEvent<ProcessResponse>) => {
			const waiting = pending.get(data.id);
			if (!waiting) return;
			pending.delete(data.id);
			if (data.ok) {
				const { id: _id, ok: _ok, ...photo } = data;
				waiting.resolve(photo);
			} else {
				waiting.reject(
					data.unreadable ? new UnreadablePhotoError(data.error) : new Error(data.error)
				);
			}
		};
		worker.onerror = (event) => {
			for (const waiting of pending.values())
				waiting.reject(new Error(event.message || 'the photo worker stopped'));
			pending.clear();
			worker = undefined;
		};
	}
	return worker;
}

/** Processes a photo in the worker, or on the main thread where the browser has no OffscreenCanvas. */
export async function processInBackground(
	file: Blob,
	options: ProcessOptions
): Promise<ProcessedPhoto> {
	if (!workerCanProcess()) {
		const { processPhoto } = await import('./process');
		return processPhoto(file, options);
	}
	const id = nextId++;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject });
		getWorker().postMessage({ id, file, options } satisfies ProcessRequest);
	});
}
