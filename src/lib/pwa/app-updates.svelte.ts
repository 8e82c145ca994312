import { Workbox } from 'workbox-window';

export type OfflineState = 'unsupported' | 'installing' | 'ready' | 'failed';

/**
 * The service worker's life as the user sees it: installing for offline use, ready offline, and
 * a new version waiting. A waiting version is only activated when the user asks (Reload), so
 * nobody loses their place mid-inspection.
 */
export class AppUpdates {
	offline = $state<OfflineState>('installing');
	updateReady = $state(false);
	#workbox: Workbox | undefined;
	#reloadRequested = false;

	start(url = '/service-worker.js', type: 'classic' | 'module' = 'classic'): void {
		if (!('serviceWorker' in navigator)) {
			this.offline = 'unsupported';
			return;
		}
		if (navigator.serviceWorker.controller) this.offline = 'ready';
		const workbox = new Workbox(url, { type });
		this.#workbox = workbox;
		workbox.addEventListener('waiting', () => (this.updateReady = true));
		workbox.addEventListener('activated', (event) => {
			if (!event.isUpdate) this.offline = 'ready';
		});
		workbox.addEventListener('controlling', (event) => {
			// Only the user's Reload swaps versions under a page; any other takeover waits.
			if (event.isUpdate && this.#reloadRequested) location.reload();
		});
		workbox.register().catch(() => (this.offline = 'failed'));

		// A field app stays open for hours: look for a new version when it comes back to the front.
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible' && navigator.onLine) void this.checkForUpdate();
		});
	}

	async checkForUpdate(): Promise<void> {
		try {
			await this.#workbox?.update();
		} catch {
			// Offline or the server is down: the next check will do.
		}
	}

	/** Activates the waiting version; the page reloads when it takes control. */
	applyUpdate(): void {
		if (!this.#workbox) return;
		this.#reloadRequested = true;
		this.#workbox.messageSkipWaiting();
	}
}

export const appUpdates = new AppUpdates();
