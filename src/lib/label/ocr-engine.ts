/**
 * The OCR edge: tesseract.js in a Web Worker, loaded only when the inspector first asks to read a
 * label (its library is a separate chunk; the worker, core and English data come from our own
 * origin, precached by the service worker, so it works offline). One worker is kept while the
 * app is in use, so later reads skip the load, and let go after a few idle minutes.
 */

import type { Worker as TesseractWorker } from 'tesseract.js';
import type { OcrLine } from './candidates';
import { coreVariant, engineUrls, OCR_VERSIONS } from './engine-files.js';

export interface OcrProgress {
	stage: 'loading' | 'reading';
	/** The engine's step in words. */
	status: string;
	/** 0 to 1 within the stage. */
	progress: number;
}

export interface OcrResult {
	lines: OcrLine[];
	/** Mean confidence of the lines, 0 to 100. */
	confidence: number;
	/** The size of the image read, which the lines' boxes refer to. */
	width: number;
	height: number;
	/** The engine and its data, for the record. */
	engine: string;
}

export const ENGINE_NAME = `tesseract.js ${OCR_VERSIONS['tesseract.js']} · ${OCR_VERSIONS.data}`;

const IDLE_MS = 3 * 60 * 1000;
/** Long edge of the image handed to the engine: label text stays well above 20 px high. */
const MAX_EDGE = 2048;

let engine: Promise<TesseractWorker> | null = null;
let listener: ((progress: OcrProgress) => void) | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

const statusWords: Record<string, string> = {
	'loading tesseract core': 'Loading the text reader',
	'initializing tesseract': 'Starting the text reader',
	'loading language traineddata': 'Loading the English model',
	'loading language traineddata (from cache)': 'Loading the English model',
	'initializing api': 'Starting the text reader',
	'recognizing text': 'Reading the label'
};

function start(): Promise<TesseractWorker> {
	const urls = engineUrls(coreVariant(), location.origin);
	return import('tesseract.js').then(({ createWorker, OEM }) =>
		createWorker('eng', OEM.LSTM_ONLY, {
			workerPath: urls.worker,
			corePath: urls.core,
			langPath: urls.langPath,
			// A worker script from our origin, not a blob: URL (our CSP), and no second copy of the
			// data in IndexedDB: the service worker's cache already holds it.
			workerBlobURL: false,
			cacheMethod: 'none',
			// The file is gzipped all the same; the worker unzips it (see engine-files.js).
			gzip: false,
			logger: (message: { status: string; progress: number }) => {
				listener?.({
					stage: message.status === 'recognizing text' ? 'reading' : 'loading',
					status: statusWords[message.status] ?? 'Loading the text reader',
					progress: Number.isFinite(message.progress) ? message.progress : 0
				});
			}
		})
	);
}

/** Whether the engine is loaded already (a later use), for the progress words. */
export function engineLoaded(): boolean {
	return engine !== null;
}

/** An upright image no larger than MAX_EDGE, as a canvas the engine reads directly. */
async function prepare(
	image: Blob
): Promise<{ canvas: HTMLCanvasElement; width: number; height: number }> {
	const bitmap = await createImageBitmap(image);
	const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
	const width = Math.round(bitmap.width * scale);
	const height = Math.round(bitmap.height * scale);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot prepare the photo for reading.');
	context.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	return { canvas, width, height };
}

/**
 * Recognises the text of a label photo (stored already upright). Progress is reported while the
 * engine loads (first use) and while it reads. One read at a time.
 */
export async function recognise(
	image: Blob,
	onProgress: (progress: OcrProgress) => void
): Promise<OcrResult> {
	clearTimeout(idleTimer);
	listener = onProgress;
	try {
		onProgress({ stage: 'loading', status: 'Loading the text reader', progress: 0 });
		engine ??= start();
		let worker: TesseractWorker;
		try {
			worker = await engine;
		} catch (error) {
			engine = null;
			throw error;
		}
		const { canvas, width, height } = await prepare(image);
		onProgress({ stage: 'reading', status: 'Reading the label', progress: 0 });
		const { data } = await worker.recognize(canvas, {}, { text: true, blocks: true });
		const lines: OcrLine[] = [];
		for (const block of data.blocks ?? [])
			for (const paragraph of block.paragraphs)
				for (const line of paragraph.lines) {
					const text = line.text.replace(/\s+$/u, '');
					if (text.trim() === '') continue;
					lines.push({ text, box: { ...line.bbox }, confidence: line.confidence });
				}
		const confidence = lines.length
			? lines.reduce((sum, line) => sum + (line.confidence ?? 0), 0) / lines.length
			: 0;
		return { lines, confidence, width, height, engine: ENGINE_NAME };
	} finally {
		listener = null;
		idleTimer = setTimeout(() => void release(), IDLE_MS);
	}
}

/** Lets the worker go (its memory too); the next read loads it again from the cache. */
export async function release(): Promise<void> {
	const current = engine;
	engine = null;
	clearTimeout(idleTimer);
	if (current) await (await current.catch(() => null))?.terminate();
}
