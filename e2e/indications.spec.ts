import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
	goOfflineAfterFirstVisit,
	seriousAccessibilityViolations,
	startInspection
} from './support/app';
import { answer, answerShopVisitScope, shopVisit } from './support/shop-visit';

const run = promisify(execFile);

/*
 * Issue 14: a Shop visit where every check passes. A look at a shelf cannot show that passwords
 * are unique, so the printed-password check reads "No issue seen" and PSTI-1 never "meets", on
 * the Review screen and in the signed PDF alike.
 */
test('an all-pass Shop visit says No issue seen for printed passwords, and no meets for PSTI-1', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	await goOfflineAfterFirstVisit(page, context);
	await page.getByRole('button', { name: 'New inspection' }).click();
	await page.getByRole('textbox', { name: 'Type a code' }).fill('5012345678900');
	await page.getByRole('button', { name: 'Use code' }).click();
	await page.getByRole('textbox', { name: 'Model designation' }).fill('SC-PLUG-1');
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Shop visit' }).click();
	await page.getByRole('textbox', { name: 'Place' }).fill('Corner Electrics');
	await page.getByRole('textbox', { name: 'Inspector' }).fill('A. Officer');
	await page.getByRole('button', { name: 'Continue' }).click();
	await answerShopVisitScope(page);
	await page.getByRole('button', { name: 'Start checks' }).click();
	for (let i = 0; i < shopVisit.length; i++) {
		await answer(page, i, 'Pass');
		await page.getByRole('button', { name: 'Next' }).click();
	}

	// Review: the words of the roll-up.
	await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
	await expect(page.getByText('Nothing required is missing.')).toBeVisible();
	const psti = page.getByRole('region', { name: 'UK PSTI' });
	const passwords = psti.locator('[data-provision="PSTI:PSTI-1"]');
	await expect(passwords).toContainText('No issue seen');
	await expect(passwords).not.toContainText('meets');
	await expect(psti.locator('[data-provision="PSTI:PSTI-2"]')).toContainText('Indication: meets');
	await expect(psti.getByRole('list', { name: 'PSTI facts' })).toContainText(
		'The UK PSTI security requirements apply from 29 April 2024'
	);
	await expect(page.locator('[data-provision="EN303645:5.1-1"]')).toContainText('No issue seen');
	await expect(page.locator('[data-provision="EN303645:5.11-1"]')).toContainText(
		'Partly indicated'
	);
	await expect(page.locator('[data-provision="EN303645:5.11-1"]')).toContainText(
		'Not covered: SET-17 Factory reset wipes your data is not part of this inspection'
	);
	await expect(page.locator('[data-provision="UKCOP:CoP-1"]')).not.toContainText('meets');
	await expect(page.getByText(/an unmet “should” is not on its own a failure/)).toBeVisible();
	// Not for children: the CI checklist is not applicable, once, with the answer as the reason.
	await expect(
		page.getByRole('region', { name: /Consumers International/ }).getByText(/^Not applicable: /)
	).toContainText('“Is the product made or marketed for children?” No.');
	// The printed-password check itself, in the list of all checks.
	await page.getByRole('button', { name: 'All checks' }).click();
	await expect(
		page
			.getByRole('navigation', { name: 'All checks' })
			.getByRole('link', { name: /Printed passwords/ })
	).toContainText('No issue seen');
	await expect(
		page
			.getByRole('navigation', { name: 'All checks' })
			.getByRole('link', { name: /Model designation on the device/ })
	).toContainText('Pass');
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/indications-review.png', fullPage: true });

	// The signed report's PDF says the same.
	await page.getByRole('button', { name: 'Sign report' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Sign report' }).click();
	await expect(page.getByRole('region', { name: 'Signed report' })).toBeVisible();
	const dir = mkdtempSync(join(tmpdir(), 'shelfcheck-indications-'));
	const download = page.waitForEvent('download', { timeout: 60_000 });
	await page.getByRole('button', { name: 'Download PDF' }).click();
	const file = join(dir, (await download).suggestedFilename());
	await (await download).saveAs(file);
	const { stdout } = await run('pdftotext', ['-layout', file, '-']);
	const text = stdout.replace(/[ \t]+/g, ' ');
	// PSTI summary on the cover: PSTI-1 is "No issue seen", never "meets".
	const cover = text.slice(0, text.indexOf('Verdicts'));
	expect(cover).toMatch(/No issue seen PSTI-1 /);
	expect(cover).not.toMatch(/Indication: meets PSTI-1/);
	expect(cover).toMatch(/Indication: meets PSTI-2 /);
	expect(cover).toContain('The UK PSTI security requirements apply from 29 April 2024');
	// The printed-password check: "No issue seen" right under its title.
	const check = text.slice(text.indexOf('PHY-01 Printed passwords', text.indexOf('Every check')));
	expect(check.split('\n')[1]).toMatch(/^\s*No issue seen Answered/);
	expect(text).toContain('Field indications, not a conformance assessment');
});

test('a product excepted from PSTI names its category, and PSTI reads not applicable with it', async ({
	page,
	context
}) => {
	await goOfflineAfterFirstVisit(page, context);
	await startInspection(page, {
		bundle: 'Shop visit',
		place: 'Corner Electrics',
		inspector: 'A. Officer'
	});
	await page
		.getByRole('group', { name: /category the UK product security law leaves out/ })
		.getByRole('radio', { name: 'Yes', exact: true })
		.check();
	const category = page.getByRole('group', { name: 'Which excepted category?' });
	await expect(
		category.getByRole('radio', { name: 'Medical devices (not verified)' })
	).toBeVisible();

	// Without a category the report cannot be signed: the exception is its recorded reason.
	await page.getByRole('button', { name: 'Start checks' }).click();
	await page.getByRole('button', { name: 'All checks' }).click();
	await page.getByRole('link', { name: 'Review' }).click();
	const missing = page.getByRole('link', { name: /^Scope: answer “Which excepted category\?”/ });
	await expect(missing).toBeVisible();
	await missing.click();
	await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();
	await page
		.getByRole('group', { name: 'Which excepted category?' })
		.getByRole('radio', { name: 'Medical devices (not verified)' })
		.check();
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

	// A reload keeps the choice.
	await page.reload();
	await expect(
		page
			.getByRole('group', { name: 'Which excepted category?' })
			.getByRole('radio', { name: 'Medical devices (not verified)' })
	).toBeChecked();
	await page.getByRole('button', { name: 'Start checks' }).click();
	await page.getByRole('button', { name: 'All checks' }).click();
	await page.getByRole('link', { name: 'Review' }).click();
	await expect(page.getByRole('link', { name: /^Scope: answer/ })).toHaveCount(0);
	const psti = page.getByRole('region', { name: 'UK PSTI' });
	for (const id of ['PSTI-1', 'PSTI-2', 'PSTI-3', 'PSTI-SOC']) {
		await expect(psti.locator(`[data-provision="PSTI:${id}"]`)).toContainText('Not applicable');
	}
	await expect(psti.getByText(/^Not applicable: Scope answer: /)).toContainText(
		'Yes (Medical devices; the category list is not verified against the Regulations’ text).'
	);
	await expect(psti.getByRole('list', { name: 'PSTI facts' })).toContainText(
		'Excepted category recorded by the inspector: Medical devices'
	);
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
