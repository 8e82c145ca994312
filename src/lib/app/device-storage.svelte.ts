// Not `$lib/db`: the layout starts this, and the database loads after the first paint.
import { loadDatabase } from '$lib/db/lazy';
import type { StorageStatus } from '$lib/db/storage';

/**
 * What the device can keep: checked once at start (ask for persistence, prove a Blob round-trips)
 * and refreshed when the Home screen shows the figures.
 */
class DeviceStorage {
	/** `null` while the self-test runs; a reason when this browser cannot keep our data. */
	problem = $state<string | null>(null);
	checked = $state(false);
	status = $state<StorageStatus>({ usedBytes: null, availableBytes: null, persisted: null });

	async start(): Promise<void> {
		if (typeof indexedDB === 'undefined') {
			this.problem = 'this browser has no IndexedDB (it may be turned off, or a private window)';
			this.checked = true;
			return;
		}
		const { db, requestPersistence, storageSelfTest } = await loadDatabase();
		await requestPersistence();
		const result = await storageSelfTest(db);
		this.problem = result.ok ? null : result.reason;
		this.checked = true;
		await this.refresh();
	}

	async refresh(): Promise<void> {
		this.status = await (await loadDatabase()).storageStatus();
	}
}

export const deviceStorage = new DeviceStorage();
