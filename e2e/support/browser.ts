import type { LaunchOptions } from '@playwright/test';

/** The installed Chromium (Playwright cannot download its own here): CHROME_PATH or Debian's. */
export function chromiumLaunchOptions(): LaunchOptions {
	return {
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	};
}
