import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// The build id must be the same every time this file is loaded during one build (Kit loads it
// in more than one place, and names its client globals after the version), so fix it in the env.
process.env.SHELFCHECK_BUILD_ID ||= Date.now().toString(36);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SHELFCHECK_BUILD_DIR lets the end-to-end tests make a second build beside the first.
		adapter: adapter({ out: process.env.SHELFCHECK_BUILD_DIR || 'build' }),
		version: {
			// The service worker's cache is keyed on this: every build gets its own.
			name: `${pkg.version}+${process.env.SHELFCHECK_BUILD_ID}`
		},
		paths: {
			// Absolute asset URLs: the service worker answers every app route with the same shell,
			// so the shell must not depend on the path it was first served at.
			relative: false
		},
		csp: {
			// Hashes for SvelteKit's own inline start-up script, so no 'unsafe-inline' script is
			// allowed. Styles may be inline (style attributes); WebAssembly may be compiled (the
			// barcode decoder); photos are blob: URLs and PDFs/QR codes data: URLs.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// The end-to-end tests and their config are type-checked with the app
			// (`npm run check`), so a test cannot drift from the code it drives.
			config: (tsconfig) => {
				tsconfig.include.push('../e2e/**/*.ts', '../playwright.config.ts');
			}
		},
		serviceWorker: {
			// workbox-window registers it (src/lib/pwa), so that the update prompt can drive it.
			register: false
		}
	}
};

export default config;
