/**
 * Roll-up: from check verdicts to an outcome per provision of each framework.
 *
 * A check never becomes a verdict on a provision by itself; this is the one place where check
 * verdicts are combined into a provision outcome, and the rule is:
 *
 * 1. Evidence. The evidence for a provision is the set of applicable checks (the inspection's
 *    bundle, filtered by its scope answers) that
 *    a. answer the provision directly (the provision is in the check's `answers`), or
 *    b. answer a provision that this provision maps to (a `catalogue.mappings` row whose `from`
 *       is this provision names it as `to`, with strength `direct` or `partial`). Mappings are
 *       followed one step only, never chained. `related` rows are context, not evidence: a
 *       failure on a neighbouring provision must not read as a failure of this one.
 *    A check counts once even when it gives evidence both ways. Checks switched off by a scope
 *    answer give no evidence, and their kept answers are ignored.
 *
 * 2. Outcome, the first that holds, in this order of precedence:
 *    FAIL          any evidence check is answered FAIL;
 *    REFER         else any is answered REFER;
 *    INCONCLUSIVE  else any is answered INCONCLUSIVE;
 *    INCOMPLETE    else any is not answered yet;
 *    PASS          else at least one is answered PASS (the rest are NA);
 *    NA            else all are answered NA;
 *    NOT_ASSESSED  there is no evidence check at all (e.g. provisions only a lab can assess).
 *    A finding outranks a gap: one FAIL is an indication of failure even while other checks
 *    are still open, whereas a PASS needs every evidence check answered.
 *
 * 3. Each outcome carries the ids of the checks behind it (the FAIL checks for FAIL, the
 *    unanswered ones for INCOMPLETE, the PASS ones for PASS, and so on; none for NOT_ASSESSED)
 *    and the ids of all its evidence checks, in bundle order.
 *
 * Outcomes are field indications, never conformance verdicts: a PASS here means "Indication:
 * meets", not "compliant".
 */

import type {
	Catalogue,
	Check,
	FrameworkId,
	Obligation,
	Provision,
	ProvisionRef,
	Verdict
} from '$lib/catalogue/types';
import type { ProvisionOutcome } from '$lib/contract/enums';
import type { Inspection } from './model';
import { applicableChecks } from './rules';

export type { ProvisionOutcome };

export interface ProvisionRollup {
	framework: FrameworkId;
	id: string;
	title: string;
	obligation?: Obligation;
	outcome: ProvisionOutcome;
	/** The checks behind the outcome, in bundle order. */
	checkIds: string[];
	/** Every applicable check that gives evidence on the provision, in bundle order. */
	evidenceCheckIds: string[];
}

export interface FrameworkRollup {
	framework: FrameworkId;
	name: string;
	shortName: string;
	version: string;
	/** The framework's provisions in catalogue order. */
	provisions: ProvisionRollup[];
	counts: Record<ProvisionOutcome, number>;
}

function provisionKey(ref: ProvisionRef): string {
	return `${ref.framework}\u0000${ref.id}`;
}

/** An unanswered check is the `undefined` verdict. */
type EvidenceVerdict = Verdict | undefined;

function decide(
	evidence: Check[],
	inspection: Inspection
): { outcome: ProvisionOutcome; checkIds: string[] } {
	if (evidence.length === 0) return { outcome: 'NOT_ASSESSED', checkIds: [] };
	const verdictOf = (check: Check): EvidenceVerdict => inspection.answers[check.id]?.verdict;
	const withVerdict = (verdict: EvidenceVerdict) =>
		evidence.filter((check) => verdictOf(check) === verdict).map((check) => check.id);

	const precedence: [EvidenceVerdict, ProvisionOutcome][] = [
		['FAIL', 'FAIL'],
		['REFER', 'REFER'],
		['INCONCLUSIVE', 'INCONCLUSIVE'],
		[undefined, 'INCOMPLETE'],
		['PASS', 'PASS']
	];
	for (const [verdict, outcome] of precedence) {
		const checkIds = withVerdict(verdict);
		if (checkIds.length > 0) return { outcome, checkIds };
	}
	// Every evidence check is answered and none is FAIL, REFER, INCONCLUSIVE or PASS: all NA.
	return { outcome: 'NA', checkIds: withVerdict('NA') };
}

