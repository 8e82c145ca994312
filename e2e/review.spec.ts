/**
 * The reviewer's view (server pages) in a real Chromium against the real server, on SQLite and on
 * PostgreSQL: reports listed and searched by every filter, a report page with its photos and its
 * signature checked again, the server-rendered PDF, CSV and JSON exports, the product register,
 * and who may see what.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, test, type Download, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/app';
import {
	ENGINES,
	PASSWORD,
	addForeignOrganisation,
	addUser,
	adminUrl,
	client,
	enrol,
	newDevice,
	reportDocument,
	setUp,
	sha256,
	sign,
	signIn,
	startApiServer,
	type ApiServer
} from './support/api';
import { testdataUrl } from '../tests/testdata';

type Api = ReturnType<typeof client>;
type Key = Awaited<ReturnType<typeof newDevice>>;

const LABEL = readFileSync(testdataUrl('photos/label-small-upright.jpg'));

/** The label photo with a comment segment after SOI: a real JPEG with its own hash. */
function jpeg(label: string): Uint8Array {
	const text = Buffer.from(`review test photo ${label}`);
	const segment = Buffer.concat([
		Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]),
		text
	]);
	return new Uint8Array(Buffer.concat([LABEL.subarray(0, 2), segment, LABEL.subarray(2)]));
}

const at = (day: string) => `2026-11-${day}T10:00:00.000Z`;

