/**
 * Brute-force throttling of sign-in (EN 303 645 provision 5.1-5): per account and per address,
 * the first few failures are free, then each further failure doubles the wait before the next
 * attempt, up to a cap. Pure schedule here; `sign-in.ts` keeps the counters in the database so
 * a restart does not reset them.
 */
export interface ThrottlePolicy {
	/** Failures allowed before any wait. */
	free: number;
	/** The first wait, in seconds. */
	baseSeconds: number;
	/** The longest wait, in seconds. */
	maxSeconds: number;
	/** A counter with no failure for this long starts again from zero, in seconds. */
	forgetAfterSeconds: number;
}

/** Per account: a person mistyping gets 5 tries, then 30 s, 1 min, 2 min ... up to 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	free: 5,
	baseSeconds: 30,
	maxSeconds: 15 * 60,
	forgetAfterSeconds: 24 * 3600
};

/** Per address: more room (an office behind one address), the same growth. */
export const ADDRESS_POLICY: ThrottlePolicy = {
	free: 20,
	baseSeconds: 5,
	maxSeconds: 15 * 60,
	forgetAfterSeconds: 3600
};

/** How long to wait after the given number of consecutive failures, in seconds. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
	if (failures < policy.free) return 0;
	const doublings = failures - policy.free;
	if (doublings >= 30) return policy.maxSeconds;
	return Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds);
}

export interface ThrottleState {
	failures: number;
	lastFailureAt: string;
	blockedUntil: string;
}

/** The counter after one more failure at `now`. */
export function recordFailure(
	previous: ThrottleState | undefined,
	now: Date,
	policy: ThrottlePolicy
): ThrottleState {
	const failures = current(previous, now, policy) + 1;
	const wait = delayAfter(failures, policy);
	return {
		failures,
		lastFailureAt: now.toISOString(),
		blockedUntil: new Date(now.getTime() + wait * 1000).toISOString()
	};
}

/** Failures that still count at `now` (old ones are forgotten). */
export function current(
	state: ThrottleState | undefined,
	now: Date,
	policy: ThrottlePolicy
): number {
	if (!state) return 0;
	const age = (now.getTime() - Date.parse(state.lastFailureAt)) / 1000;
	return age > policy.forgetAfterSeconds ? 0 : state.failures;
}

/** Seconds until another attempt is allowed (0: now). */
export function secondsBlocked(state: ThrottleState | undefined, now: Date): number {
	if (!state) return 0;
	const left = (Date.parse(state.blockedUntil) - now.getTime()) / 1000;
	return left > 0 ? Math.ceil(left) : 0;
}
