/**
 * The product register: every product in the reports a user may see, how often and where it was
 * inspected, and its latest indications. The reviewer's Products page and `GET /api/v1/products`
 * (which devices take offline) read it.
 */
import { PROVISION_OUTCOMES, type ProvisionOutcome } from '$lib/contract/enums';
import { registerKey } from '$lib/contract/protocol';
import { pstiProvisionIds } from '$lib/inspection/rollup';
import { productTitle } from '$lib/report/pdf-content';
import type { SessionUser } from '../auth/sessions';
import type { Db } from '../db';
import { placeOf, storedDocument, visibleReports } from '../reports/query';
import { rollups, type PstiId } from './list';

export interface ProductInspection {
	reportId: string;
	finishedAt: string;
	place: string;
	inspector: string;
	bundleId: string;
}

export interface ProductEntry {
	key: string;
	title: string;
	gtin: string | null;
	brand: string | null;
	model: string | null;
	/** Newest first. */
	inspections: ProductInspection[];
	/** Each place it was inspected at, once, most recent first. */
	places: string[];
	latest: {
		reportId: string;
		finishedAt: string;
		psti: { id: PstiId; outcome: ProvisionOutcome }[];
		/** Per framework, the number of provisions per outcome (not assessed left out). */
		frameworks: { framework: string; counts: { outcome: ProvisionOutcome; count: number }[] }[];
	};
}

/** A product is its GTIN; without one, its brand and model; without those, not identified. */
export function productKey(p: { gtin: string | null; brand: string | null; model: string | null }) {
	return registerKey(p) ?? 'unidentified';
}

/** The register's counts leave "not assessed" out: it says what was checked. */
const assessedOutcomes = PROVISION_OUTCOMES.filter((outcome) => outcome !== 'NOT_ASSESSED');

/** Every product in the reports this user sees, most recently inspected first. */
export async function productRegister(db: Db, user: SessionUser): Promise<ProductEntry[]> {
	const rows = await visibleReports(db, user)
		.select([
			'reports.id',
			'reports.gtin',
			'reports.brand',
			'reports.model',
			'reports.finished_at',
			'users.name as inspector',
			'reports.bundle_id',
			'reports.jws'
		])
		.orderBy('reports.finished_at', 'desc')
		.orderBy('reports.id', 'desc')
		.execute();
	const products = new Map<string, Omit<ProductEntry, 'latest'>>();
	for (const row of rows) {
		const key = productKey(row);
		const place = placeOf(storedDocument(row.jws));
		let entry = products.get(key);
		if (!entry) {
			entry = {
				key,
				title: key === 'unidentified' ? 'Products not identified' : productTitle(row),
				gtin: row.gtin,
				brand: row.brand,
				model: row.model,
				inspections: [],
				places: []
			};
			products.set(key, entry);
		}
		// Rows come newest first, so the first name seen for a GTIN is the latest one.
		entry.brand ??= row.brand;
		entry.model ??= row.model;
		entry.inspections.push({
			reportId: row.id,
			finishedAt: row.finished_at,
			place,
			inspector: row.inspector,
			bundleId: row.bundle_id
		});
		if (place && !entry.places.includes(place)) entry.places.push(place);
	}
	const latestIds = [...products.values()].map((p) => p.inspections[0]!.reportId);
	const rolled = await rollups(db, latestIds);
	return [...products.values()].map((entry) => {
		const latest = entry.inspections[0]!;
		const sections = rolled.get(latest.reportId) ?? [];
		const pstiSection = sections.find((s) => s.framework === 'PSTI');
		return {
			...entry,
			latest: {
				reportId: latest.reportId,
				finishedAt: latest.finishedAt,
				psti: pstiProvisionIds.flatMap((id) => {
					const p = pstiSection?.provisions.find((x) => x.id === id);
					return p ? [{ id, outcome: p.outcome }] : [];
				}),
				frameworks: sections
					.filter((s) => s.framework !== 'PSTI')
					.map((s) => ({
						framework: s.framework,
						counts: assessedOutcomes.flatMap((outcome) => {
							const count = s.provisions.filter((p) => p.outcome === outcome).length;
							return count ? [{ outcome, count }] : [];
						})
					}))
			}
		};
	});
}
