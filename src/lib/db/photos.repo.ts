import type { PhotoRecord } from '$lib/evidence/photo-record';
import type { LinkChanges } from '$lib/evidence/photo-links';
import type { PhotoStore } from '$lib/evidence/store-verified';
import type { ShelfcheckDatabase } from './database';

export interface PhotoStats {
	count: number;
	bytes: number;
}

/**
 * Photo evidence on this device. Photos are added, never replaced: only the caption and the
 * checks that cite it, which are not part of the image, can change. A photo is stored once and
 * linked to each check that uses it; its bytes go when no check uses it any more.
 */
export class PhotoRepository implements PhotoStore {
	constructor(private readonly db: ShelfcheckDatabase) {}

	async add(record: PhotoRecord): Promise<void> {
		await this.db.photos.add({ ...record, usedBy: record.usedBy ?? [record.checkId] });
	}

	/**
	 * Changes which checks cite the inspection's photos, in one transaction: `decide` (a rule
	 * from photo-links) sees the photos as stored and says what to update and what to delete.
	 */
	async changeLinks(
		inspectionId: string,
		decide: (photos: PhotoRecord[]) => LinkChanges
	): Promise<LinkChanges> {
		return this.db.transaction('rw', this.db.photos, async () => {
			const changes = decide(await this.forInspection(inspectionId));
			for (const { id, usedBy } of changes.update) await this.db.photos.update(id, { usedBy });
			await this.db.photos.bulkDelete(changes.remove);
			return changes;
		});
	}

	get(id: string): Promise<PhotoRecord | undefined> {
		return this.db.photos.get(id);
	}

	async remove(id: string): Promise<void> {
		await this.db.photos.delete(id);
	}

	async setCaption(id: string, caption: string): Promise<void> {
		await this.db.photos.update(id, { caption });
	}

	forInspection(inspectionId: string): Promise<PhotoRecord[]> {
		return this.db.photos.where('inspectionId').equals(inspectionId).sortBy('capturedAt');
	}

	/** The photos a check cites: taken for it or linked to it. */
	forCheck(inspectionId: string, checkId: string): Promise<PhotoRecord[]> {
		return this.db.photos
			.where('usedBy')
			.equals(checkId)
			.and((photo) => photo.inspectionId === inspectionId)
			.sortBy('capturedAt');
	}

	/** The marked-up and redacted copies made from a photo. */
	forDerivedFrom(id: string): Promise<PhotoRecord[]> {
		return this.db.photos.where('derivedFrom').equals(id).sortBy('capturedAt');
	}

	/** Photo count and stored size per inspection, for Home. */
	async statsFor(inspectionIds: string[]): Promise<Record<string, PhotoStats>> {
		const stats: Record<string, PhotoStats> = {};
		for (const id of inspectionIds) stats[id] = { count: 0, bytes: 0 };
		await this.db.photos
			.where('inspectionId')
			.anyOf(inspectionIds)
			.each((photo) => {
				const entry = stats[photo.inspectionId]!;
				entry.count++;
				entry.bytes += photo.bytes;
			});
		return stats;
	}
}
