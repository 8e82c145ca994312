/**
 * Sync as the screens see it: the outbox (live, across tabs), the account and enrolment, and
 * the triggers. A run starts when the app starts, when the network returns, when the app comes
 * back to the foreground, every minute while it is open, when a report is signed (a new outbox
 * entry), and on "Sync now"; where the browser has Background Sync, the service worker also
 * runs one when the connection returns with the app closed.
 */
import { outbox, watch } from '$lib/db';
import { loadAccount, syncBlocker, type Account, type Enrolment } from './account-state';
import { BACKGROUND_SYNC_TAG, isPending, isUnsynced, type OutboxEntry } from '$lib/sync/outbox';
import type { Skipped, SyncRun } from './run';

// The engine, the HTTP client and the account calls load on first use, not with the first screen.
const accounts = () => import('./account');
const syncing = () => import('./run');

const EVERY_MINUTE = 60_000;

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
	#again = false;

	start(): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		watch(
			() => outbox.all(),
			(entries) => {
				this.entries = entries;
				// A report signed here or in another tab: send it now rather than in a minute.
				const ids = entries.map((entry) => entry.reportId);
				const known = this.#known;
				this.#known = ids;
				if (known !== null && ids.some((id) => !known.includes(id))) void this.sync();
			},
			(error) => console.error('outbox', error)
		);
		void this.#loadAccount().then(async () => {
			if (this.account && navigator.onLine) {
				this.account = await (await accounts()).refreshAccount();
			}
			await this.sync();
		});
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
			// A trigger during a run (a report signed meanwhile): one more run after this one.
			this.#again = true;
			return;
		}
		this.running = true;
		let run: SyncRun;
		try {
			// Most devices never sign in: decide that here, before loading the sync code at all.
			const blocked = await syncBlocker();
			run = blocked
				? { ran: false, skipped: blocked }
				: await (await syncing()).syncOutbox(options);
		} catch (error) {
			this.waitingFor = `Sync failed: ${error instanceof Error ? error.message : error}`;
			return;
		} finally {
			this.running = false;
		}
		await this.#loadAccount();
		this.waitingFor = run.ran
			? run.result.stopped
				? run.result.message
				: null
			: WAITING[run.skipped];
		const offline = run.ran ? run.result.stopped === 'offline' : run.skipped === 'offline';
		// Only a lost connection is worth waking the service worker for when it returns.
		if (offline && this.entries.some(isPending)) void registerBackgroundSync();
		if (this.#again) {
			this.#again = false;
			await this.sync(options);
		}
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
		await outbox.retry(reportId);
		await this.sync({ force: true });
	}

	entryFor(reportId: string): OutboxEntry | undefined {
		return this.entries.find((entry) => entry.reportId === reportId);
	}

	async #loadAccount(): Promise<void> {
		const { account, enrolment } = await loadAccount();
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
