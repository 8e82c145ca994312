import { describe, expect, it } from 'vitest';
import { httpSyncServer, problemOf, readAnswer } from './http-server';

const apiError = (status: number, code: string, message: string, extra = {}) =>
	new Response(JSON.stringify({ error: { code, message, ...extra } }), {
		status,
		headers: { 'content-type': 'application/json' }
	});

const problem = async (response: Response) => problemOf(await readAnswer(response));

/** A 2xx whose headers arrived and whose body stops after `sent` (the connection dropped). */
function cutAfterHeaders(status: number, sent: string): Response {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(new TextEncoder().encode(sent));
			controller.error(new TypeError('network error'));
		}
	});
	return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

describe('problemOf', () => {
	it('tells the engine what to do with each answer', async () => {
		expect(await problem(apiError(401, 'not-signed-in', 'Sign in first.'))).toEqual({
			kind: 'signed-out',
			message: 'Sign in to sync.'
		});
		expect((await problem(apiError(401, 'unknown-key', 'not enrolled'))).kind).toBe('not-enrolled');
		expect((await problem(apiError(403, 'not-your-device', 'someone else'))).kind).toBe(
			'not-enrolled'
		);
		expect(await problem(apiError(503, 'x', 'busy'))).toMatchObject({ kind: 'transient' });
		expect(await problem(apiError(429, 'slow-down', 'later'))).toMatchObject({
			kind: 'transient'
		});
		expect(
			await problem(apiError(409, 'missing-evidence', 'upload first', { missing: ['a'] }))
		).toEqual({
			kind: 'refused',
			status: 409,
			code: 'missing-evidence',
			message: 'upload first',
			missing: ['a']
		});
		expect(await problem(apiError(403, 'device-revoked', 'revoked'))).toMatchObject({
			kind: 'refused',
			status: 403,
			code: 'device-revoked'
		});
	});

	it('copes with an answer that is not the API’s JSON (a proxy’s page)', async () => {
		expect(await problem(new Response('<html>Bad gateway</html>', { status: 502 }))).toEqual({
			kind: 'transient',
			message: 'The server could not take it now (The server answered 502.)'
		});
		expect(await problem(new Response('nope', { status: 400 }))).toMatchObject({
			kind: 'refused',
			code: 'http-400'
		});
	});
});

describe('httpSyncServer', () => {
	const HASH = 'a'.repeat(64);
	const ID = '00000000-0000-4000-8000-000000000001';
	const receipt = { reportId: ID, reportHash: 'b'.repeat(64), receivedAt: '2026-11-22T10:00:00Z' };
	const answering = (response: () => Response) => httpSyncServer('', async () => response());
	const transient = { ok: false, problem: { kind: 'transient', message: expect.any(String) } };

	it('a 2xx cut off after the headers is a failed request, on every call, never a success', async () => {
		const cut = (body: unknown) => () => cutAfterHeaders(201, JSON.stringify(body).slice(0, 9));
		const report = await answering(cut(receipt)).putReport(ID, 'j.w.s');
		expect(report).toEqual(transient);
		expect(!report.ok && report.problem.message).toMatch(/answer was cut off/);
		expect(
			await answering(cut({ sha256: HASH, bytes: 3 })).putEvidence(HASH, new ArrayBuffer(3))
		).toEqual(transient);
		expect(await answering(cut({ missing: [] })).missingEvidence([HASH])).toEqual(transient);
	});

	it('an error answer cut off is a failed request too: its reason never arrived', async () => {
		const reply = await answering(() => cutAfterHeaders(409, '{"error":{"co')).putReport(ID, 'j');
		expect(reply).toEqual(transient);
	});

	it('a 2xx that is not the protocol’s answer (a captive portal’s page) is not a receipt', async () => {
		const page = () => new Response('<html>Sign in to the Wi-Fi</html>', { status: 200 });
		expect(await answering(page).putReport(ID, 'j')).toEqual(transient);
		expect(await answering(page).putEvidence(HASH, new ArrayBuffer(1))).toEqual(transient);
		expect(await answering(page).missingEvidence([HASH])).toEqual(transient);
		const json = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200 });
		// A receipt for another report, a photo answer for another photo, hashes never asked about.
		expect(
			await answering(
				json({ ...receipt, reportId: '00000000-0000-4000-8000-000000000002' })
			).putReport(ID, 'j')
		).toEqual(transient);
		expect(
			await answering(json({ sha256: 'c'.repeat(64), bytes: 1 })).putEvidence(
				HASH,
				new ArrayBuffer(1)
			)
		).toEqual(transient);
		expect(await answering(json({ missing: ['c'.repeat(64)] })).missingEvidence([HASH])).toEqual(
			transient
		);
		// The real answers are taken.
		expect(await answering(json(receipt)).putReport(ID, 'j')).toEqual({ ok: true, value: receipt });
		expect(await answering(json({ missing: [HASH] })).missingEvidence([HASH])).toEqual({
			ok: true,
			value: [HASH]
		});
	});

	it('the server saying it read only part of an upload means send it again', async () => {
		expect(
			await problem(apiError(400, 'body-unreadable', 'The upload was cut off; send it again.'))
		).toMatchObject({
			kind: 'transient'
		});
	});

	it('gives up on a request that does not answer, rather than holding the sync', async () => {
		let signal: AbortSignal | null | undefined;
		await httpSyncServer('', async (_url, init) => {
			signal = init?.signal;
			return new Response('{"missing":[]}', { status: 200 });
		}).missingEvidence([]);
		expect(signal).toBeInstanceOf(AbortSignal);
	});

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
