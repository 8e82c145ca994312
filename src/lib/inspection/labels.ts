/**
 * The words shown for verdicts (UX.md: the verdict buttons' accessible names). Kept here so
 * messages built by the rules use the same words as the buttons the inspector pressed.
 */

import type { Verdict } from '$lib/catalogue/types';

export const verdictLabels: Record<Verdict, string> = {
	PASS: 'Pass',
	FAIL: 'Fail',
	NA: 'Not applicable',
	INCONCLUSIVE: 'Inconclusive',
	REFER: 'Refer'
};
