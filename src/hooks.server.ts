import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { sessionUser } from '$lib/server/auth/sessions';
import { issueSetupToken } from '$lib/server/auth/setup';
import { loadConfig, loadEvidenceConfig, loadSettings } from '$lib/server/config';
import { openStore } from '$lib/server/db';
import { describeSweep, openEvidenceStore, setEvidenceStore } from '$lib/server/evidence';
import { errorResponse } from '$lib/server/http';
import { Problem } from '$lib/server/problem';
import { requestToken } from '$lib/server/session-cookie';
import { setSettings, setStore, settings, store } from '$lib/server/runtime';
import { securityHeaders } from '$lib/server/security-headers.js';
import { SETUP_LINK_EVENT, setupLinkMessage } from '$lib/server/setup-link.js';

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
	const evidence = await openEvidenceStore(loadEvidenceConfig(process.env, config.dataDir)).catch(
		async (error) => {
			await store.close();
			throw error;
		}
	);
	setEvidenceStore(evidence);
	// What uploads cut off by a crash or a kill left behind (issue 17): only what is older than this
	// process, so another process's upload in flight on the same DATA_DIR or bucket is left alone.
	const swept = await evidence.sweep(new Date(performance.timeOrigin));
	console.log(describeSweep(evidence, swept));
	// No default credentials: an empty server prints a one-time link that creates the first admin.
	const token = await issueSetupToken(store.db);
	// scripts/start.js prints the link once it listens, with the URL it is reachable at; run any
	// other way, the link is printed here.
	if (token && !(process as NodeJS.EventEmitter).emit(SETUP_LINK_EVENT, token)) {
		const origin =
			process.env.ORIGIN?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 3000}`;
		console.log(setupLinkMessage(origin, token));
	}
	// adapter-node's convention: the start script emits this on SIGINT/SIGTERM once requests are done.
	process.once('sveltekit:shutdown', () => {
		void store.close();
		void evidence.close();
	});
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
	for (const [name, value] of Object.entries(securityHeaders(event.url.protocol === 'https:'))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (event.url.pathname.startsWith('/api/') && !response.headers.has('cache-control'))
		response.headers.set('cache-control', 'no-store');
	return response;
};
