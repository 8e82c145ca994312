// The three engines the core job does without, fetched by the service worker after "Ready to
// work offline" (the second step; see service-worker.ts): each is megabytes, and an officer who
// walks into a shop before they arrive can still inspect, photograph and sign. Plain JavaScript
// with no DOM, so the Vite config, the service worker and the page share one list.
import { OCR_DIR } from '../label/engine-files.js';

/** @typedef {'scanner' | 'pdf' | 'label'} EngineId */

/**
 * Smallest first, so the quickest to finish is ready soonest.
 * @type {readonly { id: EngineId; name: string; matches: (path: string) => boolean }[]}
 */
export const ENGINES = [
	{
		id: 'scanner',
		name: 'Barcode scanning',
		matches: (path) => /\/zxing_reader[^/]*\.wasm$/.test(path)
	},
	{ id: 'pdf', name: 'PDF export', matches: (path) => /\/DejaVuSans[^/]*\.ttf$/.test(path) },
	{ id: 'label', name: 'Label reading', matches: (path) => path.includes(`/${OCR_DIR}/`) }
];

/**
 * Which engine a file of the build belongs to, if any.
 * @param {string} path
 * @returns {EngineId | undefined}
 */
export function engineOf(path) {
	return ENGINES.find((engine) => engine.matches(path))?.id;
}

/** Where the build lists every engine file's size, for "downloading 3.1 of 4.1 MB". */
export const ENGINE_SIZES_PATH = '_app/engine-sizes.json';

/** The cache the second step fills: kept across app versions (engine files are content-named). */
export const ENGINE_CACHE = 'shelfcheck-engines';
