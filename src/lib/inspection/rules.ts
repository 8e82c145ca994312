/**
 * The rules of an inspection: scope, answers, progress, what is missing, finishing.
 *
 * Pure functions over plain data. Functions that change an inspection return a new record and
 * never touch the one they were given, so the caller can save the result and keep the old one
 * for undo or comparison. Functions that only read take the catalogue first; functions that
 * change take the inspection first.
 */

import type {
	Bundle,
	BundleId,
	Catalogue,
	Check,
	ScopeAnswer,
	ScopeQuestionId,
	Verdict
} from '$lib/catalogue/types';
import { InspectionError, InspectionIncompleteError } from './errors';
import { verdictLabels } from './labels';
import type {
	CheckAnswer,
	Inspection,
	Place,
	ProductIdentity,
	ScopeAnswers,
	ScopeDetail,
	Timestamp
} from './model';

// ---------------------------------------------------------------------------------------------
// Catalogue look-ups

export function findBundle(catalogue: Catalogue, bundleId: BundleId): Bundle {
	const bundle = catalogue.bundles.find((candidate) => candidate.id === bundleId);
	if (!bundle) {
		throw new InspectionError(
			'unknown-bundle',
			`The catalogue (version ${catalogue.version}) has no bundle "${bundleId}".`
		);
	}
	return bundle;
}

/**
 * The bundle's checks in walking order. A bundle naming a check the catalogue lacks is a broken
 * catalogue; failing loudly beats silently dropping a check from a report that will be signed.
 */
export function bundleChecks(catalogue: Catalogue, bundleId: BundleId): Check[] {
	const bundle = findBundle(catalogue, bundleId);
	const checksById = checkIndex(catalogue);
	return bundle.checks.map((checkId) => {
		const check = checksById.get(checkId);
		if (!check) {
			throw new InspectionError(
				'unknown-check',
				`Bundle "${bundleId}" lists check "${checkId}", which the catalogue (version ${catalogue.version}) does not have.`
			);
		}
		return check;
	});
}

// Home lists hundreds of inspections, each asking for its bundle's checks: index them once.
const checkIndexes = new WeakMap<Catalogue, Map<string, Check>>();
function checkIndex(catalogue: Catalogue): Map<string, Check> {
	let index = checkIndexes.get(catalogue);
	if (!index) {
		index = new Map(catalogue.checks.map((check) => [check.id, check]));
		checkIndexes.set(catalogue, index);
	}
	return index;
}

function findBundleCheck(catalogue: Catalogue, inspection: Inspection, checkId: string): Check {
	const check = bundleChecks(catalogue, inspection.bundleId).find(
		(candidate) => candidate.id === checkId
	);
	if (!check) {
		throw new InspectionError(
			'check-not-in-bundle',
			`Check "${checkId}" is not part of the "${inspection.bundleId}" bundle of this inspection.`
		);
	}
	return check;
}

// ---------------------------------------------------------------------------------------------
// Creating and changing an inspection

export interface NewInspection {
	id: string;
	now: Timestamp;
	catalogue: Catalogue;
	bundleId: BundleId;
	place: Place;
	inspector: string;
	product?: ProductIdentity;
}

export function createInspection({
	id,
	now,
	catalogue,
	bundleId,
	place,
	inspector,
	product
}: NewInspection): Inspection {
	const bundle = findBundle(catalogue, bundleId);
	const inspection: Inspection = {
		id,
		createdAt: now,
		updatedAt: now,
		status: 'draft',
		bundleId,
		catalogueVersion: catalogue.version,
		context: bundle.context,
		place: { ...place },
		inspector,
		scope: {},
		answers: {}
	};
	// Only set when given: the record must stay free of undefined values for storage and signing.
	if (product) {
		inspection.product = { ...product };
		if (product.identification) inspection.product.identification = { ...product.identification };
	}
	return inspection;
}

