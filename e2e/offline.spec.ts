import { expect, test, type Page } from '@playwright/test';
import { NEXT_BUILD, startServer } from './support/server';

async function waitForOfflineReady(page: Page) {
	await expect(page.getByText('Ready to work offline')).toBeVisible();
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit the app loads and navigates with the server gone and the network off', async ({
	page,
	context
}) => {
	const server = await startServer();
	await page.goto(server.url);
	await expect(page.getByRole('heading', { name: 'Inspections' })).toBeVisible();
	await waitForOfflineReady(page);

	await server.stop();
	await context.setOffline(true);

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Inspections' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^\s*Offline\s*$/ })).toBeVisible();
	await expect(page.getByText('No inspections in progress')).toBeVisible();

	await page.getByRole('button', { name: 'New inspection' }).click();
	await expect(page.getByRole('heading', { name: 'New inspection' })).toBeVisible();
	await page.getByRole('link', { name: 'Back' }).click();
	await expect(page.getByRole('heading', { name: 'Inspections' })).toBeVisible();

	// A deep link typed or opened from a bookmark, offline.
	await page.goto(`${server.url}/inspections/new`);
	await expect(page.getByRole('heading', { name: 'New inspection' })).toBeVisible();
});

test('a new build served in place of the old one is offered, and only Reload brings it', async ({
	page
}) => {
	const first = await startServer();
	await page.goto(first.url);
	await waitForOfflineReady(page);
	const oldVersion = await page.getByText(/^Shelfcheck \d/).textContent();
	expect(oldVersion).not.toContain(NEXT_BUILD.id);
	await first.stop();

	const next = await startServer({
		port: first.port,
		dataDir: first.dataDir,
		env: { SHELFCHECK_BUILD_DIR: NEXT_BUILD.dir, SHELFCHECK_BUILD_ID: NEXT_BUILD.id }
	});
	try {
		await page.reload();
		await expect(
			page.getByRole('alert').filter({ hasText: 'A new version is ready' })
		).toBeVisible();
		// Nothing swaps by itself: the page still runs the version it was loaded with.
		await expect(page.getByText(/^Shelfcheck \d/)).toHaveText(oldVersion!);

		await page.getByRole('button', { name: 'Reload' }).click();
		await expect(page.getByText(/^Shelfcheck \d/)).toContainText(NEXT_BUILD.id);
		await expect(page.getByText('A new version is ready')).toHaveCount(0);
	} finally {
		await next.stop();
	}
});
