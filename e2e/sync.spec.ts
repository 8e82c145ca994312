import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ENGINES, adminUrl, type Engine } from './support/api';
import { waitForOfflineReady } from './support/app';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import {
	BIG,
	SMALL,
	enrolDevice,
	outboxOf,
	recordOutboxWrites,
	reportsOnServer,
	sha256Hex,
	writeWhere,
	withoutBackgroundSync,
	signAllOffline as signEachOffline,
	signReport,
	team as startTeam,
	type Team
} from './support/sync';
import { retryDelay, type OutboxEntry } from '../src/lib/sync/outbox';

/** Each report: a product with its label photos; the product is out of scope (not connected). */
const REPORTS = [
	{ model: 'SC-CAM-200', photos: [SMALL] },
	{ model: 'SC-PLUG-10', photos: [BIG, SMALL] },
	{ model: 'SC-TOY-3', photos: [SMALL] }
];

const signAllOffline = (page: Page, context: BrowserContext) =>
	signEachOffline(page, context, REPORTS);

/** What the server holds, as a reviewer sees it, plus the photo files on its disk. */
async function onServer(t: Team) {
	const dir = join(t.server.dataDir!, 'evidence');
	const files = existsSync(dir)
		? readdirSync(dir, { recursive: true }).filter((name) => /[0-9a-f]{64}$/.test(String(name)))
		: [];
	return { reports: await reportsOnServer(t), photoFiles: files.length };
}

/** Distinct photos across the three reports: the small label is one photo wherever it is used. */
const DISTINCT_PHOTOS = 2;

