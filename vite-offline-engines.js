import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ENGINE_SIZES_PATH, engineOf } from './src/lib/pwa/engines.js';

/** @param {string | Uint8Array} source */
const byteLength = (source) =>
	typeof source === 'string' ? Buffer.byteLength(source) : source.byteLength;

/**
 * For the second offline step (src/lib/pwa/engines.js), in the client build:
 * - lists every engine file's size in ENGINE_SIZES_PATH, so the service worker can say how much
 *   of each engine is stored before the last response has begun;
 * - writes gzip and brotli copies of the report fonts beside them. adapter-node's precompress
 *   covers .js, .wasm, .css and the like but not .ttf, and the server (sirv) sends a `.br` or
 *   `.gz` copy wherever one exists: 1.46 MB of fonts travel as about 0.7 MB.
 * Must come after the OCR engine plugin, whose files it lists.
 * @returns {import('vite').Plugin}
 */
export function offlineEngines() {
	/** @type {string[]} */
	let fonts = [];
	return {
		name: 'shelfcheck-offline-engines',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		generateBundle(_options, bundle) {
			/** @type {Record<string, number>} */
			const sizes = {};
			fonts = [];
			for (const file of Object.values(bundle)) {
				if (file.type !== 'asset' || !engineOf(`/${file.fileName}`)) continue;
				sizes[`/${file.fileName}`] = byteLength(file.source);
				if (file.fileName.endsWith('.ttf')) fonts.push(file.fileName);
			}
			// Kit builds the service worker into the same directory: an empty list must not
			// overwrite the client's.
			if (Object.keys(sizes).length === 0) return;
			this.emitFile({
				type: 'asset',
				fileName: ENGINE_SIZES_PATH,
				source: JSON.stringify(sizes)
			});
		},
		writeBundle(options, bundle) {
			const dir = options.dir ?? '';
			for (const name of fonts) {
				const asset = bundle[name];
				if (asset?.type !== 'asset') continue;
				const source = Buffer.from(asset.source);
				writeFileSync(join(dir, `${name}.gz`), gzipSync(source, { level: 9 }));
				writeFileSync(
					join(dir, `${name}.br`),
					brotliCompressSync(source, {
						params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY }
					})
				);
			}
		}
	};
}
