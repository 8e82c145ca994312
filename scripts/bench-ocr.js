// `node scripts/bench-ocr.js`: Read label's figures in a real Chromium against the production
// build, offline (everything from the service worker's cache). Prints, and writes
// bench-results/ocr.json:
// - time to the first result for the 12 MP label photo on a first use, the engine's load
//   included (a fresh page each run: the worker, core and data are loaded from the cache), and on
//   later uses (the engine already loaded), as medians: the photo stored as evidence, then read;
// - the bytes the OCR engine adds to the offline cache (Cache Storage), next to the whole cache.
// Figures depend on the machine, which is named in the output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median } from './barcode-photos.js';
import { ensureBuild } from './build-if-needed.js';
import { machine, startServer } from './bench-support.js';
import { chromiumLaunchOptions } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const photo = join(root, '../shared/testdata/photos/label-12mp-orientation6-gps.jpg');
const RUNS = 5;

ensureBuild();
const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const results = { date: new Date().toISOString(), machine: machine(browser.version()), runs: RUNS };

try {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto(server.url);
	await page.getByText('Ready to work offline').waitFor({ timeout: 120_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await context.setOffline(true);
	results.cache = await cacheBytes(page);

	const identify = `${server.url}/inspections/new`;
	const first = [];
	for (let i = 0; i < RUNS; i++) {
		await page.goto(identify);
		first.push(await readOnce(page));
	}
	const later = [];
	await page.goto(identify);
	await readOnce(page);
	for (let i = 0; i < RUNS; i++) later.push(await readOnce(page));
	results.firstUse = summary(first);
	results.laterUse = summary(later);
	await context.close();
} finally {
	await browser.close();
	server.stop();
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/ocr.json'), JSON.stringify(results, null, 2));

const m = results.machine;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
console.log(`Machine: ${m.cpu} (${m.cores} cores), Node ${m.node}, Chromium ${m.chromium}`);
console.log(`Read label, 12 MP label photo, offline, median of ${RUNS}:`);
for (const [name, r] of [
	['first use (engine load included)', results.firstUse],
	['later use (engine loaded)', results.laterUse]
]) {
	console.log(
		`  ${name.padEnd(34)} ${r.totalMs.toFixed(0)} ms to candidates ` +
			`(photo stored ${r.photoMs.toFixed(0)} ms, read ${r.readMs.toFixed(0)} ms)`
	);
}
const c = results.cache;
console.log(
	`Offline cache: OCR engine ${mb(c.ocrBytes)} (${c.ocrFiles.join(', ')}) of ${mb(c.totalBytes)} in all`
);

function summary(runs) {
	return {
		totalMs: median(runs.map((r) => r.totalMs)),
		photoMs: median(runs.map((r) => r.photoMs)),
		readMs: median(runs.map((r) => r.readMs)),
		all: runs
	};
}

/** Chooses the photo for Read label; waits for the candidates; the app's own measures. */
async function readOnce(page) {
	const before = await page.evaluate(
		() => performance.getEntriesByName('shelfcheck:label-read').length
	);
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Read label' }).click();
	const started = Date.now();
	await (await chooser).setFiles(photo);
	await page.waitForFunction(
		(n) => performance.getEntriesByName('shelfcheck:label-read').length > n,
		before,
		{ timeout: 180_000 }
	);
	const wall = Date.now() - started;
	await page.getByRole('button', { name: /^Use SC-CAM-200 as/ }).waitFor();
	const [photoMs, readMs] = await page.evaluate(() => [
		performance.getEntriesByName('shelfcheck:photo-saved').at(-1).duration,
		performance.getEntriesByName('shelfcheck:label-read').at(-1).duration
	]);
	return { totalMs: photoMs + readMs, photoMs, readMs, wallMs: wall };
}

/** Bytes in Cache Storage: the OCR engine's files, and everything. */
async function cacheBytes(page) {
	return page.evaluate(async () => {
		let totalBytes = 0;
		let ocrBytes = 0;
		const ocrFiles = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const size = (await (await cache.match(request)).blob()).size;
				totalBytes += size;
				if (new URL(request.url).pathname.includes('/_app/ocr/')) {
					ocrBytes += size;
					ocrFiles.push(new URL(request.url).pathname.split('/').pop());
				}
			}
		}
		return { ocrBytes, ocrFiles, totalBytes };
	});
}
