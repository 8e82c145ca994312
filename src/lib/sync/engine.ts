/**
 * One sync run: for each report in the outbox, the photos the server lacks, then the report.
 * Pure: the outbox store and the server are passed in, so the same code runs in a tab, in the
 * service worker's Background Sync, and in unit tests against a fake server.
 *
 * A report is "synced" only with the server's receipt naming its hash. A refusal (4xx) marks it
 * rejected with the server's reason; every other failure of a request, whole or partial (no
 * connection, an answer cut off or unreadable, a 5xx, 429), leaves it queued with a growing,
 * jittered delay. Signed out or not enrolled stops the run without counting an attempt.
 *
 * The caller holds the sync lock (one run at a time across tabs and the service worker), so an
 * entry still "uploading" when a run starts belongs to a run that is gone (a reloaded page, a
 * killed worker): it is queued again, to be sent now, not at its old retry time.
 */
import { MAX_MISSING_QUERY, type ReportReceipt } from '$lib/contract/protocol';
import { retryDelay, type OutboxEntry } from './outbox';

/** Why a call to the server did not succeed, as the engine needs to tell them apart. */
export type SyncProblem =
	/** No network, a timeout, a 5xx or 429: try again later. */
	| { kind: 'transient'; message: string }
	/** 401 without a session: stop until the inspector signs in. */
	| { kind: 'signed-out'; message: string }
	/** The device key is not enrolled (or enrolled to someone else): stop until it is. */
	| { kind: 'not-enrolled'; message: string }
	/** Any other refusal: the server's status, code and message. */
	| { kind: 'refused'; status: number; code: string; message: string; missing?: string[] };

export type Reply<T> = { ok: true; value: T } | { ok: false; problem: SyncProblem };

export interface SyncServer {
	missingEvidence(hashes: string[]): Promise<Reply<string[]>>;
	putEvidence(sha256: string, bytes: Blob | ArrayBuffer): Promise<Reply<unknown>>;
	putReport(reportId: string, jws: string): Promise<Reply<ReportReceipt>>;
}

export interface SyncStore {
	/** Queued and uploading entries, oldest first. */
	pending(): Promise<OutboxEntry[]>;
	update(reportId: string, patch: Partial<OutboxEntry>): Promise<void>;
	reportJws(reportId: string): Promise<string | undefined>;
	photoBytes(sha256: string): Promise<Blob | ArrayBuffer | undefined>;
}

export interface SyncOptions {
	/** "Sync now": try every pending report, whatever its retry time. */
	force?: boolean;
	now?: () => Date;
	random?: () => number;
}

export interface SyncResult {
	synced: number;
	rejected: number;
	/** Left queued: waiting for their retry time or failed again this run. */
	waiting: number;
	/** Why the run stopped early, if it did. */
	stopped: 'offline' | 'signed-out' | 'not-enrolled' | null;
	message: string | null;
}

class Stop extends Error {
	constructor(
		readonly reason: NonNullable<SyncResult['stopped']>,
		message: string
	) {
		super(message);
	}
}

export async function runSync(
	store: SyncStore,
	server: SyncServer,
	options: SyncOptions = {}
): Promise<SyncResult> {
	const now = options.now ?? (() => new Date());
	const result: SyncResult = { synced: 0, rejected: 0, waiting: 0, stopped: null, message: null };
	await requeueAbandoned(store, now);
	const entries = await store.pending();
	const guarded = guard(server);
	for (const [index, entry] of entries.entries()) {
		if (!options.force && entry.nextAttemptAt && new Date(entry.nextAttemptAt) > now()) {
			result.waiting++;
			continue;
		}
		try {
			const outcome = await syncOne(store, guarded, entry, now);
			if (outcome === 'synced') result.synced++;
			else result.rejected++;
		} catch (error) {
			if (!(error instanceof Stop)) throw error;
			result.stopped = error.reason;
			result.message = error.message;
			// This entry and every one after it waits for the next run.
			result.waiting += entries.length - index;
			await store.update(
				entry.reportId,
				error.reason === 'offline'
					? failedAttempt(entry, error.message, now(), options.random)
					: { state: 'queued', lastError: error.message, updatedAt: now().toISOString() }
			);
			break;
		}
	}
	return result;
}

/** A failed attempt: queued again after a delay that grows with each failure in a row. */
function failedAttempt(
	entry: OutboxEntry,
	message: string,
	at: Date,
	random?: () => number
): Partial<OutboxEntry> {
	const attempts = entry.attempts + 1;
	return {
		state: 'queued',
		attempts,
		nextAttemptAt: new Date(at.getTime() + retryDelay(attempts, random)).toISOString(),
		lastError: message,
		updatedAt: at.toISOString()
	};
}

/**
 * Entries left "uploading" by a run that is gone go back to the queue, due now: nothing was
 * wrong with the server, the run just stopped existing. Only for a caller holding the sync lock
 * (no other run can be under way); returns how many.
 */
