import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { goOfflineAfterFirstVisit } from './support/app';
import { npmVerify, saveDownload, verifyInApp } from './support/exports';
import { testdataUrl } from '../tests/testdata';

const run = promisify(execFile);
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

/** The signed reports on this device: by GTIN, the visit id and the report hash. */
function signedReports(page: Page): Promise<Record<string, { visitId: string; hash: string }>> {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('shelfcheck');
				open.onsuccess = () => {
					const request = open.result.transaction('reports').objectStore('reports').getAll();
					request.onsuccess = () => {
						open.result.close();
						const byGtin: Record<string, { visitId: string; hash: string }> = {};
						for (const row of request.result as { jws: string; hash: string }[]) {
							const payload = row.jws.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
							const doc = JSON.parse(
								new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))
							);
							byGtin[doc.product.gtin] = { visitId: doc.visitId, hash: row.hash };
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
	const reports = await signedReports(page);
	const visitIds = Object.fromEntries(
		Object.entries(reports).map(([gtin, { visitId }]) => [gtin, visitId])
	);
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

	// Visit report: one PDF naming every product's GTIN and every report's hash.
	const dir = mkdtempSync(join(tmpdir(), 'shelfcheck-visit-'));
	const pdfFile = await saveDownload(page, 'Visit report', dir);
	expect(pdfFile).toMatch(/shelfcheck-visit-corner-electrics-\d{4}-\d{2}-\d{2}\.pdf$/);
	const { stdout: text } = await run('pdftotext', ['-layout', pdfFile, '-']);
	expect(text).toContain('Visit at Corner Electrics');
	expect(text).toContain('Field indications, not a conformance assessment.');
	for (const { gtin } of products) {
		expect(text).toContain(`0${gtin}`);
		expect(text).toContain(reports[`0${gtin}`]!.hash);
	}

	// Export visit: every report, each photo once, the visit PDF; npm run verify accepts it and
	// names each report and photo, the Verify screen too.
	const zipFile = await saveDownload(page, 'Export visit', dir);
	const entries = unzipSync(new Uint8Array(readFileSync(zipFile)));
	const reportFiles = Object.keys(entries).filter((name) => name.startsWith('reports/'));
	const photoFiles = Object.keys(entries).filter((name) => name.startsWith('evidence/'));
	expect(reportFiles).toHaveLength(3);
	expect(photoFiles.length).toBeGreaterThan(0);
	expect(entries['visit-report.pdf']).toBeDefined();
	const verified = await npmVerify(zipFile);
	expect(verified.code, verified.output).toBe(0);
	expect(verified.output).toMatch(/^Verified$/m);
	for (const name of [...reportFiles, ...photoFiles]) expect(verified.output).toContain(name);
	for (const { hash } of Object.values(reports)) expect(verified.output).toContain(hash);

	// One byte of one photo changed: refused, naming the photo.
	const [photo] = photoFiles;
	const changed = entries[photo!]!.slice();
	changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 1;
	const tampered = join(dir, 'tampered.zip');
	writeFileSync(tampered, zipSync({ ...entries, [photo!]: changed }));
	const refused = await npmVerify(tampered);
	expect(refused.code).toBe(1);
	expect(refused.output).toMatch(
		/^Not verified: reports\/[0-9a-f-]+\.jws: photo \d+ .*does not match/m
	);
	expect(refused.output).toContain(`(${photo})`);

	expect(await verifyInApp(page, zipFile)).toBe('Verified');
	await expect(
		page.getByRole('list', { name: 'Reports checked' }).getByRole('listitem')
	).toHaveCount(3);
	expect(await verifyInApp(page, tampered)).toContain(`(${photo})`);
});
