import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { goOfflineAfterFirstVisit, seriousAccessibilityViolations } from './support/app';
import { testdataPath } from '../tests/testdata';

const photos = testdataPath('photos/');
const noCodePicture = fileURLToPath(new URL('../static/icons/icon-192.png', import.meta.url));

function productFact(page: Page, term: string) {
	return page.locator('dl.facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

async function openIdentify(page: Page) {
	await goOfflineAfterFirstVisit(page, page.context());
	await page.getByRole('button', { name: 'New inspection' }).click();
	await expect(page.getByRole('heading', { name: /Identify the product/ })).toBeVisible();
}

test('Scan from photo reads a label photo offline, and says when a photo has no code', async ({
	page
}) => {
	await openIdentify(page);
	await page.getByLabel('Scan from photo').setInputFiles(noCodePicture);
	await expect(page.getByText('No code found in this photo')).toBeVisible();

	await page.getByLabel('Scan from photo').setInputFiles(`${photos}label-small-upright.jpg`);
	await expect(page.getByRole('heading', { name: 'Product', exact: true })).toBeVisible();
	await expect(productFact(page, 'GTIN')).toHaveText('05012345678900');
	await expect(page.getByText('Read from a photo (EAN-13)')).toBeVisible();
	await expect(page).toHaveURL(/via=photo/);
});

test('a phone photo, 12 MP and turned by its EXIF orientation, is read too', async ({ page }) => {
	await openIdentify(page);
	await page
		.getByLabel('Scan from photo')
		.setInputFiles(`${photos}label-12mp-orientation6-gps.jpg`);
	await expect(productFact(page, 'GTIN')).toHaveText('05012345678900', { timeout: 20_000 });
});

test('a hardware scanner that types is taken as a scan; a person typing is not', async ({
	page
}) => {
	await openIdentify(page);
	// A Bluetooth scanner: a burst a few milliseconds a key, then Enter, focus anywhere.
	await page.keyboard.type('5012345678900', { delay: 5 });
	await page.keyboard.press('Enter');
	await expect(productFact(page, 'GTIN')).toHaveText('05012345678900');
	await expect(page.getByText('Read by a barcode scanner')).toBeVisible();
	await expect(page).toHaveURL(/via=keyboard-scanner/);

	// A person typing the same digits into the field: a typed code, not a scan.
	await page.getByRole('link', { name: 'Back' }).click();
	const field = page.getByRole('textbox', { name: 'Type a code' });
	await field.click();
	await page.keyboard.type('5012345678900', { delay: 120 });
	await expect(field).toHaveValue('5012345678900');
	await page.keyboard.press('Enter');
	await expect(productFact(page, 'GTIN')).toHaveText('05012345678900');
	await expect(page.getByText(/^Typed$/)).toBeVisible();
});

test('a typed GTIN is checked and the problem named; a reload keeps what was typed', async ({
	page
}) => {
	await openIdentify(page);
	const field = page.getByRole('textbox', { name: 'Type a code' });
	await field.fill('5012345678901');
	await page.getByRole('button', { name: 'Use code' }).click();
	await expect(page.getByText('The check digit should be 0, not 1.')).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');

	await page.reload();
	await expect(field).toHaveValue('5012345678901');
	await field.fill('5012345678900');
	await page.getByRole('button', { name: 'Use code' }).click();
	await expect(productFact(page, 'GTIN')).toHaveText('05012345678900');

	// The model designation is required, and kept over a reload too.
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByText('Type the model designation as printed')).toBeVisible();
	await page.getByRole('textbox', { name: 'Model designation' }).fill('SC-CAM-200');
	await page.getByRole('textbox', { name: /^Hardware version/ }).fill('rev B');
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Model designation' })).toHaveValue('SC-CAM-200');
	await expect(page.getByRole('textbox', { name: /^Hardware version/ })).toHaveValue('rev B');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByText('SC-CAM-200 · GTIN 05012345678900')).toBeVisible();
});

test('Skip asks for a reason before going on without a code', async ({ page }) => {
	await openIdentify(page);
	await page.getByRole('button', { name: 'Skip' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('button', { name: 'Continue without a code' }).click();
	await expect(dialog.getByText('Say why the product cannot be identified')).toBeVisible();
	await dialog.getByRole('textbox', { name: 'Reason' }).fill('Label torn off');
	await dialog.getByRole('button', { name: 'Continue without a code' }).click();
	await expect(page.getByText('No code: Label torn off')).toBeVisible();
	await expect(
		page.getByText('Type the model designation to look for earlier inspections.')
	).toBeVisible();
});

test('Identify and the product card have no serious accessibility violations', async ({ page }) => {
	await openIdentify(page);
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
	await page.getByRole('textbox', { name: 'Type a code' }).fill('5012345678900');
	await page.getByRole('button', { name: 'Use code' }).click();
	await expect(page.getByRole('heading', { name: 'Product', exact: true })).toBeVisible();
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('a photo of the label taken on the product card belongs to the inspection started from it', async ({
	page,
	context
}) => {
	await goOfflineAfterFirstVisit(page, context);
	await page.getByRole('button', { name: 'New inspection' }).click();
	await page.getByRole('textbox', { name: 'Type a code' }).fill('5012345678900');
	await page.getByRole('button', { name: 'Use code' }).click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Photograph the label' }).click();
	await (await chooser).setFiles(`${photos}label-small-upright.jpg`);
	await expect(page.getByText(/^Photo saved and verified/)).toBeVisible();
	// A reload keeps the card and its photo.
	await page.reload();
	await expect(page.getByRole('list', { name: 'Label photos' }).getByRole('img')).toHaveCount(1);
	await page.getByRole('textbox', { name: 'Model designation' }).fill('SC-CAM-200');
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Shop visit' }).click();
	await page.getByRole('textbox', { name: 'Place' }).fill('Corner Electrics');
	await page.getByRole('textbox', { name: 'Inspector' }).fill('A. Officer');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();

	const inspectionId = /\/inspections\/([0-9a-f-]{36})\/scope/.exec(page.url())![1];
	const labelPhotos = await page.evaluate(
		() =>
			new Promise<Array<{ inspectionId: string; checkId: string }>>((resolve) => {
				const open = indexedDB.open('shelfcheck');
				open.onsuccess = () => {
					const request = open.result.transaction('photos').objectStore('photos').getAll();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result.map(({ inspectionId, checkId }) => ({ inspectionId, checkId })));
					};
				};
			})
	);
	expect(labelPhotos).toEqual([{ inspectionId, checkId: 'identify' }]);
});