export async function requeueAbandoned(
	store: SyncStore,
	now: () => Date = () => new Date()
): Promise<number> {
	const abandoned = (await store.pending()).filter((entry) => entry.state === 'uploading');
	for (const entry of abandoned)
		await store.update(entry.reportId, {
			state: 'queued',
			photosToUpload: 0,
			photosUploaded: 0,
			nextAttemptAt: null,
			// Its last try did not fail: it stopped. An older failure's words no longer apply.
			lastError: null,
			updatedAt: now().toISOString()
		});
	return abandoned.length;
}

/**
 * The server as the engine relies on it: a port that throws (it should answer a Reply, but a
 * request can fail in ways an adapter did not foresee) is a failed request like any other.
 */
function guard(server: SyncServer): SyncServer {
	const ask = async <T>(call: () => Promise<Reply<T>>): Promise<Reply<T>> => {
		try {
			return await call();
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			return {
				ok: false,
				problem: { kind: 'transient', message: `The request failed: ${message}` }
			};
		}
	};
	return {
		missingEvidence: (hashes) => ask(() => server.missingEvidence(hashes)),
		putEvidence: (sha256, bytes) => ask(() => server.putEvidence(sha256, bytes)),
		putReport: (reportId, jws) => ask(() => server.putReport(reportId, jws))
	};
}

async function syncOne(
	store: SyncStore,
	server: SyncServer,
	entry: OutboxEntry,
	now: () => Date
): Promise<'synced' | 'rejected'> {
	const stamp = () => now().toISOString();
	const reject = async (status: number, code: string, message: string) => {
		await store.update(entry.reportId, {
			state: 'rejected',
			rejection: { status, code, message },
			lastError: null,
			nextAttemptAt: null,
			updatedAt: stamp()
		});
		return 'rejected' as const;
	};
	const jws = await store.reportJws(entry.reportId);
	if (!jws) return reject(0, 'report-missing', 'The signed report is no longer on this device.');

	// A 409 "missing evidence" after uploading can only mean the server lost a photo in between
	// (or another device's upload was rolled back): one more pass, then it is the server's problem.
	for (let pass = 0; pass < 2; pass++) {
		const missing = await missingOf(server, entry.photos);
		await store.update(entry.reportId, {
			state: 'uploading',
			photosToUpload: missing.length,
			photosUploaded: 0,
			updatedAt: stamp()
		});
		for (const [done, sha256] of missing.entries()) {
			const bytes = await store.photoBytes(sha256);
			if (!bytes)
				return reject(
					0,
					'photo-missing',
					`Photo ${sha256.slice(0, 12)}… of this report is no longer on this device, so the server cannot have it. Export the report to keep what remains.`
				);
			const put = await server.putEvidence(sha256, bytes);
			if (!put.ok) {
				if (put.problem.kind === 'refused')
					return reject(put.problem.status, put.problem.code, put.problem.message);
				throw stopFor(put.problem);
			}
			await store.update(entry.reportId, { photosUploaded: done + 1, updatedAt: stamp() });
		}

		// Only a receipt naming this report's hash makes it synced. One that did not arrive whole
		// is a failed request: the next PUT of the same JWS is answered with the same receipt.
		const sent = await server.putReport(entry.reportId, jws);
		if (sent.ok) {
			if (sent.value.reportHash !== entry.reportHash)
				throw new Stop(
					'offline',
					'The server’s receipt names another report hash; it will be sent again.'
				);
			await store.update(entry.reportId, {
				state: 'synced',
				receipt: sent.value,
				attempts: 0,
				nextAttemptAt: null,
				lastError: null,
				rejection: null,
				updatedAt: stamp()
			});
			return 'synced';
		}
		const problem = sent.problem;
		if (problem.kind !== 'refused') throw stopFor(problem);
		if (!(problem.status === 409 && problem.code === 'missing-evidence') || pass === 1)
			return reject(problem.status, problem.code, problem.message);
	}
	throw new Error('unreachable');
}

async function missingOf(server: SyncServer, photos: string[]): Promise<string[]> {
	const missing: string[] = [];
	for (let start = 0; start < photos.length; start += MAX_MISSING_QUERY) {
		const reply = await server.missingEvidence(photos.slice(start, start + MAX_MISSING_QUERY));
		if (!reply.ok) {
			if (reply.problem.kind === 'refused')
				throw new Stop('offline', `The server refused the photo check: ${reply.problem.message}`);
			throw stopFor(reply.problem);
		}
		missing.push(...reply.value);
	}
	return missing;
}

function stopFor(problem: Exclude<SyncProblem, { kind: 'refused' }>): Stop {
	return new Stop(problem.kind === 'transient' ? 'offline' : problem.kind, problem.message);
}
