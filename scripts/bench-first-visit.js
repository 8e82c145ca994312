// `npm run bench:lighthouse` (also the last part of `npm run bench`): the first visit, measured
// against the production build in Debian's Chromium.
// 1. Bytes over the wire (encoded, headers included, the service worker's requests too) until
//    "Ready to work offline" (the first step: the core job) and until every engine of the second
//    step is stored, with the time each took on this machine's loopback.
// 2. Lighthouse 12.2.3 (mobile, its default simulated throttling) three times: the medians of
//    performance, total blocking time and accessibility.
// Figures depend on the machine (named in the output) and on what else it runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { ensureBuild } from './build-if-needed.js';
import { machine, startServer } from './bench-support.js';
import { chromiumLaunchOptions } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIGHTHOUSE_RUNS = 3;
const ENGINES = ['Barcode scanning', 'PDF export', 'Label reading'];
/** The second offline step's files (as e2e/first-visit.spec.ts blocks them): the OCR engine, the
 * scanner's WebAssembly, the PDF fonts. The worker asks for them only once the first step is
 * stored; on loopback some arrive before the page has drawn "Ready to work offline". */
const SECOND_STEP = /\/_app\/ocr\/|\/zxing_reader[^/]*\.wasm$|\/DejaVuSans[^/]*\.ttf$/;

ensureBuild();
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

async function firstVisit(url) {
	const browser = await chromium.launch(chromiumLaunchOptions());
	try {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const sizes = [];
		// Service worker requests are reported on the context in Chromium.
		context.on('requestfinished', (request) => {
			sizes.push(
				request.sizes().then((s) => ({
					at: Date.now(),
					second: SECOND_STEP.test(new URL(request.url()).pathname),
					bytes: s.responseBodySize + s.responseHeadersSize
				}))
			);
		});
		const start = Date.now();
		await page.goto(url);
		await page.getByText('Ready to work offline').waitFor({ timeout: 60_000 });
		const ready = Date.now();
		for (const name of ENGINES) {
			await page.getByText(`${name}: ready offline`).waitFor({ timeout: 120_000 });
		}
		const stored = Date.now();
		const all = await Promise.all(sizes);
		const sum = (until, which = () => true) =>
			all.filter((r) => r.at <= until && which(r)).reduce((s, r) => s + r.bytes, 0);
		const firstStep = (r) => !r.second;
		return {
			// What "Ready to work offline" waits for: everything but the second step's files.
			bytesBeforeReady: sum(ready, firstStep),
			requestsBeforeReady: all.filter((r) => r.at <= ready && firstStep(r)).length,
			secondStepBytesBeforeReadyShown: sum(ready, (r) => r.second),
			bytesFirstVisit: sum(stored),
			requestsFirstVisit: all.length,
			msToReady: ready - start,
			msToAllStored: stored - start
		};
	} finally {
		await browser.close();
	}
}

async function lighthouseRun(url) {
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu']
	});
	try {
		const { lhr } = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility']
		});
		return {
			performance: Math.round(lhr.categories.performance.score * 100),
			tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
			accessibility: Math.round(lhr.categories.accessibility.score * 100)
		};
	} finally {
		chrome.kill();
	}
}

const server = await startServer();
try {
	const visit = await firstVisit(server.url);
	const runs = [];
	for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseRun(server.url));
	const browser = await chromium.launch(chromiumLaunchOptions());
	const results = {
		machine: machine(browser.version()),
		date: new Date().toISOString(),
		firstVisit: visit,
		lighthouse: {
			runs,
			median: {
				performance: median(runs.map((r) => r.performance)),
				tbtMs: median(runs.map((r) => r.tbtMs)),
				accessibility: median(runs.map((r) => r.accessibility))
			}
		}
	};
	await browser.close();
	console.log(`Machine: ${JSON.stringify(results.machine)}`);
	console.log(
		`First visit: ${mb(visit.bytesBeforeReady)} in ${visit.requestsBeforeReady} requests before "Ready to work offline" (${visit.msToReady} ms; ${mb(visit.secondStepBytesBeforeReadyShown)} of the second step already under way as it showed); ` +
			`${mb(visit.bytesFirstVisit)} in ${visit.requestsFirstVisit} requests in all, every engine stored at ${visit.msToAllStored} ms`
	);
	const m = results.lighthouse.median;
	console.log(
		`Lighthouse 12.2.3, median of ${LIGHTHOUSE_RUNS}: performance ${m.performance}, TBT ${m.tbtMs} ms, accessibility ${m.accessibility} ` +
			`(runs: ${runs.map((r) => `${r.performance}/${r.tbtMs} ms/${r.accessibility}`).join(', ')})`
	);
	mkdirSync(join(root, 'bench-results'), { recursive: true });
	writeFileSync(join(root, 'bench-results/first-visit.json'), JSON.stringify(results, null, 2));
} finally {
	server.stop();
}
