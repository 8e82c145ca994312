import { loadDatabase } from './lazy';

/**
 * Calls `onChange` with the query's result as soon as the database module is loaded, and again
 * whenever the rows it read change, in this tab or another (Dexie's liveQuery); returns the
 * unsubscribe. The query may use `database()`. Framework-free, for module singletons such as the
 * sync service; screens use `LiveQuery`.
 */
export function watch<T>(
	query: () => Promise<T>,
	onChange: (value: T) => void,
	onError: (error: Error) => void
): () => void {
	let stop: (() => void) | undefined;
	let stopped = false;
	loadDatabase().then(
		({ liveQuery }) => {
			if (stopped) return;
			const subscription = liveQuery(query).subscribe({ next: onChange, error: onError });
			stop = () => subscription.unsubscribe();
		},
		(error: unknown) => onError(error instanceof Error ? error : new Error(String(error)))
	);
	return () => {
		stopped = true;
		stop?.();
	};
}

/**
 * The one bridge from IndexedDB to runes. `read` runs inside an effect, so the props and state it
 * reads are tracked: it returns the query, which Dexie runs again whenever the rows it read
 * change; a change to what `read` read starts a new query. Create it while a component
 * initialises; it stops when the component goes.
 *
 *     const photos = new LiveQuery(() => {
 *       const id = inspectionId;            // tracked
 *       return () => repository.forInspection(id);
 *     });
 */
export class LiveQuery<T> {
	/** The latest result, replaced whole (raw: rows are not made deep proxies); `undefined`
	 * until the first one arrives. A screen may set it to what it just wrote. */
	current = $state.raw<T | undefined>(undefined);
	error = $state.raw<Error | null>(null);

	constructor(read: () => () => Promise<T>) {
		$effect(() => {
			const query = read();
			return watch(
				query,
				(value) => {
					this.current = value;
					this.error = null;
				},
				(error) => (this.error = error)
			);
		});
	}
}