async function upload(
	api: Api,
	key: Key,
	photos: Uint8Array[],
	overrides: Record<string, unknown>
) {
	for (const bytes of photos) {
		const put = await api(`/api/v1/evidence/${await sha256(bytes)}`, {
			method: 'PUT',
			headers: { 'content-type': 'image/jpeg' },
			body: bytes as Uint8Array<ArrayBuffer>
		});
		expect(put.ok).toBe(true);
	}
	const document = await reportDocument(key, photos, overrides);
	const id = document.reportId as string;
	const response = await api(`/api/v1/reports/${id}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/jose' },
		body: await sign(document, key)
	});
	expect(response.status, await response.clone().text()).toBe(201);
	return { id, hash: (await response.json()).reportHash as string };
}

const answer = (checkId: string, verdict: string, reason: string, photos: string[] = []) => ({
	checkId,
	verdict,
	reason,
	answeredAt: at('20'),
	photos
});

/** Runs one statement on the server's database (the test's back door, as in support/api.ts). */
async function execute(server: ApiServer, sqliteSql: string, pgSql: string, params: unknown[]) {
	if (server.engine === 'sqlite') {
		const db = new Database(join(server.dataDir, 'shelfcheck.db'));
		db.pragma('busy_timeout = 5000');
		db.prepare(sqliteSql).run(...params);
		db.close();
	} else {
		const db = new pg.Client({ connectionString: server.databaseUrl });
		await db.connect();
		await db.query(pgSql, params);
		await db.end();
	}
}

async function signInAs(page: Page, server: ApiServer, email: string, path = '/reports') {
	await page.goto(`${server.url}/signin?next=${encodeURIComponent(path)}`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(`${server.url}${path}`);
}

const listed = (page: Page) =>
	page
		.locator('[data-report-id]')
		.evaluateAll((items) => items.map((item) => item.getAttribute('data-report-id')!));

/** Fills the search form as a person would and submits it; answers the ids listed. */
async function search(page: Page, server: ApiServer, fields: Record<string, string>) {
	await page.goto(`${server.url}/reports`);
	await page.getByText('Search reports').click();
	for (const [label, value] of Object.entries(fields)) {
		const field = page.getByLabel(label, { exact: true });
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await page.waitForURL(/\/reports\?/);
	return (await listed(page)).sort();
}

async function saved(download: Download): Promise<Buffer> {
	const file = join(
		mkdtempSync(join(tmpdir(), 'shelfcheck-review-')),
		download.suggestedFilename()
	);
	await download.saveAs(file);
	return readFileSync(file);
}

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	return rows;
}

for (const engine of ENGINES) {
	test.describe.serial(`reviewer's view on ${engine}`, () => {
		test.skip(engine === 'postgres' && !adminUrl, 'TEST_DATABASE_URL is not set');
		let server: ApiServer;
		const ids = {} as Record<'a' | 'b' | 'c' | 'foreign' | 'tampered', string>;
		const bulk: string[] = [];
		const hashes = {} as Record<'a', string>;
		let ianKid = '';

		test.beforeAll(async () => {
			test.setTimeout(240_000);
			server = await startApiServer(engine);
			const admin = await setUp(server);
			const ivy = client(server, await addUser(server, admin, 'ivy@acme.test', 'inspector'));
			const ian = client(server, await addUser(server, admin, 'ian@acme.test', 'inspector'));
			await addUser(server, admin, 'rex@acme.test', 'reviewer');
			const olga = client(
				server,
				await addForeignOrganisation(server, 'olga@other.test', 'inspector')
			);
			const ivyKey = await newDevice();
			const ianKey = await newDevice();
			const olgaKey = await newDevice();
			ianKid = ianKey.kid;
			expect((await enrol(ivy, ivyKey, 'Ivy’s phone')).status).toBe(201);
			expect((await enrol(ian, ianKey, 'Ian’s phone')).status).toBe(201);
			expect((await enrol(olga, olgaKey, 'Olga’s phone')).status).toBe(201);

			const photos = [jpeg('card'), jpeg('box')];
			const [card, box] = await Promise.all(photos.map(sha256));
			// A: Ivy, a camera that fails 5.1-1 and PSTI-1, with two photos.
			let sent = await upload(ivy, ivyKey, photos, {
				product: { gtin: '05012345678900', brand: 'Acme', model: 'SC-CAM-200' },
				place: { kind: 'shop', name: 'Corner Electrics', address: '1 High Street' },
				inspector: { name: 'Ivy Inspector' },
				answers: [
					answer('ID-01', 'PASS', ''),
					answer('PHY-01', 'FAIL', 'A card in the box reads “Password: admin”.', [card!, box!])
				],
				photos: photos.map((bytes, i) => ({
					sha256: [card, box][i],
					bytes: bytes.length,
					type: 'image/jpeg',
					width: 750,
					height: 1000,
					capturedAt: at('20'),
					checkId: 'PHY-01',
					caption: ['Password card', 'Retail box'][i],
					derivedFrom: null,
					derivation: null,
					marks: [],
					location: null
				})),
				rollup: [
					{
						framework: 'EN303645',
						provisions: [{ id: '5.1-1', outcome: 'FAIL', checks: ['PHY-01'] }]
					},
					{
						framework: 'PSTI',
						provisions: [
							{ id: 'PSTI-1', outcome: 'FAIL', checks: ['PHY-01'] },
							{ id: 'PSTI-2', outcome: 'NOT_ASSESSED', checks: [] }
						]
					}
				],
				finishedAt: at('20')
			});
			ids.a = sent.id;
			hashes.a = sent.hash;
			// B: Ivy, a plug that meets 5.1-1, at the market the next day.
			sent = await upload(ivy, ivyKey, [], {
				product: { gtin: '04006381333931', brand: 'Bolt', model: 'Plug P1' },
				place: { kind: 'shop', name: 'Market Hall' },
				inspector: { name: 'Ivy Inspector' },
				answers: [answer('ID-01', 'PASS', ''), answer('PHY-02', 'NA', 'No label to read.')],
				photos: [],
				rollup: [
					{
						framework: 'EN303645',
						provisions: [{ id: '5.1-1', outcome: 'PASS', checks: ['ID-01'] }]
					},
					{ framework: 'PSTI', provisions: [{ id: 'PSTI-1', outcome: 'PASS', checks: ['ID-01'] }] }
				],
				finishedAt: at('21')
			});
			ids.b = sent.id;
			// C: Ian, the same camera as A elsewhere, referred; its place would be a formula in a sheet.
			sent = await upload(ian, ianKey, [], {
				product: { gtin: '05012345678900', brand: 'Acme', model: 'SC-CAM-200' },
				place: { kind: 'goods-in', name: '=SUM(1+1), Bay 2' },
				context: 'goods-in',
				bundle: { id: 'goods-in', name: 'Goods-in' },
				inspector: { name: 'Ian Inspector' },
				answers: [answer('DOC-06', 'REFER', 'Support period not stated; asked the maker.')],
				photos: [],
				rollup: [
					{
						framework: 'EN303645',
						provisions: [{ id: '5.3-13', outcome: 'REFER', checks: ['DOC-06'] }]
					}
				],
				finishedAt: at('25')
			});
			ids.c = sent.id;
			// 24 more by Ian in October, so the list has a second page.
			for (let i = 0; i < 24; i++) {
				sent = await upload(ian, ianKey, [], {
					product: { brand: 'Bulk', model: 'Filler' },
					place: { kind: 'shop', name: `Shop ${i}` },
					inspector: { name: 'Ian Inspector' },
					answers: [answer('ID-01', 'NA', 'Not applicable here.')],
					photos: [],
					rollup: [],
					finishedAt: `2026-10-${String(i + 1).padStart(2, '0')}T09:00:00.000Z`
				});
				bulk.push(sent.id);
			}
			// One in another organisation.
			ids.foreign = (await upload(olga, olgaKey, [], { finishedAt: at('22') })).id;
			// The stored JWS of one bulk report altered behind the server's back.
			ids.tampered = bulk[0]!;
			await execute(
				server,
				"update reports set jws = substr(jws, 1, length(jws) - 2) || 'AA' where id = ?",
				"update reports set jws = substr(jws, 1, length(jws) - 2) || 'AA' where id = $1",
				[ids.tampered]
			);
			// Ian's phone is revoked after it delivered its reports.
			const adminApi = client(
				server,
				(await (await signIn(server, 'admin@acme.test')).json()).token
			);
			expect((await adminApi(`/api/v1/devices/${ianKid}`, { method: 'DELETE' })).status).toBe(200);
		});
		test.afterAll(async () => server?.dispose());

		test('without a session the reports page sends you to sign in and back', async ({ page }) => {
			await page.goto(`${server.url}/reports?brand=Acme`);
			await expect(page).toHaveURL(/\/signin\?next=%2Freports%3Fbrand%3DAcme$/);
			await page.getByLabel('E-mail').fill('rex@acme.test');
			await page.getByLabel('Password').fill(PASSWORD);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page).toHaveURL(`${server.url}/reports?brand=Acme`);
			expect((await listed(page)).sort()).toEqual([ids.a, ids.c].sort());
			for (const path of ['/products', `/reports/${ids.a}`]) {
				const anonymous = await fetch(`${server.url}${path}`, { redirect: 'manual' });
				expect(anonymous.status, path).toBe(303);
				expect(anonymous.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(path)}`);
			}
			for (const path of [`/reports/${ids.a}/report.pdf`, '/reports/export.csv']) {
				expect((await fetch(`${server.url}${path}`, { redirect: 'manual' })).status, path).toBe(
					303
				);
			}
		});

		test('a reviewer sees the organisation’s reports, newest first, a page at a time', async ({
			page
		}) => {
			await signInAs(page, server, 'rex@acme.test');
			await expect(page.getByRole('navigation', { name: 'Team server' })).toBeVisible();
			const first = await listed(page);
			// Newest received first: the 24 bulk reports came last, C before them.
			expect([...first].sort()).toEqual([...bulk, ids.c].sort());
			expect(first[24]).toBe(ids.c);
			expect(first).not.toContain(ids.foreign);
			expect(await seriousAccessibilityViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Next page' }).click();
			expect(await listed(page)).toEqual([ids.b, ids.a]);
			await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
			await page.screenshot({ path: `test-results/review-list-${engine}.png`, fullPage: true });
		});

		test('every filter finds the right reports', async ({ page }) => {
			await signInAs(page, server, 'rex@acme.test');
			const sorted = (...list: string[]) => [...list].sort();
			expect(await search(page, server, { GTIN: '5012345678900' })).toEqual(sorted(ids.a, ids.c));
			expect(await search(page, server, { Brand: 'bolt' })).toEqual([ids.b]);
			expect(await search(page, server, { Model: 'cam-2' })).toEqual(sorted(ids.a, ids.c));
			expect(await search(page, server, { 'Any answer with verdict': 'FAIL' })).toEqual([ids.a]);
			expect(await search(page, server, { 'Any answer with verdict': 'REFER' })).toEqual([ids.c]);
			expect(await search(page, server, { Provision: '5.1-1' })).toEqual(sorted(ids.a, ids.b));
			expect(
				await search(page, server, { Provision: '5.1-1', 'Provision outcome': 'FAIL' })
			).toEqual([ids.a]);
			expect(
				await search(page, server, { Provision: 'PSTI-1', 'Provision outcome': 'PASS' })
			).toEqual([ids.b]);
			expect(await search(page, server, { 'Provision outcome': 'REFER' })).toEqual([ids.c]);
			expect(await search(page, server, { Inspector: 'ivy' })).toEqual(sorted(ids.a, ids.b));
			expect(
				await search(page, server, {
					'Finished from': '2026-11-21',
					'Finished until': '2026-11-21'
				})
			).toEqual([ids.b]);
			expect(await search(page, server, { 'Finished from': '2026-11-21' })).toEqual(
				sorted(ids.b, ids.c)
			);
			expect(
				await search(page, server, { 'Finished until': '2026-10-02', Inspector: 'Ian' })
			).toEqual(sorted(bulk[0]!, bulk[1]!));
			expect(await search(page, server, { Brand: 'Acme', Inspector: 'ivy' })).toEqual([ids.a]);
			// The search stays in the form, and a bad GTIN is said, not a crash.
			await expect(page.getByLabel('Brand', { exact: true })).toHaveValue('Acme');
			await search(page, server, { GTIN: '12ab' });
			await expect(page.getByRole('alert')).toHaveText('GTIN: must be 8 to 14 digits.');
		});

		test('the report page shows the answers, photos, roll-up and a verified signature', async ({
			page
		}) => {
			await signInAs(page, server, 'rex@acme.test');
			await page.getByRole('link', { name: 'Next page' }).click();
			await page.getByRole('link', { name: 'Acme SC-CAM-200' }).click();
			await expect(page).toHaveURL(`${server.url}/reports/${ids.a}`);
			await expect(page.getByRole('heading', { name: 'Acme SC-CAM-200', level: 1 })).toBeVisible();
			await expect(
				page.getByText('Field indications, not a conformance assessment.').first()
			).toBeVisible();
			await expect(page.getByRole('region', { name: 'Signature' })).toContainText(
				/Signature verified with device Ivy’s phone\s+\(fingerprint(\s[A-Z2-7]{4}){13}\), enrolled to\s+ivy\./
			);
			await expect(page.getByText(hashes.a)).toBeVisible();
			await expect(page.getByText('Corner Electrics, 1 High Street')).toBeVisible();
			await expect(page.getByText('Ivy Inspector')).toBeVisible();
			await expect(page.getByText('2 checks answered: 1 Fail, 1 Pass.')).toBeVisible();
			await expect(
				page
					.getByRole('region', { name: 'Roll-up per framework' })
					.getByText('Indication: fails 5.1-1')
			).toBeVisible();
			await expect(
				page.getByRole('region', { name: 'UK PSTI' }).getByText('Indication: fails PSTI-1')
			).toBeVisible();
			await expect(page.getByText('A card in the box reads “Password: admin”.')).toBeVisible();
			const images = page.locator('main img');
			await expect(images).toHaveCount(2);
			for (const image of await images.all()) {
				await image.scrollIntoViewIfNeeded();
				await expect
					.poll(() =>
						image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))
					)
					.toBeGreaterThan(0);
			}
			await expect(page.getByRole('img', { name: 'Password card' })).toBeVisible();
			expect(await seriousAccessibilityViolations(page)).toEqual([]);
			// For a look on a phone: the top, the roll-up and the answers, a screen each.
			for (const [part, heading] of [
				['top', 'Acme SC-CAM-200'],
				['rollup', 'UK PSTI'],
				['answers', 'Answers']
			] as const) {
				await page
					.getByRole('heading', { name: heading, exact: true })
					.evaluate((el) => el.scrollIntoView({ block: 'start' }));
				await page.screenshot({ path: `test-results/review-report-${part}-${engine}.png` });
			}

			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: 'Download PDF' }).click()
			]);
			expect(download.suggestedFilename()).toBe(`shelfcheck-sc-cam-200-${ids.a.slice(0, 8)}.pdf`);
			const pdf = await saved(download);
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			const file = join(mkdtempSync(join(tmpdir(), 'shelfcheck-review-')), 'report.pdf');
			writeFileSync(file, pdf);
			const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
			expect(text).toContain(ids.a);
			expect(text).toContain('Field indications, not a conformance assessment.');
			// The server embedded the same fonts as the app does: DejaVu Sans, regular and bold.
			const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
			expect(fonts.match(/^DejaVuSans\s+CID TrueType\s+Identity-H\s+yes/gm)).toHaveLength(2);
			// The photos are embedded: pdfimages lists them.
			const images2 = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
			expect(
				images2.split('\n').filter((line) => /\bjpeg\b/.test(line)).length
			).toBeGreaterThanOrEqual(2);
		});

		test('a revoked device and an altered report are said on the report page', async ({ page }) => {
			await signInAs(page, server, 'rex@acme.test');
			await page.goto(`${server.url}/reports/${ids.c}`);
			const signature = page.getByRole('region', { name: 'Signature' });
			await expect(signature).toContainText('Signature verified with device Ian’s phone');
			await expect(signature).toContainText('This device was revoked on');
			await page.goto(`${server.url}/reports/${ids.tampered}`);
			await expect(page.getByRole('region', { name: 'Signature' })).toContainText(
				'Signature not verified: '
			);
			await expect(
				page.getByText('The stored report no longer hashes to this value.')
			).toBeVisible();
		});

		test('exports carry the search: CSV row per report, neutralised; JSON with roll-ups', async ({
			page
		}) => {
			await signInAs(page, server, 'rex@acme.test');
			await search(page, server, { GTIN: '05012345678900' });
			const [csvDownload] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: 'Export CSV' }).click()
			]);
			expect(csvDownload.suggestedFilename()).toMatch(
				/^shelfcheck-reports-\d{4}-\d{2}-\d{2}\.csv$/
			);
			const csv = (await saved(csvDownload)).toString('utf8');
			expect(csv.endsWith('\r\n')).toBe(true);
			const [header, ...rows] = parseCsv(csv);
			expect(header).toEqual([
				'report_id',
				'received_at',
				'finished_at',
				'gtin',
				'brand',
				'model',
				'inspector',
				'place',
				'bundle',
				'pass',
				'fail',
				'not_applicable',
				'inconclusive',
				'refer',
				'psti_1',
				'psti_2',
				'psti_3',
				'psti_soc',
				'report_hash',
				'device_kid',
				'device_label',
				'notice'
			]);
			expect(rows.map((row) => row[0]).sort()).toEqual([ids.a, ids.c].sort());
			const column = (row: string[], name: string) => row[header!.indexOf(name)];
			const a = rows.find((row) => row[0] === ids.a)!;
			expect(column(a, 'place')).toBe('Corner Electrics, 1 High Street');
			expect(column(a, 'pass')).toBe('1');
			expect(column(a, 'fail')).toBe('1');
			expect(column(a, 'psti_1')).toBe('Indication: fails');
			expect(column(a, 'psti_2')).toBe('Not assessed in this inspection');
			expect(column(a, 'notice')).toBe('Field indications, not a conformance assessment.');
			expect(column(a, 'report_hash')).toBe(hashes.a);
			expect(column(a, 'device_label')).toBe('Ivy’s phone');
			const c = rows.find((row) => row[0] === ids.c)!;
			expect(column(c, 'place')).toBe("'=SUM(1+1), Bay 2");
			expect(column(c, 'refer')).toBe('1');
			expect(column(c, 'gtin')).toBe('05012345678900');

			await page.goto(`${server.url}/reports`);
			const [jsonDownload] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: 'Export JSON' }).click()
			]);
			const json = JSON.parse((await saved(jsonDownload)).toString('utf8'));
			expect(json.notice).toBe('Field indications, not a conformance assessment.');
			expect(json.count).toBe(27);
			expect(json.reports).toHaveLength(27);
			const rolled = json.reports.find((r: { reportId: string }) => r.reportId === ids.a);
			expect(rolled).toMatchObject({
				gtin: '05012345678900',
				counts: { PASS: 1, FAIL: 1, NA: 0, INCONCLUSIVE: 0, REFER: 0 },
				psti: { 'PSTI-1': 'FAIL' },
				rollup: [
					{ framework: 'EN303645', provisions: [{ id: '5.1-1', outcome: 'FAIL' }] },
					{
						framework: 'PSTI',
						provisions: [
							{ id: 'PSTI-1', outcome: 'FAIL' },
							{ id: 'PSTI-2', outcome: 'NOT_ASSESSED' }
						]
					}
				]
			});
			expect(JSON.stringify(json)).not.toContain(ids.foreign);
		});

		test('the product register groups inspections by product, with the latest indications', async ({
			page
		}) => {
			await signInAs(page, server, 'rex@acme.test');
			await page
				.getByRole('navigation', { name: 'Team server' })
				.getByRole('link', { name: 'Products' })
				.click();
			await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
			await expect(page.getByText('3 products.')).toBeVisible();
			const camera = page.locator('[data-product="gtin:05012345678900"]');
			await expect(camera.getByRole('heading', { name: 'Acme SC-CAM-200' })).toBeVisible();
			await expect(camera).toContainText(
				'2 inspections at =SUM(1+1), Bay 2; Corner Electrics, 1 High Street'
			);
			// Latest is Ian's goods-in report (25 Nov): it refers 5.3-13 and says nothing on PSTI.
			await expect(camera).toContainText('Latest indications (25 Nov 2026)');
			await expect(camera).toContainText('EN 303 645: 1 refer');
			const links = camera.getByRole('link');
			await expect(links).toHaveCount(2);
			await expect(links.first()).toHaveAttribute('href', `/reports/${ids.c}`);
			await expect(links.last()).toHaveAttribute('href', `/reports/${ids.a}`);
			const plug = page.locator('[data-product="gtin:04006381333931"]');
			await expect(plug).toContainText('Indication: meets PSTI-1');
			await expect(page.locator('[data-product="name:bulk|filler"]')).toContainText(
				'24 inspections'
			);
			expect(await seriousAccessibilityViolations(page)).toEqual([]);
			await page.screenshot({ path: `test-results/review-products-${engine}.png`, fullPage: true });
		});

		test('an inspector sees only their own reports; another organisation’s report is 404', async ({
			page
		}) => {
			await signInAs(page, server, 'ivy@acme.test');
			await expect(page.getByText('You see the reports you sent yourself')).toBeVisible();
			expect((await listed(page)).sort()).toEqual([ids.a, ids.b].sort());
			const own = await page.goto(`${server.url}/reports/${ids.a}`);
			expect(own?.status()).toBe(200);
			const others = await page.goto(`${server.url}/reports/${ids.c}`);
			expect(others?.status()).toBe(404);
			expect((await page.request.get(`${server.url}/reports/${ids.c}/report.pdf`)).status()).toBe(
				404
			);
			await page.goto(`${server.url}/products`);
			await expect(page.getByText('2 products.')).toBeVisible();
			// No Admin for an inspector.
			await expect(
				page.getByRole('navigation', { name: 'Team server' }).getByRole('link', { name: 'Admin' })
			).toHaveCount(0);

			await signInAs(page, server, 'rex@acme.test');
			const foreign = await page.goto(`${server.url}/reports/${ids.foreign}`);
			expect(foreign?.status()).toBe(404);
			for (const path of [
				`/reports/${ids.foreign}/report.pdf`,
				`/reports/not-a-uuid`,
				`/reports/${ids.a}/photos/${'0'.repeat(64)}`
			]) {
				expect((await page.request.get(`${server.url}${path}`)).status(), path).toBe(404);
			}
			// Sign out from the navigation.
			await page.goto(`${server.url}/reports`);
			await page.getByRole('button', { name: 'Sign out' }).click();
			await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
			await page.goto(`${server.url}/reports`);
			await expect(page).toHaveURL(/\/signin\?next=/);
		});
	});
}
