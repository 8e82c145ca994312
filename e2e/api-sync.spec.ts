import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	ENGINES,
	addForeignOrganisation,
	addUser,
	adminUrl,
	client,
	enrol,
	manyAnswers,
	newDevice,
	photoBytes,
	reportDocument,
	nonCanonicalPayloads,
	setUp,
	sha256,
	sign,
	signIn,
	signText,
	startApiServer,
	type ApiServer
} from './support/api';
import { MAX_MISSING_QUERY } from '../src/lib/contract/protocol';
import { REPORT_LIMITS } from '../src/lib/contract/report-document';

const b64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');
type Api = ReturnType<typeof client>;

const putPhoto = (api: Api, hash: string, bytes: Uint8Array) =>
	api(`/api/v1/evidence/${hash}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/octet-stream' },
		body: bytes as Uint8Array<ArrayBuffer>
	});
const putReport = (api: Api, id: string, jws: string) =>
	api(`/api/v1/reports/${id}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/jose' },
		body: jws
	});
const errorOf = async (response: Response) => (await response.json()).error;

for (const engine of ENGINES) {
	test.describe.serial(`sync on ${engine}`, () => {
		test.skip(engine === 'postgres' && !adminUrl, 'TEST_DATABASE_URL is not set');
		let server: ApiServer;
		let admin: string;
		let inspector: Api;
		let otherInspector: Api;
		let reviewer: Api;
		let foreign: Api;
		const key = newDevice();

		test.beforeAll(async () => {
			// BODY_SIZE_LIMIT as start.js would set it for the default photo limit: its default
			// follows MAX_PHOTO_BYTES only, which would refuse the 1.2 MB report below.
			server = await startApiServer(engine, {
				MAX_PHOTO_BYTES: '10000',
				BODY_SIZE_LIMIT: String(20 * 1024 * 1024 + 64 * 1024)
			});
			admin = await setUp(server);
			inspector = client(server, await addUser(server, admin, 'ivy@acme.test', 'inspector'));
			otherInspector = client(server, await addUser(server, admin, 'ian@acme.test', 'inspector'));
			reviewer = client(server, await addUser(server, admin, 'rex@acme.test', 'reviewer'));
			foreign = client(server, await addForeignOrganisation(server, 'olga@other.test', 'reviewer'));
		});
		test.afterAll(async () => server?.dispose());

		test('every endpoint refuses a request without a session with a JSON 401', async () => {
			const anonymous = client(server);
			const hash = 'a'.repeat(64);
			const id = crypto.randomUUID();
			for (const [method, path] of [
				['POST', '/api/v1/devices'],
				['GET', '/api/v1/devices'],
				['PUT', `/api/v1/evidence/${hash}`],
				['GET', `/api/v1/evidence/${hash}`],
				['POST', '/api/v1/evidence/missing'],
				['PUT', `/api/v1/reports/${id}`],
				['GET', `/api/v1/reports/${id}`],
				['GET', '/api/v1/reports']
			] as const) {
				const response = await anonymous(path, {
					method,
					headers: { 'content-type': 'application/json' },
					body: method === 'GET' ? undefined : '{}'
				});
				expect(response.status, `${method} ${path}`).toBe(401);
				expect(await errorOf(response)).toMatchObject({ code: 'not-signed-in' });
			}
			expect((await client(server, 'x'.repeat(43))('/api/v1/reports')).status).toBe(401);
		});

		test('a device enrols its public key; the server computes the kid', async () => {
			const device = await key;
			const response = await enrol(inspector, device, 'Ivy’s phone');
			expect(response.status).toBe(201);
			expect(await response.json()).toMatchObject({
				kid: device.kid,
				label: 'Ivy’s phone',
				revokedAt: null
			});
			expect((await enrol(inspector, device)).status).toBe(200);
			// Another person cannot claim the same key.
			expect((await enrol(reviewer, device)).status).toBe(409);
			const bad = await inspector('/api/v1/devices', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					label: 'x',
					publicJwk: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) }
				})
			});
			expect(bad.status).toBe(422);
			const noLabel = await inspector('/api/v1/devices', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ label: '', publicJwk: device.publicJwk })
			});
			expect(noLabel.status).toBe(422);
			expect(await errorOf(noLabel)).toMatchObject({ code: 'invalid-input', path: 'label' });
		});

		test('evidence uploads by hash: stored atomically, idempotent, mismatch and oversize refused', async () => {
			const bytes = photoBytes('first');
			const hash = await sha256(bytes);
			const missing = await inspector('/api/v1/evidence/missing', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hashes: [hash, 'b'.repeat(64)] })
			});
			expect(await missing.json()).toEqual({ missing: [hash, 'b'.repeat(64)] });

			const first = await putPhoto(inspector, hash, bytes);
			expect(first.status).toBe(201);
			expect(await first.json()).toEqual({ sha256: hash, bytes: bytes.length });
			const file = join(server.dataDir, 'evidence', hash.slice(0, 2), hash);
			expect(readFileSync(file)).toEqual(Buffer.from(bytes));
			expect(readdirSync(join(server.dataDir, 'evidence', 'tmp'))).toEqual([]);
			expect((await putPhoto(inspector, hash, bytes)).status).toBe(200);

			const after = await inspector('/api/v1/evidence/missing', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hashes: [hash, 'b'.repeat(64)] })
			});
			expect(await after.json()).toEqual({ missing: ['b'.repeat(64)] });

			// The most the protocol allows in one query is more than other JSON bodies may be.
			const many = Array.from({ length: MAX_MISSING_QUERY }, (_, i) =>
				i === 0 ? hash : i.toString(16).padStart(64, '0')
			);
			const largest = await inspector('/api/v1/evidence/missing', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hashes: many })
			});
			expect(largest.status).toBe(200);
			expect((await largest.json()).missing).toEqual(many.slice(1));
			const tooLong = await inspector('/api/v1/evidence/missing', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hashes: [...many, 'f'.repeat(64)] })
			});
			expect(tooLong.status).toBe(422);

			const other = photoBytes('other');
			const mismatch = await putPhoto(inspector, 'c'.repeat(64), other);
			expect(mismatch.status).toBe(422);
			expect(await errorOf(mismatch)).toMatchObject({
				code: 'hash-mismatch',
				actual: await sha256(other)
			});
			expect(existsSync(join(server.dataDir, 'evidence', 'cc', 'c'.repeat(64)))).toBe(false);

			const big = photoBytes('big', 10_001);
			const oversize = await putPhoto(inspector, await sha256(big), big);
			expect(oversize.status).toBe(413);
			expect(await errorOf(oversize)).toMatchObject({ code: 'too-large' });
			expect(readdirSync(join(server.dataDir, 'evidence', 'tmp'))).toEqual([]);

			// Chunked (no Content-Length) is counted as it arrives. The server reads and drops the
			// rest, so the client still sending gets the 413 rather than a reset connection.
			const bigHash = await sha256(big);
			const chunked = await inspector(`/api/v1/evidence/${bigHash}`, {
				method: 'PUT',
				headers: { 'content-type': 'image/jpeg' },
				body: new ReadableStream({
					start(controller) {
						controller.enqueue(big.slice(0, 6000));
						controller.enqueue(big.slice(6000));
						controller.close();
					}
				}),
				// @ts-expect-error Node's fetch needs this for a streamed body
				duplex: 'half'
			}).then(
				(response) => response.status,
				() => 'connection closed'
			);
			expect(chunked).toBe(413);
			expect(existsSync(join(server.dataDir, 'evidence', bigHash.slice(0, 2), bigHash))).toBe(
				false
			);
			expect(readdirSync(join(server.dataDir, 'evidence', 'tmp'))).toEqual([]);

			expect((await putPhoto(inspector, 'not-a-hash', bytes)).status).toBe(400);
			const untyped = await inspector(`/api/v1/evidence/${hash}`, {
				method: 'PUT',
				body: bytes as Uint8Array<ArrayBuffer>
			});
			expect(untyped.status).toBe(415);
			const tooMany = await inspector('/api/v1/evidence/missing', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hashes: ['NOT HEX'] })
			});
			expect(tooMany.status).toBe(422);
		});

		test('a signed report: missing photos 409, stored 201, repeat 200, different JWS 409', async () => {
			const device = await key;
			const photos = [photoBytes('r1-a'), photoBytes('r1-b')];
			const document = await reportDocument(device, photos);
			const id = document.reportId as string;
			const jws = await sign(document, device);

			await putPhoto(inspector, await sha256(photos[0]!), photos[0]!);
			const missing = await putReport(inspector, id, jws);
			expect(missing.status).toBe(409);
			expect(await errorOf(missing)).toMatchObject({
				code: 'missing-evidence',
				missing: [await sha256(photos[1]!)]
			});
			expect((await reviewer(`/api/v1/reports/${id}`)).status).toBe(404); // nothing partial

			await putPhoto(inspector, await sha256(photos[1]!), photos[1]!);
			const stored = await putReport(inspector, id, jws);
			expect(stored.status).toBe(201);
			const receipt = await stored.json();
			expect(receipt).toEqual({
				reportId: id,
				reportHash: await sha256(new TextEncoder().encode(jws)),
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
			});

			const repeat = await putReport(inspector, id, jws);
			expect(repeat.status).toBe(200);
			expect(await repeat.json()).toEqual(receipt);

			const changed = await sign({ ...document, inspector: { name: 'Someone Else' } }, device);
			const conflict = await putReport(inspector, id, changed);
			expect(conflict.status).toBe(409);
			expect(await errorOf(conflict)).toMatchObject({
				code: 'report-conflict',
				reportHash: receipt.reportHash
			});

			const detail = await reviewer(`/api/v1/reports/${id}`);
			expect(detail.status).toBe(200);
			const body = await detail.json();
			expect(body.jws).toBe(jws); // verbatim
			expect(body.photos).toEqual([await sha256(photos[0]!), await sha256(photos[1]!)]);
			const photo = await reviewer(`/api/v1/evidence/${await sha256(photos[1]!)}`);
			expect(photo.status).toBe(200);
			expect(new Uint8Array(await photo.arrayBuffer())).toEqual(photos[1]);
		});

		test('bad JWSs are refused with the right status and nothing is stored', async () => {
			const device = await key;
			const document = await reportDocument(device, []);
			const id = document.reportId as string;
			const payload = b64url(JSON.stringify(document));
			const cases: [string, string, number, string][] = [
				['malformed', 'not a jws', 400, 'malformed-jws'],
				[
					'alg none',
					`${b64url(JSON.stringify({ alg: 'none', kid: device.kid }))}.${payload}.`,
					400,
					'malformed-jws'
				],
				[
					'alg none with a signature part',
					`${b64url(JSON.stringify({ alg: 'none', kid: device.kid }))}.${payload}.AAAA`,
					400,
					'alg-not-allowed'
				]
			];
			const hsHeader = b64url(
				JSON.stringify({ alg: 'HS256', kid: device.kid, typ: 'shelfcheck-report+jws' })
			);
			const mac = createHmac('sha256', JSON.stringify(device.publicJwk))
				.update(`${hsHeader}.${payload}`)
				.digest('base64url');
			cases.push(['HS256', `${hsHeader}.${payload}.${mac}`, 400, 'alg-not-allowed']);
			const stranger = await newDevice();
			cases.push([
				'unknown kid',
				await sign(
					{ ...document, device: { keyId: stranger.kid, publicJwk: stranger.publicJwk } },
					stranger
				),
				401,
				'unknown-key'
			]);
			const jws = await sign(document, device);
			const [h, p, s] = jws.split('.');
			const flipped = `${s!.slice(0, 10)}${s![10] === 'A' ? 'B' : 'A'}${s!.slice(11)}`;
			cases.push(['tampered signature', `${h}.${p}.${flipped}`, 422, 'bad-signature']);
			const otherPayload = b64url(JSON.stringify({ ...document, inspector: { name: 'Forged' } }));
			cases.push(['tampered payload', `${h}.${otherPayload}.${s}`, 422, 'bad-signature']);
			const { notice: _notice, ...withoutNotice } = document;
			cases.push(['invalid document', await sign(withoutNotice, device), 422, 'invalid-document']);
			cases.push([
				'bad verdict',
				await sign(
					{ ...document, answers: [{ ...(document.answers as object[])[0]!, verdict: 'MAYBE' }] },
					device
				),
				422,
				'invalid-document'
			]);
			for (const [name, body, status, code] of cases) {
				const response = await putReport(inspector, id, body);
				expect(response.status, name).toBe(status);
				expect((await errorOf(response)).code, name).toBe(code);
			}
			const invalid = await putReport(
				inspector,
				id,
				await sign(
					{ ...document, answers: [{ ...(document.answers as object[])[0]!, verdict: 'MAYBE' }] },
					device
				)
			);
			expect(await errorOf(invalid)).toMatchObject({ path: 'answers.0.verdict' });

			// The URL must name the document's report.
			const elsewhere = await putReport(inspector, crypto.randomUUID(), jws);
			expect(elsewhere.status).toBe(422);
			expect((await errorOf(elsewhere)).code).toBe('id-mismatch');
			expect((await putReport(inspector, 'not-a-uuid', jws)).status).toBe(400);
			expect((await reviewer(`/api/v1/reports/${id}`)).status).toBe(404);

			// Someone else's device, and too large a body.
			expect((await putReport(reviewer, id, jws)).status).toBe(403);
			const huge = await putReport(inspector, id, `${h}.${'A'.repeat(3 * 1024 * 1024)}.${s}`);
			expect(huge.status).toBe(413);
			expect(await errorOf(huge)).toMatchObject({ code: 'too-large' });
			// The same sent chunked, without a Content-Length: a 413 too, not a reset connection.
			const part = new TextEncoder().encode('A'.repeat(512 * 1024));
			const chunkedReport = await inspector(`/api/v1/reports/${id}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/jose' },
				body: new ReadableStream({
					start(controller) {
						for (let i = 0; i < 6; i++) controller.enqueue(part);
						controller.close();
					}
				}),
				// @ts-expect-error Node's fetch needs this for a streamed body
				duplex: 'half'
			}).then(
				(response) => response.status,
				(error: Error) => `connection closed: ${error.message}`
			);
			expect(chunkedReport).toBe(413);
		});

		test('search with filters and cursor pages; another organisation sees nothing', async () => {
			const device = await key;
			const ids: string[] = [];
			for (const [i, model] of ['SC-PLUG-1', 'SC-PLUG-2', 'KETTLE-9'].entries()) {
				const document = await reportDocument(device, [], {
					product: { gtin: '05012345678900', brand: i === 2 ? 'Brewco' : 'Acme', model },
					answers: [
						{
							checkId: 'ID-01',
							verdict: i === 1 ? 'REFER' : 'PASS',
							reason: i === 1 ? 'odd' : '',
							answeredAt: '2026-11-22T10:00:00.000Z',
							photos: []
						}
					],
					rollup: [
						{
							framework: 'EN303645',
							provisions: [{ id: i === 2 ? '5.3-2' : '5.1-1', outcome: 'PASS', checks: ['ID-01'] }]
						}
					],
					finishedAt: `2026-11-2${i}T10:00:00.000Z`
				});
				expect(
					(await putReport(inspector, document.reportId as string, await sign(document, device)))
						.status
				).toBe(201);
				ids.push(document.reportId as string);
			}
			const search = async (api: Api, query: string) => {
				const response = await api(`/api/v1/reports?${query}`);
				expect(response.status, query).toBe(200);
				return response.json();
			};
			const all = await search(reviewer, 'limit=200');
			expect(all.reports.length).toBe(4);
			expect(all.nextCursor).toBeNull();
			expect(
				(await search(reviewer, 'model=plug')).reports
					.map((r: { reportId: string }) => r.reportId)
					.sort()
			).toEqual(ids.slice(0, 2).sort());
			expect((await search(reviewer, 'brand=brewco')).reports).toHaveLength(1);
			expect(
				(await search(reviewer, 'verdict=REFER')).reports.map(
					(r: { reportId: string }) => r.reportId
				)
			).toEqual([ids[1]]);
			expect(
				(await search(reviewer, 'provision=5.3-2')).reports.map(
					(r: { reportId: string }) => r.reportId
				)
			).toEqual([ids[2]]);
			expect((await search(reviewer, 'provision=5.1-1&outcome=FAIL')).reports).toHaveLength(1);
			expect(
				(await search(reviewer, 'gtin=05012345678900&from=2026-11-21&to=2026-11-22')).reports.map(
					(r: { reportId: string }) => r.reportId
				)
			).toEqual([ids[1]]);
			// The sending account (ivy@acme.test is "ivy"), not the "A. Officer" the documents claim.
			expect((await search(reviewer, 'inspector=ivy')).reports).toHaveLength(4);
			expect((await search(reviewer, 'inspector=officer')).reports).toHaveLength(0);
			expect((await search(reviewer, 'model=%25')).reports).toHaveLength(0); // wildcards are literal

			const seen: string[] = [];
			let cursor: string | null = null;
			do {
				const page: { reports: { reportId: string }[]; nextCursor: string | null } = await search(
					reviewer,
					`limit=1${cursor ? `&cursor=${cursor}` : ''}`
				);
				expect(page.reports.length).toBe(1);
				seen.push(page.reports[0]!.reportId);
				cursor = page.nextCursor;
			} while (cursor);
			expect(seen).toHaveLength(4);
			expect(new Set(seen).size).toBe(4);

			expect((await reviewer('/api/v1/reports?verdict=MAYBE')).status).toBe(422);
			expect((await reviewer('/api/v1/reports?limit=0')).status).toBe(422);
			expect((await reviewer('/api/v1/reports?cursor=garbage')).status).toBe(400);
			expect((await reviewer('/api/v1/reports?sort=evil')).status).toBe(422);

			// Another organisation: no reports, no report, no photo, and its devices cannot use our key.
			expect((await search(foreign, '')).reports).toEqual([]);
			expect((await foreign(`/api/v1/reports/${ids[0]}`)).status).toBe(404);
			const photo = photoBytes('r1-a');
			expect((await foreign(`/api/v1/evidence/${await sha256(photo)}`)).status).toBe(404);
			const missing = await foreign('/api/v1/evidence/missing', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hashes: [await sha256(photo)] })
			});
			expect(await missing.json()).toEqual({ missing: [await sha256(photo)] });
			const document = await reportDocument(device, []);
			expect(
				(await putReport(foreign, document.reportId as string, await sign(document, device))).status
			).toBe(401);
		});

		test('a signed payload that is not its own RFC 8785 form is refused with 422 naming why', async () => {
			const device = await key;
			const photo = photoBytes('canonical-only');
			await putPhoto(inspector, await sha256(photo), photo);
			const document = await reportDocument(device, [photo]);
			const id = document.reportId as string;
			// Pretty-printed, keys out of order, "verdict":"FAIL","verdict":"PASS", a second
			// reportId, 2^53 + 1, 1e308, a lone surrogate: each signed by the enrolled key.
			for (const { name, text, problem, path } of nonCanonicalPayloads(document)) {
				const response = await putReport(inspector, id, await signText(text, device));
				expect(response.status, name).toBe(422);
				const error = await errorOf(response);
				expect(error, name).toMatchObject({ code: 'not-canonical', reason: problem, path });
				expect(error.message, name).toMatch(/^The signed payload is not in its canonical form: /);
			}
			expect((await reviewer(`/api/v1/reports/${id}`)).status).toBe(404);
			expect((await putReport(inspector, id, await sign(document, device))).status).toBe(201);
		});

		test('a photo’s hash is no key: another inspector cannot name it, read it or learn it is held', async () => {
			// Ivy's photo, as its hash would be read from a shared PDF.
			const photo = photoBytes('ivys label');
			const hash = await sha256(photo);
			expect((await putPhoto(inspector, hash, photo)).status).toBe(201);
			const ianKey = await newDevice();
			expect((await enrol(otherInspector, ianKey, 'Ian’s phone')).status).toBe(201);
			const asked = { hashes: [hash] };
			const missing = await otherInspector('/api/v1/evidence/missing', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(asked)
			});
			expect(await missing.json()).toEqual({ missing: [hash] });
			expect((await otherInspector(`/api/v1/evidence/${hash}`)).status).toBe(404);

			const document = await reportDocument(ianKey, [photo]);
			const id = document.reportId as string;
			const refused = await putReport(otherInspector, id, await sign(document, ianKey));
			expect(refused.status).toBe(409);
			expect(await errorOf(refused)).toMatchObject({ code: 'missing-evidence', missing: [hash] });
			expect((await reviewer(`/api/v1/reports/${id}`)).status).toBe(404);
			// The reviewer still reads it: the organisation holds it.
			expect((await reviewer(`/api/v1/evidence/${hash}`)).status).toBe(200);
			// Ian with the bytes himself uploads them (201: new for him) and is then taken.
			expect((await putPhoto(otherInspector, hash, photo)).status).toBe(201);
			expect((await putReport(otherInspector, id, await sign(document, ianKey))).status).toBe(201);
			expect((await otherInspector(`/api/v1/evidence/${hash}`)).status).toBe(200);
		});

		test('a report of 9,000 answers is stored; one past the limit is refused with the path', async () => {
			const device = await key;
			const within = await reportDocument(device, [], { answers: manyAnswers(9_000) });
			const jws = await sign(within, device);
			expect(jws.length).toBeGreaterThan(1_000_000);
			const stored = await putReport(inspector, within.reportId as string, jws);
			expect(stored.status, await stored.clone().text()).toBe(201);
			const detail = await reviewer(`/api/v1/reports/${within.reportId}`);
			expect((await detail.json()).jws).toBe(jws);

			const beyond = await reportDocument(device, [], {
				answers: manyAnswers(REPORT_LIMITS.answers + 1)
			});
			const refused = await putReport(
				inspector,
				beyond.reportId as string,
				await sign(beyond, device)
			);
			expect(refused.status).toBe(422);
			expect(await errorOf(refused)).toMatchObject({
				code: 'invalid-document',
				path: 'answers',
				message: `answers: must have at most ${REPORT_LIMITS.answers} items`
			});
			expect((await reviewer(`/api/v1/reports/${beyond.reportId}`)).status).toBe(404);
		});

		test('application/jose only; a taken id tells no hash; the sender is named; % and _ literal', async () => {
			const device = await key;
			const ids: Record<string, string> = {};
			for (const model of ['50% off', '500 off', 'A_B', 'AxB']) {
				const document = await reportDocument(device, [], {
					product: { brand: 'Literal', model },
					inspector: { name: 'Alice Claimed' }
				});
				ids[model] = document.reportId as string;
				expect((await putReport(inspector, ids[model], await sign(document, device))).status).toBe(
					201
				);
			}

			const another = await reportDocument(device, []);
			const jws = await sign(another, device);
			for (const type of ['text/plain', 'application/json']) {
				const refused = await inspector(`/api/v1/reports/${another.reportId}`, {
					method: 'PUT',
					headers: { 'content-type': type, origin: server.url },
					body: jws
				});
				expect(refused.status, type).toBe(415);
				expect(await errorOf(refused)).toMatchObject({ code: 'unsupported-media-type' });
			}

			const ivys = await (await reviewer(`/api/v1/reports/${ids['AxB']}`)).json();
			expect(ivys.inspector).toBe('ivy');
			const ianKey = await newDevice();
			expect((await enrol(otherInspector, ianKey, 'Ian’s tablet')).status).toBe(201);
			const ians = await reportDocument(ianKey, [], { reportId: ids['AxB'] });
			const taken = await putReport(otherInspector, ids['AxB']!, await sign(ians, ianKey));
			expect(taken.status).toBe(409);
			const body = await taken.text();
			expect(JSON.parse(body).error).toMatchObject({ code: 'report-conflict' });
			expect(JSON.parse(body).error).not.toHaveProperty('reportHash');
			expect(body).not.toContain(ivys.reportHash);

			const models = async (query: string) =>
				(
					(await (await reviewer(`/api/v1/reports?brand=Literal&${query}`)).json()).reports as {
						model: string;
					}[]
				)
					.map((r) => r.model)
					.sort();
			expect(await models('model=%25')).toEqual(['50% off']);
			expect(await models('model=_')).toEqual(['A_B']);
			expect(await models('model=off')).toEqual(['50% off', '500 off']);
			expect(await models('inspector=ivy')).toHaveLength(4);
			expect(await models('inspector=alice')).toEqual([]);
		});

		test('a revoked device can no longer deliver reports', async () => {
			const device = await newDevice();
			expect((await enrol(inspector, device, 'Old phone')).status).toBe(201);
			const document = await reportDocument(device, []);
			const revoked = await client(
				server,
				(await (await signIn(server, 'admin@acme.test')).json()).token
			)(`/api/v1/devices/${device.kid}`, { method: 'DELETE' });
			expect(revoked.status).toBe(200);
			expect((await revoked.json()).revokedAt).not.toBeNull();
			const response = await putReport(
				inspector,
				document.reportId as string,
				await sign(document, device)
			);
			expect(response.status).toBe(403);
			expect((await errorOf(response)).code).toBe('device-revoked');
			expect((await enrol(inspector, device)).status).toBe(403);
			expect((await foreign(`/api/v1/devices/${device.kid}`, { method: 'DELETE' })).status).toBe(
				404
			);
		});
	});
}
