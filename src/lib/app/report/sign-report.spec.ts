import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import { db, deviceKeys, inspections, outbox, photos, signedReports } from '$lib/db';
import { createInspection, setScopeAnswer, answerCheck } from '$lib/inspection';
import { reportHash, verifyCompact } from '$lib/signing';
import { amendInspection, signInspection } from './sign-report';

const T = '2026-11-22T10:00:00.000Z';

// The flow uses the app's own database: each test starts from an empty one (and a new device
// key), so none depends on what another signed before it.
beforeEach(async () => {
	await db.delete();
	await db.open();
});

/** A draft whose product turned out not to connect: every check out of scope but one answered. */
async function readyDraft(id: string) {
	let inspection = createInspection({
		id,
		now: T,
		catalogue,
		bundleId: 'shop-visit',
		place: { kind: 'shop', name: 'Corner Electrics' },
		inspector: 'A. Officer'
	});
	inspection = setScopeAnswer(inspection, 'networkConnected', 'no', T);
	await inspections.create(inspection);
	return inspection;
}

describe('signInspection', () => {
	it('signs, stores the JWS verbatim, finishes the inspection and chains reports', async () => {
		await readyDraft('a');
		const first = await signInspection('a', catalogue);
		expect(first.hash).toBe(await reportHash(first.jws));
		expect(first.previousReportHash).toBeNull();
		expect((await inspections.get('a'))?.status).toBe('finished');
		expect((await signedReports.report(first.id))?.jws).toBe(first.jws);

		const key = (await deviceKeys.get())!;
		const verified = await verifyCompact(first.jws, key.publicJwk, { expectedKid: key.kid });
		expect(verified.ok).toBe(true);

		await readyDraft('b');
		const second = await signInspection('b', catalogue);
		expect(second.previousReportHash).toBe(first.hash);
		expect(await signedReports.chainHead()).toBe(second.hash);
	});

	it('queues the signed report for sync in the same step', async () => {
		await readyDraft('q');
		const report = await signInspection('q', catalogue);
		const entry = await outbox.entry(report.id);
		expect(entry).toMatchObject({
			reportId: report.id,
			inspectionId: 'q',
			reportHash: report.hash,
			state: 'queued',
			receipt: null
		});
		expect((await outbox.pending()).map((e) => e.reportId)).toContain(report.id);
	});

	it('refuses an incomplete inspection and leaves it a draft', async () => {
		let draft = await readyDraft('c');
		draft = setScopeAnswer(draft, 'networkConnected', 'yes', T);
		await inspections.update('c', () => draft);
		await expect(signInspection('c', catalogue)).rejects.toThrow(/cannot be finished yet/);
		expect((await inspections.get('c'))?.status).toBe('draft');
	});

	it('refuses to sign the same inspection twice', async () => {
		await readyDraft('d');
		await signInspection('d', catalogue);
		await expect(signInspection('d', catalogue)).rejects.toThrow(
			/is finished and can no longer be changed/
		);
		expect(await db.reports.where('inspectionId').equals('d').count()).toBe(1);
	});
});

describe('amendInspection', () => {
	it('starts a draft that copies answers and photos and names the report it supersedes', async () => {
		let draft = await readyDraft('e');
		draft = setScopeAnswer(draft, 'networkConnected', 'yes', T);
		draft = answerCheck(draft, catalogue, 'ID-01', 'FAIL', 'No model on the label', T);
		await inspections.update('e', () => draft);
		await photos.add({
			id: 'ph1',
			inspectionId: 'e',
			checkId: 'ID-01',
			data: new Blob([new Uint8Array([1, 2, 3])]),
			sha256: 'a'.repeat(64),
			bytes: 3,
			type: 'image/jpeg',
			width: 1,
			height: 1,
			capturedAt: T,
			caption: ''
		});
		await inspections.update('e', (i) => setScopeAnswer(i, 'networkConnected', 'no', T));
		const report = await signInspection('e', catalogue);

		const amendment = await amendInspection('e');
		expect(amendment).toMatchObject({ status: 'draft', supersedes: report.id });
		expect(amendment.answers['ID-01']?.reason).toBe('No model on the label');
		const copied = await photos.forInspection(amendment.id);
		expect(copied.map((p) => p.sha256)).toEqual(['a'.repeat(64)]);
		expect(copied[0]!.id).not.toBe('ph1');
		// The signed original is untouched.
		expect((await inspections.get('e'))?.status).toBe('finished');
		expect(await photos.get('ph1')).toBeDefined();
	});
});
