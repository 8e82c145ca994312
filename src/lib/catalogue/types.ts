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
import type { PstiFacts } from './psti';

/** A field verdict (one list, in the shared contract). */
export type { Verdict };

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
	/** A choice asked after a given answer, such as which PSTI exception applies. */
	detail?: ScopeDetailQuestion;
}

/** The follow-up to a scope answer; the choice is recorded with the answer and named in reasons. */
export interface ScopeDetailQuestion {
	/** Asked only after this answer. */
	after: 'yes' | 'no';
	/** "Which category?" */
	text: string;
	options: ScopeDetailOption[];
}

export interface ScopeDetailOption {
	id: string;
	name: string;
	/** False where the catalogue has the category only from a secondary source. */
	verified: boolean;
}

/**
 * A scope answer that takes provisions out of the inspection: they read "Not applicable" with the
 * answer as the recorded reason (EN 303 645 4-1 asks for a reason for every provision not
 * applied), instead of "Not assessed". The first rule that matches a provision gives its reason.
 */
export interface ScopeRule {
	question: ScopeQuestionId;
	answer: 'yes' | 'no';
	/** Whole frameworks made not applicable. */
	frameworks?: FrameworkId[];
	/** Or single provisions. */
	provisions?: ProvisionRef[];
	/** Why, in one line: the rest of the recorded reason after the scope answer. */
	because: string;
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
	/**
	 * What the photos may show, most wanted first; none when no photo is asked for. A check that
	 * wants as many photos as it names subjects wants one of each (ID-02: the label and the
	 * packaging); one that wants fewer takes any of them (DOC-03: the packaging or the maker's
	 * site). A photo taken for one check is offered to the next check that wants a photo of the
	 * same subject: one photo of the label answers several checks (photo-proposals.ts).
	 */
	shows: PhotoSubject[];
}

/** What a photo of evidence shows. */
export type PhotoSubject =
	'label' | 'device' | 'packaging' | 'maker-site' | 'privacy-notice' | 'app' | 'supplier-documents';

/**
 * What a Pass on a check can say. A `shows` check finds something positive (the model is printed;
 * a support period with an end date is published; setup forced a new password). A `screens`
 * check looks for a problem (a printed default, a reachable debug port, a crash) and its Pass
 * only says none was seen: it reads "No issue seen", never "meets". A Fail reads "fails" on both.
 */
export type { CheckKind };

/**
 * How much of a provision a check's verdict answers.
 * - direct: the check answers the provision's requirement as far as a field check can, on its
 *   own or together with the provision's other direct checks; all of them must pass for "meets".
 * - partial: it answers a part, or gives only an indication (one interface, the packaging, a
 *   supplier's word). A Fail still fails the provision; a Pass can only make it "partly indicated".
 */
export type AnswerStrength = 'direct' | 'partial';

/** A provision a check gives an indication on, with how and why. */
export interface CheckAnswerRef extends ProvisionRef {
	strength: AnswerStrength;
	/** One line: why this check bears on this provision. */
	why: string;
	/** Partial answers only: what the check does not cover, one line. */
	notCovered?: string;
}

export interface Check {
	/** Stable id, e.g. "PHY-01"; recorded in every inspection and report. */
	id: string;
	/** Whether a Pass shows something or only says no issue was seen. */
	kind: CheckKind;
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
	/**
	 * The provisions this check gives an indication on. At least one, unless `recordOnly` says why
	 * the check stands on its own (a record for the report, such as the claims on a pack).
	 */
	answers: CheckAnswerRef[];
	/** Why the check answers no provision; only for checks with no `answers`. */
	recordOnly?: string;
	/**
	 * Referrals this check settles: a Refer on one of these checks no longer holds a provision
	 * that this check answers directly, once this check is answered Pass.
	 */
	clears?: { checks: string[]; why: string };
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

/**
 * A row of the crosswalk: one framework's item answered by another's provision. `direct` and
 * `partial` rows carry evidence (a failure on the provision fails the item; a pass only partly
 * indicates it); `related` rows are context only.
 */
export interface Mapping {
	from: ProvisionRef;
	to: ProvisionRef;
	strength: 'direct' | 'partial' | 'related';
	/** One line: why the rows are tied, and for evidence rows what the provision leaves out. */
	note: string;
}

export interface Catalogue {
	/** Content version recorded by every inspection, e.g. "2026.11.1". */
	version: string;
	frameworks: Framework[];
	provisions: Provision[];
	scopeQuestions: ScopeQuestion[];
	scopeRules: ScopeRule[];
	checks: Check[];
	bundles: Bundle[];
	mappings: Mapping[];
	/** The UK PSTI facts the Review and the PDF state beside the PSTI summary. */
	pstiFacts: PstiFacts;
}
