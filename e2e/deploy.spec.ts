import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { PASSWORD, freePort } from './support/api';
import { SMALL_PHOTO, enrolDevice, signReport } from './support/device';
import { freshDataDir, startServer, type RunningServer } from './support/server';

const NEW_PASSWORD = 'green-Teapot-97-Lighthouse';

/** The link the server printed (just after "running at") for creating its first administrator. */
async function setupLink(server: RunningServer): Promise<string> {
	const link = () =>
		/Create one within 24 hours at (\S+\/setup\/[A-Za-z0-9_-]{43})\b/.exec(server.output())?.[1];
	await expect.poll(link, { message: server.output() }).toBeDefined();
	return link()!;
}

/** The set-up form, the admin's invitation of an inspector; returns the invitation link. */
async function setUpAndInvite(page: Page, link: string): Promise<string> {
	await page.goto(link);
	await page.getByLabel('Organisation').fill('Acme Trading Standards');
	await page.getByLabel('Your name').fill('Ada Admin');
	await page.getByLabel('E-mail').fill('ada@acme.test');
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create administrator' }).click();
	await expect(page.getByRole('heading', { name: 'Acme Trading Standards' })).toBeVisible();
	await page.getByLabel('E-mail').fill('ivy@acme.test');
	await page.getByLabel('Role').selectOption('inspector');
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	return (await page.locator('#invite-link').textContent())!.trim();
}

async function acceptInvitation(page: Page, link: string) {
	await page.goto(link);
	await page.getByLabel('Your name').fill('Ivy Inspector');
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
}

async function sessionCookieOf(page: Page) {
	const cookies = await page.context().cookies();
	return cookies.find((c) => c.name === 'shelfcheck_session');
}

