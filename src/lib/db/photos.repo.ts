import type { PhotoRecord } from '$lib/evidence/photo-record';
import type { PhotoStore } from '$lib/evidence/store-verified';
import type { ShelfcheckDatabase } from './database';

export interface PhotoStats {
	count: number;
	bytes: number;
}

/**
 * Photo evidence on this device. Photos are added, never replaced: only the caption, which is
 * not part of the image, can change. Deleting a photo deletes the copies marked up from it.
 */
export class PhotoRepository implements PhotoStore {
	constructor(private readonly db: ShelfcheckDatabase) {}

	async add(record: PhotoRecord): Promise<void> {
		await this.db.photos.add(record);
	}

	get(id: string): Promise<PhotoRecord | undefined> {
		return this.db.photos.get(id);
	}

	async remove(id: string): Promise<void> {
		await this.db.photos.delete(id);
	}

	/** Deletes a photo and every photo derived from it, in one transaction. */
	async deleteWithDerived(id: string): Promise<number> {
		return this.db.transaction('rw', this.db.photos, async () => {
			const derived = await this.db.photos.where('derivedFrom').equals(id).primaryKeys();
			await this.db.photos.bulkDelete([id, ...derived]);
			return 1 + derived.length;
		});
	}

	async setCaption(id: string, caption: string): Promise<void> {
		await this.db.photos.update(id, { caption });
	}

	forInspection(inspectionId: string): Promise<PhotoRecord[]> {
		return this.db.photos.where('inspectionId').equals(inspectionId).sortBy('capturedAt');
	}

	forCheck(inspectionId: string, checkId: string): Promise<PhotoRecord[]> {
		return this.db.photos
			.where('[inspectionId+checkId]')
			.equals([inspectionId, checkId])
			.sortBy('capturedAt');
	}

	/** The marked-up and redacted copies made from a photo. */
	forDerivedFrom(id: string): Promise<PhotoRecord[]> {
		return this.db.photos.where('derivedFrom').equals(id).sortBy('capturedAt');
	}

	/**
	 * Photos per check, counting originals only: a marked-up copy is the same evidence again, so
	 * it does not satisfy a check that asks for two photos.
	 */
	async countsByCheck(inspectionId: string): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		await this.db.photos
			.where('inspectionId')
			.equals(inspectionId)
			.each((photo) => {
				if (!photo.derivedFrom) counts[photo.checkId] = (counts[photo.checkId] ?? 0) + 1;
			});
		return counts;
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