function emptyCounts(): Record<ProvisionOutcome, number> {
	return { FAIL: 0, REFER: 0, INCONCLUSIVE: 0, INCOMPLETE: 0, PASS: 0, NA: 0, NOT_ASSESSED: 0 };
}

/** Builds the evidence look-up once per roll-up, so each provision is a couple of map reads. */
function evidenceFinder(catalogue: Catalogue, inspection: Inspection): (p: Provision) => Check[] {
	const checks = applicableChecks(catalogue, inspection);
	const bundleOrder = new Map(checks.map((check, index) => [check.id, index]));

	const checksByProvision = new Map<string, Check[]>();
	for (const check of checks) {
		for (const ref of check.answers) {
			const key = provisionKey(ref);
			checksByProvision.set(key, [...(checksByProvision.get(key) ?? []), check]);
		}
	}
	const mappedTo = new Map<string, ProvisionRef[]>();
	for (const mapping of catalogue.mappings) {
		if (mapping.strength === 'related') continue;
		const key = provisionKey(mapping.from);
		mappedTo.set(key, [...(mappedTo.get(key) ?? []), mapping.to]);
	}

	return (provision) => {
		const key = provisionKey(provision);
		const sources = [key, ...(mappedTo.get(key) ?? []).map(provisionKey)];
		const evidence = new Map<string, Check>();
		for (const source of sources) {
			for (const check of checksByProvision.get(source) ?? []) evidence.set(check.id, check);
		}
		return [...evidence.values()].sort(
			(a, b) => (bundleOrder.get(a.id) ?? 0) - (bundleOrder.get(b.id) ?? 0)
		);
	};
}

function rollupProvision(
	provision: Provision,
	evidence: Check[],
	inspection: Inspection
): ProvisionRollup {
	const { outcome, checkIds } = decide(evidence, inspection);
	const result: ProvisionRollup = {
		framework: provision.framework,
		id: provision.id,
		title: provision.title,
		outcome,
		checkIds,
		evidenceCheckIds: evidence.map((check) => check.id)
	};
	if (provision.obligation) result.obligation = provision.obligation;
	return result;
}

/** The roll-up per framework, in catalogue.frameworks order. */
export function rollup(catalogue: Catalogue, inspection: Inspection): FrameworkRollup[] {
	const evidenceFor = evidenceFinder(catalogue, inspection);
	return catalogue.frameworks.map((framework) => {
		const provisions = catalogue.provisions
			.filter((provision) => provision.framework === framework.id)
			.map((provision) => rollupProvision(provision, evidenceFor(provision), inspection));
		const counts = emptyCounts();
		for (const provision of provisions) counts[provision.outcome] += 1;
		return {
			framework: framework.id,
			name: framework.name,
			shortName: framework.shortName,
			version: framework.version,
			provisions,
			counts
		};
	});
}

// ---------------------------------------------------------------------------------------------
// PSTI summary

/** The PSTI Schedule 1 requirements and the statement of compliance, in the order reported. */
export const pstiProvisionIds = ['PSTI-1', 'PSTI-2', 'PSTI-3', 'PSTI-SOC'] as const;

/**
 * Outcomes phrased as indications (UX.md "Honest words"): a field check never says
 * "compliant" or "non-compliant".
 */
export const indicationLabels: Record<ProvisionOutcome, string> = {
	FAIL: 'Indication: fails',
	PASS: 'Indication: meets',
	REFER: 'Refer',
	INCONCLUSIVE: 'Inconclusive',
	INCOMPLETE: 'Not yet answered',
	NA: 'Not applicable',
	NOT_ASSESSED: 'Not assessed in this inspection'
};

export interface PstiSummaryItem {
	id: string;
	title: string;
	outcome: ProvisionOutcome;
	label: string;
	checkIds: string[];
}

/** PSTI-1, PSTI-2, PSTI-3 and PSTI-SOC, those the catalogue has, in that order. */
export function pstiSummary(catalogue: Catalogue, inspection: Inspection): PstiSummaryItem[] {
	const evidenceFor = evidenceFinder(catalogue, inspection);
	return pstiProvisionIds.flatMap((id) => {
		const provision = catalogue.provisions.find(
			(candidate) => candidate.framework === 'PSTI' && candidate.id === id
		);
		if (!provision) return [];
		const { outcome, checkIds } = rollupProvision(provision, evidenceFor(provision), inspection);
		return [{ id, title: provision.title, outcome, label: indicationLabels[outcome], checkIds }];
	});
}
