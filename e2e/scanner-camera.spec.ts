import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { confirmProduct, waitForOfflineReady } from './support/app';
import { launchWithFakeCamera, launchWithRefusedCamera } from './support/camera';
import { startServer } from './support/server';

const viewport = { width: 390, height: 844 };

/** Keeps every camera stream the page opens in `window.__streams`, to see whether it stopped. */
async function trackCameraStreams(context: BrowserContext) {
	await context.addInitScript(() => {
		const w = window as unknown as { __streams: MediaStream[]; __cameraRequests: number };
		w.__streams = [];
		w.__cameraRequests = 0;
		const devices = navigator.mediaDevices;
		if (!devices) return;
		const original = devices.getUserMedia.bind(devices);
		devices.getUserMedia = async (constraints) => {
			w.__cameraRequests++;
			const stream = await original(constraints);
			w.__streams.push(stream);
			return stream;
		};
	});
}

const liveCameraTracks = (page: Page) =>
	page.evaluate(
		() =>
			(window as unknown as { __streams: MediaStream[] }).__streams
				.flatMap((s) => s.getVideoTracks())
				.filter((t) => t.readyState === 'live').length
	);

const cameraRequests = (page: Page) =>
	page.evaluate(() => (window as unknown as { __cameraRequests: number }).__cameraRequests);

/** Opens the camera on Identify: it starts by itself once allowed, else on "Scan with camera". */
async function openCamera(page: Page) {
	const button = page.getByRole('button', { name: 'Scan with camera' });
	const frame = page.locator('[data-camera]');
	await expect(frame).toBeVisible();
	if ((await frame.getAttribute('data-camera')) === 'off' && (await button.isVisible())) {
		await button.click();
	}
}

function productFact(page: Page, term: string) {
	return page.locator('dl.facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

/** The inspections in the app's IndexedDB, read directly. */
function storedInspections(page: Page) {
	return page.evaluate(
		() =>
			new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
				const open = indexedDB.open('shelfcheck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result
						.transaction('inspections')
						.objectStore('inspections')
						.getAll();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result);
					};
					request.onerror = () => reject(request.error);
				};
			})
	);
}

test('an EAN-13 on camera leads to the product card with its GTIN; the camera stops', async () => {
	const server = await startServer();
	const browser = await launchWithFakeCamera('ean13');
	try {
		const context = await browser.newContext({ viewport });
		await trackCameraStreams(context);
		const page = await context.newPage();
		await page.goto(`${server.url}/inspections/new`);
		await openCamera(page);
		await expect(page.getByRole('heading', { name: 'Product', exact: true })).toBeVisible();
		await expect(productFact(page, 'GTIN')).toHaveText('05012345678900');
		await expect(page.getByText('Scanned with the camera (EAN-13)')).toBeVisible();
		// Leaving the Identify screen released the camera.
		await expect.poll(() => liveCameraTracks(page)).toBe(0);
	} finally {
		await browser.close();
		await server.stop();
	}
});

for (const [video, name] of [
	['dataMatrix', 'a GS1 DataMatrix'],
	['qr', 'a GS1 Digital Link QR code']
] as const) {
	test(`${name} on camera gives the GTIN and the serial (and batch) it carries`, async () => {
		const server = await startServer();
		const browser = await launchWithFakeCamera(video);
		try {
			const page = await browser.newPage({ viewport });
			await page.goto(`${server.url}/inspections/new`);
			await openCamera(page);
			await expect(page.getByRole('heading', { name: 'Product', exact: true })).toBeVisible();
			await expect(productFact(page, 'GTIN')).toHaveText('05012345678900');
			await expect(productFact(page, 'Serial')).toHaveText('SC12345');
			if (video === 'dataMatrix') await expect(productFact(page, 'Batch')).toHaveText('LOT42');
		} finally {
			await browser.close();
			await server.stop();
		}
	});
}

test('with no code in view nothing is decoded and the camera keeps looking', async () => {
	const server = await startServer();
	const browser = await launchWithFakeCamera('noCode');
	try {
		const page = await browser.newPage({ viewport });
		await page.goto(`${server.url}/inspections/new`);
		await openCamera(page);
		const frame = page.locator('[data-camera]');
		await expect(frame).toHaveAttribute('data-camera', 'running');
		const framesAt = async () => Number(await frame.getAttribute('data-frames'));
		const before = await framesAt();
		// Frame after frame is looked at (about 10 a second), and none gives a code.
		await expect
			.poll(async () => (await framesAt()) - before, { timeout: 15_000 })
			.toBeGreaterThan(10);
		await expect(page).toHaveURL(/\/inspections\/new$/);
		await expect(page.getByRole('status').filter({ hasText: 'Looking for a code' })).toBeVisible();
		await expect(page.getByRole('alert')).toHaveCount(0);
	} finally {
		await browser.close();
		await server.stop();
	}
});