test.describe('sync', () => {
	test.describe.configure({ timeout: 180_000 });
	let current: Team | undefined;
	let proxy: FaultProxy | undefined;
	const team = (engine?: Engine, through?: FaultProxy) => startTeam(engine, through);
	test.afterEach(async () => {
		await current?.server.dispose();
		await proxy?.close();
		current = undefined;
		proxy = undefined;
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
			// The first report's form offered the signed-in account's name, the next the one typed.
			expect(signed.map((r) => r.inspectorOffered)).toEqual([
				'ivy',
				'Ivy Inspector',
				'Ivy Inspector'
			]);
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
			// The register names the account that sent the report, not the name typed on the device.
			await expect(teamRegister).toContainText('by ivy');
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
		await expect(page.getByRole('region', { name: 'Signed report' })).toBeVisible();
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
		await second.goto(t.url);
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

	for (const engine of ENGINES)
		test(`with the app closed, Background Sync sends what was signed offline, through a server killed mid-upload and a cut receipt (${engine})`, async ({
			page,
			context
		}) => {
			test.skip(engine === 'postgres' && !adminUrl, 'TEST_DATABASE_URL is not set');
			proxy = await startFaultProxy();
			const t = (current = await team(engine, proxy));
			let restarted: Promise<void> = Promise.resolve();
			proxy.kill = async () => {
				await t.server.kill();
				restarted = t.server.restart();
			};
			proxy.decide = (r) =>
				r.kind === 'evidence' && r.ordinal === 1
					? { kind: 'kill-mid-upload', fraction: 0.5 }
					: r.kind === 'report' && r.ordinal === 1
						? { kind: 'cut-answer', bytes: 20 }
						: undefined;
			await enrolDevice(page, t);
			await context.setOffline(true);
			const signed = await signReport(page, { model: 'SC-PLUG-10', photos: [BIG, SMALL] });
			await expect(page.getByText('1 unsynced')).toBeVisible();

			const cdp = await context.newCDPSession(page);
			const registered = new Promise<{ registrationId: string; scopeURL: string }[]>((resolve) =>
				cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => resolve(event.registrations))
			);
			await cdp.send('ServiceWorker.enable');
			const registration = (await registered).find((r) => r.scopeURL.startsWith(t.url));
			expect(registration).toBeDefined();
			const wake = () =>
				cdp.send('ServiceWorker.dispatchSyncEvent', {
					origin: t.url,
					registrationId: registration!.registrationId,
					tag: 'shelfcheck-outbox',
					lastChance: false
				});
			/** The outbox as the service worker sees it (no tab of the app is open to ask). */
			const entry = async (): Promise<OutboxEntry | undefined> => {
				const worker = context.serviceWorkers().find((w) => w.url().startsWith(t.url));
				return worker && (await outboxOf(worker).catch(() => []))[0];
			};
			const dueAt = async (attempts: number) => {
				await expect
					.poll(async () => (await entry())?.attempts, { timeout: 30_000 })
					.toBe(attempts);
				const queued = (await entry())!;
				expect(queued).toMatchObject({ state: 'queued', receipt: null });
				const wait = Date.parse(queued.nextAttemptAt!) - Date.parse(queued.updatedAt);
				expect(wait).toBeGreaterThanOrEqual(retryDelay(attempts, () => 0));
				expect(wait).toBeLessThanOrEqual(retryDelay(attempts, () => 1));
				return { queued, due: Date.parse(queued.nextAttemptAt!) };
			};

			// No tab of the app is open any more: only the service worker can send the report.
			await page.goto('about:blank');
			await context.setOffline(false);
			// Wake 1: the server is killed while the first photo is half uploaded.
			await wake();
			const first = await dueAt(1);
			const [cut] = proxy.requests.filter((r) => r.kind === 'evidence');
			expect(cut!.forwardedBytes).toBeLessThan(cut!.bodyBytes);
			// Cut mid-body, or (when the next request came before the restart) the proxy's 502:
			// either way a failed request, queued again with a retry time.
			expect(first.queued.lastError).toMatch(
				/^(No connection to the server\.|The server could not take it now \(The server answered 502\.\))$/
			);
			await restarted;
			// The half-received photo's temporary file did not outlive the kill.
			const tmp = join(t.server.dataDir, 'evidence', 'tmp');
			expect(t.server.output()).toMatch(/the start-up sweep removed \d+ unfinished upload file/);
			expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);

			// Wake 2, at the retry time: photos and report stored, but the 201's body is cut off.
			await expect.poll(() => Date.now() >= first.due, { timeout: 30_000 }).toBe(true);
			await wake();
			const second = await dueAt(2);
			expect(second.queued.lastError).toMatch(/answer was cut off/);
			expect((await reportsOnServer(t)).map((r) => r.reportHash)).toEqual([signed.hash]);

			// Wake 3: the same JWS again, answered 200 with the receipt that makes it synced.
			await expect.poll(() => Date.now() >= second.due, { timeout: 30_000 }).toBe(true);
			await wake();
			await expect.poll(async () => (await entry())?.state, { timeout: 30_000 }).toBe('synced');
			const puts = proxy.requests.filter((r) => r.kind === 'report');
			expect(puts.map((r) => [r.status, r.delivered])).toEqual([
				[201, false],
				[200, true]
			]);
			const detail = await (await t.reviewer(`/api/v1/reports/${signed.id}`)).json();
			expect((await entry())!.receipt).toEqual({
				reportId: signed.id,
				reportHash: signed.hash,
				receivedAt: detail.receivedAt
			});
			expect(await reportsOnServer(t)).toHaveLength(1);
			for (const sha of detail.photos as string[]) {
				const stored = await t.reviewer(`/api/v1/evidence/${sha}`);
				expect(sha256Hex(Buffer.from(await stored.arrayBuffer()))).toBe(sha);
			}
			expect(detail.photos).toHaveLength(2);
			// Each photo stored once, and nothing left half-written.
			expect((await onServer(t)).photoFiles).toBe(2);
			expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
			// Back in the app, the receipt the worker stored shows.
			await page.goto(t.url);
			await expect(page.getByText('All synced')).toBeVisible();
		});

	// The page's own retry is under test: with Background Sync on, the service worker could make
	// the attempt instead, and its writes are not recorded (the worker's case is tested above).
	test('a 201 whose body is cut after the headers: retried at its retry time, synced, stored once', async ({
		page,
		context
	}) => {
		await withoutBackgroundSync(context);
		proxy = await startFaultProxy();
		const t = (current = await team('sqlite', proxy));
		proxy.decide = (r) =>
			r.kind === 'report' && r.ordinal === 1 ? { kind: 'cut-answer', bytes: 16 } : undefined;
		const writes = await recordOutboxWrites(context);
		await enrolDevice(page, t);
		const [signed] = await signEachOffline(page, context, [REPORTS[0]!]);
		await page.getByRole('link', { name: /SC-CAM-200/ }).click();
		await context.setOffline(false);
		// The server stored the report and answered 201; the device read the headers and 16 bytes.
		await expect(
			page.getByText('Queued: The server’s answer was cut off; it will be sent again.')
		).toBeVisible({ timeout: 30_000 });
		expect((await reportsOnServer(t)).map((r) => r.reportHash)).toEqual([signed!.hash]);
		const failed = await writeWhere(writes, (entry) => entry.attempts === 1);
		expect(failed.entry).toMatchObject({ state: 'queued', receipt: null });
		const due = Date.parse(failed.entry.nextAttemptAt!);
		const wait = due - Date.parse(failed.entry.updatedAt);
		expect(wait).toBeGreaterThanOrEqual(retryDelay(1, () => 0));
		expect(wait).toBeLessThanOrEqual(retryDelay(1, () => 1));

		// Nobody presses Sync now: the tab tries again when the retry time comes, not before.
		await expect(page.getByText(/^Synced · received/)).toBeVisible({ timeout: 30_000 });
		const retried = await writeWhere(writes, (entry) => entry.state === 'uploading', failed.at);
		expect(retried.at).toBeGreaterThanOrEqual(due);
		const puts = proxy.requests.filter((r) => r.kind === 'report');
		expect(puts.map((r) => [r.status, r.delivered])).toEqual([
			[201, false],
			[200, true]
		]);
		expect(await reportsOnServer(t)).toHaveLength(1);
		const detail = await (await t.reviewer(`/api/v1/reports/${signed!.id}`)).json();
		expect((await outboxOf(page))[0]!.receipt).toEqual({
			reportId: signed!.id,
			reportHash: signed!.hash,
			receivedAt: detail.receivedAt
		});
		// Only the synced state was ever written with a receipt.
		expect(writes.filter((w) => w.entry.receipt).every((w) => w.entry.state === 'synced')).toBe(
			true
		);
	});

	test('a page reloaded mid-upload: its report is queued again and sent within seconds, not at its old retry time', async ({
		page,
		context
	}) => {
		proxy = await startFaultProxy();
		const t = (current = await team('sqlite', proxy));
		let failing = true;
		proxy.decide = (r) =>
			r.kind === 'missing' && failing
				? { kind: 'cut-answer', bytes: 0 }
				: r.kind === 'evidence' && r.ordinal === 1
					? { kind: 'hold-upload', fraction: 0.5 }
					: undefined;
		const held = new Promise<void>((resolve) => (proxy!.onFault = () => resolve()));
		const writes = await recordOutboxWrites(context);
		await enrolDevice(page, t);
		await signEachOffline(page, context, [{ model: 'SC-PLUG-10', photos: [BIG, SMALL] }]);
		await page.getByRole('link', { name: /SC-PLUG-10/ }).click();
		await context.setOffline(false);
		// Failure after failure (each photo check's answer cut off) puts the retry minutes away.
		const attempts = async () => (await outboxOf(page))[0]!.attempts;
		for (let before = await attempts(); before < 7; before = await attempts()) {
			await page.getByRole('button', { name: 'Sync now' }).click();
			await expect.poll(attempts).toBeGreaterThan(before);
		}
		failing = false;
		const oldRetry = Date.parse((await outboxOf(page))[0]!.nextAttemptAt!);
		expect(oldRetry - Date.now()).toBeGreaterThan(2 * 60_000);

		// Sync now sends it anyway; the first photo's upload is under way when the page reloads.
		await page.getByRole('button', { name: 'Sync now' }).click();
		await held;
		await expect(page.getByText('Uploading 1 of 2 photos')).toBeVisible();
		const reloadedAt = Date.now();
		await page.reload();
		await expect(page.getByText(/^Synced · received/)).toBeVisible({ timeout: 30_000 });
		const requeued = await writeWhere(
			writes,
			(entry) => entry.state === 'queued' && entry.nextAttemptAt === null,
			reloadedAt
		);
		expect(requeued.at - reloadedAt).toBeLessThan(15_000);
		expect(requeued.at).toBeLessThan(oldRetry - 60_000);
		// The held upload never reached its end; both photos are stored once, whole.
		const upload = proxy.requests.find((r) => r.fault === 'hold-upload')!;
		expect(upload.delivered).toBe(false);
		expect((await onServer(t)).photoFiles).toBe(2);
	});

	// With Background Sync on, the page and the service worker both ask for the sync lock when
	// the network returns; were the worker to win, closing the page would free nothing. Off, the
	// held upload is the first tab's, as it is on a browser without Background Sync.
	test('a tab closed mid-upload: the other tab sees the sync lock freed and sends the report within seconds', async ({
		page,
		context
	}) => {
		await withoutBackgroundSync(context);
		proxy = await startFaultProxy();
		const t = (current = await team('sqlite', proxy));
		proxy.decide = (r) =>
			r.kind === 'evidence' && r.ordinal === 1 ? { kind: 'hold-upload', fraction: 0.5 } : undefined;
		const held = new Promise<void>((resolve) => (proxy!.onFault = () => resolve()));
		const writes = await recordOutboxWrites(context);
		await enrolDevice(page, t);
		await signEachOffline(page, context, [{ model: 'SC-PLUG-10', photos: [BIG, SMALL] }]);
		await context.setOffline(false);
		await held;
		// A second tab opens while the first one uploads: it finds the sync busy.
		const second = await context.newPage();
		await second.goto(t.url);
		await second.getByRole('link', { name: /SC-PLUG-10/ }).click();
		await expect(second.getByText('Uploading 1 of 2 photos')).toBeVisible();
		const closedAt = Date.now();
		await page.close();
		await expect(second.getByText(/^Synced · received/)).toBeVisible({ timeout: 30_000 });
		const requeued = await writeWhere(
			writes,
			(entry) => entry.state === 'queued' && entry.nextAttemptAt === null,
			closedAt
		);
		// Well before the second tab's own minute tick could have done it.
		expect(requeued.at - closedAt).toBeLessThan(15_000);
		expect((await onServer(t)).photoFiles).toBe(2);
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
		await page.goto(t.url);
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
