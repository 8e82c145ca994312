// `node scripts/bench-visit.js`: the visit budgets of issue 12, counted tap by tap. A scripted
// Shop visit, offline, at 390x844 in Chromium against the production build: one product (every
// scope question answered so all 16 Shop visit checks apply, all Pass but one Fail, the photos
// each check asks for: four taken, the rest linked), then five products in one visit. A click, a fill or a chosen file is one
// tap; every file chosen is a photo taken. Prints the counts and writes bench-results/visit.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureBuild } from './build-if-needed.js';
import { machine, startServer } from './bench-support.js';
import { chromiumLaunchOptions } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const labelPhoto = fileURLToPath(
	new URL('../../shared/testdata/photos/label-small-upright.jpg', import.meta.url)
);
// GTINs with valid check digits, one per product of the visit.
const GTINS = ['5012345678900', '4006381333931', '9780201379624', '0012345678905', '8712345678906'];
const FAILED_CHECK = 'Support period with an end date';

// Four photos a Shop visit takes: the label, the packaging, the maker's support page and the
// privacy notice. Every other check that wants a photo links one of them (by the check it was
// taken for), as an officer would: one photo of the box shows what five checks ask. Where the
// app offers that photo beside the verdict, the verdict links it; otherwise it costs a tap in
// "Photos already taken", and an offer the plan does not want costs a tap on "Not this photo".
const LABEL = 'Model designation on the device';
const PACK = 'Same model designation everywhere';
const SITE = "Support period on the maker's website";
const PHOTO_PLAN = {
	[LABEL]: ['take'],
	[PACK]: [LABEL, 'take'],
	'Printed passwords': [LABEL],
	'Password built from public details': [LABEL],
	'Connectors within reach': [LABEL],
	'Sensors described': [PACK],
	'Security claims and marks': [PACK],
	'Statement of compliance with the product': [PACK],
	'What the statement of compliance says': [PACK],
	[SITE]: ['take'],
	'Support period with an end date': [PACK],
	"Support period on the maker's own shop": [SITE],
	'How to report a security problem': [SITE],
	'Privacy information': ['take']
};

/** Counts what a person does: each click, fill or chosen file is one tap. */
class Taps {
	taps = 0;
	photos = 0;
	constructor(page) {
		this.page = page;
	}
	async click(locator) {
		await locator.click();
		this.taps++;
	}
	async check(locator) {
		await locator.check();
		this.taps++;
	}
	async fill(locator, text) {
		await locator.fill(text);
		this.taps++;
	}
	async choosePhotos(button, count) {
		const chooser = this.page.waitForEvent('filechooser');
		await this.click(button);
		await (await chooser).setFiles(Array(count).fill(labelPhoto));
		this.taps++;
		this.photos += count;
	}
}

