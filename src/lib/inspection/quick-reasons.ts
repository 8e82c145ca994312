import type { Verdict } from '$lib/catalogue/types';

/**
 * Quick reasons: what an officer most often writes for a verdict on a check, offered as chips
 * that fill the Reason field (and can then be edited). Words only, per check and verdict, with a
 * fallback per verdict; kept out of the catalogue so that rewording a chip changes no catalogue
 * version and no signed report (the reason is signed as typed, wherever it came from).
 */

type Reasons = Partial<Record<Exclude<Verdict, 'PASS'>, string[]>>;

const fallback: Required<Reasons> = {
	FAIL: ['Seen on the product or pack, photographed'],
	NA: ['Does not apply to this product'],
	INCONCLUSIVE: [
		'Could not see it without opening the pack',
		'Not enough information in the shop',
		'No phone signal to look it up'
	],
	REFER: ['Needs a closer look at goods-in or at home']
};

const byCheck: Record<string, Reasons> = {
	'ID-01': {
		FAIL: ['No model designation on the device', 'Model designation unreadable or worn off'],
		NA: ['Product is not a connected device'],
		INCONCLUSIVE: ['Device sealed in the pack; label not visible']
	},
	'ID-02': {
		NA: ['No paperwork with the product'],
		INCONCLUSIVE: ['Only the pack could be seen'],
		REFER: ['Designations differ between device and pack']
	},
	'PHY-01': {
		FAIL: ['Generic password printed on the label', 'Same password as another unit'],
		NA: ['No password, PIN or key printed'],
		INCONCLUSIVE: ['Password hidden inside the pack'],
		REFER: ['Password looks unique but cannot be confirmed here']
	},
	'PHY-03': {
		NA: ['No password printed'],
		INCONCLUSIVE: ['Serial or MAC not visible to compare'],
		REFER: ['Password resembles the serial or MAC address']
	},
	'PHY-04': {
		NA: ['No connectors on the case'],
		INCONCLUSIVE: ['Device inside a sealed pack'],
		REFER: ['Unlabelled connector within reach']
	},
	'PHY-05': {
		NA: ['No ports on the case'],
		INCONCLUSIVE: ['Device inside a sealed pack'],
		REFER: ['Port that looks like a debug or serial header']
	},
	'PHY-06': {
		FAIL: ['No reset button and no reset in the manual'],
		INCONCLUSIVE: ['Manual not in the shop; no button visible']
	},
	'DOC-11': {
		FAIL: ['Camera or microphone not described'],
		NA: ['No sensors visible'],
		INCONCLUSIVE: ['Product information not available in the shop'],
		REFER: ['A sensor may be hidden behind the case']
	},
	'CLM-01': {
		FAIL: ['Security mark with no scheme or certificate found'],
		NA: ['No security claim or mark on the pack'],
		INCONCLUSIVE: ['Could not look the mark up offline'],
		REFER: ['Claim needs the maker to substantiate it']
	},
	'DOC-01': {
		FAIL: ['No statement of compliance and no link to one'],
		INCONCLUSIVE: ['Pack sealed; insert not visible'],
		REFER: ['Link printed but could not be opened']
	},
	'DOC-02': {
		FAIL: ['Support period missing from the statement', 'Manufacturer name or address missing'],
		NA: ['No statement of compliance found'],
		INCONCLUSIVE: ['Statement only online; no signal'],
		REFER: ['Statement names a different model']
	},
	'DOC-06': {
		FAIL: ['Support period not published for this model', 'Only shown after signing in'],
		INCONCLUSIVE: ['No phone signal to look it up'],
		REFER: ['Maker’s site names a different support period']
	},
	'DOC-03': {
		FAIL: ['Support period has no end date', 'Only “lifetime” or “regular” updates promised'],
		NA: ['No support period published']
	},
	'DOC-04': {
		FAIL: ['Maker’s shop page has no support period'],
		NA: ['Maker does not sell this product directly']
	},
	'DOC-07': {
		FAIL: ['No way to report a security problem published', 'No response time given'],
		INCONCLUSIVE: ['No phone signal to look it up']
	},
	'DOC-10': {
		FAIL: ['No privacy information found', 'Does not say who gets the data'],
		INCONCLUSIVE: ['No phone signal to look it up']
	},
	'CHD-01': {
		FAIL: ['Written for lawyers, not families'],
		NA: ['Not a product for children or families']
	}
};

/** The quick reasons for a verdict on a check: none for Pass, whose reason is optional. */
export function quickReasons(checkId: string, verdict: Verdict | undefined): string[] {
	if (!verdict || verdict === 'PASS') return [];
	return byCheck[checkId]?.[verdict] ?? fallback[verdict];
}
