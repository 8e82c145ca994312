import type { Catalogue } from '$lib/catalogue/types';
import { outcomeCounts } from './indications';
import type { Inspection } from './model';
import { rollup } from './rollup';
import { progress } from './rules';

/**
 * One line for a list of inspections (Home, a product's earlier inspections): how far a draft has
 * got, or what a finished one indicated on EN 303 645, its outcomes strongest first and in the
 * report's own words, so a list never says "meets" where the report says "No issue seen".
 */
export function summaryLine(catalogue: Catalogue, inspection: Inspection): string {
	if (inspection.status === 'draft') {
		const { answered, applicable } = progress(catalogue, inspection);
		return `${answered} of ${applicable} checks answered`;
	}
	const en = rollup(catalogue, inspection).find((f) => f.framework === 'EN303645');
	if (!en) return 'Finished';
	const shown = outcomeCounts(en.counts).filter((c) => c.outcome !== 'NOT_ASSESSED');
	if (shown.length === 0) return 'EN 303 645: nothing assessed';
	return `EN 303 645: ${shown.map((c) => `${c.words} ${c.count}`).join(' · ')}`;
}
