import { photos } from '$lib/db';
import { countsByCheck, planLink, planUnlink, type LinkChanges } from '$lib/evidence/photo-links';

/**
 * Links a photo already taken to another check: the same stored photo, so the same bytes and
 * SHA-256. False when it is not among this inspection's photos (deleted meanwhile, say).
 */
export async function linkPhoto(
	inspectionId: string,
	photoId: string,
	checkId: string
): Promise<boolean> {
	let found = false;
	await photos.changeLinks(inspectionId, (stored) => {
		found = stored.some((photo) => photo.id === photoId);
		return planLink(stored, photoId, checkId);
	});
	return found;
}

/**
 * Links several photos to a check in one transaction (the photos a verdict accepts); returns
 * how many of them were still on this device.
 */
export async function linkPhotos(
	inspectionId: string,
	photoIds: readonly string[],
	checkId: string
): Promise<number> {
	let found = 0;
	await photos.changeLinks(inspectionId, (stored) => {
		const changes: LinkChanges = { update: [], remove: [] };
		for (const photoId of new Set(photoIds)) {
			if (stored.some((photo) => photo.id === photoId)) found++;
			changes.update.push(...planLink(stored, photoId, checkId).update);
		}
		return changes;
	});
	return found;
}

/** Removes a photo from one check; returns how many photos went because no check uses them. */
export async function unlinkPhoto(
	inspectionId: string,
	photoId: string,
	checkId: string
): Promise<number> {
	const changes = await photos.changeLinks(inspectionId, (stored) =>
		planUnlink(stored, photoId, checkId)
	);
	return changes.remove.length;
}

/** Required-photo counts per check: originals only, a linked photo counting for each check. */
export async function photoCounts(inspectionId: string): Promise<Record<string, number>> {
	return countsByCheck(await photos.forInspection(inspectionId));
}
