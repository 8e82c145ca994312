/**
 * One sync of this device's outbox, as a tab or the service worker starts it: only when online,
 * signed in and enrolled (so a home tester who never signs in sends nothing), and only one at a
 * time across every tab and the service worker (Web Locks).
 */
import { outbox } from '$lib/db';
import { forgetEnrolment, markSignedOut } from './account';
import { syncBlocker } from './account-state';
import { runSync, type SyncOptions, type SyncResult } from '$lib/sync/engine';
import { httpSyncServer } from './http-server';
import { refreshTeamRegister } from './team-register';

export const SYNC_LOCK = 'shelfcheck-sync';
export { BACKGROUND_SYNC_TAG } from '$lib/sync/outbox';

export type Skipped = 'busy' | 'offline' | 'signed-out' | 'not-enrolled';
export type SyncRun = { ran: true; result: SyncResult } | { ran: false; skipped: Skipped };

export async function syncOutbox(options: SyncOptions = {}): Promise<SyncRun> {
	const blocked = await syncBlocker();
	if (blocked) return { ran: false, skipped: blocked };

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