/** A signed report never changes; an amendment is a new inspection. */
function assertDraft(inspection: Inspection): void {
	if (inspection.status !== 'draft') {
		throw new InspectionError(
			'inspection-finished',
			'This inspection is finished and can no longer be changed. Start an amendment instead.'
		);
	}
}

const scopeAnswers: readonly ScopeAnswer[] = ['yes', 'no', 'unsure'];

/**
 * Records a scope answer. Which checks apply is derived on read, and answers to checks that go
 * out of scope are kept so that switching back restores them. A follow-up choice recorded for
 * the question (the PSTI exception) goes with the answer it followed: a new answer drops it, so
 * a report never names an exception the inspector no longer claims.
 */
export function setScopeAnswer(
	inspection: Inspection,
	questionId: ScopeQuestionId,
	answer: ScopeAnswer,
	now: Timestamp
): Inspection {
	assertDraft(inspection);
	if (!scopeAnswers.includes(answer)) {
		throw new InspectionError(
			'invalid-scope-answer',
			`"${String(answer)}" is not a scope answer; use yes, no or unsure.`
		);
	}
	const changed: Inspection = {
		...inspection,
		scope: { ...inspection.scope, [questionId]: answer },
		updatedAt: now
	};
	if (inspection.scope[questionId] !== answer && inspection.scopeDetail?.[questionId]) {
		const detail: ScopeDetail = { ...inspection.scopeDetail };
		delete detail[questionId];
		if (Object.keys(detail).length > 0) changed.scopeDetail = detail;
		else delete changed.scopeDetail;
	}
	return changed;
}

/**
 * Records the follow-up choice to a scope answer, such as which PSTI exception applies. Only
 * asked after the answer that opens it, and only one of the catalogue's options.
 */
export function setScopeDetail(
	inspection: Inspection,
	catalogue: Catalogue,
	questionId: ScopeQuestionId,
	optionId: string,
	now: Timestamp
): Inspection {
	assertDraft(inspection);
	const detail = catalogue.scopeQuestions.find((q) => q.id === questionId)?.detail;
	if (!detail) {
		throw new InspectionError(
			'invalid-scope-answer',
			`The scope question "${questionId}" has no follow-up choice.`
		);
	}
	if (inspection.scope[questionId] !== detail.after) {
		throw new InspectionError(
			'invalid-scope-answer',
			`Answer "${detail.after === 'yes' ? 'Yes' : 'No'}" first: "${detail.text}" follows that answer.`
		);
	}
	if (!detail.options.some((option) => option.id === optionId)) {
		throw new InspectionError(
			'invalid-scope-answer',
			`"${optionId}" is not one of the choices for "${detail.text}".`
		);
	}
	return {
		...inspection,
		scopeDetail: { ...inspection.scopeDetail, [questionId]: optionId },
		updatedAt: now
	};
}

/**
 * Records or changes the answer to a check. The reason may still be blank here (answers are
 * saved as they are given, often verdict first and reason after); `completeness` reports it.
 */
export function answerCheck(
	inspection: Inspection,
	catalogue: Catalogue,
	checkId: string,
	verdict: Verdict,
	reason: string,
	now: Timestamp,
	/** Only for a proposal confirmed as proposed; any later change answers without it. */
	proposedBy?: 'label'
): Inspection {
	assertDraft(inspection);
	const check = findBundleCheck(catalogue, inspection, checkId);
	if (!check.verdicts.includes(verdict)) {
		const allowed = check.verdicts.map((allowedVerdict) => verdictLabels[allowedVerdict]);
		throw new InspectionError(
			'verdict-not-allowed',
			`Check ${check.id} cannot be answered "${verdictLabels[verdict] ?? String(verdict)}"; choose one of: ${allowed.join(', ')}.`
		);
	}
	// The UI only offers checks in scope; an answer to a switched-off check would be invisible.
	if (!isCheckApplicable(check, inspection.scope)) {
		throw new InspectionError(
			'check-out-of-scope',
			`Check ${check.id} does not apply with the current scope answers, so it cannot be answered.`
		);
	}
	const answer: CheckAnswer = {
		verdict,
		reason,
		answeredAt: now,
		...(proposedBy && { proposedBy })
	};
	return { ...inspection, answers: { ...inspection.answers, [checkId]: answer }, updatedAt: now };
}

