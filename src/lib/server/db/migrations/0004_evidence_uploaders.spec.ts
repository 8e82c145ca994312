import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestStore } from '../test-engines';
import { migrationProvider } from './index';

const T = '2026-11-22T10:00:00.000Z';

for (const engine of TEST_ENGINES) {
	describe.skipIf(!engine.available)(`0004_evidence_uploaders on ${engine.kind}`, () => {
		let store: TestStore;
		let migrator: Migrator;

		beforeAll(async () => {
			store = await engine.open();
			migrator = new Migrator({ db: store.db, provider: migrationProvider });
			expect((await migrator.migrateTo('0003_sync')).error).toBeUndefined();
			const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
			await db
				.insertInto('organisations')
				.values({ id: 'o', name: 'Acme', created_at: T })
				.execute();
			for (const id of ['ivy', 'ian'])
				await db
					.insertInto('users')
					.values({
						id,
						org_id: 'o',
						email: `${id}@acme.test`,
						name: id,
						role: 'inspector',
						password_hash: 'x',
						active: 1,
						created_at: T
					})
					.execute();
			await db
				.insertInto('evidence')
				.values({
					org_id: 'o',
					sha256: 'a'.repeat(64),
					bytes: 3,
					uploaded_by: 'ivy',
					received_at: T
				})
				.execute();
		});
		afterAll(async () => store?.close());

		it('keeps each held photo under its uploader and lets a second person hold it too', async () => {
			expect((await migrator.migrateToLatest()).error).toBeUndefined();
			const row = { org_id: 'o', sha256: 'a'.repeat(64), bytes: 3, received_at: T };
			await store.db
				.insertInto('evidence')
				.values({ ...row, uploaded_by: 'ian' })
				.execute();
			await expect(
				store.db
					.insertInto('evidence')
					.values({ ...row, uploaded_by: 'ian' })
					.execute()
			).rejects.toThrow();
			const rows = await store.db
				.selectFrom('evidence')
				.select(['uploaded_by', 'bytes'])
				.orderBy('uploaded_by')
				.execute();
			expect(rows).toEqual([
				{ uploaded_by: 'ian', bytes: 3 },
				{ uploaded_by: 'ivy', bytes: 3 }
			]);
		});

		it('goes back down to one row per photo and organisation', async () => {
			expect((await migrator.migrateTo('0003_sync')).error).toBeUndefined();
			const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
			expect(await db.selectFrom('evidence').select(['sha256', 'uploaded_by']).execute()).toEqual([
				{ sha256: 'a'.repeat(64), uploaded_by: 'ian' }
			]);
			expect((await migrator.migrateToLatest()).error).toBeUndefined();
		});
	});
}