/** From Identify (typed code) to the first check, the way the screens offer it. */
async function identifyAndScope(page, t, gtin, model, firstInVisit) {
	await t.fill(page.getByRole('textbox', { name: 'Type a code' }), gtin);
	await t.click(page.getByRole('button', { name: 'Use code' }));
	await t.fill(page.getByRole('textbox', { name: 'Model designation' }), model);
	await t.click(page.getByRole('button', { name: 'Continue' }));
	const where = page.getByRole('heading', { name: /^(Where and who|Scope)$/ });
	const kind = page.getByText('What kind of inspection is this?');
	await Promise.race([where.waitFor(), kind.waitFor()]);
	if (await kind.isVisible()) {
		await t.click(page.getByRole('button', { name: 'Shop visit' }));
		await page.getByRole('heading', { name: 'Where and who' }).waitFor();
	}
	if (await page.getByRole('heading', { name: 'Where and who' }).isVisible()) {
		// Place and inspector are remembered on this device; type them only when empty.
		const place = page.getByRole('textbox', { name: 'Place' });
		const inspector = page.getByRole('textbox', { name: 'Inspector' });
		if (firstInVisit || (await place.inputValue()) !== 'Corner Electrics')
			await t.fill(place, 'Corner Electrics');
		if (firstInVisit || (await inspector.inputValue()) !== 'Zoë Ångström')
			await t.fill(inspector, 'Zoë Ångström');
		await t.click(page.getByRole('button', { name: 'Continue' }));
	}
	await page.getByRole('heading', { name: 'Scope', exact: true }).waitFor();
	const same = page.getByRole('button', { name: 'Same as last product' });
	if (!firstInVisit && (await same.count()) > 0) {
		await t.click(same);
	} else {
		const scope = [
			[/connect to the internet/, 'Yes'],
			[/category the UK product security law leaves out/, 'No'],
			[/use a password or PIN/, 'Yes'],
			[/software be updated/, 'Yes'],
			[/phone app or an online account/, 'Yes'],
			[/made or marketed for children/, 'No']
		];
		for (const [question, choice] of scope)
			await t.check(
				page
					.getByRole('group', { name: question })
					.getByRole('radio', { name: choice, exact: true })
			);
		await t.click(page.getByRole('button', { name: 'Start checks' }));
	}
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Answers every check (photos first, as asked), then signs. */
async function answerChecksAndSign(page, t) {
	for (;;) {
		const heading = page.getByRole('heading', { level: 1 });
		await page.getByRole('radiogroup', { name: 'Verdict' }).waitFor();
		const title = (await heading.textContent()).trim();
		const wanted = page.getByText(/^0 of (\d+) required photos? taken$/);
		if ((await wanted.count()) > 0) {
			const count = Number(/of (\d+)/.exec(await wanted.textContent())[1]);
			const plan = PHOTO_PLAN[title] ?? Array(count).fill('take');
			const offered = page.getByRole('list', { name: 'Photos offered' }).getByRole('listitem');
			const offeredFor = async () =>
				(await offered.allTextContents()).map(
					(text) => /taken for (.+?)\s*Not this photo/.exec(text)?.[1]
				);
			let linked = 0;
			for (const step of plan) {
				if (step === 'take')
					await t.choosePhotos(page.getByRole('button', { name: 'Add from gallery' }), 1);
				// A photo offered beside the verdict is linked by the verdict: no tap here.
				else if ((await offeredFor()).includes(step)) continue;
				// The photos already taken are listed while the check wants one: one tap links it.
				else
					await t.click(
						page
							.getByRole('list', { name: 'Photos already taken' })
							.getByRole('button', { name: new RegExp(`taken for ${escape(step)}$`) })
					);
				linked++;
				await page.getByText(`${linked} of ${count} required`).waitFor({ timeout: 60_000 });
			}
			// An offer the plan does not want is turned down, a tap each, as a person would.
			for (const [i, takenFor] of [...(await offeredFor()).entries()].reverse())
				if (!plan.includes(takenFor))
					await t.click(offered.nth(i).getByRole('button', { name: 'Not this photo' }));
			const accepted = (await offeredFor()).length;
			if (linked + accepted !== count)
				throw new Error(`${title}: ${linked} linked and ${accepted} offered of ${count} wanted`);
		}
		const fail = title === FAILED_CHECK;
		await t.check(
			page
				.getByRole('radiogroup', { name: 'Verdict' })
				.getByRole('radio', { name: fail ? 'Fail' : 'Pass' })
		);
		if (fail)
			await t.fill(
				page.getByRole('textbox', { name: /^Reason/ }),
				'Says "regular updates", no date.'
			);
		const sign = page.getByRole('button', { name: 'Sign report' });
		if (fail) {
			await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
			const next = page.getByRole('button', { name: 'Next', exact: true });
			if ((await next.count()) === 0 || !(await next.isEnabled())) break;
			await t.click(next);
		} else {
			// A Pass moves on by itself (no tap): wait for the next check, or the review.
			await page.waitForFunction(
				(before) => document.querySelector('h1')?.textContent?.trim() !== before,
				title
			);
		}
		// The last check leads to the review, where Sign report waits.
		await Promise.race([
			sign.waitFor(),
			page.getByRole('radiogroup', { name: 'Verdict' }).waitFor()
		]);
		if (await sign.isVisible()) break;
	}
	// Every photo the checks asked for is there, the offered ones linked by their verdicts.
	await page.getByText('Nothing required is missing.').waitFor();
	await t.click(page.getByRole('button', { name: 'Sign report' }));
	await t.click(page.getByRole('dialog').getByRole('button', { name: 'Sign report' }));
	await page.getByRole('region', { name: 'Signed report' }).waitFor({ timeout: 60_000 });
}

async function journey(page, url, products) {
	await page.goto(url);
	const t = new Taps(page);
	const started = performance.now();
	for (let i = 0; i < products; i++) {
		const next = page.getByRole('button', { name: 'Next product' });
		if (i > 0 && (await next.count()) > 0) {
			await t.click(next);
		} else {
			await page.goto(url);
			await t.click(page.getByRole('button', { name: 'New inspection' }));
		}
		await page.getByRole('heading', { name: /Identify the product/ }).waitFor();
		await identifyAndScope(page, t, GTINS[i], `SC-CAM-${200 + i}`, i === 0);
		await answerChecksAndSign(page, t);
	}
	return {
		products,
		taps: t.taps,
		photos: t.photos,
		seconds: (performance.now() - started) / 1000
	};
}

ensureBuild();
const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const results = { machine: machine(browser.version()), date: new Date().toISOString() };
try {
	for (const [name, products] of [
		['oneProduct', 1],
		['fiveProducts', 5]
	]) {
		// A fresh device for each journey: nothing remembered from the one before.
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(server.url);
		await page.getByText('Ready to work offline').waitFor({ timeout: 60_000 });
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await context.setOffline(true);
		results[name] = await journey(page, server.url, products);
		await context.close();
	}
} finally {
	await browser.close();
	server.stop();
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/visit.json'), JSON.stringify(results, null, 2));
console.log('Visit journeys, offline, 390x844 (a click, a fill or a chosen file is one tap):');
const one = results.oneProduct;
const five = results.fiveProducts;
console.log(
	`  one product, Shop visit       ${one.taps} taps, ${one.photos} photos taken, ${one.seconds.toFixed(0)} s (budget 30 taps, 4 photos, 90 s)`
);
console.log(
	`  five products in one visit    ${five.taps} taps, ${five.photos} photos taken, ${five.seconds.toFixed(0)} s (budget 130 taps)`
);
