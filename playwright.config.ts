import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser';

export default defineConfig({
	testDir: 'e2e',
	globalSetup: './e2e/support/global-setup.ts',
	// Each test starts its own server and browser; two cores run one such pair at a time best.
	workers: 1,
	timeout: 60_000,
	// A focused test left in by mistake would silently skip the rest on CI.
	forbidOnly: !!process.env.CI,
	expect: { timeout: 10_000 },
	reporter: process.env.CI_TEST_REPORT
		? [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]]
		: [['list']],
	use: {
		browserName: 'chromium',
		viewport: { width: 390, height: 844 },
		launchOptions: chromiumLaunchOptions(),
		trace: 'retain-on-failure'
	}
});
