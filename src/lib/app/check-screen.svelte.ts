import type { Verdict } from '$lib/catalogue/types';
import { catalogue } from '$lib/catalogue';
import { settings } from '$lib/db';
import { answerCheck, type CheckAnswer } from '$lib/inspection';
import type { LiveInspection } from './live-inspection.svelte';

/** How long "Pass" is shown before the next check opens: long enough to see, and to cancel. */
export const PASS_CONFIRM_MS = 700;

/**
 * The answer on a check screen: the verdict and reason as the screen shows them. Every change
 * saves both fields from here, never from the stored record, which may not have caught up with
 * the last tap yet (a reason typed while the verdict's save is in flight was once lost so).
 * Choosing Pass moves on after a short confirmation that can be cancelled.
 */
export class CheckAnswerForm {
	verdict = $state<Verdict | undefined>(undefined);
	reason = $state('');
	/** Pass was just chosen: the next check opens unless the inspector stays. */
	advancing = $state(false);
	#loadedFor: string | null = null;
	#checkId: string | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #live: LiveInspection;
	readonly #advance: () => void;

	constructor(live: LiveInspection, advance: () => void) {
		this.#live = live;
		this.#advance = advance;
	}

	/**
	 * Shows the stored answer when another check (or inspection) is opened. Only then: a save
	 * coming back must not move the cursor or undo what was typed meanwhile.
	 */
	load(inspectionId: string, checkId: string, stored: CheckAnswer | undefined): void {
		const key = `${inspectionId}/${checkId}`;
		if (key === this.#loadedFor) return;
		this.stay();
		this.#loadedFor = key;
		this.#checkId = checkId;
		this.verdict = stored?.verdict;
		this.reason = stored?.reason ?? '';
	}

	choose(verdict: Verdict): void {
		this.verdict = verdict;
		this.#save();
		this.stay();
		if (verdict !== 'PASS') return;
		this.advancing = true;
		this.#timer = setTimeout(() => {
			this.advancing = false;
			this.#timer = undefined;
			this.#advance();
		}, PASS_CONFIRM_MS);
	}

	/** The Reason field changed (bound to `reason`). */
	typed(): void {
		this.stay();
		this.#save();
	}

	/** A quick reason fills the field; it can be edited after. */
	useQuickReason(text: string): void {
		this.reason = text;
		this.typed();
	}

	/** Cancels a pending move to the next check. */
	stay(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.advancing = false;
	}

	#save(): void {
		const [checkId, verdict, reason] = [this.#checkId, this.verdict, this.reason];
		// A reason typed before any verdict stays on screen and is saved with the verdict.
		if (!checkId || !verdict) return;
		void this.#live.change((i) => answerCheck(i, catalogue, checkId, verdict, reason, now()));
	}
}

/** The time now, ISO 8601 (a plain value for the record, not reactive state). */
function now(): string {
	return new Date(Date.now()).toISOString();
}

const SEEN_KEY = 'checks-seen';

/**
 * Whether this device has shown a check before: its "Why it matters" and "How to check" are
 * open the first time a person meets it, folded after. Remembered in one small setting.
 */
export async function firstMeeting(checkId: string): Promise<boolean> {
	const seen = (await settings.get<string[]>(SEEN_KEY)) ?? [];
	if (seen.includes(checkId)) return false;
	await settings.set(SEEN_KEY, [...seen, checkId]);
	return true;
}
