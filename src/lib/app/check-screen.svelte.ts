import type { Verdict } from '$lib/catalogue/types';
import { catalogue } from '$lib/catalogue';
import { settings } from '$lib/db';
import { answerCheck, type CheckAnswer } from '$lib/inspection';
import type { Proposal } from '$lib/label/proposals';
import { linkPhoto, linkPhotos } from './evidence/link-photos';
import type { LiveInspection } from './live-inspection.svelte';

/** How long "Pass" is shown before the next check opens: long enough to see, and to cancel. */
export const PASS_CONFIRM_MS = 700;

/**
 * The answer on a check screen: the verdict and reason as the screen shows them. Every change
 * saves both fields from here, never from the stored record, which may not have caught up with
 * the last tap yet (a reason typed while the verdict's save is in flight was once lost so).
 * Choosing Pass moves on after a short confirmation that can be cancelled. The photos offered to
 * the check by what they show (photo-proposals.ts) are shown beside the verdicts, and the verdict
 * links them: the inspector's one tap says both what they saw and which photo shows it.
 */
export class CheckAnswerForm {
	verdict = $state<Verdict | undefined>(undefined);
	reason = $state('');
	/** Pass was just chosen: the next check opens unless the inspector stays. */
	advancing = $state(false);
	/** The label photo could not be linked when a proposal was confirmed. */
	linkError = $state<string | null>(null);
	#loadedFor: string | null = null;
	/** The answer shown is the label's proposal, confirmed and not changed since. */
	#proposedBy: 'label' | undefined;
	#checkId: string | null = null;
	#inspectionId: string | null = null;
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
		this.#inspectionId = inspectionId;
		this.verdict = stored?.verdict;
		this.reason = stored?.reason ?? '';
		this.#proposedBy = stored?.proposedBy;
		this.linkError = null;
	}

	/** A verdict chosen; `offeredPhotos` are the photos shown as offered, which it links. */
	choose(verdict: Verdict, offeredPhotos: readonly string[] = []): void {
		this.verdict = verdict;
		this.#proposedBy = undefined;
		this.#afterChoice(verdict);
		this.#linkOffered(offeredPhotos);
	}

	/**
	 * One tap takes the label's proposal as the answer: its verdict and reason, marked as
	 * proposed, with the label photo linked as the check's evidence.
	 */
	async confirm(
		proposal: Proposal,
		inspectionId: string,
		offeredPhotos: readonly string[] = []
	): Promise<void> {
		const checkId = this.#checkId;
		if (!checkId) return;
		let linked = false;
		try {
			linked = await linkPhoto(inspectionId, proposal.photoId, checkId);
			this.linkError = linked
				? null
				: 'The label photo is no longer on this device: add a photo to this check.';
		} catch (error) {
			this.linkError = `The label photo could not be linked (${error instanceof Error ? error.message : error}).`;
		}
		if (this.#checkId !== checkId) return; // another check was opened meanwhile
		this.verdict = proposal.verdict;
		this.reason = proposal.reason;
		this.#proposedBy = 'label';
		this.#afterChoice(proposal.verdict);
		// Stay to say what is missing rather than move on past it.
		if (!linked) this.stay();
		this.#linkOffered(offeredPhotos.filter((id) => id !== proposal.photoId));
	}

	/** Links the photos the verdict accepted; a photo gone meanwhile stops the move on. */
	#linkOffered(photoIds: readonly string[]): void {
		const [inspectionId, checkId] = [this.#inspectionId, this.#checkId];
		if (!inspectionId || !checkId || photoIds.length === 0) return;
		const missed = (text: string) => {
			if (this.#checkId !== checkId) return; // another check was opened meanwhile
			this.linkError = text;
			this.stay();
		};
		linkPhotos(inspectionId, photoIds, checkId).then(
			(found) => {
				if (found < photoIds.length)
					missed('A photo offered is no longer on this device: add a photo to this check.');
			},
			(error) =>
				missed(
					`The photo offered could not be linked (${error instanceof Error ? error.message : error}).`
				)
		);
	}

	#afterChoice(verdict: Verdict): void {
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
		this.#proposedBy = undefined;
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
		const [checkId, verdict, reason, proposedBy] = [
			this.#checkId,
			this.verdict,
			this.reason,
			this.#proposedBy
		];
		// A reason typed before any verdict stays on screen and is saved with the verdict.
		if (!checkId || !verdict) return;
		void this.#live.change((i) =>
			answerCheck(i, catalogue, checkId, verdict, reason, now(), proposedBy)
		);
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