test('the camera stops while the page is hidden and starts again on return', async () => {
	const server = await startServer();
	const browser = await launchWithFakeCamera('noCode');
	try {
		const context = await browser.newContext({ viewport });
		await trackCameraStreams(context);
		const page = await context.newPage();
		await page.goto(`${server.url}/inspections/new`);
		await openCamera(page);
		const frame = page.locator('[data-camera]');
		await expect(frame).toHaveAttribute('data-camera', 'running');
		expect(await liveCameraTracks(page)).toBe(1);

		const setHidden = (hidden: boolean) =>
			page.evaluate((hidden) => {
				Object.defineProperty(document, 'visibilityState', {
					configurable: true,
					get: () => (hidden ? 'hidden' : 'visible')
				});
				document.dispatchEvent(new Event('visibilitychange'));
			}, hidden);
		await setHidden(true);
		await expect(frame).toHaveAttribute('data-camera', 'off');
		await expect.poll(() => liveCameraTracks(page)).toBe(0);

		await setHidden(false);
		await expect(frame).toHaveAttribute('data-camera', 'running');
		await expect.poll(() => liveCameraTracks(page)).toBe(1);
		const frames = Number(await frame.getAttribute('data-frames'));
		await expect
			.poll(async () => Number(await frame.getAttribute('data-frames')))
			.toBeGreaterThan(frames);
	} finally {
		await browser.close();
		await server.stop();
	}
});

test('leaving Identify while the camera is starting leaves no camera running', async () => {
	const server = await startServer();
	const browser = await launchWithFakeCamera('noCode');
	try {
		const context = await browser.newContext({ viewport });
		await trackCameraStreams(context);
		const page = await context.newPage();
		await page.goto(server.url);
		await page.getByRole('button', { name: 'New inspection' }).click();
		await openCamera(page);
		// Back the moment the camera has been asked for, while its picture is still starting.
		await expect.poll(() => cameraRequests(page), { intervals: [5] }).toBe(1);
		await page.getByRole('link', { name: 'Back' }).click();
		await expect(page.getByRole('heading', { name: 'Inspections' })).toBeVisible();
		await expect.poll(() => liveCameraTracks(page)).toBe(0);
		await page.waitForTimeout(1000);
		expect(await liveCameraTracks(page)).toBe(0);
	} finally {
		await browser.close();
		await server.stop();
	}
});

test('the camera is asked for only on request; refused, it says so and the other ways stay', async () => {
	const server = await startServer();
	const browser = await launchWithRefusedCamera();
	try {
		const context = await browser.newContext({ viewport });
		await trackCameraStreams(context);
		const page = await context.newPage();
		await page.goto(`${server.url}/inspections/new`);
		await expect(page.getByRole('button', { name: 'Scan with camera' })).toBeVisible();
		expect(await cameraRequests(page)).toBe(0);

		await page.getByRole('button', { name: 'Scan with camera' }).click();
		await expect(page.getByRole('alert')).toContainText('Camera access is blocked');
		expect(await cameraRequests(page)).toBe(1);
		await expect(page.getByLabel('Scan from photo')).toBeAttached();
		await expect(page.getByRole('textbox', { name: 'Type a code' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Skip' })).toBeVisible();
	} finally {
		await browser.close();
		await server.stop();
	}
});

test('without a camera the screen says so', async ({ page }) => {
	const server = await startServer();
	try {
		await page.goto(`${server.url}/inspections/new`);
		await page.getByRole('button', { name: 'Scan with camera' }).click();
		await expect(page.getByRole('alert')).toContainText('No camera was found on this device');
		await expect(page.getByRole('textbox', { name: 'Type a code' })).toBeVisible();
	} finally {
		await server.stop();
	}
});

test('offline after one visit: scan with the camera, start the inspection, find it again', async () => {
	const server = await startServer();
	const browser = await launchWithFakeCamera('ean13');
	try {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await page.goto(server.url);
		await waitForOfflineReady(page);
		await server.stop();
		await context.setOffline(true);

		await page.getByRole('button', { name: 'New inspection' }).click();
		await openCamera(page);
		await expect(productFact(page, 'GTIN')).toHaveText('05012345678900');
		await expect(page.getByText('Not seen on this device before.')).toBeVisible();
		await confirmProduct(page, { model: 'SC-CAM-200' });
		await page.getByRole('button', { name: 'Shop visit' }).click();
		await page.getByRole('textbox', { name: 'Place' }).fill('Corner Electrics');
		await page.getByRole('textbox', { name: 'Inspector' }).fill('A. Officer');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();

		const [stored] = await storedInspections(page);
		expect(stored?.product).toEqual({
			gtin: '05012345678900',
			model: 'SC-CAM-200',
			identification: { method: 'camera', text: '5012345678900', format: 'ean_13' }
		});

		// The same product again, typed this time: the card knows it and its earlier inspection.
		await page.getByRole('link', { name: 'Shelfcheck' }).click();
		await page.getByRole('button', { name: 'New inspection' }).click();
		await page.getByRole('textbox', { name: 'Type a code' }).fill('5012345678900');
		await page.getByRole('button', { name: 'Use code' }).click();
		await expect(page.getByText(/^Known on this device since/)).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Model designation' })).toHaveValue(
			'SC-CAM-200'
		);
		const earlier = page.getByRole('region', { name: 'Earlier inspections on this device' });
		await expect(earlier.getByRole('listitem')).toHaveCount(1);
		await expect(earlier.getByRole('listitem')).toContainText('Corner Electrics');
		await expect(earlier.getByRole('listitem')).toContainText('In progress: 0 of');
	} finally {
		await browser.close();
		await server.stop();
	}
});
