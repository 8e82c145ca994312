import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { BIG_PHOTO, SMALL_PHOTO, enrolDevice as enrolAt, signReport } from './support/device';
import {
	ENGINES,
	addUser,
	adminUrl,
	client,
	setUp,
	startApiServer,
	type ApiServer,
	type Engine
} from './support/api';
import { waitForOfflineReady } from './support/app';

const SMALL = SMALL_PHOTO;
const BIG = BIG_PHOTO;

/** Each report: a product with its label photos; the product is out of scope (not connected). */
const REPORTS = [
	{ model: 'SC-CAM-200', photos: [SMALL] },
	{ model: 'SC-PLUG-10', photos: [BIG, SMALL] },
	{ model: 'SC-TOY-3', photos: [SMALL] }
];

interface Team {
	server: ApiServer;
	/** Reviewer's API client: what the team sees on the server. */
	reviewer: ReturnType<typeof client>;
	admin: ReturnType<typeof client>;
}

async function team(engine: Engine = 'sqlite'): Promise<Team> {
	const server = await startApiServer(engine);
	const admin = await setUp(server);
	await addUser(server, admin, 'ivy@acme.test', 'inspector');
	const reviewer = client(server, await addUser(server, admin, 'rex@acme.test', 'reviewer'));
	return { server, reviewer, admin: client(server, admin.split('=')[1]) };
}

/** First visit online, then Settings: Sign in and Enrol this device. */
const enrolDevice = (page: Page, { server }: Team) => enrolAt(page, server.url);

async function signAllOffline(page: Page, context: BrowserContext) {
	await context.setOffline(true);
	const signed = [];
	for (const report of REPORTS) signed.push(await signReport(page, report));
	await expect(page.getByText('3 unsynced')).toBeVisible();
	return signed;
}

/** What the server holds, as a reviewer sees it, plus the photo files on its disk. */
async function onServer({ server, reviewer }: Team) {
	const list = await (await reviewer('/api/v1/reports?limit=200')).json();
	const dir = join(server.dataDir!, 'evidence');
	const files = existsSync(dir)
		? readdirSync(dir, { recursive: true }).filter((name) => /[0-9a-f]{64}$/.test(String(name)))
		: [];
	return {
		reports: list.reports as Array<{ reportId: string; reportHash: string; model: string }>,
		photoFiles: files.length
	};
}

/** Distinct photos across the three reports: the small label is one photo wherever it is used. */
const DISTINCT_PHOTOS = 2;

