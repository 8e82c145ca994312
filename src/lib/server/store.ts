import type { Store } from './db';

/**
 * The server's one open store, set once at start-up by the `init` hook. Request handlers ask for
 * it here instead of opening connections of their own.
 */
let current: Store | undefined;

export function setStore(store: Store): void {
	current = store;
}

export function store(): Store {
	if (!current) throw new Error('The database is not open yet: the init hook has not run');
	return current;
}
