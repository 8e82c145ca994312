import { expect, test } from '@playwright/test';
import {
	ENGINES,
	PASSWORD,
	adminUrl,
	client,
	postForm,
	sessionCookie,
	setUp,
	signIn,
	startApiServer,
	type ApiServer
} from './support/api';

for (const engine of ENGINES) {
	test.describe(`accounts on ${engine}`, () => {
		test.skip(engine === 'postgres' && !adminUrl, 'TEST_DATABASE_URL is not set');
		let server: ApiServer;
		test.beforeEach(async () => {
			server = await startApiServer(engine, { SECURITY_CONTACT: 'psirt@acme.test' });
		});
		test.afterEach(async () => server?.dispose());

		test('first start prints a one-time set-up link that creates the first admin, once', async () => {
			const token = server.setupToken();
			expect(server.output()).toContain(`/setup/${token}`);

			const page = await fetch(`${server.url}/setup/${token}`);
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('Create administrator');

			// A weak password is refused with feedback, and the token stays usable.
			const weak = await postForm(server, `/setup/${token}`, {
				organisation: 'Acme',
				name: 'Ada',
				email: 'ada@acme.test',
				password: 'password1234'
			});
			expect(weak.status).toBe(422);
			expect(await weak.text()).toContain('commonly used password');

			const cookie = await setUp(server, 'ada@acme.test');
			expect(cookie).toMatch(/^shelfcheck_session=[A-Za-z0-9_-]{43}$/);

			const again = await postForm(server, `/setup/${token}`, {
				organisation: 'Evil',
				name: 'Mallory',
				email: 'mallory@evil.test',
				password: PASSWORD
			});
			expect(again.status).toBe(410);
			expect(await (await fetch(`${server.url}/setup/${token}`)).text()).toContain(
				'has been used or has expired'
			);
			expect((await signIn(server, 'mallory@evil.test')).status).toBe(401);

			// After a restart with an administrator, no new link is printed.
			await server.restart();
			expect(server.output()).not.toContain('/setup/');
			expect((await signIn(server, 'ada@acme.test')).status).toBe(201);
		});

		test('an unknown or malformed set-up token is refused', async () => {
			const bad = await postForm(server, `/setup/${'A'.repeat(43)}`, {
				organisation: 'Acme',
				name: 'Ada',
				email: 'ada@acme.test',
				password: PASSWORD
			});
			expect(bad.status).toBe(410);
			const short = await postForm(server, '/setup/abc', {
				organisation: 'Acme',
				name: 'Ada',
				email: 'ada@acme.test',
				password: PASSWORD
			});
			expect(short.status).toBe(410);
		});

		test('sessions: HttpOnly SameSite=Lax cookie, bearer token, sign-out ends them', async () => {
			await setUp(server);
			const response = await signIn(server, 'admin@acme.test');
			expect(response.status).toBe(201);
			const setCookie = response.headers.getSetCookie().join('\n');
			expect(setCookie).toMatch(/shelfcheck_session=[A-Za-z0-9_-]{43}/);
			expect(setCookie).toMatch(/HttpOnly/i);
			expect(setCookie).toMatch(/SameSite=Lax/i);
			expect(setCookie).not.toMatch(/Secure/i); // plain HTTP here; HTTPS origins get Secure
			const session = await response.json();
			expect(session.user).toMatchObject({
				email: 'admin@acme.test',
				role: 'admin',
				organisation: 'Acme Trading Standards'
			});

			const api = client(server, session.token);
			expect((await api('/api/v1/session')).status).toBe(200);
			const byCookie = await fetch(`${server.url}/api/v1/session`, {
				headers: { cookie: sessionCookie(response)! }
			});
			expect(byCookie.status).toBe(200);
			expect((await api('/api/v1/session', { method: 'DELETE' })).status).toBe(204);
			const after = await api('/api/v1/session');
			expect(after.status).toBe(401);
			expect(await after.json()).toEqual({
				error: { code: 'not-signed-in', message: 'Sign in first.' }
			});
			expect((await fetch(`${server.url}/account`, { redirect: 'manual' })).status).toBe(303);
		});

		test('sign-in answers the same for an unknown account and a wrong password', async () => {
			await setUp(server);
			const wrong = await signIn(server, 'admin@acme.test', 'not-the-password-at-all');
			const unknown = await signIn(server, 'nobody@acme.test', PASSWORD);
			expect(wrong.status).toBe(401);
			expect(unknown.status).toBe(401);
			expect(await wrong.json()).toEqual(await unknown.json());
			const malformed = await fetch(`${server.url}/api/v1/session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"email":'
			});
			expect(malformed.status).toBe(400);
			const textPlain = await fetch(`${server.url}/api/v1/session`, {
				method: 'POST',
				headers: { 'content-type': 'text/plain', origin: 'https://evil.test' },
				body: JSON.stringify({ email: 'admin@acme.test', password: PASSWORD })
			});
			expect(textPlain.status).toBe(403); // SvelteKit's cross-site form check
		});

		test('sign-in is throttled per account with a growing delay that survives a restart', async () => {
			await setUp(server);
			for (let i = 0; i < 5; i++)
				expect((await signIn(server, 'admin@acme.test', `wrong password ${i}`)).status).toBe(401);
			const blocked = await signIn(server, 'admin@acme.test');
			expect(blocked.status).toBe(429);
			const retryAfter = Number(blocked.headers.get('retry-after'));
			expect(retryAfter).toBeGreaterThan(20);
			expect(retryAfter).toBeLessThanOrEqual(30);
			expect((await blocked.json()).error.code).toBe('too-many-attempts');

			await server.restart();
			expect((await signIn(server, 'admin@acme.test')).status).toBe(429);
			// The HTML form is throttled the same way.
			const form = await postForm(server, '/signin', {
				email: 'admin@acme.test',
				password: PASSWORD
			});
			expect(form.status).toBe(429);
			expect(await form.text()).toMatch(/Too many failed sign-ins/);
		});

		test('a burst of parallel guesses is throttled like a sequence', async () => {
			await setUp(server);
			const statuses = await Promise.all(
				Array.from({ length: 12 }, (_, i) => signIn(server, 'admin@acme.test', `guess number ${i}`))
			).then((responses) => responses.map((r) => r.status));
			expect(statuses.filter((s) => s === 401)).toHaveLength(5);
			expect(statuses.filter((s) => s === 429)).toHaveLength(7);
		});

		test('sign-in is throttled per address across accounts', async () => {
			for (let i = 0; i < 20; i++)
				expect((await signIn(server, `user${i}@acme.test`, 'wrong password here')).status).toBe(
					401
				);
			const blocked = await signIn(server, 'someone-else@acme.test', 'wrong password here');
			expect(blocked.status).toBe(429);
			expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		});

		test('admins invite and deactivate; users change their password with the old one', async () => {
			const adminCookie = await setUp(server);
			const invited = await postForm(
				server,
				'/admin?/invite',
				{ email: 'ivy@acme.test', role: 'inspector' },
				adminCookie
			);
			expect(invited.status).toBe(200);
			const link = /\/invite\/([A-Za-z0-9_-]{43})/.exec(await invited.text())![1]!;
			const accepted = await postForm(server, `/invite/${link}`, {
				name: 'Ivy',
				password: PASSWORD
			});
			expect(accepted.status).toBe(303);
			const ivyCookie = sessionCookie(accepted)!;
			expect(
				(await postForm(server, `/invite/${link}`, { name: 'Eve', password: PASSWORD })).status
			).toBe(410);

			// An inspector is not an admin.
			const denied = await postForm(
				server,
				'/admin?/invite',
				{ email: 'x@acme.test', role: 'admin' },
				ivyCookie
			);
			expect([303, 403]).toContain(denied.status);

			// Change password: the old one is required, the policy applies, other sessions end.
			const other = (await (await signIn(server, 'ivy@acme.test')).json()).token;
			const wrongOld = await postForm(
				server,
				'/account?/password',
				{
					current: 'nope',
					password: 'another-Quiet-Lantern-7',
					confirm: 'another-Quiet-Lantern-7'
				},
				ivyCookie
			);
			expect(wrongOld.status).toBe(403);
			const weak = await postForm(
				server,
				'/account?/password',
				{ current: PASSWORD, password: 'short', confirm: 'short' },
				ivyCookie
			);
			expect(weak.status).toBe(422);
			const changed = await postForm(
				server,
				'/account?/password',
				{
					current: PASSWORD,
					password: 'another-Quiet-Lantern-7',
					confirm: 'another-Quiet-Lantern-7'
				},
				ivyCookie
			);
			expect(changed.status).toBe(200);
			expect((await client(server, other)('/api/v1/session')).status).toBe(401);
			expect(
				(await fetch(`${server.url}/api/v1/session`, { headers: { cookie: ivyCookie } })).status
			).toBe(200);
			expect((await signIn(server, 'ivy@acme.test', 'another-Quiet-Lantern-7')).status).toBe(201);

			// Deactivation ends every session and stops sign-in.
			const users = await (
				await fetch(`${server.url}/admin`, { headers: { cookie: adminCookie } })
			).text();
			const userId = /name="user" value="([0-9a-f-]{36})"/.exec(users)![1]!;
			const deactivated = await postForm(
				server,
				'/admin?/deactivate',
				{ user: userId },
				adminCookie
			);
			expect(deactivated.status).toBe(200);
			expect(
				(await fetch(`${server.url}/api/v1/session`, { headers: { cookie: ivyCookie } })).status
			).toBe(401);
			expect((await signIn(server, 'ivy@acme.test', 'another-Quiet-Lantern-7')).status).toBe(401);
		});

		test('pages and API carry security headers; security.txt names the contact', async () => {
			for (const path of ['/signin', '/api/v1/health']) {
				const response = await fetch(`${server.url}${path}`);
				expect(response.headers.get('x-content-type-options')).toBe('nosniff');
				expect(response.headers.get('referrer-policy')).toBe('same-origin');
				expect(response.headers.get('permissions-policy')).toContain('camera=(self)');
			}
			const txt = await fetch(`${server.url}/.well-known/security.txt`);
			expect(txt.status).toBe(200);
			const body = await txt.text();
			expect(body).toContain('Contact: mailto:psirt@acme.test');
			expect(body).toMatch(/^Expires: \d{4}-/m);
			const crossSite = await fetch(`${server.url}/signin`, {
				method: 'POST',
				headers: {
					origin: 'https://evil.test',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: 'email=a&password=b'
			});
			expect(crossSite.status).toBe(403);
			const huge = await fetch(`${server.url}/api/v1/session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(200_000) })
			});
			expect(huge.status).toBe(413);
		});
	});
}
