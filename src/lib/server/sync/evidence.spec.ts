import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoBytes, reportDocument, sha256, sign } from '$lib/contract/report-fixture';
import type { DeviceKey } from '$lib/signing';
import { TEST_ENGINES, type TestStore } from '../db/test-engines';
import { Problem } from '../problem';
import { receiveReport } from '../reports/receive';
import { enrolledKey, seedTeam, upload, type Team } from '../reports/test-team';
import { reportPhoto } from '../review/report';
import { missingEvidence, openEvidence } from './evidence';

const bytes = (text: string) => new TextEncoder().encode(text);

for (const engine of TEST_ENGINES) {
	describe.skipIf(!engine.available)(`evidence by who holds it, on ${engine.kind}`, () => {
		let store: TestStore;
		let team: Team;
		let ivyKey: DeviceKey;
		let ianKey: DeviceKey;
		const card = photoBytes('password card');
		let cardHash: string;
		let ivysReport: string;

		beforeAll(async () => {
			store = await engine.open();
			team = await seedTeam(store.db);
			ivyKey = await enrolledKey(store.db, team.ivy);
			ianKey = await enrolledKey(store.db, team.ian);
			cardHash = await sha256(card);
			expect(await upload(store.db, store.evidence, team.ivy, cardHash, card)).toEqual({
				held: false,
				bytes: card.length
			});
			const document = await reportDocument(ivyKey, [card]);
			ivysReport = document.reportId as string;
			await receiveReport(store.db, team.ivy, ivysReport, bytes(await sign(document, ivyKey)));
		});
		afterAll(async () => store?.close());

		it('answers which photos are missing for the one asking only', async () => {
			const unknown = 'e'.repeat(64);
			expect(await missingEvidence(store.db, team.ivy, [cardHash, unknown])).toEqual([unknown]);
			// Ian never uploaded the card: to him it is missing, as if no one held it.
			expect(await missingEvidence(store.db, team.ian, [cardHash, unknown])).toEqual([
				cardHash,
				unknown
			]);
			expect(await missingEvidence(store.db, team.olga, [cardHash])).toEqual([cardHash]);
		});

		it('refuses a report naming a photo its sender never uploaded, though the hash is known', async () => {
			const document = await reportDocument(ianKey, [card]);
			const id = document.reportId as string;
			const jws = await sign(document, ianKey);
			const refused = await receiveReport(store.db, team.ian, id, bytes(jws)).catch(
				(error: unknown) => error
			);
			expect(refused).toBeInstanceOf(Problem);
			expect(refused).toMatchObject({
				status: 409,
				code: 'missing-evidence',
				details: { missing: [cardHash] }
			});
			// Having the bytes is what counts: once Ian uploads them himself, his report is taken.
			expect(await upload(store.db, store.evidence, team.ian, cardHash, card)).toEqual({
				held: false,
				bytes: card.length
			});
			expect((await receiveReport(store.db, team.ian, id, bytes(jws))).created).toBe(true);
			expect(await upload(store.db, store.evidence, team.ian, cardHash, card)).toMatchObject({
				held: true
			});
		});

		it('gives a photo to a reviewer of the organisation and to the inspector who uploaded it', async () => {
			const other = photoBytes('only ivy');
			const otherHash = await sha256(other);
			await upload(store.db, store.evidence, team.ivy, otherHash, other);
			for (const user of [team.ivy, team.rex])
				expect((await openEvidence(store.db, store.evidence, user, otherHash)).bytes).toBe(
					other.length
				);
			for (const user of [team.ian, team.olga])
				await expect(openEvidence(store.db, store.evidence, user, otherHash)).rejects.toMatchObject(
					{
						status: 404
					}
				);
		});

		it('shows a report’s photo only to who may read both the report and the photo', async () => {
			expect(await reportPhoto(store.db, store.evidence, team.ivy, ivysReport, cardHash)).toEqual(
				card
			);
			expect(await reportPhoto(store.db, store.evidence, team.rex, ivysReport, cardHash)).toEqual(
				card
			);
			// Not Ivy's report for Ian, nor another organisation's.
			expect(
				await reportPhoto(store.db, store.evidence, team.ian, ivysReport, cardHash)
			).toBeUndefined();
			expect(
				await reportPhoto(store.db, store.evidence, team.olga, ivysReport, cardHash)
			).toBeUndefined();

			// A report Ian sent under the old rule, naming a photo only Ivy uploaded: his to read,
			// the photo not.
			const legacy = await reportDocument(ianKey, []);
			const legacyId = legacy.reportId as string;
			await receiveReport(store.db, team.ian, legacyId, bytes(await sign(legacy, ianKey)));
			const onlyIvys = photoBytes('ivy alone');
			const onlyIvysHash = await sha256(onlyIvys);
			await upload(store.db, store.evidence, team.ivy, onlyIvysHash, onlyIvys);
			await store.db
				.insertInto('report_photos')
				.values({ report_id: legacyId, position: 0, sha256: onlyIvysHash })
				.execute();
			expect(
				await reportPhoto(store.db, store.evidence, team.ian, legacyId, onlyIvysHash)
			).toBeUndefined();
			expect(await reportPhoto(store.db, store.evidence, team.rex, legacyId, onlyIvysHash)).toEqual(
				onlyIvys
			);
		});
	});
}
