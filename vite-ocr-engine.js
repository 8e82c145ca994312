import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OCR_DIR, OCR_FILES, OCR_VERSIONS } from './src/lib/label/engine-files.js';

const require = createRequire(import.meta.url);

/** @param {string} name a package's name; returns its directory in node_modules */
function packageDir(name) {
	return dirname(require.resolve(`${name}/package.json`));
}

/** @param {string} source "package/path/in/it" */
function sourcePath(source) {
	const parts = source.split('/');
	const length = source.startsWith('@') ? 2 : 1;
	return join(packageDir(parts.slice(0, length).join('/')), ...parts.slice(length));
}

function checkVersions() {
	for (const name of /** @type {const} */ (['tesseract.js', 'tesseract.js-core'])) {
		const installed = JSON.parse(
			readFileSync(join(packageDir(name), 'package.json'), 'utf8')
		).version;
		if (installed !== OCR_VERSIONS[name])
			throw new Error(
				`${name} ${installed} is installed but src/lib/label/engine-files.js names ${OCR_VERSIONS[name]}: update OCR_VERSIONS so the OCR files get a new directory.`
			);
	}
}

/** @type {Record<string, string>} */
const MIME = {
	'.js': 'text/javascript',
	'.wasm': 'application/wasm',
	'.traineddata': 'application/octet-stream'
};

/**
 * Serves the OCR engine (tesseract.js worker, core, English data) from our own origin: copies the
 * files from node_modules into the client build under OCR_DIR, and serves them there in dev.
 * Nothing is fetched from a CDN.
 * @returns {import('vite').Plugin}
 */
export function ocrEngine() {
	let ssr = false;
	return {
		name: 'shelfcheck-ocr-engine',
		configResolved(config) {
			ssr = !!config.build.ssr;
			checkVersions();
		},
		generateBundle() {
			if (ssr || this.environment?.config.consumer === 'server') return;
			for (const file of OCR_FILES) {
				this.emitFile({
					type: 'asset',
					fileName: `${OCR_DIR}/${file.name}`,
					source: readFileSync(sourcePath(file.source))
				});
			}
		},
		configureServer(server) {
			const prefix = `/${OCR_DIR}/`;
			server.middlewares.use((req, res, next) => {
				const path = req.url?.split('?')[0];
				const file = path?.startsWith(prefix)
					? OCR_FILES.find((f) => f.name === path.slice(prefix.length))
					: undefined;
				if (!file) return next();
				const full = sourcePath(file.source);
				res.setHeader('content-type', MIME[file.name.slice(file.name.lastIndexOf('.'))] ?? '');
				res.setHeader('content-length', statSync(full).size);
				createReadStream(full).pipe(res);
			});
		}
	};
}
