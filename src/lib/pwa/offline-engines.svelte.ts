import { ENGINES, type EngineId } from './engines.js';
import {
	ENGINE_STATUS,
	FETCH_ENGINES,
	type EngineStatus,
	type EngineStatusMessage
} from './engine-status';

/**
 * The second offline step as the page sees it: the service worker fetches the engines and sends
 * their statuses here; the page asks it to go on at start (which resumes an unfinished download)
 * and whenever the connection comes back.
 */
export class OfflineEngines {
	statuses = $state<EngineStatus[]>(
		ENGINES.map(({ id, name }) => ({ id, name, state: 'waiting', storedBytes: 0, totalBytes: 0 }))
	);

	start(): void {
		if (!('serviceWorker' in navigator)) return;
		navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
			const data = event.data as Partial<EngineStatusMessage> | null;
			if (data?.type === ENGINE_STATUS && Array.isArray(data.engines)) this.statuses = data.engines;
		});
		const ask = () =>
			void navigator.serviceWorker.ready.then(async ({ active }) => {
				if (!active) return;
				// Only once activation has ended: megabytes of engines written meanwhile compete with
				// it for the cache storage and hold "Ready to work offline" back until they are done.
				await activated(active);
				active.postMessage({ type: FETCH_ENGINES });
			});
		ask();
		addEventListener('online', ask);
	}

	status(id: EngineId): EngineStatus {
		const status = this.statuses.find((status) => status.id === id);
		if (!status) throw new Error(`No engine "${id}"`);
		return status;
	}

	ready(id: EngineId): boolean {
		return this.status(id).state === 'ready';
	}
}

/** Resolves once `worker` has finished activating (at once if it has). */
function activated(worker: ServiceWorker): Promise<void> {
	return new Promise((resolve) => {
		const settled = () => worker.state === 'activated' || worker.state === 'redundant';
		if (settled()) return resolve();
		worker.addEventListener('statechange', function onChange() {
			if (!settled()) return;
			worker.removeEventListener('statechange', onChange);
			resolve();
		});
	});
}

export const offlineEngines = new OfflineEngines();
