import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '$lib/inspection/model';
import { ShelfcheckDatabase, type SignedReportRow } from './database';
import { OutboxRepository } from './outbox.repo';
import { ChainMovedError, SignedReportRepository } from './reports.repo';
import { newOutboxEntry } from '$lib/sync/outbox';
import { requeueAbandoned } from '$lib/sync/engine';
import { freshNames, oldSchema } from './test-databases';

const queued = (row: SignedReportRow, photos: string[] = []) =>
	newOutboxEntry(row, photos, row.signedAt);

const T = '2026-11-22T10:00:00.000Z';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwsNaming = (photos: string[]) =>
	`${b64({ alg: 'ES256' })}.${b64({ photos: photos.map((sha256) => ({ sha256 })) })}.c2ln`;

const report = (id: string, previousReportHash: string | null = null): SignedReportRow => ({
	id,
	inspectionId: `inspection-${id}`,
	jws: jwsNaming(['a'.repeat(64), 'b'.repeat(64)]),
	hash: `hash-${id}`,
	signedAt: T,
	supersedes: null,
	previousReportHash
});

const draft = (id: string) =>
	({ id, status: 'draft', updatedAt: T, createdAt: T }) as unknown as Inspection;

describe('the outbox', () => {
	const fresh = freshNames('outbox');

	it('queues a report in the transaction that stores it, and not when signing is refused', async () => {
		const db = new ShelfcheckDatabase(fresh());
		const signing = new SignedReportRepository(db);
		const outbox = new OutboxRepository(db);
		await db.inspections.bulkAdd([draft('inspection-r1'), draft('inspection-r2')]);

		await signing.storeSigned(
			report('r1'),
			{ ...draft('inspection-r1'), status: 'finished' },
			queued(report('r1'), ['a'.repeat(64)])
		);
		expect(await outbox.entry('r1')).toMatchObject({ state: 'queued', photos: ['a'.repeat(64)] });

		// Another tab signed meanwhile: nothing of this report is kept, not even its outbox entry.
		await expect(
			signing.storeSigned(
				report('r2', 'stale'),
				{ ...draft('inspection-r2'), status: 'finished' },
				queued(report('r2', 'stale'))
			)
		).rejects.toBeInstanceOf(ChainMovedError);
		expect(await outbox.entry('r2')).toBeUndefined();
		expect(await db.reports.get('r2')).toBeUndefined();
		db.close();
	});

	it('queues the reports signed before the outbox existed when the device upgrades', async () => {
		const name = fresh();
		// The schema as version 4 left it, with one signed report.
		const old = oldSchema(name, 4);
		await old.table('reports').add(report('old'));
		old.close();

		const db = new ShelfcheckDatabase(name);
		const outbox = new OutboxRepository(db);
		const [entry] = await outbox.pending();
		expect(entry).toMatchObject({
			reportId: 'old',
			inspectionId: 'inspection-old',
			reportHash: 'hash-old',
			state: 'queued',
			photos: ['a'.repeat(64), 'b'.repeat(64)]
		});
		db.close();
	});

	it('puts a rejected report back in the queue on request, and only a rejected one', async () => {
		const db = new ShelfcheckDatabase(fresh());
		const outbox = new OutboxRepository(db);
		await db.inspections.add(draft('inspection-r1'));
		await new SignedReportRepository(db).storeSigned(
			report('r1'),
			{ ...draft('inspection-r1'), status: 'finished' },
			queued(report('r1'))
		);
		await outbox.retry('r1', T);
		expect((await outbox.entry('r1'))?.state).toBe('queued');
		await outbox.update('r1', {
			state: 'rejected',
			rejection: { status: 422, code: 'x', message: 'y' }
		});
		await outbox.retry('r1', T);
		expect(await outbox.entry('r1')).toMatchObject({ state: 'queued', rejection: null });
		db.close();
	});

	it('gives the engine back what a vanished run left uploading, queued and due now', async () => {
		const db = new ShelfcheckDatabase(fresh());
		const outbox = new OutboxRepository(db);
		await db.inspections.bulkAdd([draft('inspection-r1'), draft('inspection-r2')]);
		const signing = new SignedReportRepository(db);
		await signing.storeSigned(report('r1'), draft('inspection-r1'), queued(report('r1')));
		await signing.storeSigned(
			report('r2', 'hash-r1'),
			draft('inspection-r2'),
			queued(report('r2'))
		);
		await outbox.update('r2', {
			state: 'uploading',
			photosToUpload: 2,
			photosUploaded: 1,
			attempts: 6,
			nextAttemptAt: '2026-11-22T11:00:00.000Z',
			lastError: 'No connection to the server.'
		});
		expect(await requeueAbandoned(outbox, () => new Date(T))).toBe(1);
		expect(await outbox.entry('r2')).toMatchObject({
			state: 'queued',
			photosToUpload: 0,
			photosUploaded: 0,
			attempts: 6,
			nextAttemptAt: null,
			lastError: null,
			updatedAt: T
		});
		expect((await outbox.pending()).map((e) => e.reportId)).toEqual(['r1', 'r2']);
		db.close();
	});
});
