// `node scripts/bench-scanner.js`: the scanner's figures in a real Chromium against the
// production build. Prints, and writes bench-results/scanner.json:
// - the median time to decode one photo, per format, over every ZXing test image (0°), through
//   the app's own photo path (the production scanner chunk, its worker and WebAssembly);
// - how much the main thread works, and how long it is blocked, per second while the camera
//   scans (Chromium's fake camera showing a frame with no code: the decoder never stops), next
//   to the same page with the camera off.
// Figures depend on the machine, which is named in the output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
	barcodeImages,
	decodeInPage,
	loadScannerInPage,
	median,
	scannerChunkUrl,
	serveImages
} from './barcode-photos.js';
import { ensureBuild } from './build-if-needed.js';
import { machine, startServer } from './bench-support.js';
import { chromiumLaunchOptions } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const WINDOW_MS = 10_000;
const fakeCamera = join(root, '../shared/testdata/camera/no-code.y4m');

ensureBuild();
const server = await startServer();
const results = { date: new Date().toISOString() };

try {
	results.photos = await photoDecodeTimes();
	results.camera = await cameraMainThread();
} finally {
	server.stop();
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/scanner.json'), JSON.stringify(results, null, 2));

const m = results.machine;
console.log(`Machine: ${m.cpu} (${m.cores} cores), Node ${m.node}, Chromium ${m.chromium}`);
console.log('Photo decode, median per photo (ZXing test images, as stored, 0°):');
for (const [format, f] of Object.entries(results.photos.byFormat)) {
	console.log(
		`  ${format.padEnd(11)} ${f.medianMs.toFixed(1).padStart(6)} ms  (${f.images} photos)`
	);
}
const c = results.camera;
console.log(
	`Camera scanning, ${c.windowMs / 1000} s window, ${c.scanning.framesPerSecond.toFixed(1)} frames decoded a second:`
);
for (const [label, run] of [
	['app idle (Home, no camera)', c.idle],
	['camera scanning', c.scanning]
]) {
	console.log(
		`  ${label.padEnd(28)} main thread busy ${run.busyMsPerSecond.toFixed(1)} ms/s, ` +
			`blocked by long tasks ${run.longTaskMsPerSecond.toFixed(1)} ms/s (${run.longTasks} tasks over 50 ms)`
	);
}

async function photoDecodeTimes() {
	const browser = await chromium.launch(chromiumLaunchOptions());
	results.machine = machine(browser.version());
	try {
		const page = await browser.newPage();
		await serveImages(page);
		await page.goto(server.url);
		await loadScannerInPage(page, scannerChunkUrl());
		const images = barcodeImages();
		// The first decode compiles the WebAssembly: not a photo's cost, so it is left out.
		await decodeInPage(page, images.slice(0, 1), { rotations: false });
		const decoded = await decodeInPage(page, images, { rotations: false });
		const byFormat = {};
		for (const format of [...new Set(decoded.map((d) => d.format))]) {
			const times = decoded.filter((d) => d.format === format).map((d) => d.ms);
			byFormat[format] = { images: times.length, medianMs: median(times) };
		}
		return { byFormat };
	} finally {
		await browser.close();
	}
}

async function cameraMainThread() {
	const options = chromiumLaunchOptions();
	const browser = await chromium.launch({
		...options,
		args: [
			...options.args,
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${fakeCamera}`
		]
	});
	try {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const frame = page.locator('[data-camera]');
		const frames = async () => Number(await frame.getAttribute('data-frames'));

		// Idle: the app open on Home, no camera.
		await page.goto(server.url);
		await page.getByText('Ready to work offline').waitFor();
		const idle = await measure(page, cdp);

		// Identify: the camera starts by itself (the fake prompt has allowed it), else on request.
		await page.goto(`${server.url}/inspections/new`);
		await frame.waitFor();
		const button = page.getByRole('button', { name: 'Scan with camera' });
		if (await button.isVisible()) await button.click();
		await page.locator('[data-camera="running"]').waitFor();
		await page.waitForTimeout(2000); // past the camera's start and the WebAssembly's compile
		const before = await frames();
		const scanning = await measure(page, cdp);
		scanning.framesPerSecond = ((await frames()) - before) / (WINDOW_MS / 1000);
		return { windowMs: WINDOW_MS, video: 'no-code.y4m (640x480)', idle, scanning };
	} finally {
		await browser.close();
	}
}

/** Main-thread work (Chromium's TaskDuration) and long tasks over one window, per second. */
async function measure(page, cdp) {
	await page.evaluate(() => {
		window.__longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
		}).observe({ type: 'longtask' });
	});
	const taskSeconds = async () =>
		(await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
	const start = await taskSeconds();
	await page.waitForTimeout(WINDOW_MS);
	const busyMs = ((await taskSeconds()) - start) * 1000;
	const longTasks = await page.evaluate(() => window.__longTasks);
	const seconds = WINDOW_MS / 1000;
	return {
		busyMsPerSecond: busyMs / seconds,
		// A long task blocks input for its time over 50 ms (the Total Blocking Time rule).
		longTaskMsPerSecond: longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0) / seconds,
		longTasks: longTasks.length
	};
}
