/**
 * A visit: one place, one inspector, one day and one bundle, holding the product inspections made
 * there. Pure: no Dexie, Svelte or fetch. A single-product inspection is simply a visit of one.
 */

import type { BundleId, Catalogue, InspectionContext } from '$lib/catalogue/types';
import type { ProvisionOutcome } from '$lib/contract/enums';
import { applicableChecks } from '$lib/inspection/rules';
import { rollup } from '$lib/inspection/rollup';
import type {
	Inspection,
	Place,
	ScopeAnswers,
	ScopeDetail,
	Timestamp
} from '$lib/inspection/model';

export interface Visit {
	id: string;
	createdAt: Timestamp;
	updatedAt: Timestamp;
	/** The local day the visit started, YYYY-MM-DD. */
	date: string;
	context: InspectionContext;
	bundleId: BundleId;
	place: Place;
	inspector: string;
}

/** The local calendar day of an ISO time stamp, as YYYY-MM-DD (a visit is a day's work). */
export function visitDate(iso: Timestamp): string {
	const at = new Date(iso);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The visit an inspection starts when it is not made in an existing one. */
export function visitFor(inspection: Inspection, id: string): Visit {
	return {
		id,
		createdAt: inspection.createdAt,
		updatedAt: inspection.updatedAt,
		date: visitDate(inspection.createdAt),
		context: inspection.context,
		bundleId: inspection.bundleId,
		place: { ...inspection.place },
		inspector: inspection.inspector
	};
}

/** What the next product of a visit takes from the visit: place, inspector and bundle. */
export function carriedOver(visit: Visit): Pick<Inspection, 'bundleId' | 'place' | 'inspector'> {
	return { bundleId: visit.bundleId, place: { ...visit.place }, inspector: visit.inspector };
}

/** The scope answers offered to the next product: those of the product inspected before it. */
export interface OfferedScope {
	scope: ScopeAnswers;
	scopeDetail?: ScopeDetail;
	/** The product they come from, to say so ("as for SC-CAM-200"). */
	from: string;
}

/**
 * The scope of the most recently started other product of the same visit with every answer
 * given, or null (the first product, or none answered yet). Only answered questions are offered.
 */
export function offeredScope(
	current: Inspection,
	visitInspections: readonly Inspection[]
): OfferedScope | null {
	const earlier = visitInspections
		.filter(
			(other) =>
				other.id !== current.id &&
				other.visitId === current.visitId &&
				other.createdAt <= current.createdAt &&
				Object.values(other.scope).some((answer) => answer !== undefined)
		)
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0];
	if (!earlier) return null;
	const scope = Object.fromEntries(
		Object.entries(earlier.scope).filter(([, answer]) => answer !== undefined)
	) as ScopeAnswers;
	return {
		scope,
		...(earlier.scopeDetail && Object.keys(earlier.scopeDetail).length > 0
			? { scopeDetail: { ...earlier.scopeDetail } }
			: {}),
		from: earlier.product?.model ?? earlier.product?.gtin ?? 'the last product'
	};
}

/** Applies offered scope answers to an inspection (Same as last product), keeping nothing stale. */
export function withOfferedScope(
	inspection: Inspection,
	offered: OfferedScope,
	now: Timestamp
): Inspection {
	const next: Inspection = { ...inspection, scope: { ...offered.scope }, updatedAt: now };
	if (offered.scopeDetail) next.scopeDetail = { ...offered.scopeDetail };
	else delete next.scopeDetail;
	return next;
}

/** One line of Home: a visit and how far it has got. */
export interface VisitSummary {
	visit: Visit;
	products: number;
	signed: number;
	/** Signed reports not yet received by the team server. */
	unsynced: number;
}

/**
 * Summarises visits from their inspections, most recently touched first. `unsyncedIds` are the
 * inspections whose signed report is still on its way. Visits with no inspection left (every draft
 * deleted) are not listed.
 */
export function summariseVisits(
	visits: readonly Visit[],
	inspections: readonly Inspection[],
	unsyncedIds: Iterable<string>
): VisitSummary[] {
	const unsynced = new Set(unsyncedIds);
	const byVisit = new Map<string, Inspection[]>();
	for (const inspection of inspections) {
		if (!inspection.visitId) continue;
		const list = byVisit.get(inspection.visitId) ?? [];
		list.push(inspection);
		byVisit.set(inspection.visitId, list);
	}
	return visits
		.flatMap((visit) => {
			const members = byVisit.get(visit.id) ?? [];
			if (members.length === 0) return [];
			const latest = members.reduce(
				(at, inspection) => (inspection.updatedAt > at ? inspection.updatedAt : at),
				visit.updatedAt
			);
			return [
				{
					visit: { ...visit, updatedAt: latest },
					products: members.length,
					signed: members.filter((inspection) => inspection.status === 'finished').length,
					unsynced: members.filter(
						(inspection) => inspection.status === 'finished' && unsynced.has(inspection.id)
					).length
				}
			];
		})
		.sort((a, b) => b.visit.updatedAt.localeCompare(a.visit.updatedAt));
}

/** The products of a visit in the order they were started. */
export function productsOfVisit(visitId: string, inspections: readonly Inspection[]): Inspection[] {
	return inspections
		.filter((inspection) => inspection.visitId === visitId)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The PSTI provisions a visit's table shows, in order: the three requirements and the statement. */
export const PSTI_COLUMNS = ['PSTI-1', 'PSTI-2', 'PSTI-3', 'PSTI-SOC'] as const;

/** One product of a visit as its table shows it. */
export interface ProductRow {
	inspectionId: string;
	gtin?: string;
	brand?: string;
	model?: string;
	status: Inspection['status'];
	/** The PSTI indication of each column's provision. */
	psti: Record<(typeof PSTI_COLUMNS)[number], ProvisionOutcome>;
	/** Applicable checks answered Fail, and answered Refer. */
	fails: number;
	referrals: number;
}

export function productRow(catalogue: Catalogue, inspection: Inspection): ProductRow {
	const psti = rollup(catalogue, inspection).find((framework) => framework.framework === 'PSTI');
	const outcome = (id: string): ProvisionOutcome =>
		psti?.provisions.find((provision) => provision.id === id)?.outcome ?? 'NOT_ASSESSED';
	const verdicts = applicableChecks(catalogue, inspection).map(
		(check) => inspection.answers[check.id]?.verdict
	);
	const product = inspection.product;
	return {
		inspectionId: inspection.id,
		...(product?.gtin ? { gtin: product.gtin } : {}),
		...(product?.brand ? { brand: product.brand } : {}),
		...(product?.model ? { model: product.model } : {}),
		status: inspection.status,
		psti: {
			'PSTI-1': outcome('PSTI-1'),
			'PSTI-2': outcome('PSTI-2'),
			'PSTI-3': outcome('PSTI-3'),
			'PSTI-SOC': outcome('PSTI-SOC')
		},
		fails: verdicts.filter((verdict) => verdict === 'FAIL').length,
		referrals: verdicts.filter((verdict) => verdict === 'REFER').length
	};
}
