import type { ServerSettings } from './config';
import type { Store } from './db';

/**
 * The server's one open store, set once at start-up by the `init` hook. Request handlers ask for
 * it here instead of opening connections of their own.
 */
let current: Store | undefined;
let currentSettings: (ServerSettings & { dataDir: string }) | undefined;

export function setStore(store: Store): void {
	current = store;
}

export function store(): Store {
	if (!current) throw new Error('The database is not open yet: the init hook has not run');
	return current;
}

export function setSettings(settings: ServerSettings & { dataDir: string }): void {
	currentSettings = settings;
}

/** Limits, policies and the data directory, read once at start-up. */
export function settings(): ServerSettings & { dataDir: string } {
	if (!currentSettings)
		throw new Error('The settings are not loaded yet: the init hook has not run');
	return currentSettings;
}
