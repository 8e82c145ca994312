/**
 * The words of an indication, in one place: the outcome of a provision, how a check's answer
 * reads, shall against should, the roll-up rule, scope reasons and the UK PSTI facts. The Review
 * screen, the PDF, the reviewer's pages and the CSV all take their words from here, so they
 * cannot drift apart (UX.md "Honest words"). Pure: no Svelte, no storage, no catalogue import.
 *
 * Renderers of a signed report pass what the document says: its outcomes, and a check's kind only
 * where the document (or the catalogue it was signed with) records one. A report signed before
 * kinds existed has none, so its Pass still reads "Pass", the word it was signed with.
 */

import type { PstiFacts } from '$lib/catalogue/psti';
import type { CheckKind, Obligation, ScopeAnswer, ScopeQuestion } from '$lib/catalogue/types';
import { PROVISION_OUTCOMES, type ProvisionOutcome, type Verdict } from '$lib/contract/enums';
import { verdictLabels } from './labels';

/** Always said beside a roll-up, so nobody mistakes a field check for a lab result. */
export const NOTICE = 'Field indications, not a conformance assessment.';

/** A provision's outcome, phrased as an indication: never "compliant" or "non-compliant". */
export const outcomeWords: Record<ProvisionOutcome, string> = {
	FAIL: 'Indication: fails',
	REFER: 'Refer',
	INCONCLUSIVE: 'Inconclusive',
	INCOMPLETE: 'Not yet answered',
	PASS: 'Indication: meets',
	PARTLY: 'Partly indicated',
	NO_ISSUE: 'No issue seen',
	NA: 'Not applicable',
	NOT_ASSESSED: 'Not assessed in this inspection'
};

/** "Indication: fails 5.1-1", "No issue seen PSTI-1". */
export function outcomeLine(outcome: ProvisionOutcome, id: string): string {
	return `${outcomeWords[outcome]} ${id}`;
}

/** Non-zero outcome counts, strongest first, with their words. */
export function outcomeCounts(
	counts: Partial<Record<ProvisionOutcome, number>>
): { outcome: ProvisionOutcome; words: string; count: number }[] {
	return PROVISION_OUTCOMES.flatMap((outcome) => {
		const count = counts[outcome] ?? 0;
		return count > 0 ? [{ outcome, words: outcomeWords[outcome], count }] : [];
	});
}

/**
 * What an answer shows as: a Pass on a screening check is "No issue seen", with its own icon;
 * everything else is the verdict itself. Without a kind, the verdict.
 */
export type AnswerIndication = Verdict | 'NO_ISSUE';

export function answerIndication(verdict: Verdict, kind?: CheckKind): AnswerIndication {
	return verdict === 'PASS' && kind === 'screens' ? 'NO_ISSUE' : verdict;
}

/** The words for an answer: "No issue seen" for a screening Pass, else the verdict's label. */
export function answerWords(verdict: Verdict, kind?: CheckKind): string {
	const shown = answerIndication(verdict, kind);
	return shown === 'NO_ISSUE' ? outcomeWords.NO_ISSUE : verdictLabels[shown];
}

/** "9 Pass, 2 No issue seen, 1 Fail": answers counted by how they read, findings first. */
export function answerCounts(answers: readonly { verdict: Verdict; kind?: CheckKind }[]): string[] {
	const order: AnswerIndication[] = ['FAIL', 'REFER', 'INCONCLUSIVE', 'PASS', 'NO_ISSUE', 'NA'];
	return order.flatMap((shown) => {
		const count = answers.filter((a) => answerIndication(a.verdict, a.kind) === shown).length;
		const words = shown === 'NO_ISSUE' ? outcomeWords.NO_ISSUE : verdictLabels[shown];
		return count > 0 ? [`${count} ${words}`] : [];
	});
}

/** "(shall)", "(should, conditional)": EN 303 645 only; empty for the other frameworks. */
export function obligationWords(obligation?: Obligation, conditional = false): string {
	if (!obligation) return conditional ? '(conditional)' : '';
	return `(${obligation}${conditional ? ', conditional' : ''})`;
}

/** One line under every roll-up: shall against should (EN 303 645 clause 4). */
export const SHALL_SHOULD =
	'A “shall” is a requirement and a “should” a recommendation, which a manufacturer may leave unmet if it records why (EN 303 645 4-1): an unmet “should” is not on its own a failure, and a “conditional” provision applies only where its condition holds.';

/** The roll-up rule, as the PDF states it above the tables. */
export const ROLLUP_RULE =
	'A provision reads “Indication: meets” only when the checks that answer it directly all passed and one of them showed it; “Partly indicated” when only part of it was shown, naming what was not covered; “No issue seen” when checks looked for a problem and saw none. A Fail, then a Refer, an Inconclusive or an unanswered check outranks these. A provision a scope answer takes out reads “Not applicable”, with that answer as the reason; those no check in this inspection answers are listed as not assessed (many need a laboratory).';

/** "Not covered: whether the reset erases the data (SET-17)". */
export function notCoveredLine(notCovered: string): string {
	return `Not covered: ${notCovered}`;
}

const answerWordsForScope: Record<ScopeAnswer, string> = {
	yes: 'Yes',
	no: 'No',
	unsure: 'Not sure'
};

/**
 * The reason recorded for a provision a scope answer takes out:
 * "Scope answer: “Is the product …?” Yes (Medical devices). The UK PSTI security requirements …".
 */
export function scopeReason(input: {
	question: string;
	answer: ScopeAnswer;
	/** The follow-up choice, such as the excepted category, in words. */
	detail?: string;
	because: string;
}): string {
	const detail = input.detail ? ` (${input.detail})` : '';
	return `Scope answer: “${input.question}” ${answerWordsForScope[input.answer]}${detail}. ${input.because}`;
}

