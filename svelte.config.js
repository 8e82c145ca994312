import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SHELFCHECK_BUILD_DIR lets the end-to-end tests make a second build beside the first.
		adapter: adapter({ out: process.env.SHELFCHECK_BUILD_DIR || 'build' }),
		version: {
			// The service worker's cache is keyed on this: every build gets its own.
			name: `${pkg.version}+${process.env.SHELFCHECK_BUILD_ID || Date.now().toString(36)}`
		},
		serviceWorker: {
			// workbox-window registers it (src/lib/pwa), so that the update prompt can drive it.
			register: false
		}
	}
};

export default config;