test.describe('deploying', () => {
	test.describe.configure({ timeout: 240_000 });
	let server: RunningServer | undefined;
	let browser: Browser | undefined;
	test.afterEach(async () => {
		await browser?.close();
		await server?.stop();
		browser = server = undefined;
	});

	test('with nothing set, on http://localhost: set-up, invitation, password change, sign-out, the app syncs; another origin is refused', async ({
		page,
		browser: shared
	}) => {
		// Nothing but a port and a fresh DATA_DIR: no ORIGIN, no HOST (all addresses).
		const port = await freePort();
		server = await startServer({ port, env: { HOST: '' } });
		const link = await setupLink(server);
		expect(link).toMatch(new RegExp(`^http://localhost:${port}/setup/`));

		const admin = await (await shared.newContext()).newPage();
		const invitation = await setUpAndInvite(admin, link);
		expect(invitation).toMatch(new RegExp(`^http://localhost:${port}/invite/`));
		// Plain HTTP: the cookie must not be Secure (a browser would then never send it back).
		expect(await sessionCookieOf(admin)).toMatchObject({ secure: false, httpOnly: true });

		// The admin changes their password, signs out, and signs in again at 127.0.0.1.
		await admin.getByRole('link', { name: 'Your account' }).click();
		await admin.getByLabel('Current password').fill(PASSWORD);
		await admin.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
		await admin.getByLabel('New password again').fill(NEW_PASSWORD);
		await admin.getByRole('button', { name: 'Change password' }).click();
		await expect(admin.getByText('Your password is changed.')).toBeVisible();
		await admin.getByRole('button', { name: 'Sign out' }).click();
		await admin.goto(`http://127.0.0.1:${port}/signin`);
		await admin.getByLabel('E-mail').fill('ada@acme.test');
		await admin.getByLabel('Password').fill(NEW_PASSWORD);
		await admin.getByRole('button', { name: 'Sign in' }).click();
		await expect(admin.getByText('Signed in as Ada Admin (admin)')).toBeVisible();

		// The inspector's phone: the invitation, then the app signs in, enrols, signs and syncs.
		await acceptInvitation(page, invitation);
		await enrolDevice(page, `http://localhost:${port}`);
		const signed = await signReport(page, { model: 'SC-CAM-200', photos: [SMALL_PHOTO] });
		await expect(page.getByText('All synced')).toBeVisible({ timeout: 30_000 });
		await admin.goto(`http://127.0.0.1:${port}/reports`);
		await expect(admin.getByRole('link', { name: /SC-CAM-200/ })).toBeVisible();
		const held = await admin.request.get(`http://127.0.0.1:${port}/api/v1/reports/${signed.id}`);
		expect((await held.json()).reportHash).toBe(signed.hash);

		// A form posted from another origin is refused, and so is one claiming to be HTTPS.
		const cookie = `shelfcheck_session=${(await sessionCookieOf(admin))!.value}`;
		const forgeries: Record<string, string>[] = [
			{ origin: 'http://evil.example' },
			{ origin: `https://127.0.0.1:${port}`, 'x-shelfcheck-connection-protocol': 'https' }
		];
		for (const headers of forgeries) {
			const forged = await fetch(`http://127.0.0.1:${port}/admin?/invite`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					...headers,
					cookie,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ email: 'mallory@evil.example', role: 'admin' })
			});
			expect(forged.status).toBe(403);
			expect(await forged.text()).toContain('Cross-site POST form submissions are forbidden');
		}
		await admin.reload();
		await expect(admin.getByText('mallory@evil.example')).toHaveCount(0);
	});

	test('with no proxy configured, X-Forwarded-For does not choose the address sign-ins are throttled by', async () => {
		const attempts = async (target: RunningServer, count: number) => {
			const statuses: number[] = [];
			for (let i = 0; i < count; i++) {
				const response = await fetch(`${target.url}/api/v1/session`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-forwarded-for': `198.51.100.${i + 1}`
					},
					// A different account each time: only the per-address counter can add up.
					body: JSON.stringify({ email: `nobody${i}@acme.test`, password: 'wrong-Password-0' })
				});
				statuses.push(response.status);
			}
			return statuses;
		};
		// 20 failures from one address are allowed; the 21st waits, whatever the header says.
		server = await startServer();
		expect(await attempts(server, 21)).toEqual([...Array(20).fill(401), 429]);
		await server.stop();
		// Behind a proxy that sets it, the header is the address (each of these is a new one).
		server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
		expect(await attempts(server, 21)).toEqual(Array(21).fill(401));
	});

	test('over HTTPS with a certificate from npm run cert: Chromium trusts its key, the service worker runs, the app signs and syncs, cookies are Secure', async ({
		page: _unused
	}) => {
		const tls = freshDataDir();
		execFileSync(
			process.execPath,
			['scripts/cert.js', 'shelfcheck.test', '127.0.0.1', '--out', tls],
			{ cwd: new URL('..', import.meta.url).pathname }
		);
		const cert = join(tls, 'server.crt');
		const port = await freePort();
		server = await startServer({
			port,
			env: { TLS_CERT: cert, TLS_KEY: join(tls, 'server.key') }
		});
		const origin = `https://shelfcheck.test:${port}`;
		const link = await setupLink(server);
		expect(link).toMatch(new RegExp(`^${origin}/setup/`));

		// Trust exactly this certificate's key, as a phone trusts the team's CA; no blanket ignore.
		const spki = createHash('sha256')
			.update(
				new X509Certificate(readFileSync(cert)).publicKey.export({ type: 'spki', format: 'der' })
			)
			.digest('base64');
		const options = chromiumLaunchOptions();
		browser = await chromium.launch({
			...options,
			args: [
				...(options.args ?? []),
				`--ignore-certificate-errors-spki-list=${spki}`,
				'--host-resolver-rules=MAP shelfcheck.test 127.0.0.1'
			]
		});
		const viewport = { width: 390, height: 844 };
		const admin = await (await browser.newContext({ viewport })).newPage();
		const invitation = await setUpAndInvite(admin, link);
		expect(await sessionCookieOf(admin)).toMatchObject({ secure: true, httpOnly: true });

		const phone = await (await browser.newContext({ viewport })).newPage();
		await acceptInvitation(phone, invitation);
		// Not localhost: only a trusted HTTPS origin gets a service worker and WebCrypto.
		await enrolDevice(phone, origin);
		expect(await phone.evaluate(() => window.isSecureContext)).toBe(true);
		expect(await phone.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		expect(await sessionCookieOf(phone)).toMatchObject({ secure: true });
		const signed = await signReport(phone, { model: 'SC-PLUG-10', photos: [SMALL_PHOTO] });
		await expect(phone.getByText('All synced')).toBeVisible({ timeout: 30_000 });
		// What the reviewer's browser reads from the server (the name resolves inside Chromium only).
		const held = await admin.evaluate(
			async (id) => (await fetch(`/api/v1/reports/${id}`)).json(),
			signed.id
		);
		expect(held.reportHash).toBe(signed.hash);

		// HSTS on every answer over HTTPS, the static files too.
		const headers = await new Promise<Record<string, unknown>>((resolve, reject) =>
			request(
				`https://127.0.0.1:${port}/manifest.webmanifest`,
				{ ca: readFileSync(join(tls, 'ca.crt')) },
				(response) => {
					response.resume();
					resolve(response.headers);
				}
			)
				.on('error', reject)
				.end()
		);
		expect(headers['strict-transport-security']).toBe('max-age=31536000');
	});
});