/** A scope detail option as a reason names it: "Medical devices, a category not verified …". */
export function scopeDetailWords(option: { name: string; verified: boolean } | undefined): string {
	if (!option) return 'category not recorded';
	return option.verified
		? option.name
		: `${option.name}; the category list is not verified against the Regulations’ text`;
}

/**
 * The reason shared by every provision of a framework, when a scope answer took them all out:
 * shown once for the framework instead of on each line.
 */
export function sharedReason(
	provisions: readonly { outcome: ProvisionOutcome; reason?: string }[]
): string | undefined {
	const first = provisions[0]?.reason;
	if (!first) return undefined;
	return provisions.every((p) => p.outcome === 'NA' && p.reason === first) ? first : undefined;
}

// ---------------------------------------------------------------------------------------------
// UK PSTI facts

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "29 April 2024" from "2024-04-29"; no `Intl`, so device and server say the same. */
function longDate(iso: string): string {
	const [year, month, day] = iso.split('-').map(Number);
	if (!year || !month || !day || month > 12) return iso;
	return `${day} ${months[month - 1]} ${year}`;
}

function list(items: string[]): string {
	return items.length > 1
		? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
		: (items[0] ?? '');
}

export interface PstiScope {
	/** The answer to "is the product excepted?", if given. */
	excepted?: ScopeAnswer;
	/** The excepted category chosen, as the catalogue names it, when the answer is yes. */
	exception?: { name: string; verified: boolean };
}

/**
 * What the PSTI summary says beside its outcomes: the regime's in-force date, the exception the
 * inspector recorded, which deemed-compliance route the findings speak to, and which facts the
 * catalogue has not verified.
 */
export function pstiFactLines(facts: PstiFacts, scope: PstiScope): string[] {
	const lines = [
		`The UK PSTI security requirements apply from ${longDate(facts.inForce)} (SI 2023/1007).`
	];
	if (scope.excepted === 'yes') {
		lines.push(
			scope.exception
				? `Excepted category recorded by the inspector: ${scopeDetailWords(scope.exception)}. The PSTI requirements are not applicable.`
				: 'The inspector recorded the product as excepted without naming the category. The PSTI requirements are not applicable.'
		);
		return lines;
	}
	if (scope.excepted === 'unsure') {
		lines.push(
			'Whether the product is excepted was answered “Not sure”, so it is treated as within the regime.'
		);
	}
	const requirementNames: Record<string, string> = {
		'PSTI-1': 'passwords',
		'PSTI-2': 'reporting security issues',
		'PSTI-3': 'support period'
	};
	for (const requirement of ['PSTI-1', 'PSTI-2', 'PSTI-3'] as const) {
		const routes = facts.deemedCompliance.filter((route) => route.requirement === requirement);
		const name = `${requirement} (${requirementNames[requirement]})`;
		if (routes.length === 0) {
			const noRoute = facts.noDeemedComplianceRoute.includes(requirement);
			const later = facts.laterInstruments.filter(
				(instrument) => !instrument.verified && /deemed compliance/i.test(instrument.note)
			);
			lines.push(
				`${name}: ${noRoute ? 'no deemed-compliance route in the 2023 Regulations' : 'no deemed-compliance route recorded'}` +
					(later.length && !facts.noDeemedComplianceRouteVerified
						? `; routes added later (${later.map((i) => i.name).join('; ')}) are not verified.`
						: '.')
			);
			continue;
		}
		const enRoutes = routes.filter((route) => route.provisions.length > 0);
		const others = routes.filter((route) => route.otherStandard);
		const enIds = (route: (typeof routes)[number]) =>
			`${list(route.provisions.map((p) => p.id))}${route.whereRelevant.length ? ` and, where relevant, ${list(route.whereRelevant.map((p) => p.id))}` : ''}`;
		const via = [
			...enRoutes.map((route) => `EN 303 645 ${facts.citedEnEdition.version} ${enIds(route)}`),
			...others.map(
				(route) =>
					`${route.otherStandard!.document}:${route.otherStandard!.version} paragraphs ${list(route.otherStandard!.paragraphs)}`
			)
		];
		const unread = others.flatMap((route) =>
			route.unreadConditions
				? [`${route.otherStandard!.document} route: ${route.unreadConditions}`]
				: []
		);
		lines.push(
			`${name}: deemed met through ${via.join(', or ')} (Schedule 2). These findings speak to the EN 303 645 route${others.length ? ' only' : ''}.` +
				(unread.length ? ` Not verified: ${unread.join(' ')}` : '')
		);
	}
	if (!facts.statementOfCompliance.contentsVerified) {
		lines.push(
			'Statement of compliance: the list of contents comes from summaries of Schedule 4 and is not verified against the text.'
		);
	}
	return lines;
}

/**
 * The PSTI scope of an inspection or a signed report, from its scope answers and the follow-up
 * choice recorded with them (a report signed before choices were recorded has none).
 */
export function pstiScopeOf(
	questions: readonly ScopeQuestion[],
	scope: Readonly<Partial<Record<string, ScopeAnswer>>>,
	detail?: Readonly<Partial<Record<string, string>>>
): PstiScope {
	const excepted = scope.pstiExcepted;
	const chosen = detail?.pstiExcepted;
	const option = questions
		.find((q) => q.id === 'pstiExcepted')
		?.detail?.options.find((candidate) => candidate.id === chosen);
	return {
		...(excepted ? { excepted } : {}),
		...(excepted === 'yes' && option ? { exception: option } : {})
	};
}
