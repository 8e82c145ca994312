/** Storage quota and persistence, as the browser reports them. */
export interface StorageStatus {
	usedBytes: number | null;
	availableBytes: number | null;
	persisted: boolean | null;
}

/**
 * Asks the browser to keep our data under storage pressure. Chromium grants it to installed or
 * engaged sites without a prompt; Firefox asks the user. Safe to call more than once.
 */
export async function requestPersistence(): Promise<boolean | null> {
	if (!navigator.storage?.persist) return null;
	try {
		return (await navigator.storage.persisted()) || (await navigator.storage.persist());
	} catch {
		return null;
	}
}

export async function storageStatus(): Promise<StorageStatus> {
	const storage = navigator.storage;
	const [estimate, persisted] = await Promise.all([
		storage?.estimate?.().catch(() => undefined),
		storage?.persisted?.().catch(() => null)
	]);
	const used = estimate?.usage ?? null;
	const quota = estimate?.quota ?? null;
	return {
		usedBytes: used,
		availableBytes: quota === null || used === null ? null : Math.max(0, quota - used),
		persisted: persisted ?? null
	};
}
