import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LIMITS } from '$lib/contract/report-document';
import { generateDeviceKey, type DeviceKey } from '$lib/signing';
import { TEST_ENGINES, type TestStore } from '../db/test-engines';
import { Problem } from '../problem';
import { revokeDevice } from '../sync/devices';
import {
	manyAnswers,
	nonCanonicalPayloads,
	photoBytes,
	reportDocument,
	sha256,
	sign,
	signText
} from '$lib/contract/report-fixture';
import { getReport } from './query';
import { receiveReport } from './receive';
import { enrolledKey, seedTeam, upload, type Team } from './test-team';

const b64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');
const bytes = (text: string) => new TextEncoder().encode(text);

/** What `receiveReport` threw, as the API would answer it. */
async function refusal(run: Promise<unknown>) {
	const error = await run.then(
		() => undefined,
		(caught: unknown) => caught
	);
	if (!(error instanceof Problem)) throw new Error(`expected a Problem, got ${String(error)}`);
	return { status: error.status, code: error.code, message: error.message, ...error.details };
}

for (const engine of TEST_ENGINES) {
	describe.skipIf(!engine.available)(`receiveReport on ${engine.kind}`, () => {
		let store: TestStore;
		let team: Team;
		let key: DeviceKey;
		const receive = (user: Team[keyof Team], id: string, jws: string) =>
			receiveReport(store.db, user, id, bytes(jws));

		beforeAll(async () => {
			store = await engine.open();
			team = await seedTeam(store.db);
			key = await enrolledKey(store.db, team.ivy, 'Ivy’s phone');
		});
		afterAll(async () => store?.close());

		it('stores a signed report naming photos the server holds: 201, then 200 for the same JWS', async () => {
			const photos = [photoBytes('stored-a'), photoBytes('stored-b')];
			for (const photo of photos)
				await upload(store.db, store.evidence, team.ivy, await sha256(photo), photo);
			const document = await reportDocument(key, photos);
			const id = document.reportId as string;
			const jws = await sign(document, key);

			const first = await receive(team.ivy, id, jws);
			expect(first.created).toBe(true);
			expect(first.receipt).toEqual({
				reportId: id,
				reportHash: await sha256(bytes(jws)),
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
			});
			const again = await receive(team.ivy, id, jws);
			expect(again).toEqual({ receipt: first.receipt, created: false });

			const held = await getReport(store.db, team.rex, id);
			expect(held.jws).toBe(jws);
			expect(held.photos).toEqual(await Promise.all(photos.map(sha256)));
			const answers = await store.db
				.selectFrom('report_answers')
				.select(['position', 'check_id', 'verdict'])
				.where('report_id', '=', id)
				.orderBy('position')
				.execute();
			expect(answers).toEqual([
				{ position: 0, check_id: 'ID-01', verdict: 'PASS' },
				{ position: 1, check_id: 'PW-01', verdict: 'FAIL' }
			]);
		});

		it('refuses another JWS under an id already held with 409, naming the held hash', async () => {
			const document = await reportDocument(key, []);
			const id = document.reportId as string;
			const { receipt } = await receive(team.ivy, id, await sign(document, key));
			const changed = await sign({ ...document, inspector: { name: 'Someone Else' } }, key);
			expect(await refusal(receive(team.ivy, id, changed))).toMatchObject({
				status: 409,
				code: 'report-conflict',
				reportHash: receipt.reportHash
			});
		});

		it('stores reports arriving together in one commit, each as if alone, a conflict only its own', async () => {
			const documents = await Promise.all(
				Array.from({ length: 40 }, (_, i) =>
					reportDocument(key, [], { product: { brand: 'Together', model: `M-${i}` } })
				)
			);
			const jwss = await Promise.all(documents.map((d) => sign(d, key)));
			// The same id twice more in the crowd: once the very JWS, once another one.
			const first = documents[0]!;
			const rival = await sign({ ...first, place: { kind: 'shop', name: 'Elsewhere' } }, key);
			const answers = await Promise.allSettled([
				...documents.map((d, i) => receive(team.ivy, d.reportId as string, jwss[i]!)),
				receive(team.ivy, first.reportId as string, jwss[0]!),
				receive(team.ivy, first.reportId as string, rival)
			]);
			const created = answers.filter((a) => a.status === 'fulfilled' && a.value.created);
			expect(created).toHaveLength(40);
			const [again, other] = answers.slice(40);
			expect(again).toMatchObject({ status: 'fulfilled', value: { created: false } });
			expect(other).toMatchObject({ status: 'rejected', reason: { status: 409 } });
			for (const [i, d] of documents.entries()) {
				const held = await getReport(store.db, team.rex, d.reportId as string);
				expect(held.jws).toBe(jwss[i]);
				expect(held.model).toBe(`M-${i}`);
			}
		});

		it('refuses another inspector’s report id with 409, without telling its hash', async () => {
			const ivys = await reportDocument(key, []);
			const id = ivys.reportId as string;
			await receive(team.ivy, id, await sign(ivys, key));
			const ianKey = await enrolledKey(store.db, team.ian);
			const ians = await reportDocument(ianKey, [], { reportId: id });
			const refused = await refusal(receive(team.ian, id, await sign(ians, ianKey)));
			expect(refused).toMatchObject({ status: 409, code: 'report-conflict' });
			expect(refused).not.toHaveProperty('reportHash');
			expect(JSON.stringify(refused)).not.toContain(
				(await getReport(store.db, team.rex, id)).reportHash
			);
		});

		it('refuses a report until every photo it names is held, listing the missing, storing nothing', async () => {
			const photos = [photoBytes('missing-a'), photoBytes('missing-b')];
			await upload(store.db, store.evidence, team.ivy, await sha256(photos[0]!), photos[0]!);
			const document = await reportDocument(key, photos);
			const id = document.reportId as string;
			const jws = await sign(document, key);
			expect(await refusal(receive(team.ivy, id, jws))).toMatchObject({
				status: 409,
				code: 'missing-evidence',
				missing: [await sha256(photos[1]!)]
			});
			await expect(getReport(store.db, team.rex, id)).rejects.toMatchObject({ status: 404 });
			const rows = await store.db
				.selectFrom('report_answers')
				.select('report_id')
				.where('report_id', '=', id)
				.execute();
			expect(rows).toEqual([]);

			await upload(store.db, store.evidence, team.ivy, await sha256(photos[1]!), photos[1]!);
			expect((await receive(team.ivy, id, jws)).created).toBe(true);
		});

		it('answers 400 for what is not a compact ES256 JWS naming a key', async () => {
			const document = await reportDocument(key, []);
			const id = document.reportId as string;
			const payload = b64url(JSON.stringify(document));
			const header = (fields: object) => b64url(JSON.stringify(fields));
			const hs = header({ alg: 'HS256', kid: key.kid, typ: 'shelfcheck-report+jws' });
			const mac = createHmac('sha256', JSON.stringify(key.publicJwk))
				.update(`${hs}.${payload}`)
				.digest('base64url');
			const cases: [string, string, string][] = [
				['not a JWS', 'not a jws', 'malformed-jws'],
				['two parts', `${header({ alg: 'ES256', kid: key.kid })}.${payload}`, 'malformed-jws'],
				['header not JSON', `${b64url('{"alg":')}.${payload}.AAAA`, 'malformed-jws'],
				['header an array', `${b64url('[1]')}.${payload}.AAAA`, 'malformed-jws'],
				['alg none', `${header({ alg: 'none', kid: key.kid })}.${payload}.AAAA`, 'alg-not-allowed'],
				['HS256 with the public key as secret', `${hs}.${payload}.${mac}`, 'alg-not-allowed'],
				['no kid', `${header({ alg: 'ES256' })}.${payload}.AAAA`, 'missing-kid']
			];
			for (const [name, jws, code] of cases)
				expect(await refusal(receive(team.ivy, id, jws)), name).toMatchObject({
					status: 400,
					code
				});
			expect(
				await refusal(receive(team.ivy, 'not-a-uuid', await sign(document, key)))
			).toMatchObject({ status: 400, code: 'invalid-id' });
		});

		it('answers 401 for a key not enrolled here, 403 for a revoked or someone else’s device', async () => {
			const stranger = await generateDeviceKey();
			const strangers = await reportDocument(stranger, []);
			expect(
				await refusal(
					receive(team.ivy, strangers.reportId as string, await sign(strangers, stranger))
				)
			).toMatchObject({ status: 401, code: 'unknown-key' });

			// Another organisation's device is unknown here, even to a reviewer.
			const olgaKey = await enrolledKey(store.db, team.olga);
			const olgas = await reportDocument(olgaKey, []);
			expect(
				await refusal(receive(team.rex, olgas.reportId as string, await sign(olgas, olgaKey)))
			).toMatchObject({ status: 401, code: 'unknown-key' });

			const ivys = await reportDocument(key, []);
			expect(
				await refusal(receive(team.ian, ivys.reportId as string, await sign(ivys, key)))
			).toMatchObject({ status: 403, code: 'not-your-device' });

			const old = await enrolledKey(store.db, team.ivy, 'Old phone');
			await revokeDevice(store.db, team.ivy, old.kid);
			const late = await reportDocument(old, []);
			expect(
				await refusal(receive(team.ivy, late.reportId as string, await sign(late, old)))
			).toMatchObject({ status: 403, code: 'device-revoked' });
		});

		it('answers 422 for a bad signature, an invalid document, another device or another id', async () => {
			const document = await reportDocument(key, []);
			const id = document.reportId as string;
			const jws = await sign(document, key);
			const [h, p, s] = jws.split('.') as [string, string, string];
			const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
			expect(await refusal(receive(team.ivy, id, `${h}.${p}.${flipped}`))).toMatchObject({
				status: 422,
				code: 'bad-signature'
			});
			const forged = b64url(JSON.stringify({ ...document, inspector: { name: 'Forged' } }));
			expect(await refusal(receive(team.ivy, id, `${h}.${forged}.${s}`))).toMatchObject({
				status: 422,
				code: 'bad-signature'
			});

			const answers = document.answers as object[];
			const maybe = await sign(
				{ ...document, answers: [{ ...answers[0], verdict: 'MAYBE' }] },
				key
			);
			expect(await refusal(receive(team.ivy, id, maybe))).toMatchObject({
				status: 422,
				code: 'invalid-document',
				path: 'answers.0.verdict'
			});

			const other = await generateDeviceKey();
			const namesOther = await sign(
				{ ...document, device: { keyId: other.kid, publicJwk: other.publicJwk } },
				key
			);
			expect(await refusal(receive(team.ivy, id, namesOther))).toMatchObject({
				status: 422,
				code: 'device-mismatch',
				path: 'device'
			});

			expect(await refusal(receive(team.ivy, crypto.randomUUID(), jws))).toMatchObject({
				status: 422,
				code: 'id-mismatch',
				path: 'reportId'
			});
		});

		it('refuses, with 422 naming why, a signed payload that is not its own canonical form', async () => {
			const photo = photoBytes('canonical-only');
			await upload(store.db, store.evidence, team.ivy, await sha256(photo), photo);
			const document = await reportDocument(key, [photo]);
			const id = document.reportId as string;
			for (const { name, text, problem, path } of nonCanonicalPayloads(document)) {
				const refused = await refusal(receive(team.ivy, id, await signText(text, key)));
				expect(refused, name).toMatchObject({
					status: 422,
					code: 'not-canonical',
					reason: problem,
					path
				});
				expect(refused.message, name).toContain(path);
			}
			await expect(getReport(store.db, team.rex, id)).rejects.toMatchObject({ status: 404 });
			expect((await receive(team.ivy, id, await sign(document, key))).created).toBe(true);
		});

		it('stores a report far past a real inspection but within the limits, in batches', async () => {
			// 9,000 answers and 9,000 roll-up lines: 36,000 and 45,000 values, more than one
			// statement may bind on SQLite (32,766); the roll-up alone nearly PostgreSQL's 65,535.
			const rollup = Array.from({ length: 9 }, (_, f) => ({
				framework: `F${f}`,
				provisions: Array.from({ length: 1_000 }, (_, p) => ({
					id: `${f}.${p}`,
					outcome: 'PASS',
					checks: []
				}))
			}));
			const document = await reportDocument(key, [], { answers: manyAnswers(9_000), rollup });
			const id = document.reportId as string;
			expect((await receive(team.ivy, id, await sign(document, key))).created).toBe(true);
			const count = async (table: 'report_answers' | 'report_provisions') =>
				Number(
					(
						await store.db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll<number | string>().as('n'))
							.where('report_id', '=', id)
							.executeTakeFirstOrThrow()
					).n
				);
			expect(await count('report_answers')).toBe(9_000);
			expect(await count('report_provisions')).toBe(9_000);
			const last = await store.db
				.selectFrom('report_provisions')
				.select(['position', 'framework', 'provision_id'])
				.where('report_id', '=', id)
				.orderBy('position', 'desc')
				.executeTakeFirstOrThrow();
			expect(last).toEqual({ position: 8_999, framework: 'F8', provision_id: '8.999' });
		}, 30_000);

		it('refuses a report past the limits with 422 and the path, storing nothing', async () => {
			const document = await reportDocument(key, [], {
				answers: manyAnswers(REPORT_LIMITS.answers + 1)
			});
			const id = document.reportId as string;
			expect(await refusal(receive(team.ivy, id, await sign(document, key)))).toMatchObject({
				status: 422,
				code: 'invalid-document',
				path: 'answers',
				message: `answers: must have at most ${REPORT_LIMITS.answers} items`
			});
			await expect(getReport(store.db, team.rex, id)).rejects.toMatchObject({ status: 404 });
		});

		it('answers the first failing check: 400 before 401 before 403 before 422 before 409', async () => {
			const photo = photoBytes('never-uploaded');
			const stranger = await generateDeviceKey();
			// Unknown key and a document that is not valid: the key is asked about first.
			const invalid = await reportDocument(stranger, [photo], { notice: 'none' });
			const invalidJws = await sign(invalid, stranger);
			expect(
				await refusal(receive(team.ivy, invalid.reportId as string, invalidJws))
			).toMatchObject({ status: 401 });
			// The same, under an id that is not a UUID: 400.
			expect(await refusal(receive(team.ivy, 'x', invalidJws))).toMatchObject({ status: 400 });
			// Someone else's device, an invalid document and a missing photo: 403.
			const ivys = await reportDocument(key, [photo], { notice: 'none' });
			const ivysJws = await sign(ivys, key);
			expect(await refusal(receive(team.ian, ivys.reportId as string, ivysJws))).toMatchObject({
				status: 403
			});
			// Ivy's own: the invalid document (422) before the missing photo (409).
			expect(await refusal(receive(team.ivy, ivys.reportId as string, ivysJws))).toMatchObject({
				status: 422,
				code: 'invalid-document'
			});
			const valid = await reportDocument(key, [photo]);
			expect(
				await refusal(receive(team.ivy, valid.reportId as string, await sign(valid, key)))
			).toMatchObject({ status: 409, code: 'missing-evidence' });
		});
	});
}
