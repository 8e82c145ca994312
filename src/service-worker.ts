/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	matchPrecache,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { BACKGROUND_SYNC_TAG, syncOutbox, wakeAgain } from '$lib/app/sync/run';
import { coreVariant, filesToCache } from '$lib/label/engine-files.js';
import { ENGINE_SIZES_PATH, engineOf, type EngineId } from '$lib/pwa/engines.js';
import { EngineDownloads } from '$lib/pwa/engine-downloads';
import { ENGINE_STATUS, FETCH_ENGINES, type EngineStatusMessage } from '$lib/pwa/engine-status';

declare const self: ServiceWorkerGlobalScope;

// The first step, what the core job needs offline (inspect, photograph, sign): the built code
// (content-hashed names), static files and the prerendered app shell (revisioned by the build's
// version so that each build refreshes them). Installing it is "Ready to work offline". The
// engines (OCR, the scanner's WebAssembly, the PDF fonts: megabytes) are the second step, below.
precacheAndRoute([
	...build
		.filter((url) => !engineOf(url))
		.map((url) => ({ url, revision: url.includes('/immutable/') ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
cleanupOutdatedCaches();

// The second step: fetched right after the first, in the background, into a cache of their own.
// Label reading keeps only the OCR core this browser runs. Its directory is named after the
// engine's versions and the other files after their content, so an update of the app alone
// downloads none of them again.
const engineFiles: Record<EngineId, string[]> = {
	scanner: build.filter((url) => engineOf(url) === 'scanner'),
	pdf: build.filter((url) => engineOf(url) === 'pdf'),
	label: filesToCache(coreVariant())
};
const engines = new EngineDownloads(
	engineFiles,
	(async () => {
		const response =
			(await matchPrecache(`/${ENGINE_SIZES_PATH}`)) ?? (await fetch(`/${ENGINE_SIZES_PATH}`));
		return response.ok ? ((await response.json()) as Record<string, number>) : {};
	})().catch(() => ({})),
	(statuses) => {
		const message: EngineStatusMessage = { type: ENGINE_STATUS, engines: statuses };
		void self.clients
			.matchAll({ type: 'window', includeUncontrolled: true })
			.then((clients) => clients.forEach((client) => client.postMessage(message)));
	}
);
registerRoute(
	({ url }) => url.origin === self.location.origin && engines.handles(url.pathname),
	({ request }) => engines.respond(request)
);

// App routes render on the client, so any navigation can be answered with the shell, offline or
// not. The API and the server's own pages (which need the network anyway) are left alone.
registerRoute(
	new NavigationRoute(createHandlerBoundToURL('/'), {
		// The server's own pages need the network and render on the server: never the shell.
		denylist: [
			/^\/api\//,
			/^\/\.well-known\//,
			/^\/(setup|invite)\//,
			/^\/(signin|signout|account|admin|reports|products)(\/|$)/
		]
	})
);

// The first install takes control at once so the first visit already works offline. An update
// waits for the user's Reload (workbox-window's messageSkipWaiting) and never swaps by itself.
clientsClaim();
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
	// The page asks once the first step is stored, at every start and when back online.
	if (event.data?.type === FETCH_ENGINES) event.waitUntil(engines.run());
});

// Background Sync: the browser wakes the worker when the connection returns, even with the app
// closed. The run keeps the reports' retry times, except on the browser's last chance; while
// something is still to send (a failed request, a retry time still to come), the event fails so
// that the browser wakes the worker again later.
interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
	readonly lastChance: boolean;
}
self.addEventListener('sync', (event) => {
	const sync = event as SyncEvent;
	if (sync.tag !== BACKGROUND_SYNC_TAG) return;
	sync.waitUntil(
		syncOutbox({ force: sync.lastChance }).then((run) => {
			if (wakeAgain(run))
				throw new Error(
					run.ran ? (run.result.message ?? 'Reports wait for their retry time.') : 'Offline.'
				);
		})
	);
});
