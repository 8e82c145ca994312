// Where the OCR engine's files are served from: our own origin, one directory named after the
// versions it holds, so that a new engine is a new directory and an unchanged one is never
// fetched again. The Vite plugin (`vite-ocr-engine.js`) copies the files there from the npm
// packages at build time (and serves them in dev); the service worker precaches the ones this
// browser will use; the OCR edge (`engine.ts`) points tesseract.js at them. Plain JavaScript, so
// the Vite config can load it too; no DOM.

/** The versions the directory is named after; the plugin refuses a build if they differ. */
export const OCR_VERSIONS = /** @type {const} */ ({
	'tesseract.js': '7.0.0',
	'tesseract.js-core': '7.0.0',
	/** `@tesseract.js-data/eng`: the LSTM-only integer model (tessdata_best, as int). */
	data: 'eng-4.0.0_best_int'
});

export const OCR_DIR = `_app/ocr/${OCR_VERSIONS['tesseract.js']}-${OCR_VERSIONS['tesseract.js-core']}-${OCR_VERSIONS.data}`;

/**
 * Two builds of the core, LSTM only (the engine we run): with WebAssembly SIMD (every current
 * browser) and without (older Safari). The relaxed-SIMD build is left out: Chromium only, and
 * little faster for this model.
 * @typedef {'simd-lstm' | 'lstm'} CoreVariant
 */

/** @type {readonly CoreVariant[]} */
const VARIANTS = ['simd-lstm', 'lstm'];

/**
 * The files in the directory: source path in node_modules, and the name served.
 * @type {{ source: string; name: string }[]}
 */
export const OCR_FILES = [
	{ source: 'tesseract.js/dist/worker.min.js', name: 'worker.min.js' },
	...VARIANTS.flatMap((variant) => [
		{
			source: `tesseract.js-core/tesseract-core-${variant}.js`,
			name: `tesseract-core-${variant}.js`
		},
		{
			source: `tesseract.js-core/tesseract-core-${variant}.wasm`,
			name: `tesseract-core-${variant}.wasm`
		}
	]),
	// Served under the name tesseract.js asks for with `gzip: false`, but still gzipped (the
	// worker gunzips whatever starts with gzip's magic bytes): a `.gz` name would make the server
	// send it with Content-Encoding, and the cache would then keep it unzipped (5.2 MB, not 3).
	{
		source: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
		name: 'eng.traineddata'
	}
];

// The smallest module using a SIMD instruction (from wasm-feature-detect): valid only where
// the browser has WebAssembly SIMD.
const SIMD_PROBE = new Uint8Array([
	0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
	253, 98, 11
]);

/**
 * The core this browser runs: synchronous, so the service worker can decide at start-up.
 * @returns {CoreVariant}
 */
export function coreVariant() {
	try {
		return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE)
			? 'simd-lstm'
			: 'lstm';
	} catch {
		return 'lstm';
	}
}

/**
 * @typedef {object} EngineUrls
 * @property {string} base The directory, ending in "/".
 * @property {string} worker
 * @property {string} core The core's loader; it fetches its .wasm from the same directory.
 * @property {string} wasm
 * @property {string} langPath tesseract.js fetches `${langPath}/eng.traineddata`.
 * @property {string} data
 */

/**
 * @param {CoreVariant} variant
 * @param {string} [origin]
 * @returns {EngineUrls}
 */
export function engineUrls(variant, origin = '') {
	const base = `${origin}/${OCR_DIR}/`;
	return {
		base,
		worker: `${base}worker.min.js`,
		core: `${base}tesseract-core-${variant}.js`,
		wasm: `${base}tesseract-core-${variant}.wasm`,
		langPath: base.slice(0, -1),
		data: `${base}eng.traineddata`
	};
}

/**
 * What the service worker keeps for offline use: the files this browser's engine needs.
 * @param {CoreVariant} variant
 * @returns {string[]}
 */
export function filesToCache(variant) {
	const urls = engineUrls(variant);
	return [urls.worker, urls.core, urls.wasm, urls.data];
}
