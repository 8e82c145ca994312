import { describe, expect, it } from 'vitest';
import { httpSyncServer, problemOf } from './http-server';

const apiError = (status: number, code: string, message: string, extra = {}) =>
	new Response(JSON.stringify({ error: { code, message, ...extra } }), {
		status,
		headers: { 'content-type': 'application/json' }
	});

describe('problemOf', () => {
	it('tells the engine what to do with each answer', async () => {
		expect(await problemOf(apiError(401, 'not-signed-in', 'Sign in first.'))).toEqual({
			kind: 'signed-out',
			message: 'Sign in to sync.'
		});
		expect((await problemOf(apiError(401, 'unknown-key', 'not enrolled'))).kind).toBe(
			'not-enrolled'
		);
		expect((await problemOf(apiError(403, 'not-your-device', 'someone else'))).kind).toBe(
			'not-enrolled'
		);
		expect(await problemOf(apiError(503, 'x', 'busy'))).toMatchObject({ kind: 'transient' });
		expect(await problemOf(apiError(429, 'slow-down', 'later'))).toMatchObject({
			kind: 'transient'
		});
		expect(
			await problemOf(apiError(409, 'missing-evidence', 'upload first', { missing: ['a'] }))
		).toEqual({
			kind: 'refused',
			status: 409,
			code: 'missing-evidence',
			message: 'upload first',
			missing: ['a']
		});
		expect(await problemOf(apiError(403, 'device-revoked', 'revoked'))).toMatchObject({
			kind: 'refused',
			status: 403,
			code: 'device-revoked'
		});
	});

	it('copes with an answer that is not the API’s JSON (a proxy’s page)', async () => {
		expect(await problemOf(new Response('<html>Bad gateway</html>', { status: 502 }))).toEqual({
			kind: 'transient',
			message: 'The server could not take it now (The server answered 502.)'
		});
		expect(await problemOf(new Response('nope', { status: 400 }))).toMatchObject({
			kind: 'refused',
			code: 'http-400'
		});
	});
});

describe('httpSyncServer', () => {
	it('turns a failed fetch into a transient problem and sends the protocol’s requests', async () => {
		const seen: { url: string; init: RequestInit }[] = [];
		const server = httpSyncServer('https://team.example', async (url, init) => {
			seen.push({ url: String(url), init: init! });
			if (seen.length === 1) throw new TypeError('Failed to fetch');
			return new Response(JSON.stringify({ missing: ['b'] }), { status: 200 });
		});
		expect(await server.missingEvidence(['a', 'b'])).toEqual({
			ok: false,
			problem: { kind: 'transient', message: 'No connection to the server.' }
		});
		expect(await server.missingEvidence(['a', 'b'])).toEqual({ ok: true, value: ['b'] });
		expect(seen[1]!.url).toBe('https://team.example/api/v1/evidence/missing');
		expect(seen[1]!.init.method).toBe('POST');
		expect(JSON.parse(String(seen[1]!.init.body))).toEqual({ hashes: ['a', 'b'] });
	});
});
