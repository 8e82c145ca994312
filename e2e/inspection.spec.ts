import { expect, test } from '@playwright/test';
import {
	goOfflineAfterFirstVisit,
	identifyWithoutCode,
	seriousAccessibilityViolations,
	startInspection
} from './support/app';
import { answer, answerShopVisitScope, shopVisit } from './support/shop-visit';

test('a whole Shop visit offline, reloaded in the middle and resumed from Home', async ({
	page,
	context
}) => {
	// Sixteen checks with their photos, a reload and a signature: longer than one default timeout.
	test.setTimeout(120_000);
	await goOfflineAfterFirstVisit(page, context);

	await page.getByRole('button', { name: 'New inspection' }).click();
	await identifyWithoutCode(page, { model: 'SC-CAM-200' });
	await page.getByRole('button', { name: 'Shop visit' }).click();
	await page.getByRole('textbox', { name: 'Place' }).fill('Corner Electrics');
	await page.getByRole('textbox', { name: /^Address/ }).fill('1 High Street, Leeds');
	await page.getByRole('textbox', { name: 'Inspector' }).fill('A. Officer');
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();
	await answerShopVisitScope(page);
	await page.getByRole('button', { name: 'Start checks' }).click();

	for (let i = 0; i < 8; i++) {
		await answer(page, i);
		await page.getByRole('button', { name: 'Next' }).click();
	}

	// A reload mid-inspection (a crash, a closed tab) keeps every answer and the place.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(shopVisit[8]!.title);
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByRole('radio', { name: 'Pass' })).toBeChecked();
	await page.getByRole('button', { name: 'All checks' }).click();
	await page
		.getByRole('navigation', { name: 'All checks' })
		.getByRole('link', { name: /Debug port within reach/ })
		.click();
	await expect(page.getByRole('radio', { name: 'Not applicable' })).toBeChecked();
	await expect(page.getByRole('textbox', { name: /^Reason/ })).toHaveValue(
		'Sealed case, no ports.'
	);

	// Resume from Home.
	await page.getByRole('link', { name: 'Shelfcheck' }).click();
	await expect(page.getByText(`8 of ${shopVisit.length} checks answered`)).toBeVisible();
	await page.getByRole('link', { name: /Shop visit/ }).click();
	await page.getByRole('link', { name: 'Continue' }).click();
	for (let i = 8; i < shopVisit.length; i++) {
		await answer(page, i);
		await page.getByRole('button', { name: 'Next' }).click();
	}

	await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
	await expect(page.getByText('Nothing required is missing.')).toBeVisible();
	const psti = page.getByRole('region', { name: 'UK PSTI' });
	await expect(psti.getByRole('listitem').nth(0)).toContainText('Refer'); // passwords: PHY-01
	await expect(psti.getByRole('listitem').nth(1)).toContainText('Indication: meets'); // reporting
	await expect(psti.getByRole('listitem').nth(2)).toContainText('Indication: fails'); // support period
	const en = page.locator('[data-provision^="EN303645:"]');
	await expect(page.locator('[data-provision="EN303645:5.3-16"]')).toContainText(
		'Indication: meets'
	);
	await expect(page.locator('[data-provision="EN303645:5.1-1"]')).toContainText('Refer');
	await expect(page.locator('[data-provision="EN303645:5.3-13"]')).toContainText(
		'Indication: fails'
	);
	await expect(page.locator('[data-provision="EN303645:5.2-1"]')).toContainText(
		'Indication: meets'
	);
	expect(await en.count()).toBeGreaterThan(5);

	await page.getByRole('button', { name: 'Sign report' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Sign report' }).click();
	await expect(page.getByText(/^Finished /)).toBeVisible();
	await page.getByRole('link', { name: 'Home' }).click();
	await expect(page.getByRole('region', { name: 'Finished' })).toContainText('Corner Electrics');
	await expect(page.getByText('No inspections in progress')).toBeVisible();
});

test('a reason is required for every verdict but Pass, and signing waits for it', async ({
	page,
	context
}) => {
	await goOfflineAfterFirstVisit(page, context);
	await page.getByRole('button', { name: 'New inspection' }).click();
	await identifyWithoutCode(page, { model: 'SC-CAM-200' });
	await page.getByRole('button', { name: 'Home setup test' }).click();
	// A home test needs no place typed: it is the tester's home.
	await expect(page.getByRole('textbox', { name: 'Place' })).toHaveValue('Home');
	await page.getByRole('link', { name: 'Back' }).click();
	await page.getByRole('link', { name: 'Shelfcheck' }).click();
	await startInspection(page, { bundle: 'Home setup test', inspector: 'C. Tester' });
	await page.getByRole('button', { name: 'Start checks' }).click();
	await page.getByRole('radio', { name: 'Fail' }).check();
	await expect(page.getByRole('textbox', { name: 'Reason (required)' })).toBeVisible();
	await page.getByRole('button', { name: 'All checks' }).click();
	await page.getByRole('link', { name: 'Review' }).click();
	await expect(page.getByRole('link', { name: /write the reason for "Fail"/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign report' })).toBeDisabled();
});

test('a draft can be deleted after a confirmation, and several can be open', async ({
	page,
	context
}) => {
	await goOfflineAfterFirstVisit(page, context);
	for (const place of ['Shop A', 'Shop B']) {
		await startInspection(page, { bundle: 'Shop visit', place, inspector: 'A. Officer' });
		await page.getByRole('link', { name: 'Shelfcheck' }).click();
	}
	const inProgress = page.getByRole('region', { name: 'In progress' });
	await expect(inProgress.getByRole('listitem')).toHaveCount(2);

	// Drafts are named after the product's model designation and the bundle.
	await page.getByRole('button', { name: 'Delete SC-CAM-200 · Shop visit at Shop A' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
	await expect(inProgress.getByRole('listitem')).toHaveCount(2);

	await page.getByRole('button', { name: 'Delete SC-CAM-200 · Shop visit at Shop A' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete draft' }).click();
	await expect(inProgress.getByRole('listitem')).toHaveCount(1);
	await expect(inProgress).toContainText('Shop B');
	await page.reload();
	await expect(inProgress.getByRole('listitem')).toHaveCount(1);
});

test('the check and review screens have no serious accessibility violations', async ({
	page,
	context
}) => {
	await goOfflineAfterFirstVisit(page, context);
	await startInspection(page, {
		bundle: 'Goods-in',
		place: 'Warehouse 3',
		inspector: 'Q. Assurance'
	});
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Start checks' }).click();
	await page.getByRole('radio', { name: 'Inconclusive' }).check();
	await page.getByRole('button', { name: 'All checks' }).click();
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
	await page.getByRole('link', { name: 'Review' }).click();
	await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
