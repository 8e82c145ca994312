import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { ShelfcheckDatabase } from './database';
import { PhotoRepository } from './photos.repo';

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
		await expect(repo.add(photo('a', 'ID-01', { caption: 'other' }))).rejects.toThrow();
		expect((await repo.get('a'))?.caption).toBe('');
	});

	it('counts originals per check, not their marked-up copies', async () => {
		const repo = open();
		await repo.add(photo('a', 'ID-01'));
		await repo.add(photo('b', 'ID-01'));
		await repo.add(photo('c', 'PHY-01'));
		await repo.add(photo('d', 'PHY-01', { derivedFrom: 'c', derivation: 'redaction' }));
		expect(await repo.countsByCheck('i1')).toEqual({ 'ID-01': 2, 'PHY-01': 1 });
		expect(await repo.statsFor(['i1', 'none'])).toEqual({
			i1: { count: 4, bytes: 4000 },
			none: { count: 0, bytes: 0 }
		});
	});

	it('deletes a photo together with the copies derived from it', async () => {
		const repo = open();
		await repo.add(photo('a', 'PHY-01'));
		await repo.add(photo('b', 'PHY-01', { derivedFrom: 'a', derivation: 'annotation' }));
		await repo.add(photo('c', 'PHY-01'));
		expect(await repo.deleteWithDerived('a')).toBe(2);
		expect((await repo.forCheck('i1', 'PHY-01')).map((p) => p.id)).toEqual(['c']);
	});
});
