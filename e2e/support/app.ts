import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, type RunningServer } from './server';

/** Waits until the service worker controls the page and has precached the app. */
export async function waitForOfflineReady(page: Page): Promise<void> {
	await expect(page.getByText('Ready to work offline')).toBeVisible();
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

/** From Home: New inspection, the bundle, place and inspector; ends on the Scope screen. */
export async function startInspection(
	page: Page,
	{ bundle, place, inspector }: { bundle: string; place?: string; inspector: string }
): Promise<void> {
	await page.getByRole('button', { name: 'New inspection' }).click();
	await page.getByRole('button', { name: bundle }).click();
	if (place !== undefined) await page.getByRole('textbox', { name: 'Place' }).fill(place);
	await page.getByRole('textbox', { name: 'Inspector' }).fill(inspector);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();
}