/** Removes the answer to a check, so it counts as unanswered again. */
export function clearAnswer(inspection: Inspection, checkId: string, now: Timestamp): Inspection {
	assertDraft(inspection);
	const answers = { ...inspection.answers };
	delete answers[checkId];
	return { ...inspection, answers, updatedAt: now };
}

// ---------------------------------------------------------------------------------------------
// Scope

/**
 * A check applies unless a definite scope answer contradicts one of its conditions. `unsure` and
 * unanswered questions keep it on: better one check too many than a gap in the report.
 */
export function isCheckApplicable(check: Check, scope: ScopeAnswers): boolean {
	const conditions = Object.entries(check.appliesWhen) as [ScopeQuestionId, 'yes' | 'no'][];
	return conditions.every(([questionId, wanted]) => {
		const given = scope[questionId];
		return given === undefined || given === 'unsure' || given === wanted;
	});
}

/** The bundle's checks, in bundle order, that apply with the inspection's scope answers. */
export function applicableChecks(catalogue: Catalogue, inspection: Inspection): Check[] {
	return bundleChecks(catalogue, inspection.bundleId).filter((check) =>
		isCheckApplicable(check, inspection.scope)
	);
}

// ---------------------------------------------------------------------------------------------
// Reasons

/**
 * Every verdict except PASS needs a written reason: a Fail, Refer or Inconclusive is useless to a
 * lab, a supplier or a regulator without what was seen, and a Not applicable must say why, as
 * EN 303 645 4-1 asks of manufacturers for provisions they do not apply.
 */
export function reasonRequired(verdict: Verdict): boolean {
	return verdict !== 'PASS';
}

/** A reason of only spaces or line breaks says nothing, so it counts as missing. */
export function isReasonMissing(answer: CheckAnswer): boolean {
	return reasonRequired(answer.verdict) && answer.reason.trim() === '';
}

// ---------------------------------------------------------------------------------------------
// Progress and navigation

export interface Progress {
	/** Applicable checks with a verdict (a missing reason still counts as answered here). */
	answered: number;
	applicable: number;
	remaining: number;
	/** The first applicable check without a verdict, in bundle order. */
	nextUnanswered?: string;
}

export function progress(catalogue: Catalogue, inspection: Inspection): Progress {
	const checks = applicableChecks(catalogue, inspection);
	const answered = checks.filter((check) => inspection.answers[check.id] !== undefined).length;
	const result: Progress = {
		answered,
		applicable: checks.length,
		remaining: checks.length - answered
	};
	const next = checks.find((check) => inspection.answers[check.id] === undefined);
	if (next) result.nextUnanswered = next.id;
	return result;
}

/**
 * The next applicable check without a verdict after `afterCheckId`, wrapping round to the start,
 * so "Next" after the last check leads back to one that was skipped. Without `afterCheckId` it is
 * the first unanswered check. Undefined when everything is answered.
 */
export function nextUnanswered(
	catalogue: Catalogue,
	inspection: Inspection,
	afterCheckId?: string
): string | undefined {
	const checks = applicableChecks(catalogue, inspection);
	const start = afterCheckId ? checks.findIndex((check) => check.id === afterCheckId) + 1 : 0;
	const inWalkingOrder = [...checks.slice(start), ...checks.slice(0, start)];
	// The current check comes last: if it is the only one left unanswered, it is the answer.
	return inWalkingOrder.find((check) => inspection.answers[check.id] === undefined)?.id;
}

