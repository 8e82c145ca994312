import { describe, expect, it } from 'vitest';
import {
	citedPhotos,
	countsByCheck,
	linkedUses,
	photosForCheck,
	planUnlink,
	reusablePhotos,
	usesOf
} from './photo-links';
import { photoFixture } from './photo-fixture';
import type { PhotoRecord } from './photo-record';

function photo(id: string, checkId: string, extra: Partial<PhotoRecord> = {}): PhotoRecord {
	const capturedAt = `2026-11-22T10:00:0${id.charCodeAt(0) % 10}.000Z`;
	return photoFixture(id, checkId, capturedAt, extra);
}

describe('photo links', () => {
	it('reads a photo from before links as cited by the check it was taken for', () => {
		expect(usesOf(photo('a', 'ID-01'))).toEqual(['ID-01']);
		expect(usesOf(photo('a', 'ID-01', { usedBy: ['ID-01', 'DOC-01'] }))).toEqual([
			'ID-01',
			'DOC-01'
		]);
	});

	it('links a photo once per check', () => {
		const label = photo('a', 'identify', { usedBy: ['identify'] });
		expect(linkedUses(label, 'ID-01')).toEqual(['identify', 'ID-01']);
		expect(linkedUses({ ...label, usedBy: ['identify', 'ID-01'] }, 'ID-01')).toBeNull();
	});

	it('counts a linked photo for every check citing it, and copies for none', () => {
		const photos = [
			photo('a', 'identify', { usedBy: ['identify', 'ID-01', 'PHY-01', 'DOC-01'] }),
			photo('b', 'ID-01', { usedBy: ['ID-01'] }),
			photo('c', 'ID-01', { usedBy: ['ID-01', 'PHY-01'], derivedFrom: 'b' })
		];
		expect(countsByCheck(photos)).toEqual({ identify: 1, 'ID-01': 2, 'PHY-01': 1, 'DOC-01': 1 });
		expect(photosForCheck(photos, 'PHY-01').map((p) => p.id)).toEqual(['a', 'c']);
	});

	it('removing a photo from one check only unlinks it while another check cites it', () => {
		const photos = [photo('a', 'ID-01', { usedBy: ['ID-01', 'PHY-01', 'DOC-01'] })];
		expect(planUnlink(photos, 'a', 'PHY-01')).toEqual({
			update: [{ id: 'a', usedBy: ['ID-01', 'DOC-01'] }],
			remove: []
		});
	});

	it('deletes a photo, and its copies, when no check uses them any more', () => {
		const photos = [
			photo('a', 'PHY-01', { usedBy: ['PHY-01'] }),
			photo('b', 'PHY-01', { usedBy: ['PHY-01'], derivedFrom: 'a' }),
			photo('c', 'PHY-01', { usedBy: ['PHY-01'] })
		];
		expect(planUnlink(photos, 'a', 'PHY-01')).toEqual({ update: [], remove: ['a', 'b'] });
		expect(planUnlink(photos, 'missing', 'PHY-01')).toEqual({ update: [], remove: [] });
	});

	it('keeps an original while a copy made from it is still cited elsewhere', () => {
		const photos = [
			photo('a', 'PHY-01', { usedBy: ['PHY-01'] }),
			photo('b', 'PHY-01', { usedBy: ['PHY-01', 'DOC-11'], derivedFrom: 'a' })
		];
		expect(planUnlink(photos, 'a', 'PHY-01')).toEqual({
			update: [
				{ id: 'b', usedBy: ['DOC-11'] },
				{ id: 'a', usedBy: [] }
			],
			remove: []
		});
		const after = [
			{ ...photos[0]!, usedBy: [] },
			{ ...photos[1]!, usedBy: ['DOC-11'] }
		];
		// The report lists the copy and, for its provenance, the original it names.
		expect(citedPhotos(after, new Set(['DOC-11'])).map((p) => p.id)).toEqual(['a', 'b']);
	});

	it('offers the label photos first, and not the ones the check already cites', () => {
		const photos = [
			photo('a', 'ID-01', { usedBy: ['ID-01'] }),
			photo('b', 'PHY-01', { usedBy: ['PHY-01'] }),
			photo('c', 'DOC-01', { usedBy: ['DOC-01'] }),
			photo('d', 'identify', { usedBy: ['identify'] })
		];
		// "b" was read with Read label, "d" taken on Identify: both label photos, in the order taken.
		expect(photos.map((p) => p.capturedAt.slice(17, 19))).toEqual(['07', '08', '09', '00']);
		expect(reusablePhotos(photos, 'DOC-01', new Set(['b'])).map((p) => p.id)).toEqual([
			'd',
			'b',
			'a'
		]);
	});
});
