import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { goOfflineAfterFirstVisit } from './support/app';
import { answerAndGoOn, answerShopVisitScope, shopVisit } from './support/shop-visit';
import { npmVerify, saveDownload, verifyInApp } from './support/exports';

const run = promisify(execFile);

test('a signed Shop visit: PDF, export, and verification in the app and with npm run verify', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'shelfcheck-report-'));
	await goOfflineAfterFirstVisit(page, context);

	await page.getByRole('button', { name: 'New inspection' }).click();
	await page.getByRole('textbox', { name: 'Type a code' }).fill('5012345678900');
	await page.getByRole('button', { name: 'Use code' }).click();
	await page.getByRole('textbox', { name: 'Model designation' }).fill('SC-CAM-200');
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Shop visit' }).click();
	await page.getByRole('textbox', { name: 'Place' }).fill('Corner Electrics');
	await page.getByRole('textbox', { name: 'Inspector' }).fill('Zoë Ångström');
	await page.getByRole('button', { name: 'Continue' }).click();
	await answerShopVisitScope(page);
	await page.getByRole('button', { name: 'Start checks' }).click();
	for (let i = 0; i < shopVisit.length; i++) {
		await answerAndGoOn(page, i);
	}
	await page.getByRole('button', { name: 'Sign report' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Sign report' }).click();

	const report = page.getByRole('region', { name: 'Signed report' });
	await expect(report).toBeVisible();
	const hash = (await report.getByText(/^[0-9a-f]{64}$/).textContent())!;

	// The PDF: downloaded, and its text carries the GTIN, every verdict given and the hash.
	const pdfFile = await saveDownload(page, 'Download PDF', dir);
	const { stdout: text } = await run('pdftotext', ['-layout', pdfFile, '-']);
	expect(text).toContain('05012345678900');
	expect(text).toContain('SC-CAM-200');
	expect(text).toContain('Zoë Ångström');
	for (const verdict of new Set(shopVisit.map((step) => step.verdict))) {
		expect(text).toContain(verdict);
	}
	expect(text.replace(/\s+/g, '')).toContain(hash);
	expect(text).toContain('Field indications, not a conformance assessment');

	// The export verifies in the app, offline, and with npm run verify.
	const exported = await saveDownload(page, 'Export', dir);
	expect(Object.keys(unzipSync(readFileSync(exported))).sort()).toEqual(
		expect.arrayContaining(['report.jws', 'report.pdf'])
	);
	expect(await verifyInApp(page, exported)).toBe('Verified');
	await expect(page.getByText(hash)).toBeVisible();
	const cli = await npmVerify(exported);
	expect(cli.code).toBe(0);
	expect(cli.output).toMatch(/^Verified/);
	expect(cli.output).toContain(hash);

	// The same file with one byte of one photo changed fails both, naming the photo.
	const files = unzipSync(readFileSync(exported));
	const photoName = Object.keys(files).find((name) => name.startsWith('evidence/'))!;
	files[photoName]![4000] = files[photoName]![4000]! ^ 0x01;
	const tampered = join(dir, 'tampered.zip');
	writeFileSync(tampered, zipSync(files));
	const inApp = await verifyInApp(page, tampered);
	expect(inApp).toMatch(/^Not verified: photo \d+ \(check [A-Z]+-\d+.*\) does not match/);
	expect(inApp).toContain(photoName);
	const cliTampered = await npmVerify(tampered);
	expect(cliTampered.code).toBe(1);
	expect(cliTampered.output).toContain(photoName);
	expect(cliTampered.output).toMatch(/^Not verified: photo \d+/);
});
