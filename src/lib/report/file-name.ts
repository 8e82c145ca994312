import type { ReportDocument } from '$lib/contract/report-document';

/**
 * A short, safe file name stem for a report's files, the same on the device and on the server:
 * shelfcheck-<model or place>-<first 8 of the report id>.
 */
export function reportFileStem(document: Pick<ReportDocument, 'product' | 'place' | 'reportId'>) {
	const what = document.product.model || document.place.name;
	const slug = what
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	return `shelfcheck-${slug || 'report'}-${document.reportId.slice(0, 8)}`;
}
