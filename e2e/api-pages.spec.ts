import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/app';
import { PASSWORD, startApiServer, type ApiServer } from './support/api';

let server: ApiServer;
test.beforeEach(async () => {
	server = await startApiServer('sqlite');
});
test.afterEach(async () => server?.dispose());

test('the server pages work as plain forms in a browser and have no serious accessibility violations', async ({
	page
}) => {
	await page.goto(`${server.url}/setup/${server.setupToken()}`);
	await expect(page.getByRole('heading', { name: 'Set up this Shelfcheck server' })).toBeVisible();
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
	await page.getByLabel('Organisation').fill('Acme Trading Standards');
	await page.getByLabel('Your name').fill('Ada Admin');
	await page.getByLabel('E-mail').fill('ada@acme.test');
	await page.getByLabel('Password').fill('password1234');
	await page.getByRole('button', { name: 'Create administrator' }).click();
	await expect(page.getByRole('alert')).toContainText('commonly used password');
	await expect(page.getByLabel('E-mail')).toHaveValue('ada@acme.test');
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create administrator' }).click();

	await expect(page.getByRole('heading', { name: 'Acme Trading Standards' })).toBeVisible();
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
	await page.getByLabel('E-mail').fill('ivy@acme.test');
	await page.getByLabel('Role').selectOption('inspector');
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	await expect(page.locator('#invite-link')).toContainText('/invite/');

	await page.goto(`${server.url}/account`);
	await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
	expect(await seriousAccessibilityViolations(page)).toEqual([]);

	await page.goto(`${server.url}/signout`);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	expect(await seriousAccessibilityViolations(page)).toEqual([]);
	await page.getByLabel('E-mail').fill('ada@acme.test');
	await page.getByLabel('Password').fill('wrong password, surely');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('do not match');
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
});

test('pages carry a Content-Security-Policy without inline scripts', async () => {
	for (const path of ['/signin', '/settings']) {
		const response = await fetch(`${server.url}${path}`);
		const html = await response.text();
		const csp =
			response.headers.get('content-security-policy') ??
			/http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(csp, path).toBeTruthy();
		const scriptSrc = /script-src ([^;]+)/.exec(csp!)?.[1] ?? '';
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(csp).toContain("object-src 'none'");
	}
	const signin = await fetch(`${server.url}/signin`);
	expect(signin.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	// Static files get the baseline headers too.
	const icon = await fetch(`${server.url}/favicon.svg`);
	expect(icon.headers.get('x-content-type-options')).toBe('nosniff');
});
