// Not `$lib/db`: Home lists through this module, and loads the database after its first paint.
import { database, loadDatabase } from '$lib/db/lazy';
import { LiveQuery } from '$lib/db/live.svelte';
import type { PhotoStats } from '$lib/db/photos.repo';
import type { Inspection } from '$lib/inspection/model';
import type { SaveState } from '$lib/ui/SaveStatus.svelte';

export type { SaveState };

/**
 * One inspection as a screen sees it: the stored record, kept current from IndexedDB (changes
 * from another tab show up too), and a `change` that writes through at once. Create it while a
 * component initialises; it stops watching when the component goes.
 */
export class LiveInspection {
	readonly #record: LiveQuery<Inspection | null>;
	saveState = $state<SaveState>('saved');
	#saveError = $state<string | null>(null);
	readonly #id: () => string;

	constructor(id: () => string) {
		this.#id = id;
		this.#record = new LiveQuery(() => {
			const current = id();
			return async () => (await database().inspections.get(current)) ?? null;
		});
	}

	/** `undefined` while loading, `null` when there is no such inspection on this device. */
	get current(): Inspection | null | undefined {
		return this.#record.current;
	}

	/** Why the last change was not saved, or why the record cannot be read; null when all is well. */
	get saveError(): string | null {
		return this.#saveError ?? this.#record.error?.message ?? null;
	}

	/**
	 * Applies a rule (a pure function from src/lib/inspection) to the stored record and saves the
	 * result. Resolves to false when the rule refused or the write failed; `saveError` says why
	 * and the screen shows it, so callers need not handle it again.
	 */
	async change(rule: (inspection: Inspection) => Inspection): Promise<boolean> {
		this.saveState = 'saving';
		try {
			// Shown at once; the live query brings the same record (and another tab's) after.
			const { inspections } = await loadDatabase();
			this.#record.current = await inspections.update(this.#id(), rule);
			this.saveState = 'saved';
			this.#saveError = null;
			return true;
		} catch (error) {
			this.saveState = 'failed';
			this.#saveError = error instanceof Error ? error.message : String(error);
			return false;
		}
	}
}

/**
 * The most recent inspections of one status on this device, kept current. It shows a page at a
 * time (`showMore` adds one) so that a device with a long history still opens Home at once.
 */
export class LiveInspectionList {
	limit = $state(0);
	readonly #pageSize: number;
	readonly #page: LiveQuery<{ items: Inspection[]; total: number }>;
	readonly #stats: LiveQuery<Record<string, PhotoStats>>;

	constructor(status: Inspection['status'], pageSize = 25) {
		this.#pageSize = pageSize;
		this.limit = pageSize;
		this.#page = new LiveQuery(() => {
			const limit = this.limit;
			return async () => ({
				items: await database().inspections.list(status, limit),
				total: await database().inspections.count(status)
			});
		});
		this.#stats = new LiveQuery(() => {
			const ids = (this.items ?? []).map((inspection) => inspection.id);
			return () => database().photos.statsFor(ids);
		});
	}

	/** `undefined` while loading. */
	get items(): Inspection[] | undefined {
		return this.#page.current?.items;
	}

	get total(): number {
		return this.#page.current?.total ?? 0;
	}

	/** Photo count and size of each listed inspection. */
	get photoStats(): Record<string, PhotoStats> {
		return this.#stats.current ?? {};
	}

	get error(): string | null {
		return (this.#page.error ?? this.#stats.error)?.message ?? null;
	}

	showMore(): void {
		this.limit += this.#pageSize;
	}
}
