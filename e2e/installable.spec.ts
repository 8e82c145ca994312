import { expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './support/browser';
import { startServer } from './support/server';

test('Chromium finds the app installable in a normal profile', async () => {
	const server = await startServer();
	const profile = mkdtempSync(join(tmpdir(), 'shelfcheck-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		...chromiumLaunchOptions(),
		viewport: { width: 390, height: 844 }
	});
	try {
		const page = await context.newPage();
		await page.goto(server.url);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
	} finally {
		await context.close();
		await server.stop();
	}
});
