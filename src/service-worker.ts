/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { BACKGROUND_SYNC_TAG, syncOutbox, wakeAgain } from '$lib/app/sync/run';
import { coreVariant, filesToCache } from '$lib/label/engine-files.js';

declare const self: ServiceWorkerGlobalScope;

// Everything the app needs offline: the built code (content-hashed names), static files and the
// prerendered app shell (revisioned by the build's version so that each build refreshes them).
precacheAndRoute([
	...build.map((url) => ({ url, revision: url.includes('/immutable/') ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version })),
	// The OCR engine for Read label (about 6 MB: worker, the one core this browser runs, English
	// data), at install so that the first label read offline works. Its directory is named after
	// the engine's versions, so an update of the app alone never downloads it again.
	...filesToCache(coreVariant()).map((url) => ({ url, revision: null }))
]);
cleanupOutdatedCaches();

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
