import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcheckDatabase } from './database';
import { storageSelfTest } from './self-test';

describe('storageSelfTest', () => {
	let db: ShelfcheckDatabase;
	afterEach(async () => {
		db.close();
		await db.delete();
	});

	it('passes on a working IndexedDB and leaves nothing behind', async () => {
		db = new ShelfcheckDatabase(`test-${Math.random()}`);
		expect(await storageSelfTest(db)).toEqual({ ok: true });
		expect(await db.selfTest.count()).toBe(0);
	});

	it('is one transaction: a failure in its last step leaves nothing of the first', async () => {
		db = new ShelfcheckDatabase(`test-${Math.random()}`);
		db.selfTest.hook('deleting', () => {
			throw new Error('delete refused');
		});
		const result = await storageSelfTest(db);
		expect(result.ok === false && result.reason).toContain('delete refused');
		expect(await db.selfTest.count()).toBe(0);
	});

	it('fails with a reason when the database cannot be written', async () => {
		db = new ShelfcheckDatabase(`test-${Math.random()}`);
		db.selfTest.hook('creating', () => {
			throw new Error('QuotaExceededError');
		});
		const result = await storageSelfTest(db);
		expect(result.ok).toBe(false);
		expect(result.ok === false && result.reason).toContain('QuotaExceededError');
	});

	it('fails when the blob read back differs from the one written', async () => {
		db = new ShelfcheckDatabase(`test-${Math.random()}`);
		db.selfTest.hook('reading', (row) => ({ ...row, blob: new Blob([new Uint8Array(1024)]) }));
		expect(await storageSelfTest(db)).toEqual({
			ok: false,
			reason: 'what was read back differs from what was written'
		});
	});
});
