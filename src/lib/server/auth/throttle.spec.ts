import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	current,
	delayAfter,
	recordFailure,
	secondsBlocked,
	type ThrottleState
} from './throttle';

describe('delayAfter', () => {
	it('lets the first failures through, then doubles the wait up to the cap', () => {
		const waits = Array.from({ length: 15 }, (_, i) => delayAfter(i + 1, ACCOUNT_POLICY));
		expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900, 900, 900]);
		expect(delayAfter(1e9, ACCOUNT_POLICY)).toBe(900);
		expect(delayAfter(19, ADDRESS_POLICY)).toBe(0);
		expect(delayAfter(20, ADDRESS_POLICY)).toBe(5);
	});
});

describe('recordFailure and secondsBlocked', () => {
	const t0 = new Date('2026-11-22T10:00:00.000Z');
	const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

	it('blocks after the fifth failure for thirty seconds, then a minute', () => {
		let state: ThrottleState | undefined;
		for (let i = 0; i < 4; i++) state = recordFailure(state, t0, ACCOUNT_POLICY);
		expect(secondsBlocked(state, t0)).toBe(0);
		state = recordFailure(state, t0, ACCOUNT_POLICY);
		expect(state.failures).toBe(5);
		expect(secondsBlocked(state, t0)).toBe(30);
		expect(secondsBlocked(state, at(29.5))).toBe(1);
		expect(secondsBlocked(state, at(30))).toBe(0);
		state = recordFailure(state, at(30), ACCOUNT_POLICY);
		expect(secondsBlocked(state, at(30))).toBe(60);
	});

	it('forgets failures after the quiet period', () => {
		let state: ThrottleState | undefined;
		for (let i = 0; i < 9; i++) state = recordFailure(state, t0, ACCOUNT_POLICY);
		expect(current(state, at(3600), ACCOUNT_POLICY)).toBe(9);
		const later = at(24 * 3600 + 1);
		expect(current(state, later, ACCOUNT_POLICY)).toBe(0);
		expect(recordFailure(state, later, ACCOUNT_POLICY).failures).toBe(1);
	});
});
