import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, type RunningServer } from './server';

/**
 * Waits until the service worker controls the page and has precached the app. The precache holds
 * the OCR engine (megabytes), so on a loaded machine it can take longer than one expect timeout.
 */
export async function waitForOfflineReady(page: Page): Promise<void> {
	await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 45_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * One online visit, then the server is stopped and the network cut: from here on the app runs
 * only on what the service worker and IndexedDB hold. Returns the (stopped) server's URL.
 */
export async function goOfflineAfterFirstVisit(
	page: Page,
	context: BrowserContext
): Promise<RunningServer> {
	const server = await startServer();
	await page.goto(server.url);
	await waitForOfflineReady(page);
	await server.stop();
	await context.setOffline(true);
	return server;
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page; returns the serious and critical violations, described. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
	// Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly) refuses
	// an injected inline <script>, which is what addScriptTag adds.
	await page.evaluate(readFileSync(axePath, 'utf8'));
	const violations = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, {
			runOnly: {
				type: 'tag',
				values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
			}
		});
		return result.violations as Array<{
			id: string;
			impact: string;
			help: string;
			nodes: Array<{ target: string[] }>;
		}>;
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
}

/**
 * On Identify: goes on without a code (Skip, with a reason), then types the model designation
 * on the product card and continues; ends on the choice of bundle.
 */
export async function identifyWithoutCode(
	page: Page,
	{ model, reason = 'No barcode on the product' }: { model: string; reason?: string }
): Promise<void> {
	await expect(page.getByRole('heading', { name: /Identify the product/ })).toBeVisible();
	await page.getByRole('button', { name: 'Skip' }).click();
	await page.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).fill(reason);
	await page.getByRole('button', { name: 'Continue without a code' }).click();
	await confirmProduct(page, { model });
}

/** On the product card: types the model designation and continues to the choice of bundle. */
export async function confirmProduct(page: Page, { model }: { model: string }): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Product', exact: true })).toBeVisible();
	await page.getByRole('textbox', { name: 'Model designation' }).fill(model);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByText('What kind of inspection is this?')).toBeVisible();
}

/**
 * From Home: New inspection, identify (Skip with a reason), the product card (model
 * designation), the bundle, place and inspector; ends on the Scope screen.
 */
export async function startInspection(
	page: Page,
	{
		bundle,
		place,
		inspector,
		model = 'SC-CAM-200'
	}: { bundle: string; place?: string; inspector: string; model?: string }
): Promise<void> {
	await page.getByRole('button', { name: 'New inspection' }).click();
	await identifyWithoutCode(page, { model });
	await page.getByRole('button', { name: bundle }).click();
	if (place !== undefined) await page.getByRole('textbox', { name: 'Place' }).fill(place);
	await page.getByRole('textbox', { name: 'Inspector' }).fill(inspector);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();
}
