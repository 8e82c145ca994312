import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import {
	ENGINE_NAMES,
	goOfflineAfterFirstVisit,
	waitForEnginesReady,
	waitForOfflineReady
} from './support/app';
import { launchWithFakeCamera, openCamera, productFact } from './support/camera';
import { SMALL_PHOTO, signReport } from './support/device';
import { startServer } from './support/server';
import { testdataUrl } from '../tests/testdata';

/** The second offline step's files: the OCR engine, the scanner's WebAssembly, the PDF fonts. */
const SECOND_STEP = /\/_app\/ocr\/|\/zxing_reader[^/]*\.wasm$|\/DejaVuSans[^/]*\.ttf$/;
const labelPhoto = fileURLToPath(testdataUrl('photos/label-12mp-orientation6-gps.jpg'));

/** From Home: opens the signed report of `model`. */
async function openReport(page: Page, model: string) {
	await page.getByRole('link', { name: new RegExp(model) }).click();
	await expect(page.getByRole('region', { name: 'Signed report' })).toBeVisible();
}

test('offline with only the first step stored: inspect, photograph and sign; each missing engine says so', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const server = await startServer();
	const blocked: string[] = [];
	await context.route(SECOND_STEP, (route) => {
		blocked.push(new URL(route.request().url()).pathname);
		return route.abort('internetdisconnected');
	});
	await page.goto(server.url);
	await waitForOfflineReady(page);
	for (const name of ENGINE_NAMES) {
		await expect(
			page.getByText(new RegExp(`^${name}: paused at 0.0 of \\d+\\.\\d MB`))
		).toBeVisible();
	}
	// The service worker began the second step (the scanner first) and, cut off, paused it all.
	expect(blocked.some((path) => path.endsWith('.wasm') && path.includes('zxing'))).toBe(true);
	await server.stop();
	await context.setOffline(true);

	await page.reload();
	await expect(page.getByText('Ready to work offline')).toBeVisible();
	await signReport(page, { model: 'SC-FIRST-1', photos: [SMALL_PHOTO] });
	await expect(page.getByText('1 unsynced')).toBeVisible();

	await openReport(page, 'SC-FIRST-1');
	await expect(
		page.getByText(/^PDF export is not stored on this device yet .*cannot work offline/)
	).toBeVisible();

	await page.getByRole('link', { name: 'Shelfcheck' }).click();
	await page.getByRole('button', { name: 'New inspection' }).click();
	await expect(
		page.getByText(/^Barcode scanning is not stored on this device yet .*cannot work offline/)
	).toBeVisible();
	await expect(
		page.getByText(/^Label reading is not stored on this device yet .*cannot work offline/)
	).toBeVisible();
	// Typing the code still works without the scanner.
	await page.getByRole('textbox', { name: 'Type a code' }).fill('5012345678900');
	await page.getByRole('button', { name: 'Use code' }).click();
	await expect(page.getByRole('heading', { name: 'Product', exact: true })).toBeVisible();
});

test('after the second step, the camera scanner and the PDF work offline', async () => {
	test.setTimeout(240_000);
	const server = await startServer();
	const browser = await launchWithFakeCamera('ean13');
	try {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(server.url);
		await waitForOfflineReady(page);
		await waitForEnginesReady(page);
		await server.stop();
		await context.setOffline(true);
		await page.reload();
		await waitForEnginesReady(page);

		// The PDF, made offline with the stored fonts.
		await signReport(page, { model: 'SC-FIRST-2', photos: [SMALL_PHOTO] });
		await openReport(page, 'SC-FIRST-2');
		await expect(page.getByText(/PDF export is not stored/)).toHaveCount(0);
		const download = page.waitForEvent('download', { timeout: 60_000 });
		await page.getByRole('button', { name: 'Download PDF' }).click();
		const pdf = await (await download).createReadStream();
		const head = await new Promise<string>((resolve) =>
			pdf.once('data', (chunk: Buffer) => resolve(chunk.subarray(0, 5).toString()))
		);
		expect(head).toBe('%PDF-');

		// The camera scanner, with the stored WebAssembly.
		await page.getByRole('link', { name: 'Shelfcheck' }).click();
		await page.getByRole('button', { name: 'New inspection' }).click();
		await expect(page.getByText(/is not stored on this device yet/)).toHaveCount(0);
		await openCamera(page);
		await expect(productFact(page, 'GTIN')).toHaveText('05012345678900', { timeout: 30_000 });
	} finally {
		await browser.close();
		await server.stop();
	}
});

// Its own test: on a page with the fake camera, Identify would scan the code before the label is read.
test('after the second step, Read label works offline', async ({ page, context }) => {
	test.setTimeout(180_000);
	await goOfflineAfterFirstVisit(page, context);
	await page.reload();
	await waitForEnginesReady(page);
	await page.getByRole('button', { name: 'New inspection' }).click();
	await expect(page.getByText(/Label reading is not stored/)).toHaveCount(0);
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Read label' }).click();
	await (await chooser).setFiles(labelPhoto);
	await expect(
		page.getByRole('button', { name: 'Use SC-CAM-200 as model designation' })
	).toBeVisible({
		timeout: 90_000
	});
});

test('Home draws its frame before the database code arrives, and its lists once it has', async ({
	page
}) => {
	const server = await startServer();
	try {
		// Dexie is held back: the first screen must not wait for it (it loads after first paint).
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		const held: string[] = [];
		await page.route(/\/_app\/immutable\/chunks\/[^/]+\.js$/, async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('Dexie')) {
				held.push(new URL(route.request().url()).pathname);
				await released;
			}
			await route.fulfill({ response, body });
		});
		await page.goto(server.url);
		await expect(page.getByRole('heading', { name: 'Inspections' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'New inspection' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Sync now' })).toBeVisible();
		await expect.poll(() => held.length).toBe(1);
		await expect(page.getByText('Loading…')).toBeVisible();
		release();
		await expect(
			page.getByText('No inspections in progress. Start one with New inspection.')
		).toBeVisible();
		await expect(page.getByText('Loading…')).toHaveCount(0);
	} finally {
		await server.stop();
	}
});