test.describe('sync', () => {
	test.describe.configure({ timeout: 180_000 });
	let current: Team | undefined;
	test.afterEach(async () => {
		await current?.server.dispose();
		current = undefined;
	});

	for (const engine of ENGINES)
		test(`three reports signed offline arrive when the network returns, and a reviewer lists them (${engine})`, async ({
			page,
			context
		}) => {
			test.skip(engine === 'postgres' && !adminUrl, 'TEST_DATABASE_URL is not set');
			const t = (current = await team(engine));
			await enrolDevice(page, t);
			const signed = await signAllOffline(page, context);
			// Queued, with the reason it waits.
			await page.getByRole('link', { name: /SC-TOY-3/ }).click();
			await expect(page.getByText(/^Queued/)).toBeVisible();
			expect((await onServer(t)).reports).toHaveLength(0);

			await context.setOffline(false);
			await expect(page.getByText('All synced')).toBeVisible({ timeout: 30_000 });
			await expect(page.getByText(/^Synced · received/)).toBeVisible();

			const held = await onServer(t);
			expect(held.reports.map((r) => [r.reportId, r.reportHash]).sort()).toEqual(
				signed.map((r) => [r.id, r.hash]).sort()
			);
			expect(held.reports.map((r) => r.model).sort()).toEqual([
				'SC-CAM-200',
				'SC-PLUG-10',
				'SC-TOY-3'
			]);
			expect(held.photoFiles).toBe(DISTINCT_PHOTOS);

			// The team's product register came down with the sync: the product card shows it offline.
			await page.getByRole('link', { name: 'Settings' }).click();
			await expect(page.getByText('product register on this device')).toContainText('3 products');
			await context.setOffline(true);
			await page.getByRole('link', { name: 'Shelfcheck' }).click();
			await page.getByRole('button', { name: 'New inspection' }).click();
			await page.getByRole('button', { name: 'Skip' }).click();
			await page.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).fill('No barcode');
			await page.getByRole('button', { name: 'Continue without a code' }).click();
			await page.getByRole('textbox', { name: 'Model designation' }).fill('SC-PLUG-10');
			const teamRegister = page.getByRole('region', { name: 'Your team’s register' });
			await expect(teamRegister).toContainText('Inspected 1 time (Corner Electrics)');
			await expect(teamRegister).toContainText('by Ivy Inspector');
			await context.setOffline(false);

			// Nothing local is deleted by a sync: a reload still shows every report, synced.
			await page.reload();
			await page.getByRole('link', { name: 'Shelfcheck' }).click();
			for (const { model } of REPORTS)
				await expect(page.getByRole('link', { name: new RegExp(model) })).toContainText('Synced');
		});

	test('a connection cut after a few requests and restored later: everything arrives once', async ({
		page,
		context
	}) => {
		const t = (current = await team());
		await enrolDevice(page, t);
		const signed = await signAllOffline(page, context);
		// The network comes back, but drops every request after the first two (the first report's
		// missing-photos check and its photo's upload) until it is restored.
		let passed = 0;
		let cut = 0;
		await context.route('**/api/v1/**', async (route) => {
			if (passed < 2) {
				passed++;
				return route.continue();
			}
			cut++;
			return route.abort('internetdisconnected');
		});
		await context.setOffline(false);
		await expect.poll(() => cut, { timeout: 30_000 }).toBeGreaterThan(0);
		await expect(page.getByText('3 unsynced')).toBeVisible();
		await page.getByRole('link', { name: /SC-CAM-200/ }).click();
		await expect(page.getByText(/Queued: No connection to the server/)).toBeVisible();

		await context.unrouteAll({ behavior: 'wait' });
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect(page.getByText('All synced')).toBeVisible({ timeout: 30_000 });
		const held = await onServer(t);
		expect(held.reports.map((r) => r.reportId).sort()).toEqual(signed.map((r) => r.id).sort());
		expect(held.photoFiles).toBe(DISTINCT_PHOTOS);
	});

	test('the server restarted in the middle of a sync: the sync completes', async ({
		page,
		context
	}) => {
		const t = (current = await team());
		await enrolDevice(page, t);
		const signed = await signAllOffline(page, context);
		// Restart the server as soon as the first photo has been stored.
		let restarted: Promise<void> | null = null;
		await context.route('**/api/v1/evidence/*', async (route) => {
			if (route.request().method() !== 'PUT' || restarted) return route.continue();
			const response = await route.fetch();
			restarted = t.server.restart();
			return route.fulfill({ response });
		});
		await context.setOffline(false);
		await expect.poll(() => restarted !== null, { timeout: 30_000 }).toBe(true);
		await restarted;
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect(page.getByText('All synced')).toBeVisible({ timeout: 30_000 });
		const held = await onServer(t);
		expect(held.reports.map((r) => r.reportId).sort()).toEqual(signed.map((r) => r.id).sort());
		expect(held.photoFiles).toBe(DISTINCT_PHOTOS);
	});

	test('two tabs syncing at once send each report once', async ({ page, context }) => {
		const t = (current = await team());
		await enrolDevice(page, t);
		const signed = await signAllOffline(page, context);
		const second = await context.newPage();
		await second.goto(t.server.url);
		await expect(second.getByText('3 unsynced')).toBeVisible();

		const reportPuts: string[] = [];
		await context.route('**/api/v1/reports/*', (route) => {
			if (route.request().method() === 'PUT') reportPuts.push(route.request().url());
			return route.continue();
		});
		await context.setOffline(false);
		await Promise.all([
			page.getByRole('button', { name: 'Sync now' }).click(),
			second.getByRole('button', { name: 'Sync now' }).click()
		]);
		await expect(page.getByText('All synced')).toBeVisible({ timeout: 30_000 });
		await expect(second.getByText('All synced')).toBeVisible();
		expect(reportPuts).toHaveLength(3);
		expect(new Set(reportPuts).size).toBe(3);
		const held = await onServer(t);
		expect(held.reports.map((r) => r.reportId).sort()).toEqual(signed.map((r) => r.id).sort());
	});

	test('with the app closed, the service worker’s Background Sync sends what was signed offline', async ({
		page,
		context
	}) => {
		const t = (current = await team());
		await enrolDevice(page, t);
		await context.setOffline(true);
		const signed = await signReport(page, REPORTS[0]!);
		await expect(page.getByText('1 unsynced')).toBeVisible();

		const cdp = await context.newCDPSession(page);
		const registered = new Promise<{ registrationId: string; scopeURL: string }[]>((resolve) =>
			cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => resolve(event.registrations))
		);
		await cdp.send('ServiceWorker.enable');
		const registration = (await registered).find((r) => r.scopeURL.startsWith(t.server.url));
		expect(registration).toBeDefined();

		// No tab of the app is open any more: only the service worker can send the report.
		await page.goto('about:blank');
		await context.setOffline(false);
		await cdp.send('ServiceWorker.dispatchSyncEvent', {
			origin: t.server.url,
			registrationId: registration!.registrationId,
			tag: 'shelfcheck-outbox',
			lastChance: false
		});
		await expect
			.poll(async () => (await onServer(t)).reports.map((r) => r.reportHash), { timeout: 30_000 })
			.toEqual([signed.hash]);
		// Back in the app, the receipt the worker stored shows.
		await page.goto(t.server.url);
		await expect(page.getByText('All synced')).toBeVisible();
	});

	test('a report the server refuses is shown rejected with its reason, and stays on the device', async ({
		page,
		context
	}) => {
		const t = (current = await team());
		await enrolDevice(page, t);
		await context.setOffline(true);
		await signReport(page, REPORTS[0]!);
		// Meanwhile the admin revokes the device (a lost phone, say).
		const { devices } = await (await t.admin('/api/v1/devices')).json();
		expect(devices).toHaveLength(1);
		const revoked = await t.admin(`/api/v1/devices/${devices[0].kid}`, { method: 'DELETE' });
		expect(revoked.status).toBe(200);

		await context.setOffline(false);
		await page.getByRole('link', { name: /SC-CAM-200/ }).click();
		await expect(
			page.getByText('Rejected by the server: The device that signed this report has been revoked.')
		).toBeVisible({ timeout: 30_000 });
		await expect(
			page.getByText(/This device was revoked by your admin: export the report/)
		).toBeVisible();
		// Not on the server, so still counted as unsynced; and the report stays on the device.
		await expect(page.getByText('1 unsynced')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
		expect((await onServer(t)).reports).toHaveLength(0);
	});

	test('without an account nothing is sent, and the device says what to do', async ({
		page,
		context
	}) => {
		const t = (current = await team());
		const requests: string[] = [];
		context.on('request', (request) => {
			if (request.url().includes('/api/v1/evidence') || request.url().includes('/api/v1/reports'))
				requests.push(request.url());
		});
		await page.goto(t.server.url);
		await waitForOfflineReady(page);
		const { id } = await signReport(page, REPORTS[0]!);
		await expect(page.getByText('1 unsynced')).toBeVisible();
		await page.getByRole('button', { name: 'Sync now' }).click();
		await page.getByRole('link', { name: /SC-CAM-200/ }).click();
		await expect(page.getByText(/Queued · Sign in to sync/)).toBeVisible();
		expect(requests).toEqual([]);
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
	});
});
