import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { goOfflineAfterFirstVisit } from './support/app';
import { testdataUrl } from '../tests/testdata';

const labelPhoto = fileURLToPath(testdataUrl('photos/label-small-upright.jpg'));
const products = [
	{ gtin: '5012345678900', model: 'SC-CAM-200' },
	{ gtin: '4006381333931', model: 'SC-PLUG-10' },
	{ gtin: '9780201379624', model: 'SC-BULB-3' }
];

/** Identify by a typed code, then the product card's model designation. */
async function identify(page: Page, { gtin, model }: { gtin: string; model: string }) {
	await expect(page.getByRole('heading', { name: /Identify the product/ })).toBeVisible();
	await page.getByRole('textbox', { name: 'Type a code' }).fill(gtin);
	await page.getByRole('button', { name: 'Use code' }).click();
	await page.getByRole('textbox', { name: 'Model designation' }).fill(model);
	await page.getByRole('button', { name: 'Continue' }).click();
}

/** Answers every applicable check Pass (taking the photos each asks for), then signs. */
async function passEveryCheckAndSign(page: Page) {
	const verdicts = page.getByRole('radiogroup', { name: 'Verdict' });
	const sign = page.getByRole('button', { name: 'Sign report' });
	for (;;) {
		await expect(verdicts).toBeVisible();
		const wanted = page.getByText(/^0 of (\d+) required photos? taken$/);
		if ((await wanted.count()) > 0) {
			const count = Number(/of (\d+)/.exec((await wanted.textContent())!)![1]);
			const chooser = page.waitForEvent('filechooser');
			await page.getByRole('button', { name: 'Add from gallery' }).click();
			await (await chooser).setFiles(Array(count).fill(labelPhoto));
			await expect(page.getByText(`${count} of ${count} required`)).toBeVisible();
		}
		const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
		await verdicts.getByRole('radio', { name: 'Pass' }).check();
		// A Pass moves on by itself, to the next check or the review.
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title);
		await expect(verdicts.or(sign)).toBeVisible();
		if (await sign.isVisible()) break;
	}
	await sign.click();
	await page.getByRole('dialog').getByRole('button', { name: 'Sign report' }).click();
	await expect(page.getByRole('region', { name: 'Signed report' })).toBeVisible({
		timeout: 30_000
	});
}

/** The visit ids named by the signed documents on this device, by GTIN. */
function signedVisitIds(page: Page): Promise<Record<string, string>> {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('shelfcheck');
				open.onsuccess = () => {
					const request = open.result.transaction('reports').objectStore('reports').getAll();
					request.onsuccess = () => {
						open.result.close();
						const byGtin: Record<string, string> = {};
						for (const row of request.result as { jws: string }[]) {
							const payload = row.jws.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
							const doc = JSON.parse(
								new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))
							);
							byGtin[doc.product.gtin] = doc.visitId;
						}
						resolve(byGtin);
					};
				};
			})
	);
}

test('a visit of three products: Next product carries place, inspector and bundle, Same as last product the scope', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	await goOfflineAfterFirstVisit(page, context);

	// The first product starts the visit as any inspection starts.
	await page.getByRole('button', { name: 'New inspection' }).click();
	await identify(page, products[0]!);
	await page.getByRole('button', { name: 'Shop visit' }).click();
	await page.getByRole('textbox', { name: 'Place' }).fill('Corner Electrics');
	await page.getByRole('textbox', { name: 'Inspector' }).fill('Zoë Ångström');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Scope', exact: true })).toBeVisible();
	// The first product has no earlier product to copy from.
	await expect(page.getByRole('button', { name: 'Same as last product' })).toHaveCount(0);
	const scope: Array<[RegExp, string]> = [
		[/connect to the internet/, 'Yes'],
		[/category the UK product security law leaves out/, 'No'],
		[/use a password or PIN/, 'No'],
		[/software be updated/, 'No'],
		[/phone app or an online account/, 'No'],
		[/made or marketed for children/, 'No']
	];
	for (const [question, choice] of scope) {
		await page
			.getByRole('group', { name: question })
			.getByRole('radio', { name: choice, exact: true })
			.check();
	}
	const applying = (await page.getByText(/^\d+ checks apply\.$/).textContent())!;
	await page.getByRole('button', { name: 'Start checks' }).click();
	await passEveryCheckAndSign(page);

	for (const next of products.slice(1)) {
		await page.getByRole('button', { name: 'Next product' }).click();
		await identify(page, next);
		// No bundle to choose and no place or inspector to type: straight to Scope, in the visit.
		await expect(page.getByRole('heading', { name: 'Scope', exact: true })).toBeVisible();
		await expect(page.getByText('Shop visit at Corner Electrics.', { exact: false })).toBeVisible();
		const same = page.getByRole('button', { name: 'Same as last product' });
		await expect(page.getByText(`${applying.replace(' apply.', '')} would apply.`)).toBeVisible();
		await same.click();
		await passEveryCheckAndSign(page);
		// Place and inspector carried over from the first product.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Shop visit at Corner Electrics'
		);
		await expect(page.getByText('Zoë Ångström')).toBeVisible();
	}

	// The scope confirmed with one tap is the first product's, answer for answer.
	await page.goto(page.url() + '/scope');
	for (const [question, choice] of scope) {
		await expect(
			page.getByRole('group', { name: question }).getByRole('radio', { name: choice, exact: true })
		).toBeChecked();
	}

	// Every signed document names the same visit.
	const visitIds = await signedVisitIds(page);
	expect(Object.keys(visitIds).sort()).toEqual(products.map((p) => `0${p.gtin}`).sort());
	const [visitId] = new Set(Object.values(visitIds));
	expect(new Set(Object.values(visitIds)).size).toBe(1);
	expect(visitId).toMatch(/^[0-9a-f-]{36}$/);

	// Home groups them as one visit; the visit opens to its three products.
	await page.getByRole('link', { name: 'Shelfcheck' }).click();
	const visits = page.getByRole('region', { name: 'Visits' });
	const row = visits.getByRole('link', { name: /Corner Electrics/ });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('3 products · 3 signed');
	await row.click();
	await expect(page.getByRole('heading', { name: 'Visit at Corner Electrics' })).toBeVisible();
	const listed = page.getByRole('region', { name: 'Products' }).getByRole('listitem');
	await expect(listed).toHaveCount(3);
	for (const [i, { gtin, model }] of products.entries()) {
		await expect(listed.nth(i)).toContainText(model);
		await expect(listed.nth(i)).toContainText(`GTIN 0${gtin}`);
		await expect(listed.nth(i)).toContainText('PSTI-1:');
		await expect(listed.nth(i)).toContainText('0 fails · 0 referrals');
	}
});
