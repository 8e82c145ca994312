import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		reporters: process.env.CI_TEST_REPORT
			? ['default', ['json', { outputFile: '.test-reports/unit.json' }]]
			: ['default']
	}
});
