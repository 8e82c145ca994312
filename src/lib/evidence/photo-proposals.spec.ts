import { describe, expect, it } from 'vitest';
import { getCheck } from '$lib/catalogue';
import { planLink } from './photo-links';
import { photoFixture } from './photo-fixture';
import type { PhotoRecord } from './photo-record';
import { proposedPhotos, subjectForNewPhoto, subjectOf } from './photo-proposals';

let clock = 0;
function photo(id: string, checkId: string, extra: Partial<PhotoRecord> = {}): PhotoRecord {
	clock++;
	const capturedAt = new Date(Date.UTC(2026, 11, 2, 10, 0, clock)).toISOString();
	return photoFixture(id, checkId, capturedAt, { usedBy: [checkId], ...extra });
}

const check = (id: string) => getCheck(id)!;
const ids = (photos: PhotoRecord[]) => photos.map((p) => p.id);

/** Applies a link as the repository would. */
function link(photos: PhotoRecord[], photoId: string, checkId: string): PhotoRecord[] {
	const { update } = planLink(photos, photoId, checkId);
	return photos.map((p) => {
		const change = update.find((u) => u.id === p.id);
		return change ? { ...p, usedBy: change.usedBy } : p;
	});
}

describe('photos offered by what they show', () => {
	it('offers the label photo to every check that wants a photo of the label', () => {
		const label = photo('label', 'ID-01', { shows: 'label' });
		for (const id of ['PHY-01', 'PHY-03'])
			expect(ids(proposedPhotos([label], check(id))), id).toEqual(['label']);
		// Not to a check that wants the packaging, the device or a web page.
		for (const id of ['CLM-01', 'PHY-04', 'DOC-06', 'DOC-10'])
			expect(proposedPhotos([label], check(id)), id).toEqual([]);
	});

	it('offers nothing once the check has the photos it wants, nor to a check that wants none', () => {
		const label = photo('label', 'ID-01', { shows: 'label' });
		const own = photo('own', 'PHY-01', { shows: 'label' });
		expect(proposedPhotos([label, own], check('PHY-01'))).toEqual([]);
		expect(proposedPhotos([label], check('ID-01'))).toEqual([]); // it cites it already
		// PHY-05 asks for a photo only optionally; DOC-05 asks for none.
		const device = photo('device', 'PHY-04', { shows: 'device' });
		expect(proposedPhotos([device], check('PHY-05'))).toEqual([]);
		expect(proposedPhotos([device], check('DOC-05'))).toEqual([]);
	});

	it('offers one photo per subject a check wants one of each of, up to the number it wants', () => {
		const label = photo('label', 'ID-01', { shows: 'label' });
		const secondLabel = photo('label2', 'identify');
		// ID-02 wants the label and the packaging: one label photo is offered, not two.
		expect(ids(proposedPhotos([label, secondLabel], check('ID-02')))).toEqual(['label']);
		const pack = photo('pack', 'ID-02', { shows: 'packaging' });
		const withPack = [label, secondLabel, pack];
		// With its packaging photo taken, the label is still offered for the second slot.
		expect(ids(proposedPhotos(withPack, check('ID-02')))).toEqual(['label']);
		// With both linked, nothing.
		expect(proposedPhotos(link(withPack, 'label', 'ID-02'), check('ID-02'))).toEqual([]);
	});

	it('offers either subject to a check that takes any of them, the first it names first', () => {
		const pack = photo('pack', 'ID-02', { shows: 'packaging' });
		const site = photo('site', 'DOC-06', { shows: 'maker-site' });
		expect(ids(proposedPhotos([site, pack], check('DOC-03')))).toEqual(['pack']);
		expect(ids(proposedPhotos([site], check('DOC-03')))).toEqual(['site']);
	});

	it('puts a label reading first, and never offers a marked-up copy or a declined photo', () => {
		const early = photo('early', 'ID-01', { shows: 'label' });
		const read = photo('read', 'PHY-01', { shows: 'label' });
		const copy = photo('copy', 'ID-01', { derivedFrom: 'early', derivation: 'redaction' });
		const labelPhotoIds = new Set(['read']);
		expect(ids(proposedPhotos([early, read, copy], check('PHY-03'), { labelPhotoIds }))).toEqual([
			'read'
		]);
		expect(ids(proposedPhotos([copy, early], check('PHY-03')))).toEqual(['early']);
		expect(
			ids(proposedPhotos([early, read], check('PHY-03'), { declined: new Set(['early']) }))
		).toEqual(['read']);
		expect(proposedPhotos([early], check('PHY-03'), { declined: new Set(['early']) })).toEqual([]);
	});

	it('reads what a photo from before subjects shows from the check it was taken for', () => {
		expect(subjectOf(photo('a', 'identify'))).toBe('label');
		expect(subjectOf(photo('b', 'DOC-06'))).toBe('maker-site');
		// A check that takes either of two subjects cannot say which this one shows.
		expect(subjectOf(photo('c', 'DOC-03'))).toBeUndefined();
		expect(subjectOf(photo('d', 'DOC-03', { shows: 'packaging' }))).toBe('packaging');
		const old = [photo('label', 'ID-01')];
		expect(ids(proposedPhotos(old, check('PHY-01')))).toEqual(['label']);
	});
});

describe('what a photo taken now shows', () => {
	it('is the subject the check still wants, the offered photos counted', () => {
		const label = photo('label', 'ID-01', { shows: 'label' });
		const offered = proposedPhotos([label], check('ID-02'));
		expect(subjectForNewPhoto([label], check('ID-02'), offered)).toBe('packaging');
		// With nothing offered, ID-02's first photo is the label, its second the packaging.
		expect(subjectForNewPhoto([], check('ID-02'), [])).toBe('label');
		const own = photo('own', 'ID-02', { shows: 'label' });
		expect(subjectForNewPhoto([own], check('ID-02'), [])).toBe('packaging');
	});

	it('is the one subject of a check that names one, and unknown where it could be either', () => {
		expect(subjectForNewPhoto([], check('DOC-10'), [])).toBe('privacy-notice');
		expect(subjectForNewPhoto([], check('DOC-03'), [])).toBeUndefined();
		// Once the packaging is offered, a photo DOC-11 takes as well is of the device.
		const pack = photo('pack', 'ID-02', { shows: 'packaging' });
		expect(subjectForNewPhoto([pack], check('DOC-11'), [pack])).toBe('device');
	});
});
