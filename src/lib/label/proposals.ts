/**
 * Answers the label can propose: after Read label, the checks a label answers (the model
 * designation printed on the device, a printed password, a password built from the serial or
 * MAC) offer a verdict and a reason, with the label photo as their evidence. A proposal is never
 * an answer: the inspector confirms it with one tap or answers otherwise. Pure.
 */

import type { Check, Verdict } from '$lib/catalogue/types';
import { credentialIndication, isCredentialCheck } from './indications';
import type { LabelReading, ProductLabelField } from './reading';

export interface Proposal {
	verdict: Verdict;
	reason: string;
	/** The label photo the proposal was read from: linked to the check when confirmed. */
	photoId: string;
}

interface LabelFacts {
	product?: { model?: string; readFromLabel?: ProductLabelField[] };
	labelReadings?: LabelReading[];
}

/** The inspected unit's latest reading, the one whose photo shows what is proposed. */
function latestReading(
	readings: LabelReading[],
	withCredentials: boolean
): LabelReading | undefined {
	return readings
		.filter((r) => r.unit === 1 && (!withCredentials || r.credentials.length > 0))
		.sort((a, b) => b.readAt.localeCompare(a.readAt))[0];
}

/** What the label readings propose for a check, or null when they say nothing on it. */
export function proposeFromLabel(check: Check, facts: LabelFacts): Proposal | null {
	const readings = facts.labelReadings ?? [];
	const proposal = proposalFor(check, facts, readings);
	return proposal && check.verdicts.includes(proposal.verdict) ? proposal : null;
}

function proposalFor(check: Check, facts: LabelFacts, readings: LabelReading[]): Proposal | null {
	if (check.id === 'ID-01') {
		// Only a model the inspector accepted from the label: one typed in proves nothing printed.
		const model = facts.product?.model?.trim();
		const reading = latestReading(readings, false);
		if (!model || !reading || !facts.product?.readFromLabel?.includes('model')) return null;
		return {
			verdict: 'PASS',
			reason: `The model designation “${model}” is printed on the label and was read from it.`,
			photoId: reading.photoId
		};
	}
	if (!isCredentialCheck(check.id)) return null;
	const indication = credentialIndication(check.id, readings);
	const reading =
		check.id === 'PHY-02'
			? [...readings].sort((a, b) => b.readAt.localeCompare(a.readAt))[0]
			: latestReading(readings, true);
	if (!indication || !reading) return null;
	return {
		verdict: indication.points,
		reason: indication.findings.join(' '),
		photoId: reading.photoId
	};
}
