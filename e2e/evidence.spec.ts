import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readJpegMeta } from '../src/lib/evidence/jpeg-meta';
import { goOfflineAfterFirstVisit, startInspection } from './support/app';
import { testdataPath } from '../tests/testdata';

const photo = (name: string) => testdataPath(`photos/${name}`);

/** Every stored photo, straight out of IndexedDB, with its bytes as base64. */
async function storedPhotos(page: Page) {
	return page.evaluate(
		() =>
			new Promise<
				Array<{
					id: string;
					checkId: string;
					sha256: string;
					width: number;
					height: number;
					bytes: number;
					derivedFrom?: string;
					isBlob: boolean;
					base64: string;
				}>
			>((resolve, reject) => {
				const open = indexedDB.open('shelfcheck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('photos').objectStore('photos').getAll();
					request.onsuccess = async () => {
						const rows = [];
						for (const row of request.result) {
							const buffer =
								row.data instanceof Blob ? await row.data.arrayBuffer() : (row.data as ArrayBuffer);
							let binary = '';
							for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
							rows.push({
								id: row.id,
								checkId: row.checkId,
								sha256: row.sha256,
								width: row.width,
								height: row.height,
								bytes: row.bytes,
								derivedFrom: row.derivedFrom,
								isBlob: row.data instanceof Blob,
								base64: btoa(binary)
							});
						}
						open.result.close();
						resolve(rows);
					};
				};
			})
	);
}

/** Mean colour of a region (fractions of the image) of a stored photo, decoded by the browser. */
async function meanColour(page: Page, photoId: string, region: [number, number, number, number]) {
	return page.evaluate(
		async ({ photoId, region }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('shelfcheck');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const row = await new Promise<{ data: Blob }>((resolve) => {
				const request = db.transaction('photos').objectStore('photos').get(photoId);
				request.onsuccess = () => resolve(request.result);
			});
			db.close();
			const bitmap = await createImageBitmap(row.data);
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
			const context = canvas.getContext('2d')!;
			context.drawImage(bitmap, 0, 0);
			const [x, y, w, h] = region;
			const data = context.getImageData(
				Math.round(x * bitmap.width),
				Math.round(y * bitmap.height),
				Math.max(1, Math.round(w * bitmap.width)),
				Math.max(1, Math.round(h * bitmap.height))
			).data;
			const sum: [number, number, number] = [0, 0, 0];
			for (let i = 0; i < data.length; i += 4) {
				sum[0] += data[i]!;
				sum[1] += data[i + 1]!;
				sum[2] += data[i + 2]!;
			}
			const n = data.length / 4;
			return sum.map((v) => Math.round(v / n));
		},
		{ photoId, region }
	);
}

async function addPhoto(page: Page, file: string) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Take photo' }).click();
	await (await chooser).setFiles(file);
	await expect(page.getByText(/^Photo saved and verified/)).toBeVisible({ timeout: 30_000 });
}

test.beforeEach(async ({ page, context }) => {
	await goOfflineAfterFirstVisit(page, context);
	await startInspection(page, {
		bundle: 'Shop visit',
		place: 'Corner Electrics',
		inspector: 'A. Officer'
	});
	await page.getByRole('button', { name: 'Start checks' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Model designation on the device'
	);
});

test('a sideways 12 MP phone photo is stored upright, small, without EXIF or GPS, and verified', async ({
	page
}) => {
	await addPhoto(page, photo('label-12mp-orientation6-gps.jpg'));
	await expect(page.getByText('1 of 1 required photo taken')).toBeVisible();

	const [stored] = await storedPhotos(page);
	const bytes = Buffer.from(stored!.base64, 'base64');
	expect(stored!.isBlob).toBe(true);
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored!.sha256);
	expect(bytes.length).toBe(stored!.bytes);
	const meta = readJpegMeta(new Uint8Array(bytes));
	expect(meta).toMatchObject({ hasExif: false, hasGps: false, orientation: 1 });
	expect(meta!.height).toBeGreaterThan(meta!.width); // portrait
	expect(Math.max(meta!.width, meta!.height)).toBe(2048);
	expect([meta!.width, meta!.height]).toEqual([stored!.width, stored!.height]);

	// Upright: the label's red band is at the top and its blue band at the bottom.
	const [r1, g1, b1] = await meanColour(page, stored!.id, [0.3, 0.02, 0.4, 0.04]);
	expect(r1).toBeGreaterThan(150);
	expect(Math.max(g1!, b1!)).toBeLessThan(110);
	const [r2, , b2] = await meanColour(page, stored!.id, [0.3, 0.94, 0.4, 0.04]);
	expect(b2).toBeGreaterThan(120);
	expect(r2).toBeLessThan(110);

	await page.reload();
	await expect(page.getByText('1 of 1 required photo taken')).toBeVisible();
	await expect(
		page.getByRole('list', { name: 'Photos for this check' }).getByRole('img')
	).toHaveCount(1);
});

