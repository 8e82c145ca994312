/**
 * One sync of this device's outbox, as a tab or the service worker starts it: only when online,
 * signed in and enrolled (so a home tester who never signs in sends nothing), and only one at a
 * time across every tab and the service worker (Web Locks).
 */
import { outbox } from '$lib/db';
import { forgetEnrolment, markSignedOut } from './account';
import { syncBlocker } from './account-state';
import { requeueAbandoned, runSync, type SyncOptions, type SyncResult } from '$lib/sync/engine';
import { SYNC_LOCK } from '$lib/sync/outbox';
import { httpSyncServer } from './http-server';
import { refreshTeamRegister } from './team-register';

export { BACKGROUND_SYNC_TAG, SYNC_LOCK } from '$lib/sync/outbox';

export type Skipped = 'busy' | 'offline' | 'signed-out' | 'not-enrolled';
export type SyncRun = { ran: true; result: SyncResult } | { ran: false; skipped: Skipped };

export async function syncOutbox(options: SyncOptions = {}): Promise<SyncRun> {
	const blocked = await syncBlocker();
	if (blocked) return { ran: false, skipped: blocked };

	// Holding the lock is what lets the engine treat any "uploading" entry as abandoned.
	const run = async (): Promise<SyncRun> => {
		const result = await runSync(outbox, httpSyncServer(), options);
		if (result.stopped === 'signed-out') await markSignedOut();
		if (result.stopped === 'not-enrolled') await forgetEnrolment();
		// Reached the server: take the team's latest product register offline too.
		if (!result.stopped) await refreshTeamRegister();
		return { ran: true, result };
	};
	if (!navigator.locks) return run();
	return navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, (lock) =>
		lock ? run() : { ran: false, skipped: 'busy' as const }
	);
}

/**
 * Waits for the sync lock, which is granted once the run holding it ends or its holder
 * disappears (a closed or reloaded tab, a killed worker), then queues again whatever is still
 * "uploading": the run that set it is gone. Returns how many.
 */
export async function reclaimAbandoned(): Promise<number> {
	if (!navigator.locks) return 0;
	return navigator.locks.request(SYNC_LOCK, () => requeueAbandoned(outbox));
}

/**
 * Whether a Background Sync run should fail its event, so that the browser wakes the worker
 * again later: something is still to send and a later try can send it (the connection failed,
 * or a report waits for its retry time). Signed out or not enrolled waits for the inspector, and
 * "busy" means a tab is syncing now (it registers again if it needs to).
 */
export function wakeAgain(run: SyncRun): boolean {
	if (!run.ran) return run.skipped === 'offline';
	const { stopped, waiting } = run.result;
	return stopped === 'offline' || (stopped === null && waiting > 0);
}
