import { inspections, photos, type PhotoStats } from '$lib/db';
import type { Inspection } from './model';

export type SaveState = 'saved' | 'saving' | 'failed';

/**
 * One inspection as a screen sees it: the stored record, kept current from IndexedDB (changes
 * from another tab show up too), and a `change` that writes through at once. Create it while a
 * component initialises; it stops watching when the component goes.
 */
export class LiveInspection {
	/** `undefined` while loading, `null` when there is no such inspection on this device. */
	current = $state<Inspection | null | undefined>(undefined);
	saveState = $state<SaveState>('saved');
	saveError = $state<string | null>(null);
	readonly #id: () => string;

	constructor(id: () => string) {
		this.#id = id;
		$effect(() =>
			inspections.watch(
				id(),
				(row) => (this.current = row),
				(error) => (this.saveError = error.message)
			)
		);
	}

	/**
	 * Applies a rule (a pure function from src/lib/inspection) to the stored record and saves the
	 * result. Resolves to false when the rule refused or the write failed; `saveError` says why
	 * and the screen shows it, so callers need not handle it again.
	 */
	async change(rule: (inspection: Inspection) => Inspection): Promise<boolean> {
		this.saveState = 'saving';
		try {
			this.current = await inspections.update(this.#id(), rule);
			this.saveState = 'saved';
			this.saveError = null;
			return true;
		} catch (error) {
			this.saveState = 'failed';
			this.saveError = error instanceof Error ? error.message : String(error);
			return false;
		}
	}
}

/**
 * The most recent inspections of one status on this device, kept current. It shows a page at a
 * time (`showMore` adds one) so that a device with a long history still opens Home at once.
 */
export class LiveInspectionList {
	/** `undefined` while loading. */
	items = $state<Inspection[] | undefined>(undefined);
	total = $state(0);
	limit = $state(0);
	/** Photo count and size of each listed inspection. */
	photoStats = $state<Record<string, PhotoStats>>({});
	error = $state<string | null>(null);
	readonly #pageSize: number;

	constructor(status: Inspection['status'], pageSize = 25) {
		this.#pageSize = pageSize;
		this.limit = pageSize;
		$effect(() =>
			inspections.watchList(
				status,
				this.limit,
				(page) => {
					this.items = page.items;
					this.total = page.total;
				},
				(error) => (this.error = error.message)
			)
		);
		$effect(() => {
			const ids = (this.items ?? []).map((inspection) => inspection.id);
			return photos.watch(
				() => photos.statsFor(ids),
				(stats) => (this.photoStats = stats),
				(error) => (this.error = error.message)
			);
		});
	}

	showMore(): void {
		this.limit += this.#pageSize;
	}
}
