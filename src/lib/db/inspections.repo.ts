import Dexie from 'dexie';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import type { Inspection } from '$lib/inspection/model';
import type { ShelfcheckDatabase } from './database';

/**
 * Inspections on this device. Every change is a read-modify-write inside one transaction, so
 * two tabs editing the same inspection apply their changes to the latest stored record rather
 * than overwriting each other's answers.
 */
export class InspectionRepository {
	constructor(private readonly db: ShelfcheckDatabase) {}

	async create(inspection: Inspection): Promise<void> {
		await this.db.inspections.add(inspection);
	}

	/** A new inspection with its photos (an amendment copies them), all or nothing. */
	async createWithPhotos(inspection: Inspection, photos: PhotoRecord[]): Promise<void> {
		await this.db.transaction('rw', this.db.inspections, this.db.photos, async () => {
			await this.db.inspections.add(inspection);
			await this.db.photos.bulkAdd(photos);
		});
	}

	get(id: string): Promise<Inspection | undefined> {
		return this.db.inspections.get(id);
	}

	/** Applies `change` to the stored record and stores the result; returns what was stored. */
	update(id: string, change: (current: Inspection) => Inspection): Promise<Inspection> {
		return this.db.transaction('rw', this.db.inspections, async () => {
			const current = await this.db.inspections.get(id);
			if (!current) throw new Error(`Inspection ${id} is not on this device`);
			const next = change(current);
			await this.db.inspections.put(next);
			return next;
		});
	}

	async delete(id: string): Promise<void> {
		await this.db.inspections.delete(id);
	}

	/** Most recently touched first; `limit` keeps a long history cheap to show. */
	list(status: Inspection['status'], limit = Infinity): Promise<Inspection[]> {
		return this.db.inspections
			.where('[status+updatedAt]')
			.between([status, Dexie.minKey], [status, Dexie.maxKey])
			.reverse()
			.limit(limit)
			.toArray();
	}

	count(status: Inspection['status']): Promise<number> {
		return this.db.inspections.where('status').equals(status).count();
	}
}
