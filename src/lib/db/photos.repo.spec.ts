import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { ShelfcheckDatabase } from './database';
import { PhotoRepository } from './photos.repo';
import { oldSchema } from './test-databases';

function photo(id: string, checkId: string, extra: Partial<PhotoRecord> = {}): PhotoRecord {
	return {
		id,
		inspectionId: 'i1',
		checkId,
		data: new Blob([new Uint8Array(10)], { type: 'image/jpeg' }),
		sha256: id.padEnd(64, '0'),
		bytes: 1000,
		type: 'image/jpeg',
		width: 20,
		height: 10,
		capturedAt: `2026-11-22T10:00:0${id.length}.000Z`,
		caption: '',
		...extra
	};
}

describe('PhotoRepository', () => {
	let db: ShelfcheckDatabase;
	const open = () => new PhotoRepository((db = new ShelfcheckDatabase(`t-${Math.random()}`)));
	afterEach(async () => {
		db.close();
		await db.delete();
	});

	it('never replaces a stored photo', async () => {
		const repo = open();
		await repo.add(photo('a', 'ID-01'));
		await expect(repo.add(photo('a', 'ID-01', { caption: 'other' }))).rejects.toMatchObject({
			name: 'ConstraintError'
		});
		expect((await repo.get('a'))?.caption).toBe('');
	});

	it('sums photos and their bytes per inspection', async () => {
		const repo = open();
		await repo.add(photo('a', 'ID-01'));
		await repo.add(photo('b', 'ID-01'));
		await repo.add(photo('c', 'PHY-01'));
		await repo.add(photo('d', 'PHY-01', { derivedFrom: 'c', derivation: 'redaction' }));
		expect(await repo.statsFor(['i1', 'none'])).toEqual({
			i1: { count: 4, bytes: 4000 },
			none: { count: 0, bytes: 0 }
		});
	});

	it('applies link changes in one go, and finds a photo by every check citing it', async () => {
		const repo = open();
		await repo.add(photo('a', 'identify'));
		await repo.add(photo('b', 'ID-01'));
		expect((await repo.get('a'))?.usedBy).toEqual(['identify']);
		const changes = {
			update: [{ id: 'a', usedBy: ['identify', 'ID-01', 'PHY-01'] }],
			remove: ['b']
		};
		expect(await repo.changeLinks('i1', () => changes)).toEqual(changes);
		expect(await db.photos.count()).toBe(1);
		expect((await repo.forCheck('i1', 'PHY-01')).map((p) => p.id)).toEqual(['a']);
		expect((await repo.forCheck('i1', 'ID-01')).map((p) => p.id)).toEqual(['a']);
		expect(await repo.forCheck('other', 'PHY-01')).toEqual([]);
	});

	it('upgrades photos stored before links (version 5) to be cited by the check they were taken for', async () => {
		const name = `t-${Math.random()}`;
		const old = oldSchema(name, 5);
		await old.table('photos').add(photo('a', 'PHY-01'));
		old.close();
		const repo = new PhotoRepository((db = new ShelfcheckDatabase(name)));
		expect((await repo.get('a'))?.usedBy).toEqual(['PHY-01']);
		expect((await repo.forCheck('i1', 'PHY-01')).map((p) => p.id)).toEqual(['a']);
	});
});
