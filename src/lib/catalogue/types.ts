/**
 * The shape of the standards catalogue: frameworks, their provisions, the field checks that answer
 * them and the bundles a user picks from. Pure data types: no Svelte, no storage, no fetch.
 *
 * Provision ids are those of the framework's own text (EN 303 645 V2.1.1 is primary because the UK
 * PSTI regime cites that edition). A check never becomes a verdict on a provision by itself: the
 * inspection module rolls check verdicts up to provisions (see src/lib/inspection/).
 */

/** The frameworks the app reports against. */
export type FrameworkId = 'EN303645' | 'PSTI' | 'CI' | 'MOZ' | 'UKCOP';

/** EN 303 645 "shall" (mandatory) or "should" (recommendation). */
export type Obligation = 'shall' | 'should';

/** Where a provision can be assessed: P physical, S setup/use, D documents, L lab only. */
export type AssessmentMode = 'physical' | 'setup' | 'documents' | 'lab';

import type { Verdict } from '$lib/contract/enums';
import type { CheckKind } from '$lib/contract/report-document';

/** A field verdict (one list, in the shared contract). */
export type { CheckKind, Verdict };

/** Where the inspection happens, and so who can do a check. */
export type InspectionContext = 'shop' | 'goods-in' | 'home';

export type BundleId = 'shop-visit' | 'goods-in' | 'home-setup';

/** The answer to a scope question. `unsure` never switches a check off. */
export type ScopeAnswer = 'yes' | 'no' | 'unsure';

export interface SourceRef {
	/** Short name of the source document, e.g. "ETSI EN 303 645". */
	document: string;
	/** Edition or date of that document, e.g. "V2.1.1 (2020-06)". */
	version: string;
	/** Where in the document, e.g. "clause 5.1" or "Schedule 1 paragraph 1". */
	reference?: string;
}

export interface Framework {
	id: FrameworkId;
	name: string;
	shortName: string;
	version: string;
	source: SourceRef;
}

export interface ProvisionRef {
	framework: FrameworkId;
	id: string;
}

export interface Provision {
	framework: FrameworkId;
	/** Id as the framework numbers it: "5.1-1", "PSTI-1", "CI-3", "MZ-2", "CoP-1". */
	id: string;
	/** Short title, in our own words. */
	title: string;
	/** Paraphrase of the requirement, in our own words. */
	text: string;
	/** EN 303 645 only: shall or should. */
	obligation?: Obligation;
	/** When the provision applies at all, in plain words; absent means always. */
	condition?: string;
	/** How it can be assessed, primary mode first. */
	modes: AssessmentMode[];
	/** EN 303 645 V3.1.3 ids this provision maps to, where known. */
	v3Ids?: string[];
	/** False while the V3 mapping comes only from secondary transcriptions. */
	v3Verified?: boolean;
	/** Sub-questions a checklist item asks (the CI retailer checklist has them). */
	subQuestions?: string[];
	source: SourceRef;
}

/** A yes/no/not sure question asked before the checks; answers switch checks on and off. */
export interface ScopeQuestion {
	id: ScopeQuestionId;
	/** The question as the inspector reads it. */
	text: string;
	/** One line of help: what counts as yes. */
	help: string;
}

export type ScopeQuestionId =
	| 'usesPasswords'
	| 'forChildren'
	| 'updatable'
	| 'companionApp'
	| 'networkConnected'
	| 'pstiExcepted';

/**
 * A check applies unless a scope answer contradicts one of these conditions: a condition
 * `{ usesPasswords: 'yes' }` switches the check off only when the answer is `no`.
 * `unsure` and unanswered questions keep the check on (better one check too many than a gap).
 */
export type ScopeConditions = Partial<Record<ScopeQuestionId, 'yes' | 'no'>>;

export interface EvidenceSpec {
	photo: 'required' | 'optional' | 'none';
	/** Photos wanted at least (0 when optional or none). */
	minPhotos: number;
	/** What the photos should show. */
	hint: string;
}

export interface Check {
	/** Stable id, e.g. "PHY-01"; recorded in every inspection and report. */
	id: string;
	title: string;
	/** The plain-language question the inspector answers. */
	question: string;
	/** Why it matters, in one or two sentences. */
	why: string;
	/** Short numbered steps a non-expert can follow. */
	how: string[];
	evidence: EvidenceSpec;
	/** Verdicts the inspector may choose for this check. */
	verdicts: Verdict[];
	appliesWhen: ScopeConditions;
	/** Who can do it: in a shop, at goods-in, at home. */
	contexts: InspectionContext[];
	/** The provisions this check gives an indication on (at least one). */
	answers: ProvisionRef[];
	/** Shows something, or screens for a problem; absent reads as `shows`. */
	kind?: CheckKind;
}

export interface Bundle {
	id: BundleId;
	name: string;
	/** One line on what it covers. */
	summary: string;
	/** Rough time per product, in minutes. */
	minutes: number;
	context: InspectionContext;
	/** Check ids, in the order they are walked. */
	checks: string[];
}

/** A row of the crosswalk: one framework's item answered by another's provision. */
export interface Mapping {
	from: ProvisionRef;
	to: ProvisionRef;
	strength: 'direct' | 'partial' | 'related';
	note?: string;
}

export interface Catalogue {
	/** Content version recorded by every inspection, e.g. "2026.11.1". */
	version: string;
	frameworks: Framework[];
	provisions: Provision[];
	scopeQuestions: ScopeQuestion[];
	checks: Check[];
	bundles: Bundle[];
	mappings: Mapping[];
}
