/**
 * The database module, loaded on demand. The layout and Home import this rather than `$lib/db`,
 * so that Dexie (the largest script of the first screen) is fetched and run after the first
 * paint: Home draws its frame, then its lists once the module is here.
 */
export type Database = typeof import('./index');

let loaded: Database | undefined;
let loading: Promise<Database> | undefined;

export function loadDatabase(): Promise<Database> {
	return (loading ??= import('./index').then((module) => (loaded = module)));
}

/**
 * The module, for code that runs only once `loadDatabase` has resolved: the queries `watch` and
 * `LiveQuery` run (they load it before the first query).
 */
export function database(): Database {
	if (!loaded) throw new Error('The database is not loaded yet: await loadDatabase() first.');
	return loaded;
}