export interface CheckPosition {
	/** Zero-based index among the applicable checks. */
	index: number;
	/** One-based, as shown. */
	number: number;
	total: number;
	/** "7 of 23" */
	label: string;
	previousCheckId?: string;
	nextCheckId?: string;
}

/** Where a check sits among the applicable checks; undefined when it is not one of them. */
export function checkPosition(
	catalogue: Catalogue,
	inspection: Inspection,
	checkId: string
): CheckPosition | undefined {
	const checks = applicableChecks(catalogue, inspection);
	const index = checks.findIndex((check) => check.id === checkId);
	if (index === -1) return undefined;
	const position: CheckPosition = {
		index,
		number: index + 1,
		total: checks.length,
		label: `${index + 1} of ${checks.length}`
	};
	const previous = checks[index - 1];
	const next = checks[index + 1];
	if (previous) position.previousCheckId = previous.id;
	if (next) position.nextCheckId = next.id;
	return position;
}

// ---------------------------------------------------------------------------------------------
// Completeness and finishing

export type MissingKind = 'answer' | 'reason' | 'photo' | 'scope';

export interface MissingItem {
	/** The check concerned; for a missing scope choice, the scope question's id. */
	checkId: string;
	kind: MissingKind;
	/** One line for the Review screen, naming the check. */
	message: string;
}

export interface Completeness {
	complete: boolean;
	/** In bundle order; a check can appear twice (reason and photo). */
	missing: MissingItem[];
}

/** Photos taken per check id; a check not listed has none. */
export type PhotoCounts = Record<string, number>;

function photosRequired(check: Check): number {
	if (check.evidence.photo !== 'required') return 0;
	// "Required" with a minimum of 0 would be a contradiction in the data; read it as one photo.
	return Math.max(1, check.evidence.minPhotos);
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function completeness(
	catalogue: Catalogue,
	inspection: Inspection,
	photoCounts: PhotoCounts = {}
): Completeness {
	const missing: MissingItem[] = [];
	// A scope answer that switches legal checks off must say why: the follow-up choice (which
	// PSTI exception) is the reason the report records.
	for (const question of catalogue.scopeQuestions) {
		const detail = question.detail;
		if (!detail || inspection.scope[question.id] !== detail.after) continue;
		if (inspection.scopeDetail?.[question.id]) continue;
		missing.push({
			checkId: question.id,
			kind: 'scope',
			message: `Scope: answer “${detail.text}” for “${question.text}”.`
		});
	}
	for (const check of applicableChecks(catalogue, inspection)) {
		const name = `${check.id} ${check.title}`;
		const answer = inspection.answers[check.id];
		if (!answer) {
			// Only the verdict is asked for: whether a photo is needed depends on it (NA needs none).
			missing.push({ checkId: check.id, kind: 'answer', message: `${name}: no verdict yet.` });
			continue;
		}
		if (isReasonMissing(answer)) {
			missing.push({
				checkId: check.id,
				kind: 'reason',
				message: `${name}: write the reason for "${verdictLabels[answer.verdict]}".`
			});
		}
		// A check found not applicable has nothing to photograph.
		if (answer.verdict === 'NA') continue;
		const required = photosRequired(check);
		const taken = photoCounts[check.id] ?? 0;
		if (taken < required) {
			missing.push({
				checkId: check.id,
				kind: 'photo',
				message: `${name}: ${plural(required, 'photo')} required, ${taken} taken.`
			});
		}
	}
	return { complete: missing.length === 0, missing };
}

/** Marks the inspection finished, ready to sign; refuses while anything required is missing. */
export function finishInspection(
	inspection: Inspection,
	catalogue: Catalogue,
	now: Timestamp,
	photoCounts: PhotoCounts = {}
): Inspection {
	assertDraft(inspection);
	const { missing } = completeness(catalogue, inspection, photoCounts);
	if (missing.length > 0) throw new InspectionIncompleteError(missing);
	return { ...inspection, status: 'finished', finishedAt: now, updatedAt: now };
}
