import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { sessionUser } from '$lib/server/auth/sessions';
import { issueSetupToken } from '$lib/server/auth/setup';
import { loadConfig, loadSettings } from '$lib/server/config';
import { openStore } from '$lib/server/db';
import { errorResponse } from '$lib/server/http';
import { Problem } from '$lib/server/problem';
import { requestToken } from '$lib/server/session-cookie';
import { setSettings, setStore, settings, store } from '$lib/server/store';
import { SECURITY_HEADERS } from '$lib/server/security-headers.js';

export const init: ServerInit = async () => {
	// Prerendering the app shell needs no database.
	if (building) return;
	const config = loadConfig(process.env);
	const limits = loadSettings(process.env);
	const store = await openStore(config);
	setStore(store);
	setSettings({ ...limits, dataDir: config.dataDir });
	console.log(
		`Database: ${store.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} at ${store.location} (migration ${store.migration})`
	);
	// No default credentials: an empty server prints a one-time link that creates the first admin.
	const token = await issueSetupToken(store.db);
	if (token) {
		const origin =
			process.env.ORIGIN?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 3000}`;
		console.log(
			`No administrator yet. Create one within 24 hours at ${origin}/setup/${token} (this link works once; restarting issues a new one).`
		);
	}
	// adapter-node's convention: the start script emits this on SIGINT/SIGTERM once requests are done.
	process.once('sveltekit:shutdown', () => void store.close());
};

/**
 * Paths whose endpoints read large bodies themselves, with their own limits: photos, reports, and
 * the missing-evidence query (MAX_MISSING_QUERY hashes are about 67 KB, above maxJsonBytes).
 */
const STREAMING = /^\/api\/v1\/(evidence\/([0-9a-f]{64}|missing)|reports\/[^/]+)$/;

export const handle: Handle = async ({ event, resolve }) => {
	// Prerendering the app shell: no database, no session.
	if (building) return resolve(event);
	let response: Response;
	const declared = Number(event.request.headers.get('content-length'));
	if (
		!STREAMING.test(event.url.pathname) &&
		Number.isFinite(declared) &&
		declared > settings().maxJsonBytes
	) {
		response = errorResponse(
			new Problem(
				413,
				'too-large',
				`The body is larger than the ${settings().maxJsonBytes} bytes allowed here.`
			)
		);
	} else {
		const token = requestToken(event.cookies, event.request);
		const user = token ? await sessionUser(store().db, token) : null;
		event.locals.user = user;
		event.locals.sessionToken = user ? token : undefined;
		response = await resolve(event);
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (event.url.pathname.startsWith('/api/') && !response.headers.has('cache-control'))
		response.headers.set('cache-control', 'no-store');
	return response;
};
