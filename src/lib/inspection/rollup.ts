/**
 * Roll-up: from check verdicts to an outcome per provision of each framework.
 *
 * A check never becomes a verdict on a provision by itself; this is the one place where check
 * verdicts are combined into a provision outcome, and the rule is:
 *
 * 0. Scope. A provision that a definite scope answer takes out (`catalogue.scopeRules`: not
 *    connectable, PSTI excepted, not for children, no passwords, cannot be updated…) is NA, with
 *    the scope answer as its recorded `reason`, whatever the checks say.
 *
 * 1. Evidence. The evidence for a provision is the set of applicable checks (the inspection's
 *    bundle, filtered by its scope answers) that
 *    a. answer the provision themselves, `direct` or `partial` (the check's `answers`), or
 *    b. answer an EN 303 645 provision this provision maps to with a `direct` or `partial` row
 *       (indirect evidence). Mappings are followed one step only, never chained; `related` rows
 *       are context, not evidence.
 *    A check counts once, by its strongest route (direct, then partial, then indirect). Checks
 *    switched off by a scope answer give no evidence, and their kept answers are ignored.
 *
 * 2. Referrals cleared. A REFER no longer counts where a check that answers the provision
 *    directly, shows it, names the referring check in its `clears` and is answered PASS settles
 *    it (a printed generic password referred, then a setup that forces a new password).
 *
 * 3. Outcome, the first that holds, in this order of precedence:
 *    FAIL          any evidence check is answered FAIL (a failed part fails the whole);
 *    REFER         else any REFER still stands;
 *    INCONCLUSIVE  else any is answered INCONCLUSIVE;
 *    INCOMPLETE    else any is not answered yet;
 *    PASS          else every check the catalogue has that answers the provision directly and
 *                  applies with these scope answers is in this inspection and answered PASS or
 *                  NA, and at least one of them is a `shows` check answered PASS;
 *    PARTLY        else some `shows` check gave a PASS (partial or indirect evidence, or direct
 *                  checks missing from the bundle), with `notCovered` saying what was not;
 *    NO_ISSUE      else some `screens` check gave a PASS: a problem was looked for, none seen;
 *    NA            else all are answered NA;
 *    NOT_ASSESSED  there is no evidence check at all (e.g. provisions only a lab can assess).
 *    A finding outranks a gap: one FAIL is an indication of failure even while other checks
 *    are still open, whereas PASS, PARTLY and NO_ISSUE need every evidence check answered.
 *
 * 4. Each outcome carries the ids of the checks behind it (the FAIL checks for FAIL, the
 *    unanswered ones for INCOMPLETE, the PASS ones for PASS, PARTLY and NO_ISSUE, the NA ones for
 *    NA; none for NOT_ASSESSED or a scope NA) and the ids of all its evidence checks, in bundle
 *    order.
 *
 * Outcomes are field indications, never conformance verdicts: PASS means "Indication: meets",
 * not "compliant". The words are in ./indications.ts.
 */

import type {
	Catalogue,
	Check,
	FrameworkId,
	Obligation,
	Provision,
	ProvisionRef,
	ScopeRule,
	Verdict
} from '$lib/catalogue/types';
import type { ProvisionOutcome } from '$lib/contract/enums';
import { outcomeWords, scopeDetailWords, scopeReason } from './indications';
import type { Inspection } from './model';
import { applicableChecks, isCheckApplicable } from './rules';

export type { ProvisionOutcome };

