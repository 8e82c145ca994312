// `npm run bench`: the app's budgets measured in a real Chromium against the production build,
// offline (server stopped, network cut) as in the field. Prints medians and writes
// bench-results/app.json. Figures depend on the machine, which is named in the output.
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureBuild } from './build-if-needed.js';
import { machine, startServer } from './bench-support.js';
import { chromiumLaunchOptions } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const STORED = 1000;
const RUNS = 15;

ensureBuild();
const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const results = { machine: machine(browser.version()), date: new Date().toISOString() };

try {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const firstScreen = await javascriptOnFirstScreen(page, server.url);
	await page.getByText('Ready to work offline').waitFor();
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

	const catalogue = await (await fetch(`${server.url}/api/v1/catalogue`)).json();
	const seeded = seedInspections(catalogue, STORED);
	await page.evaluate(store, seeded);
	server.stop();
	await context.setOffline(true);

	const appReady = await median(RUNS, async () => {
		await page.goto(server.url, { waitUntil: 'commit' });
		return page.waitForFunction(
			() => document.querySelector('h1')?.textContent === 'Inspections' && performance.now(),
			null,
			{ polling: 'raf' }
		);
	});
	const homeList = await median(RUNS, async () => {
		await page.goto(server.url, { waitUntil: 'commit' });
		return page.waitForFunction(
			(count) =>
				document.querySelectorAll('[aria-labelledby="in-progress"] li').length === count &&
				performance.now(),
			Math.min(25, seeded.filter((i) => i.status === 'draft').length),
			{ polling: 'raf' }
		);
	});
	let n = 0;
	const openCheck = await median(RUNS, async () => {
		const inspection = seeded[(n++ * 67) % seeded.length];
		const bundle = catalogue.bundles.find((b) => b.id === inspection.bundleId);
		const check = catalogue.checks.find((c) => c.id === bundle.checks[bundle.checks.length >> 1]);
		await page.goto(`${server.url}/inspections/${inspection.id}/checks/${check.id}`, {
			waitUntil: 'commit'
		});
		return page.waitForFunction(
			(title) =>
				document.querySelector('h1')?.textContent === title &&
				document.querySelector('[role="radiogroup"]') &&
				performance.now(),
			check.title,
			{ polling: 'raf' }
		);
	});

	const photos = await photoBenchmarks(page, server.url, seeded[1], catalogue);

	Object.assign(results, {
		photos,
		firstScreenJavaScript: firstScreen,
		offline: {
			storedInspections: STORED,
			runs: RUNS,
			appReadyMs: appReady,
			homeListMs: homeList,
			openInspectionAtCheckMs: openCheck
		}
	});
} finally {
	await browser.close();
	server.stop();
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/app.json'), JSON.stringify(results, null, 2));
const o = results.offline;
console.log(
	`Machine: ${results.machine.cpu} (${results.machine.cores} cores), Node ${results.machine.node}, Chromium ${results.machine.chromium}`
);
console.log(
	`JavaScript on the first screen: ${kb(results.firstScreenJavaScript.gzipBytes)} gzip (${results.firstScreenJavaScript.files} files; budget 100 KB)`
);
console.log(
	`Offline, ${o.storedInspections} inspections stored, median of ${o.runs} page loads from the service worker:`
);
console.log(
	`  app ready (Home heading shown)            ${o.appReadyMs.toFixed(0)} ms (budget 1000 ms)`
);
console.log(`  Home list (25 most recent drafts) shown    ${o.homeListMs.toFixed(0)} ms`);
console.log(
	`  open an inspection at a check (deep link) ${o.openInspectionAtCheckMs.toFixed(0)} ms`
);
const p = results.photos;
console.log(`Photos, offline, median of ${p.runs} (budget for 12 MP: 500 ms, 600 KB):`);
for (const [name, m] of Object.entries(p.processing)) {
	console.log(
		`  ${name.padEnd(34)} ${m.medianMs.toFixed(0)} ms, stored ${kb(m.medianStoredBytes)} (${m.width}x${m.height})`
	);
}
console.log(
	`  open a check with ${p.checkWithPhotos.photos} photos, all shown    ${p.checkWithPhotos.medianMs.toFixed(0)} ms`
);

/**
 * Adds the test photos through the check screen's own file input, timing each from the chosen
 * file to a verified stored photo (processing in the worker, hashing, storing, verifying).
 */
async function photoBenchmarks(page, url, inspection, catalogue) {
	const runs = 5;
	const bundle = catalogue.bundles.find((b) => b.id === inspection.bundleId);
	const checkUrl = `${url}/inspections/${inspection.id}/checks/${bundle.checks[0]}`;
	const testPhotos = fileURLToPath(new URL('../../shared/testdata/photos/', import.meta.url));
	await page.goto(checkUrl);
	const processing = {};
	for (const name of ['label-12mp-orientation6-gps.jpg', 'label-48mp-gps.jpg']) {
		const times = [];
		for (let i = 0; i < runs; i++) {
			const saved = page.getByText(/^Photo saved and verified/);
			const chooser = page.waitForEvent('filechooser');
			await page.getByRole('button', { name: 'Add from gallery' }).click();
			await (await chooser).setFiles(join(testPhotos, name));
			await saved.waitFor({ timeout: 60_000 });
			// The app's own measure: chosen file to verified stored photo (no test-driver overhead).
			times.push(
				await page.evaluate(
					() => performance.getEntriesByName('shelfcheck:photo-saved').at(-1).duration
				)
			);
			await page.reload();
		}
		const stored = await page.evaluate(
			({ id, count }) =>
				new Promise((resolve) => {
					const open = indexedDB.open('shelfcheck');
					open.onsuccess = () => {
						const request = open.result
							.transaction('photos')
							.objectStore('photos')
							.index('inspectionId')
							.getAll(id);
						request.onsuccess = () => {
							open.result.close();
							resolve(
								request.result
									.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
									.slice(-count)
									.map((p) => ({ bytes: p.bytes, width: p.width, height: p.height }))
							);
						};
					};
				}),
			{ id: inspection.id, count: runs }
		);
		times.sort((a, b) => a - b);
		const sizes = stored.map((p) => p.bytes).sort((a, b) => a - b);
		processing[name] = {
			medianMs: times[times.length >> 1],
			medianStoredBytes: sizes[sizes.length >> 1],
			width: stored[0].width,
			height: stored[0].height
		};
	}
	const photosOnCheck = runs * 2;
	const openMs = await median(RUNS, async () => {
		await page.goto(checkUrl, { waitUntil: 'commit' });
		return page.waitForFunction(
			(count) => {
				const images = [...document.querySelectorAll('[aria-label="Photos for this check"] img')];
				return (
					images.length === count &&
					images.every((img) => img.complete && img.naturalWidth > 0) &&
					performance.now()
				);
			},
			photosOnCheck,
			{ polling: 'raf' }
		);
	});
	return { runs, processing, checkWithPhotos: { photos: photosOnCheck, medianMs: openMs } };
}

/** Loads `/` in a fresh page and totals the JavaScript it fetched, gzipped as a server would. */
async function javascriptOnFirstScreen(page, url) {
	const bodies = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(response.url())) {
			bodies.push(response.body().catch(() => Buffer.alloc(0)));
		}
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	const all = await Promise.all(bodies);
	return {
		files: all.length,
		rawBytes: all.reduce((sum, body) => sum + body.length, 0),
		gzipBytes: all.reduce((sum, body) => sum + gzipSync(body).length, 0)
	};
}

