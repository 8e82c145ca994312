/**
 * Sync as the screens see it: the outbox (live, across tabs), the account and enrolment, and
 * the triggers. A run starts when the app starts, when the network returns, when the app comes
 * back to the foreground, when a report's retry time comes, every minute while it is open, when
 * a report is signed (a new outbox entry), when the tab or worker that was uploading is gone,
 * and on "Sync now"; where the browser has Background Sync, the service worker also runs one
 * when the connection returns with the app closed.
 */
// The database loads after the first paint (the header shows this service's state at once).
import { database, loadDatabase } from '$lib/db/lazy';
import { watch } from '$lib/db/live.svelte';
import type { Account, Enrolment } from './account-state';
import {
	BACKGROUND_SYNC_TAG,
	isPending,
	isUnsynced,
	nextRetryAt,
	type OutboxEntry
} from '$lib/sync/outbox';
import type { Skipped, SyncRun } from './run';

// The engine, the HTTP client and the account calls load on first use, not with the first screen.
const accounts = () => import('./account');
// What the device remembers of its account is in the database, which loads after the first paint.
const accountState = () => import('./account-state');
const syncing = () => import('./run');

const EVERY_MINUTE = 60_000;
/** After a retry time, so that the run finds the report due (timers may run a little early). */
const RETRY_MARGIN_MS = 250;

const WAITING: Record<Skipped, string> = {
	offline: 'Offline: reports will sync when the connection returns.',
	'signed-out': 'Sign in to sync (Settings).',
	'not-enrolled': 'Enrol this device to sync (Settings).',
	busy: 'Syncing in another tab.'
};

export class SyncService {
	entries = $state<OutboxEntry[]>([]);
	account = $state<Account | null>(null);
	enrolment = $state<Enrolment | null>(null);
	running = $state(false);
	/** Why nothing is being sent at the moment, in words for the screen; null when all is well. */
	waitingFor = $state<string | null>(null);

	readonly unsynced = $derived(this.entries.filter(isUnsynced).length);

	#started = false;
	#known: string[] | null = null;
	/** A trigger came during a run: one more run after it (forced if any trigger was "Sync now"). */
	#again: { force: boolean } | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#awaitingLock = false;

	start(): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		watch(
			() => database().outbox.all(),
			(entries) => {
				this.entries = entries;
				// A report signed here or in another tab: send it now rather than in a minute.
				const ids = entries.map((entry) => entry.reportId);
				const known = this.#known;
				this.#known = ids;
				if (known !== null && ids.some((id) => !known.includes(id))) void this.sync();
				this.#scheduleRetry();
				if (!this.running && entries.some((entry) => entry.state === 'uploading'))
					void this.#whenUploaderGone();
			},
			(error) => console.error('outbox', error)
		);
		void (async () => {
			try {
				await this.#loadAccount();
				if (this.account && navigator.onLine)
					this.account = await (await accounts()).refreshAccount();
			} catch (error) {
				console.error('account', error);
			}
			await this.sync();
		})();
		window.addEventListener('online', () => void this.sync());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.sync();
		});
		setInterval(() => void this.sync(), EVERY_MINUTE);
	}

	/** "Sync now": every pending report, without waiting for its retry time. */
	syncNow(): Promise<void> {
		return this.sync({ force: true });
	}

	async sync(options: { force?: boolean } = {}): Promise<void> {
		if (this.running) {
			this.#again = { force: Boolean(options.force || this.#again?.force) };
			return;
		}
		this.running = true;
		try {
			await this.#runOnce(options);
		} catch (error) {
			this.waitingFor = `Sync failed: ${error instanceof Error ? error.message : error}`;
		} finally {
			this.running = false;
		}
		this.#scheduleRetry();
		const again = this.#again;
		this.#again = null;
		if (again) await this.sync(again);
		else if (this.entries.some((entry) => entry.state === 'uploading'))
			void this.#whenUploaderGone();
	}

	async #runOnce(options: { force?: boolean }): Promise<void> {
		// Most devices never sign in: decide that here, before loading the sync code at all (the
		// run checks again, for the service worker's sake).
		const blocked = await (await accountState()).syncBlocker();
		const run: SyncRun = blocked
			? { ran: false, skipped: blocked }
			: await (await syncing()).syncOutbox(options);
		await this.#loadAccount();
		this.waitingFor = run.ran
			? run.result.stopped
				? run.result.message
				: null
			: WAITING[run.skipped];
		const offline = run.ran ? run.result.stopped === 'offline' : run.skipped === 'offline';
		// Only a lost connection is worth waking the service worker for when it returns.
		if (offline && this.entries.some(isPending)) void registerBackgroundSync();
	}

	/** A run when the earliest retry time comes, instead of at the next minute's tick. */
	#scheduleRetry(): void {
		clearTimeout(this.#retryTimer);
		const at = nextRetryAt(this.entries, Date.now());
		if (at !== null)
			this.#retryTimer = setTimeout(() => void this.sync(), at - Date.now() + RETRY_MARGIN_MS);
	}

	/**
	 * An entry shows "uploading" while this tab is not syncing: another tab or the service worker
	 * is, or was and has gone (closed, reloaded, killed). Once the lock is free, whatever is still
	 * "uploading" was abandoned: it is queued again and sent now, not at its old retry time.
	 */
	async #whenUploaderGone(): Promise<void> {
		if (this.#awaitingLock) return;
		this.#awaitingLock = true;
		let requeued = 0;
		try {
			requeued = await (await syncing()).reclaimAbandoned();
		} catch (error) {
			console.error('sync', error);
		} finally {
			this.#awaitingLock = false;
		}
		if (requeued > 0) await this.sync();
	}

	async signIn(email: string, password: string): Promise<void> {
		this.account = await (await accounts()).signIn(email, password);
		await this.#loadAccount();
		void this.sync({ force: true });
	}

	async signOut(): Promise<void> {
		await (await accounts()).signOut();
		await this.#loadAccount();
	}

	async enrol(label: string): Promise<void> {
		this.enrolment = await (await accounts()).enrolDevice(label);
		void this.sync({ force: true });
	}

	async retry(reportId: string): Promise<void> {
		await (await loadDatabase()).outbox.retry(reportId);
		await this.sync({ force: true });
	}

	entryFor(reportId: string): OutboxEntry | undefined {
		return this.entries.find((entry) => entry.reportId === reportId);
	}

	async #loadAccount(): Promise<void> {
		const { account, enrolment } = await (await accountState()).loadAccount();
		this.account = account;
		this.enrolment = enrolment;
	}
}

/** Asks the browser to wake the service worker for a sync once it is online, where it can. */
async function registerBackgroundSync(): Promise<void> {
	try {
		const registration = await navigator.serviceWorker?.ready;
		const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
			?.sync;
		await sync?.register(BACKGROUND_SYNC_TAG);
	} catch {
		// Not allowed here (no service worker, or the permission is off): the triggers above remain.
	}
}

export const syncService = new SyncService();
