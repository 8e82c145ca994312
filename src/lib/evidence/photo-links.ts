import type { PhotoRecord } from './photo-record';

/**
 * Photos taken once, cited by many checks. A photo is stored once (one Blob, one SHA-256) and
 * names the checks that use it as evidence; a check links a photo already taken rather than
 * copying it. Pure rules: the repository stores what they decide.
 */

type Uses = Pick<PhotoRecord, 'checkId' | 'usedBy'>;

/** The checks (or the "identify" step) citing a photo. A record from before links: its own check. */
export function usesOf(photo: Uses): string[] {
	return photo.usedBy ?? [photo.checkId];
}

export function isUsedBy(photo: Uses, checkId: string): boolean {
	return usesOf(photo).includes(checkId);
}

const byCapture = (a: PhotoRecord, b: PhotoRecord) =>
	a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id);

/** The photos a check cites, in the order taken. */
export function photosForCheck(photos: PhotoRecord[], checkId: string): PhotoRecord[] {
	return photos.filter((photo) => isUsedBy(photo, checkId)).sort(byCapture);
}

/**
 * Photos per check, counting originals only (a marked-up copy is the same evidence again, so it
 * does not satisfy a check that asks for two photos). A linked photo counts for every check that
 * cites it: that is the point of linking it.
 */
export function countsByCheck(photos: PhotoRecord[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const photo of photos) {
		if (photo.derivedFrom) continue;
		for (const checkId of new Set(usesOf(photo))) counts[checkId] = (counts[checkId] ?? 0) + 1;
	}
	return counts;
}

/** The photo's uses with `checkId` added, or null when it already cites the photo. */
export function linkedUses(photo: Uses, checkId: string): string[] | null {
	const uses = usesOf(photo);
	return uses.includes(checkId) ? null : [...uses, checkId];
}

/** Linking a photo of the inspection to one more check; nothing when it is not among them. */
export function planLink(photos: PhotoRecord[], photoId: string, checkId: string): LinkChanges {
	const photo = photos.find((candidate) => candidate.id === photoId);
	const usedBy = photo && linkedUses(photo, checkId);
	return { update: photo && usedBy ? [{ id: photo.id, usedBy }] : [], remove: [] };
}

/**
 * The photos a check could link instead of taking another: this inspection's photos it does not
 * cite yet, the label photos first (taken on Identify or read with Read label, since one label
 * answers several checks), then in the order taken.
 */
export function reusablePhotos(
	photos: PhotoRecord[],
	checkId: string,
	labelPhotoIds: ReadonlySet<string>
): PhotoRecord[] {
	const isLabel = (photo: PhotoRecord) =>
		labelPhotoIds.has(photo.id) || usesOf(photo).includes('identify');
	return photos
		.filter((photo) => !isUsedBy(photo, checkId))
		.sort((a, b) => Number(isLabel(b)) - Number(isLabel(a)) || byCapture(a, b));
}

/** What a change of links does to the stored photos (the repository applies it in one go). */
export interface LinkChanges {
	/** Photos still cited somewhere, with their uses after the change. */
	update: { id: string; usedBy: string[] }[];
	/** Photos no check uses any more: their bytes go. */
	remove: string[];
}

/**
 * Removing a photo from one check: it and its marked-up copies stop being cited by that check;
 * any of them that no check cites any more is deleted. An original is kept while a copy made
 * from it is kept, so the copy's provenance stays in the report.
 */
export function planUnlink(photos: PhotoRecord[], photoId: string, checkId: string): LinkChanges {
	const photo = photos.find((candidate) => candidate.id === photoId);
	if (!photo) return { update: [], remove: [] };
	const touched = [photo, ...photos.filter((candidate) => candidate.derivedFrom === photoId)];
	const plan: LinkChanges = { update: [], remove: [] };
	const kept = new Set<string>();
	for (const record of touched.slice(1)) {
		const uses = usesOf(record).filter((use) => use !== checkId);
		if (uses.length > 0) {
			kept.add(record.id);
			if (uses.length !== usesOf(record).length) plan.update.push({ id: record.id, usedBy: uses });
		} else plan.remove.push(record.id);
	}
	const uses = usesOf(photo).filter((use) => use !== checkId);
	if (uses.length > 0 || kept.size > 0) plan.update.push({ id: photo.id, usedBy: uses });
	else plan.remove.unshift(photo.id);
	return plan;
}

/**
 * The photos a report lists: those cited by the steps and checks in it, with the originals of
 * the copies among them (a copy names its original by hash).
 */
export function citedPhotos(photos: PhotoRecord[], inScope: ReadonlySet<string>): PhotoRecord[] {
	const cited = photos.filter((photo) => usesOf(photo).some((use) => inScope.has(use)));
	const ids = new Set(cited.map((photo) => photo.id));
	for (const photo of [...cited])
		if (photo.derivedFrom && !ids.has(photo.derivedFrom)) {
			const original = photos.find((candidate) => candidate.id === photo.derivedFrom);
			if (original) {
				cited.push(original);
				ids.add(original.id);
			}
		}
	return cited.sort(byCapture);
}
