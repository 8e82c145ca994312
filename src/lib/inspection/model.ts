/**
 * The inspection record: one product, one bundle of checks, one place and inspector.
 *
 * Plain JSON data only (strings, records, arrays, no Dates, no class instances, no undefined
 * values) because it is stored in IndexedDB as it is and later canonicalised and signed.
 * Which checks apply is never stored: it is derived from the scope answers and the catalogue on
 * every read, so changing a scope answer cannot leave a stale "applicable" flag behind.
 */

import type { LabelReading, ProductLabelField } from '$lib/label/reading';
import type {
	BundleId,
	InspectionContext,
	ScopeAnswer,
	ScopeQuestionId,
	Verdict
} from '$lib/catalogue/types';

/** An ISO 8601 date-time string, e.g. "2026-11-03T10:15:00.000Z". */
export type Timestamp = string;

export type InspectionStatus = 'draft' | 'finished';

/** Where the inspection happens. The kinds match the bundle contexts. */
export interface Place {
	kind: InspectionContext;
	/** Shop name, site name, or a label for a home. */
	name: string;
	address?: string;
}

/** How the product was identified at the start (see `product/identification.ts`). */
export interface ProductIdentification {
	method: 'camera' | 'photo' | 'keyboard-scanner' | 'typed' | 'label' | 'skipped';
	/** The decoded or typed text, exactly (GS separators kept). Absent when skipped. */
	text?: string;
	/** The decoder's barcode format, Barcode Detection API naming (e.g. "ean_13"). */
	format?: string;
	/** Why the inspector went on without a code; only when skipped. */
	skipReason?: string;
}

/** What identifies the product under inspection. */
export interface ProductIdentity {
	/** GTIN-14 (indexed: earlier inspections of the same product are found by it). */
	gtin?: string;
	brand?: string;
	/** The model designation as read on the label (indexed, like the GTIN). */
	model?: string;
	hardwareVersion?: string;
	batch?: string;
	serial?: string;
	identification?: ProductIdentification;
	/** The fields whose value was read from the label by OCR and confirmed by the inspector. */
	readFromLabel?: ProductLabelField[];
}

export type ScopeAnswers = Partial<Record<ScopeQuestionId, ScopeAnswer>>;

/**
 * The follow-up choice recorded with a scope answer, by question: `{ pstiExcepted:
 * 'medical-devices' }` names the PSTI exception the inspector chose. Kept only while the answer
 * it follows stands; the roll-up names it in the reason it records.
 */
export type ScopeDetail = Partial<Record<ScopeQuestionId, string>>;

/** The inspector's answer to one check. */
export interface CheckAnswer {
	verdict: Verdict;
	/** As typed; required (non-blank) for every verdict except PASS before finishing. */
	reason: string;
	answeredAt: Timestamp;
	/** Set when the inspector confirmed the answer the label reading proposed, unchanged. */
	proposedBy?: 'label';
}

export interface Inspection {
	id: string;
	createdAt: Timestamp;
	updatedAt: Timestamp;
	status: InspectionStatus;
	bundleId: BundleId;
	/** The catalogue version the checks were taken from, recorded in the signed report. */
	catalogueVersion: string;
	/** Copied from the bundle so the record reads on its own. */
	context: InspectionContext;
	place: Place;
	inspector: string;
	product?: ProductIdentity;
	scope: ScopeAnswers;
	/** Follow-up choices to scope answers (absent when none was asked). */
	scopeDetail?: ScopeDetail;
	/**
	 * Keyed by check id. Answers to checks that a scope answer has switched off are kept, so
	 * switching the scope back restores them; they do not count while out of scope.
	 */
	answers: Record<string, CheckAnswer>;
	finishedAt?: Timestamp;
	/** The id of the signed report this draft amends; its report will name it as superseded. */
	supersedes?: string;
	/**
	 * Label readings (Read label): the photo read, and of each printed credential only its
	 * analysis and keyed hashes. Feeds the printed-credential checks as indications.
	 */
	labelReadings?: LabelReading[];
	/**
	 * The visit (one place, one inspector, one day, one bundle) this inspection belongs to. Every
	 * inspection has one from database version 6; a single product is a visit of one.
	 */
	visitId?: string;
}
