/**
 * The enumerations both sides of the wire agree on: check verdicts, provision outcomes and
 * account roles. Everything else (valibot picklists, SQL checks, display orders, labels) derives
 * from these lists, so a value is added in one place.
 */

/** A field verdict on one check. It is an indication, never a TS 103 701 conformance verdict. */
export const VERDICTS = ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts in the order summaries count them: findings first. */
export const VERDICT_DISPLAY_ORDER: readonly Verdict[] = [
	'FAIL',
	'REFER',
	'INCONCLUSIVE',
	'PASS',
	'NA'
];

/**
 * A provision's roll-up outcome, in order of precedence (strongest first): the order every
 * summary counts and lists them in. PASS reads "Indication: meets" (direct checks that show it
 * all passed), PARTLY "Partly indicated" (only part of it was shown), NO_ISSUE "No issue seen"
 * (checks screened for a problem and found none). See src/lib/inspection/rollup.ts for the rule.
 */
export const PROVISION_OUTCOMES = [
	'FAIL',
	'REFER',
	'INCONCLUSIVE',
	'INCOMPLETE',
	'PASS',
	'PARTLY',
	'NO_ISSUE',
	'NA',
	'NOT_ASSESSED'
] as const;
export type ProvisionOutcome = (typeof PROVISION_OUTCOMES)[number];

/** What a member of an organisation may do on the team server. */
export const ROLES = ['inspector', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
