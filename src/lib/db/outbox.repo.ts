import type { SyncStore } from '$lib/sync/engine';
import type { OutboxEntry } from '$lib/sync/outbox';
import type { ShelfcheckDatabase } from './database';

/**
 * The sync outbox (entries are added with their report, in `SigningRepository.storeSigned`),
 * and the engine's view of the device: pending entries, the JWS and the photo bytes to send.
 */
export class OutboxRepository implements SyncStore {
	constructor(private readonly db: ShelfcheckDatabase) {}

	async pending(): Promise<OutboxEntry[]> {
		return (await this.db.outbox.where('state').anyOf('queued', 'uploading').toArray()).sort(
			(a, b) => a.queuedAt.localeCompare(b.queuedAt)
		);
	}

	async update(reportId: string, patch: Partial<OutboxEntry>): Promise<void> {
		await this.db.outbox.update(reportId, patch);
	}

	async reportJws(reportId: string): Promise<string | undefined> {
		return (await this.db.reports.get(reportId))?.jws;
	}

	async photoBytes(sha256: string): Promise<Blob | ArrayBuffer | undefined> {
		return (await this.db.photos.where('sha256').equals(sha256).first())?.data;
	}

	entry(reportId: string): Promise<OutboxEntry | undefined> {
		return this.db.outbox.get(reportId);
	}

	/** Puts a rejected report back in the queue, after the inspector fixed what the server said. */
	async retry(reportId: string, now = new Date().toISOString()): Promise<void> {
		await this.db.outbox
			.where('reportId')
			.equals(reportId)
			.and((entry) => entry.state === 'rejected')
			.modify({
				state: 'queued',
				rejection: null,
				attempts: 0,
				nextAttemptAt: null,
				updatedAt: now
			});
	}

	/** Every entry, in the order queued. */
	all(): Promise<OutboxEntry[]> {
		return this.db.outbox.orderBy('queuedAt').toArray();
	}
}
