import type { ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { loadConfig } from '$lib/server/config';
import { openStore } from '$lib/server/db';
import { setStore } from '$lib/server/store';

export const init: ServerInit = async () => {
	// Prerendering the app shell needs no database.
	if (building) return;
	const store = await openStore(loadConfig(process.env));
	setStore(store);
	console.log(
		`Database: ${store.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} at ${store.location} (migration ${store.migration})`
	);
	// adapter-node's convention: the start script emits this on SIGINT/SIGTERM once requests are done.
	process.once('sveltekit:shutdown', () => void store.close());
};
