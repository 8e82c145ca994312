import { database } from '$lib/db/lazy';
import { LiveQuery } from '$lib/db/live.svelte';
import type { Inspection } from '$lib/inspection';
import { isUnsynced } from '$lib/sync/outbox';
import { summariseVisits, type Visit, type VisitSummary } from '$lib/visit/visit';
import { syncService } from '$lib/app/sync/sync-service.svelte';

/** Home's visits, most recent first, each with its products, signed and unsynced counts. */
export class LiveVisitList {
	readonly #rows: LiveQuery<{ visits: Visit[]; inspections: Inspection[] }>;

	constructor(limit = 25) {
		this.#rows = new LiveQuery(() => async () => {
			const { visits } = database();
			const recent = await visits.list(limit);
			return {
				visits: recent,
				inspections: await visits.inspectionsOfVisits(recent.map((visit) => visit.id))
			};
		});
	}

	/** `undefined` while loading. */
	get items(): VisitSummary[] | undefined {
		const rows = this.#rows.current;
		if (!rows) return undefined;
		const unsynced = syncService.entries.filter(isUnsynced).map((entry) => entry.inspectionId);
		return summariseVisits(rows.visits, rows.inspections, unsynced);
	}
}

/** One visit and its products, live. */
export class LiveVisit {
	readonly #rows: LiveQuery<{ visit: Visit | null; inspections: Inspection[] }>;

	constructor(id: () => string) {
		this.#rows = new LiveQuery(() => {
			const visitId = id();
			return async () => ({
				visit: (await database().visits.get(visitId)) ?? null,
				inspections: await database().visits.inspectionsOf(visitId)
			});
		});
	}

	/** `undefined` while loading, `null` when not on this device. */
	get visit(): Visit | null | undefined {
		return this.#rows.current?.visit;
	}

	get inspections(): Inspection[] {
		return this.#rows.current?.inspections ?? [];
	}
}
