import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceKey } from '$lib/app/device-key';
import { AccountError, enrolDevice, signIn } from './account';
import { loadAccount } from './account-state';

const USER = {
	id: 'u1',
	email: 'ivy@acme.test',
	name: 'Ivy',
	role: 'inspector',
	organisation: 'Acme'
};

/** The server's answer: its headers arrive, the body stops after a few bytes. */
function cutAnswer(status: number, body: unknown): Response {
	const text = JSON.stringify(body);
	return new Response(
		new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode(text.slice(0, 12)));
				controller.error(new TypeError('network error'));
			}
		}),
		{ status }
	);
}

const answering = (...responses: (() => Response)[]) =>
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => responses.shift()!())
	);

afterEach(() => vi.unstubAllGlobals());

describe('account requests whose answer is cut off', () => {
	it('sign-in: says so in words, keeps nothing, and signing in again works', async () => {
		answering(
			() => cutAnswer(201, { token: 't', expiresAt: 'x', user: USER }),
			() =>
				new Response(JSON.stringify({ token: 't', expiresAt: 'x', user: USER }), { status: 201 })
		);
		const cut = signIn('ivy@acme.test', 'pw');
		await expect(cut).rejects.toBeInstanceOf(AccountError);
		await expect(cut).rejects.toThrow(/answer was cut off/);
		expect((await loadAccount()).account).toBeNull();
		expect(await signIn('ivy@acme.test', 'pw')).toMatchObject({ userId: 'u1', signedIn: true });
	});

	it('sign-in: a 2xx that is not a session (a portal’s page) is not taken for one', async () => {
		answering(() => new Response('<html>Wi-Fi login</html>', { status: 200 }));
		await expect(signIn('ivy@acme.test', 'pw')).rejects.toThrow(/could not be read/);
	});

	it('enrolment: a cut answer keeps no enrolment; enrolling again (the same key) completes it', async () => {
		const { kid } = await deviceKey();
		const device = { kid, label: 'Phone', userId: 'u1', createdAt: 'now', revokedAt: null };
		answering(
			() =>
				new Response(JSON.stringify({ token: 't', expiresAt: 'x', user: USER }), { status: 201 }),
			() => cutAnswer(201, device),
			() => new Response(JSON.stringify(device), { status: 200 })
		);
		await signIn('ivy@acme.test', 'pw');
		await expect(enrolDevice('Phone')).rejects.toThrow(/answer was cut off/);
		expect((await loadAccount()).enrolment).toBeNull();
		expect(await enrolDevice('Phone')).toMatchObject({ kid, label: 'Phone' });
		expect((await loadAccount()).enrolment?.kid).toBe(kid);
	});
});