/** Realistic drafts and finished inspections spread over the three bundles, answers and all. */
function seedInspections(catalogue, count) {
	const verdicts = ['PASS', 'PASS', 'PASS', 'FAIL', 'NA', 'REFER', 'INCONCLUSIVE'];
	return Array.from({ length: count }, (_, i) => {
		const bundle = catalogue.bundles[i % catalogue.bundles.length];
		const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
		const answered = bundle.checks.slice(0, (i * 7) % (bundle.checks.length + 1));
		const answers = Object.fromEntries(
			answered.map((checkId, k) => {
				const check = catalogue.checks.find((c) => c.id === checkId);
				const verdict = check.verdicts.includes(verdicts[(i + k) % verdicts.length])
					? verdicts[(i + k) % verdicts.length]
					: check.verdicts[0];
				return [
					checkId,
					{ verdict, reason: verdict === 'PASS' ? '' : 'Seen on the label.', answeredAt: at }
				];
			})
		);
		return {
			id: `bench-${String(i).padStart(4, '0')}`,
			createdAt: at,
			updatedAt: at,
			status: i % 4 === 0 ? 'finished' : 'draft',
			bundleId: bundle.id,
			catalogueVersion: catalogue.version,
			context: bundle.context,
			place: { kind: bundle.context, name: `Shop ${i}`, address: `${i} High Street` },
			inspector: 'Bench Inspector',
			scope: {},
			answers,
			...(i % 4 === 0 ? { finishedAt: at } : {})
		};
	});
}

/** Runs in the page: writes the records into the app's own IndexedDB store. */
function store(records) {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('shelfcheck');
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const tx = open.result.transaction('inspections', 'readwrite');
			for (const record of records) tx.objectStore('inspections').put(record);
			tx.oncomplete = () => {
				open.result.close();
				resolve();
			};
			tx.onerror = () => reject(tx.error);
		};
	});
}

async function median(runs, measure) {
	const times = [];
	for (let i = 0; i < runs; i++) times.push(await (await measure()).jsonValue());
	times.sort((a, b) => a - b);
	return times[times.length >> 1];
}

function kb(bytes) {
	return `${(bytes / 1024).toFixed(1)} KB`;
}
