/**
 * The outbox: one entry per signed report, written in the same IndexedDB transaction that signs
 * it, and kept after it is synced (nothing local is deleted because of a sync). Pure: the entry's
 * shape, the retry delay, and the words the screens show for each state.
 */
import type { ReportReceipt } from '$lib/contract/protocol';

/** The Background Sync tag under which the service worker sends the outbox. */
export const BACKGROUND_SYNC_TAG = 'shelfcheck-outbox';

/**
 * The Web Lock every sync run holds, in every tab and the service worker: one run at a time, and
 * an entry marked "uploading" while no one holds it was left by a run that is gone.
 */
export const SYNC_LOCK = 'shelfcheck-sync';

export type OutboxState = 'queued' | 'uploading' | 'synced' | 'rejected';

export interface OutboxEntry {
	reportId: string;
	inspectionId: string;
	/** SHA-256 of the compact JWS: the server's receipt must name the same. */
	reportHash: string;
	/** Every photo the signed report names (SHA-256 hex), uploaded before the report. */
	photos: string[];
	state: OutboxState;
	queuedAt: string;
	updatedAt: string;
	/** While uploading: photos the server lacked, and how many of them have gone. */
	photosToUpload: number;
	photosUploaded: number;
	/** Failed attempts in a row (network, server error); the retry delay grows with it. */
	attempts: number;
	/** Not retried by the timer before this time (ISO); "Sync now" does not wait. */
	nextAttemptAt: string | null;
	/** Why the last attempt did not finish, when it will be retried. */
	lastError: string | null;
	/** The server refused the report: its reason. Not retried by itself. */
	rejection: { status: number; code: string; message: string } | null;
	/** The server's receipt: only with it is a report "synced". */
	receipt: ReportReceipt | null;
}

export function newOutboxEntry(
	report: { id: string; inspectionId: string; hash: string },
	photos: string[],
	now: string
): OutboxEntry {
	return {
		reportId: report.id,
		inspectionId: report.inspectionId,
		reportHash: report.hash,
		photos: [...new Set(photos)],
		state: 'queued',
		queuedAt: now,
		updatedAt: now,
		photosToUpload: 0,
		photosUploaded: 0,
		attempts: 0,
		nextAttemptAt: null,
		lastError: null,
		rejection: null,
		receipt: null
	};
}

export const RETRY_BASE_MS = 5_000;
export const RETRY_CAP_MS = 30 * 60_000;

/**
 * The wait before retry number `attempts` (1 after the first failure): exponential, capped, with
 * "equal jitter" (half fixed, half random) so that devices coming back online together spread
 * out but never retry at once.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
	const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * When the next pending entry's retry time comes (ms since the epoch), if one lies after `now`:
 * a tab runs again then rather than at its next minute tick, so a retry waits what it said.
 */
export function nextRetryAt(entries: OutboxEntry[], now: number): number | null {
	let next: number | null = null;
	for (const entry of entries) {
		if (!isPending(entry) || !entry.nextAttemptAt) continue;
		const at = new Date(entry.nextAttemptAt).getTime();
		if (at > now && (next === null || at < next)) next = at;
	}
	return next;
}

/** Entries still to send: queued or part-way. */
export const isPending = (entry: OutboxEntry) =>
	entry.state === 'queued' || entry.state === 'uploading';

/** Reports the server does not hold: pending, or rejected (they stay on the device). */
export const isUnsynced = (entry: OutboxEntry) => entry.state !== 'synced';

/** The one line a screen shows for a report's sync state. */
export function describeOutboxEntry(entry: OutboxEntry | undefined): string {
	if (!entry) return 'Not queued for sync';
	switch (entry.state) {
		case 'synced':
			return 'Synced';
		case 'rejected':
			return `Rejected by the server: ${entry.rejection?.message ?? 'no reason given'}`;
		case 'uploading':
			return entry.photosToUpload > 0 && entry.photosUploaded < entry.photosToUpload
				? `Uploading ${entry.photosUploaded + 1} of ${entry.photosToUpload} photos`
				: 'Uploading the report';
		case 'queued':
			return entry.lastError ? `Queued: ${entry.lastError}` : 'Queued';
	}
}

/** For a rejected report: what the inspector can do next, in one sentence. */
export function whatToDo(entry: OutboxEntry): string {
	switch (entry.rejection?.code) {
		case 'device-revoked':
			return 'This device was revoked by your admin: export the report and send it to your team another way.';
		case 'report-conflict':
			return 'The server holds a different report under this id: export this one and tell your admin.';
		case 'too-large':
			return 'A photo is larger than the server accepts: ask your admin to raise the limit, then try again.';
		case 'photo-missing':
		case 'report-missing':
			return 'It cannot be sent from this device.';
		default:
			return 'Export the report to keep a copy, then try again or ask your admin.';
	}
}