test('a 48 MP photo is processed without failure and stored at 2048 px', async ({ page }) => {
	await addPhoto(page, photo('label-48mp-gps.jpg'));
	const [stored] = await storedPhotos(page);
	const meta = readJpegMeta(new Uint8Array(Buffer.from(stored!.base64, 'base64')));
	expect(meta).toMatchObject({ width: 2048, height: 1536, hasGps: false, hasExif: false });
});

test('a redacted copy blacks out the chosen region and keeps the original', async ({ page }) => {
	await addPhoto(page, photo('label-small-upright.jpg'));
	await page.getByRole('list', { name: 'Photos for this check' }).getByRole('link').click();
	await page.getByRole('textbox', { name: 'Caption' }).fill('Rating label');
	await page.getByRole('link', { name: 'Redact' }).click();

	const surface = page.getByRole('img', { name: /Drawing surface/ });
	const box = (await surface.boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 5 });
	await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 5 });
	await page.mouse.up();
	await expect(surface).toHaveAccessibleName(/1 mark/);
	await page.getByRole('button', { name: 'Save copy' }).click();
	await expect(page.getByText('Redacted from')).toBeVisible();

	const all = await storedPhotos(page);
	expect(all).toHaveLength(2);
	const original = all.find((p) => !p.derivedFrom)!;
	const redacted = all.find((p) => p.derivedFrom === original.id)!;
	expect(redacted.sha256).not.toBe(original.sha256);
	const inside = await meanColour(page, redacted.id, [0.25, 0.35, 0.4, 0.1]);
	expect(Math.max(...inside)).toBeLessThan(12);
	const sameRegionOriginal = await meanColour(page, original.id, [0.25, 0.35, 0.4, 0.1]);
	expect(Math.max(...sameRegionOriginal)).toBeGreaterThan(60);

	// The original stays, and the check now lists both.
	await page.getByRole('link', { name: 'Back to the check' }).click();
	await expect(
		page.getByRole('list', { name: 'Photos for this check' }).getByRole('img')
	).toHaveCount(2);
	await expect(page.getByText('1 of 1 required photo taken')).toBeVisible();
});

test('deleting a photo asks first, then removes it with its copies', async ({ page }) => {
	await addPhoto(page, photo('label-small-upright.jpg'));
	await page.getByRole('list', { name: 'Photos for this check' }).getByRole('link').click();
	await page.getByRole('button', { name: 'Delete photo' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
	expect(await storedPhotos(page)).toHaveLength(1);
	await page.getByRole('button', { name: 'Delete photo' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('0 of 1 required photo taken')).toBeVisible();
	expect(await storedPhotos(page)).toHaveLength(0);
});

test('a file the browser cannot read gets a clear message and adds nothing', async ({ page }) => {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Add from gallery' }).click();
	await (
		await chooser
	).setFiles({
		name: 'IMG_0001.HEIC',
		mimeType: 'image/heic',
		// An ISO-BMFF "ftypheic" header and nothing a browser here can decode.
		buffer: Buffer.from('000000186674797068656963000000006d69663168656963', 'hex')
	});
	await expect(
		page.getByText(/IMG_0001.HEIC was not added\. This browser cannot read this photo/)
	).toBeVisible();
	expect(await storedPhotos(page)).toHaveLength(0);
});

test('the photo size setting decides the stored long edge', async ({ page }) => {
	const check = page.url();
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('combobox', { name: 'Photo size' }).selectOption('1600');
	await page.goto(check);
	await addPhoto(page, photo('label-12mp-orientation6-gps.jpg'));
	const [stored] = await storedPhotos(page);
	expect([stored!.width, stored!.height]).toEqual([1200, 1600]);
});

test('Delete all data on this device removes inspections and photos after a confirmation', async ({
	page
}) => {
	await addPhoto(page, photo('label-small-upright.jpg'));
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('button', { name: 'Delete all data on this device' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByRole('heading', { name: 'Inspections' })).toBeVisible();
	await expect(page.getByText('No inspections in progress')).toBeVisible();
	expect(await storedPhotos(page)).toHaveLength(0);
});