export interface ProvisionRollup {
	framework: FrameworkId;
	id: string;
	title: string;
	obligation?: Obligation;
	/** The provision applies only where its condition holds (EN 303 645 Table B.1 "C"). */
	conditional?: boolean;
	outcome: ProvisionOutcome;
	/** The checks behind the outcome, in bundle order. */
	checkIds: string[];
	/** Every applicable check that gives evidence on the provision, in bundle order. */
	evidenceCheckIds: string[];
	/** NA from a scope answer: the recorded reason (the question, the answer, why). */
	reason?: string;
	/** PARTLY: what the evidence did not cover, in one line. */
	notCovered?: string;
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

/** How a check bears on a provision: its own answer (direct or partial), or through a mapping. */
type Route = 'direct' | 'partial' | 'indirect';

interface Evidence {
	check: Check;
	route: Route;
	/** For partial and indirect evidence: what it leaves out. */
	notCovered?: string;
}

const routeRank: Record<Route, number> = { direct: 0, partial: 1, indirect: 2 };

interface Decision {
	outcome: ProvisionOutcome;
	checkIds: string[];
	notCovered?: string;
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}

function decide(evidence: Evidence[], missingDirect: Check[], inspection: Inspection): Decision {
	if (evidence.length === 0) return { outcome: 'NOT_ASSESSED', checkIds: [] };
	const verdictOf = (check: Check): Verdict | undefined => inspection.answers[check.id]?.verdict;
	const passed = (item: Evidence) => verdictOf(item.check) === 'PASS';
	const shownDirectly = evidence.filter(
		(item) => item.route === 'direct' && item.check.kind === 'shows' && passed(item)
	);
	// A referral is settled by a passing check that answers this provision itself and names the
	// referring check as one it settles (the catalogue says when a check is that decisive).
	const stands = (item: Evidence) =>
		!evidence.some(
			(other) =>
				other.route !== 'indirect' &&
				other.check.kind === 'shows' &&
				passed(other) &&
				other.check.clears?.checks.includes(item.check.id)
		);
	const ids = (items: Evidence[]) => items.map((item) => item.check.id);

	const findings: [ProvisionOutcome, (item: Evidence) => boolean][] = [
		['FAIL', (item) => verdictOf(item.check) === 'FAIL'],
		['REFER', (item) => verdictOf(item.check) === 'REFER' && stands(item)],
		['INCONCLUSIVE', (item) => verdictOf(item.check) === 'INCONCLUSIVE'],
		['INCOMPLETE', (item) => verdictOf(item.check) === undefined]
	];
	for (const [outcome, holds] of findings) {
		const behind = evidence.filter(holds);
		if (behind.length > 0) return { outcome, checkIds: ids(behind) };
	}

	const passes = evidence.filter(passed);
	if (missingDirect.length === 0 && shownDirectly.length > 0) {
		return { outcome: 'PASS', checkIds: ids(passes) };
	}
	const shown = passes.filter((item) => item.check.kind === 'shows');
	if (shown.length > 0) {
		// The direct checks this inspection did not include say best what is missing; without any,
		// what the passing partial evidence leaves out, else what the mappings leave out.
		const notes = (route: Route) =>
			shown.filter((item) => item.route === route).map((item) => item.notCovered ?? '');
		const partialNotes = notes('partial').filter(Boolean);
		const gaps = missingDirect.length
			? [
					`${missingDirect.map((check) => `${check.id} ${check.title}`).join(', ')} ${missingDirect.length === 1 ? 'is' : 'are'} not part of this inspection`
				]
			: partialNotes.length
				? partialNotes
				: notes('indirect');
		return {
			outcome: 'PARTLY',
			checkIds: ids(passes),
			notCovered: unique(gaps.filter(Boolean)).join('; ')
		};
	}
	if (passes.length > 0) return { outcome: 'NO_ISSUE', checkIds: ids(passes) };
	// Every evidence check is answered and none stands as a finding or passed: all NA (or cleared).
	return {
		outcome: 'NA',
		checkIds: ids(evidence.filter((item) => verdictOf(item.check) === 'NA'))
	};
}

function emptyCounts(): Record<ProvisionOutcome, number> {
	return {
		FAIL: 0,
		REFER: 0,
		INCONCLUSIVE: 0,
		INCOMPLETE: 0,
		PASS: 0,
		PARTLY: 0,
		NO_ISSUE: 0,
		NA: 0,
		NOT_ASSESSED: 0
	};
}

/** The rule a scope answer gives a provision, with the reason it records; undefined if none. */
function scopeReasonFinder(
	catalogue: Catalogue,
	inspection: Inspection
): (provision: Provision) => string | undefined {
	const matching = catalogue.scopeRules.filter(
		(rule) => inspection.scope[rule.question] === rule.answer
	);
	const reasonFor = (rule: ScopeRule): string => {
		const question = catalogue.scopeQuestions.find((q) => q.id === rule.question);
		const detailSpec = question?.detail;
		const chosen = inspection.scopeDetail?.[rule.question];
		const detail =
			detailSpec && detailSpec.after === rule.answer
				? scopeDetailWords(detailSpec.options.find((option) => option.id === chosen))
				: undefined;
		return scopeReason({
			question: question?.text ?? rule.question,
			answer: rule.answer,
			...(detail ? { detail } : {}),
			because: rule.because
		});
	};
	return (provision) => {
		const rule = matching.find(
			(candidate) =>
				candidate.frameworks?.includes(provision.framework) ||
				candidate.provisions?.some(
					(ref) => ref.framework === provision.framework && ref.id === provision.id
				)
		);
		return rule ? reasonFor(rule) : undefined;
	};
}

interface ProvisionEvidence {
	evidence: Evidence[];
	/** Direct checks the catalogue has for the provision that apply but are not in this bundle. */
	missingDirect: Check[];
}

/** Builds the evidence look-up once per roll-up, so each provision is a few map reads. */
function evidenceFinder(
	catalogue: Catalogue,
	inspection: Inspection
): (p: Provision) => ProvisionEvidence {
	const checks = applicableChecks(catalogue, inspection);
	const bundleOrder = new Map(checks.map((check, index) => [check.id, index]));

	const answersByProvision = new Map<string, Evidence[]>();
	for (const check of checks) {
		for (const answer of check.answers) {
			const key = provisionKey(answer);
			const item: Evidence = {
				check,
				route: answer.strength,
				...(answer.notCovered ? { notCovered: answer.notCovered } : {})
			};
			answersByProvision.set(key, [...(answersByProvision.get(key) ?? []), item]);
		}
	}
	// Direct checks anywhere in the catalogue that apply with these scope answers.
	const directByProvision = new Map<string, Check[]>();
	for (const check of catalogue.checks) {
		if (!isCheckApplicable(check, inspection.scope)) continue;
		for (const answer of check.answers.filter((a) => a.strength === 'direct')) {
			const key = provisionKey(answer);
			directByProvision.set(key, [...(directByProvision.get(key) ?? []), check]);
		}
	}
	const mappedTo = new Map<string, { to: ProvisionRef; note: string }[]>();
	for (const mapping of catalogue.mappings) {
		if (mapping.strength === 'related') continue;
		const key = provisionKey(mapping.from);
		mappedTo.set(key, [...(mappedTo.get(key) ?? []), { to: mapping.to, note: mapping.note }]);
	}

	return (provision) => {
		const key = provisionKey(provision);
		const found = new Map<string, Evidence>();
		const add = (item: Evidence) => {
			const held = found.get(item.check.id);
			if (!held || routeRank[item.route] < routeRank[held.route]) found.set(item.check.id, item);
		};
		for (const item of answersByProvision.get(key) ?? []) add(item);
		for (const { to, note } of mappedTo.get(key) ?? []) {
			for (const item of answersByProvision.get(provisionKey(to)) ?? []) {
				add({
					check: item.check,
					route: 'indirect',
					notCovered: `shown only through EN 303 645 ${to.id}: ${note}`
				});
			}
		}
		const evidence = [...found.values()].sort(
			(a, b) => (bundleOrder.get(a.check.id) ?? 0) - (bundleOrder.get(b.check.id) ?? 0)
		);
		const missingDirect = (directByProvision.get(key) ?? []).filter(
			(check) => !bundleOrder.has(check.id)
		);
		return { evidence, missingDirect };
	};
}

function rollupProvision(
	provision: Provision,
	found: ProvisionEvidence,
	scopeReasonOf: string | undefined,
	inspection: Inspection
): ProvisionRollup {
	const result: ProvisionRollup = {
		framework: provision.framework,
		id: provision.id,
		title: provision.title,
		outcome: 'NOT_ASSESSED',
		checkIds: [],
		evidenceCheckIds: found.evidence.map((item) => item.check.id)
	};
	if (provision.obligation) result.obligation = provision.obligation;
	if (provision.condition && provision.framework === 'EN303645') result.conditional = true;
	if (scopeReasonOf) {
		return { ...result, outcome: 'NA', reason: scopeReasonOf };
	}
	const { outcome, checkIds, notCovered } = decide(found.evidence, found.missingDirect, inspection);
	return { ...result, outcome, checkIds, ...(notCovered ? { notCovered } : {}) };
}

function provisionRollups(
	catalogue: Catalogue,
	inspection: Inspection
): (provision: Provision) => ProvisionRollup {
	const evidenceFor = evidenceFinder(catalogue, inspection);
	const scopeReasonFor = scopeReasonFinder(catalogue, inspection);
	return (provision) =>
		rollupProvision(provision, evidenceFor(provision), scopeReasonFor(provision), inspection);
}

/** The roll-up per framework, in catalogue.frameworks order. */
export function rollup(catalogue: Catalogue, inspection: Inspection): FrameworkRollup[] {
	const rollupOf = provisionRollups(catalogue, inspection);
	return catalogue.frameworks.map((framework) => {
		const provisions = catalogue.provisions
			.filter((provision) => provision.framework === framework.id)
			.map(rollupOf);
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

/** The outcome words, kept under their old name for the pages that import them from here. */
export const indicationLabels = outcomeWords;

export interface PstiSummaryItem {
	id: string;
	title: string;
	outcome: ProvisionOutcome;
	label: string;
	checkIds: string[];
	reason?: string;
	notCovered?: string;
}

/** PSTI-1, PSTI-2, PSTI-3 and PSTI-SOC, those the catalogue has, in that order. */
export function pstiSummary(catalogue: Catalogue, inspection: Inspection): PstiSummaryItem[] {
	const rollupOf = provisionRollups(catalogue, inspection);
	return pstiProvisionIds.flatMap((id) => {
		const provision = catalogue.provisions.find(
			(candidate) => candidate.framework === 'PSTI' && candidate.id === id
		);
		if (!provision) return [];
		const { outcome, checkIds, reason, notCovered } = rollupOf(provision);
		return [
			{
				id,
				title: provision.title,
				outcome,
				label: outcomeWords[outcome],
				checkIds,
				...(reason ? { reason } : {}),
				...(notCovered ? { notCovered } : {})
			}
		];
	});
}
