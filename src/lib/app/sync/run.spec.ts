import { describe, expect, it } from 'vitest';
import { wakeAgain, type SyncRun } from './run';

const ran = (result: Partial<Extract<SyncRun, { ran: true }>['result']>): SyncRun => ({
	ran: true,
	result: { synced: 0, rejected: 0, waiting: 0, stopped: null, message: null, ...result }
});

describe('wakeAgain (a Background Sync event fails, so the browser wakes the worker later)', () => {
	it('while a later try can send something', () => {
		expect(wakeAgain(ran({ stopped: 'offline', waiting: 2 }))).toBe(true);
		// Everything left waits for its retry time: a success now would be the last wake-up.
		expect(wakeAgain(ran({ synced: 1, waiting: 1 }))).toBe(true);
		expect(wakeAgain({ ran: false, skipped: 'offline' })).toBe(true);
	});

	it('not when all is sent, or only the inspector or a running tab can move it on', () => {
		expect(wakeAgain(ran({ synced: 3 }))).toBe(false);
		expect(wakeAgain(ran({ rejected: 1 }))).toBe(false);
		expect(wakeAgain(ran({ stopped: 'signed-out', waiting: 2 }))).toBe(false);
		expect(wakeAgain(ran({ stopped: 'not-enrolled', waiting: 2 }))).toBe(false);
		expect(wakeAgain({ ran: false, skipped: 'busy' })).toBe(false);
		expect(wakeAgain({ ran: false, skipped: 'signed-out' })).toBe(false);
	});
});
