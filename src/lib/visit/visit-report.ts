/**
 * What the visit report's cover says: the visit, the notice, how many products are still
 * unsigned, a table of the signed products and every report's hash and key fingerprint. Pure: the
 * PDF (`report/visit-pdf.ts`) draws it, the tests read it.
 *
 * Only signed products are in the visit report: each is its own signed report, so a draft has
 * nothing that can be proved yet. The cover says how many were left out so nobody takes the
 * table for the whole visit.
 */
import type { ProvisionOutcome } from '$lib/contract/enums';
import { NOTICE } from '$lib/inspection/indications';
import { PSTI_COLUMNS, type ProductRow, type Visit } from './visit';

/** A signed product of the visit: its table row and the report that proves it. */
export interface SignedProduct {
	row: ProductRow;
	reportId: string;
	/** SHA-256 of the compact JWS, lower-case hex. */
	reportHash: string;
	/** The signing device key's fingerprint, as Settings shows it. */
	fingerprint: string;
}

export interface VisitCover {
	title: string;
	notice: string;
	/** Label and value: place, date, inspector, products. */
	facts: Array<{ label: string; value: string }>;
	/** "2 products are still unsigned and are not in this report.", or null when none. */
	unsigned: string | null;
	columns: string[];
	/** One row per signed product, cells in the order of `columns`. */
	rows: string[][];
	/** Every report's id, hash and fingerprint, in the order of the table. */
	signatures: Array<{ label: string; reportId: string; reportHash: string; fingerprint: string }>;
}

/** Short enough for a table cell, still an indication and never "compliant". */
export const SHORT_OUTCOME: Record<ProvisionOutcome, string> = {
	FAIL: 'Fails',
	REFER: 'Refer',
	INCONCLUSIVE: 'Inconclusive',
	INCOMPLETE: 'Unanswered',
	PASS: 'Meets',
	PARTLY: 'Partly',
	NO_ISSUE: 'No issue',
	NA: 'N/A',
	NOT_ASSESSED: 'Not assessed'
};

export const VISIT_COLUMNS = [
	'GTIN',
	'Brand',
	'Model',
	'PSTI 1',
	'PSTI 2',
	'PSTI 3',
	'SoC',
	'Fails',
	'Referrals'
];

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A product's name on the cover: brand and model, or its GTIN, or its place in the visit. */
export function productLabel(row: ProductRow, index: number): string {
	return [row.brand, row.model].filter(Boolean).join(' ') || row.gtin || `Product ${index + 1}`;
}

/**
 * The cover of a visit's report. `products` is every product of the visit (signed or not, to
 * count the unsigned); `signed` the signed ones with their reports, in the order to print them.
 * `dateWords` formats the visit's YYYY-MM-DD day.
 */
export function visitCover(
	visit: Visit,
	products: readonly ProductRow[],
	signed: readonly SignedProduct[],
	dateWords: (date: string) => string = (date) => date
): VisitCover {
	const unsignedCount = products.filter((row) => row.status !== 'finished').length;
	return {
		title: `Visit at ${visit.place.name}`,
		notice: NOTICE,
		facts: [
			{
				label: 'Place',
				value: [visit.place.name, visit.place.address].filter(Boolean).join(', ')
			},
			{ label: 'Date', value: dateWords(visit.date) },
			{ label: 'Inspector', value: visit.inspector },
			{
				label: 'Products',
				value: `${plural(products.length, 'product')}, ${signed.length} signed and in this report`
			}
		],
		unsigned:
			unsignedCount === 0
				? null
				: `${plural(unsignedCount, 'product')} ${unsignedCount === 1 ? 'is' : 'are'} still unsigned and ${unsignedCount === 1 ? 'is' : 'are'} not in this report.`,
		columns: VISIT_COLUMNS,
		rows: signed.map(({ row }) => [
			row.gtin ?? '—',
			row.brand ?? '—',
			row.model ?? '—',
			...PSTI_COLUMNS.map((id) => SHORT_OUTCOME[row.psti[id]]),
			String(row.fails),
			String(row.referrals)
		]),
		signatures: signed.map((product, index) => ({
			label: productLabel(product.row, index),
			reportId: product.reportId,
			reportHash: product.reportHash,
			fingerprint: product.fingerprint
		}))
	};
}

/** A short, safe file name stem for a visit's files: shelfcheck-visit-<place>-<YYYY-MM-DD>. */
export function visitFileStem(visit: Pick<Visit, 'place' | 'date'>): string {
	const slug = visit.place.name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	return `shelfcheck-visit-${slug || 'place'}-${visit.date}`;
}
