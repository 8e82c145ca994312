import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { ocrEngine } from './vite-ocr-engine.js';

const unused = fileURLToPath(new URL('./src/lib/report/jspdf-extras-unused.ts', import.meta.url));

export default defineConfig({
	plugins: [sveltekit(), ocrEngine()],
	resolve: {
		alias: { html2canvas: unused, dompurify: unused, canvg: unused }
	},
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['tests/vitest-setup.ts'],
		// A test that asserts nothing passes whatever the code does: refuse it.
		expect: { requireAssertions: true },
		// Spies and mocks end with their test, so none leaks into the next.
		restoreMocks: true,
		reporters: process.env.CI_TEST_REPORT
			? ['default', ['json', { outputFile: '.test-reports/unit.json' }]]
			: ['default']
	}
});
