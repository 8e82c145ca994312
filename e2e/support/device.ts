import { expect, type Page } from '@playwright/test';
import { testdataPath } from '../../tests/testdata';
import { PASSWORD } from './api';

export const testPhoto = (name: string) => testdataPath(`photos/${name}`);
export const SMALL_PHOTO = testPhoto('label-small-upright.jpg');
export const BIG_PHOTO = testPhoto('label-12mp-orientation6-gps.jpg');

/** First visit online, then Settings: Sign in and Enrol this device; ends on Home. */
export async function enrolDevice(page: Page, url: string, email = 'ivy@acme.test') {
	await page.goto(url);
	// The first visit precaches about 12 MB: slow through TLS or a proxy on a busy machine.
	await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 60_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('textbox', { name: 'Email' }).fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText(/Signed in as/)).toBeVisible();
	await page.getByRole('textbox', { name: 'Device name' }).fill('Ivy’s phone');
	await page.getByRole('button', { name: 'Enrol this device' }).click();
	await expect(page.getByText(/This device is enrolled as Ivy’s phone/)).toBeVisible();
	await page.getByRole('link', { name: 'Shelfcheck' }).click();
}

/** From Home: a Shop visit of a product that does not connect, its label photographed, signed. */
export async function signReport(page: Page, report: { model: string; photos: string[] }) {
	await page.getByRole('button', { name: 'New inspection' }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await page.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).fill('No barcode');
	await page.getByRole('button', { name: 'Continue without a code' }).click();
	for (const [index, file] of report.photos.entries()) {
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Photograph the label' }).click();
		await (await chooser).setFiles(file);
		await expect(page.getByRole('list', { name: 'Label photos' }).getByRole('img')).toHaveCount(
			index + 1,
			{ timeout: 30_000 }
		);
	}
	await page.getByRole('textbox', { name: 'Model designation' }).fill(report.model);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Shop visit' }).click();
	await page.getByRole('textbox', { name: 'Place' }).fill('Corner Electrics');
	// What the form offered before it is typed over: it fills in the remembered name, or the
	// signed-in account's, just after it opens (nothing, on a device with neither).
	await page
		.waitForFunction(() => document.querySelector<HTMLInputElement>('#inspector')?.value, null, {
			timeout: 2_000
		})
		.catch(() => {});
	const inspectorOffered = await page.getByRole('textbox', { name: 'Inspector' }).inputValue();
	await page.getByRole('textbox', { name: 'Inspector' }).fill('Ivy Inspector');
	await page.getByRole('button', { name: 'Continue' }).click();
	await page
		.getByRole('group', { name: /connect to the internet/ })
		.getByRole('radio', { name: 'No', exact: true })
		.check();
	await page.getByRole('button', { name: 'Start checks' }).click();
	await page.getByRole('button', { name: 'Sign report' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Sign report' }).click();
	const signed = page.getByRole('region', { name: 'Signed report' });
	await expect(signed).toBeVisible();
	const id = (await signed.getByText(/^[0-9a-f-]{36}$/).textContent())!;
	const hash = (await signed.getByText(/^[0-9a-f]{64}$/).textContent())!;
	await page.getByRole('link', { name: 'Shelfcheck' }).click();
	return { id, hash, inspectorOffered };
}
