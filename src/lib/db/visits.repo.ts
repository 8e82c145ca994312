import type { Inspection } from '$lib/inspection/model';
import type { Visit } from '$lib/visit/visit';
import type { ShelfcheckDatabase } from './database';

/** Visits on this device, and the inspections each holds. */
export class VisitRepository {
	constructor(private readonly db: ShelfcheckDatabase) {}

	get(id: string): Promise<Visit | undefined> {
		return this.db.visits.get(id);
	}

	/** Most recently touched first. */
	list(limit = Infinity): Promise<Visit[]> {
		return this.db.visits.orderBy('updatedAt').reverse().limit(limit).toArray();
	}

	/** The inspections of a visit, in the order they were started. */
	async inspectionsOf(visitId: string): Promise<Inspection[]> {
		const rows = await this.db.inspections.where('visitId').equals(visitId).toArray();
		return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	}

	/** The inspections of the given visits, for Home's summary lines. */
	inspectionsOfVisits(visitIds: readonly string[]): Promise<Inspection[]> {
		return this.db.inspections.where('visitId').anyOf(visitIds).toArray();
	}
}
