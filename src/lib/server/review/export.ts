/**
 * What the exports say about each report: one CSV row per report, and the JSON document (the
 * summaries with their roll-ups). Pure; the rows come from `review/reports.ts`.
 *
 * A spreadsheet is read without the report around it, so the CSV says its PSTI outcomes in the
 * roll-up's own words ("Indication: fails", "No issue seen") and every row carries the notice;
 * the JSON keeps the codes, for programs.
 */
import { NOTICE, outcomeWords } from '$lib/inspection/indications';
import { pstiProvisionIds } from '$lib/inspection/rollup';
import { toCsv, type CsvValue } from './csv';
import type { FilterValues } from './filters';
import type { ReviewSummary, RollupRow } from './reports';

export const CSV_HEADER = [
	'report_id',
	'received_at',
	'finished_at',
	'gtin',
	'brand',
	'model',
	'inspector',
	'place',
	'bundle',
	'pass',
	'fail',
	'not_applicable',
	'inconclusive',
	'refer',
	...pstiProvisionIds.map((id) => `psti_${id.slice('PSTI-'.length).toLowerCase()}`),
	'report_hash',
	'device_kid',
	'device_label',
	'notice'
] as const;

export function csvRecord(report: ReviewSummary): CsvValue[] {
	return [
		report.reportId,
		report.receivedAt,
		report.finishedAt,
		report.gtin,
		report.brand,
		report.model,
		report.inspector,
		report.place,
		report.bundleId,
		report.counts.PASS,
		report.counts.FAIL,
		report.counts.NA,
		report.counts.INCONCLUSIVE,
		report.counts.REFER,
		...pstiProvisionIds.map((id) => {
			const outcome = report.psti[id];
			return outcome ? outcomeWords[outcome] : '';
		}),
		report.reportHash,
		report.deviceKid,
		report.deviceLabel,
		NOTICE
	];
}

export function reportsCsv(reports: readonly ReviewSummary[]): string {
	return toCsv(CSV_HEADER, reports.map(csvRecord));
}

export interface ReportsJson {
	notice: string;
	exportedAt: string;
	organisation: string;
	/** The list's search, as typed; empty fields left out. */
	filters: Partial<FilterValues>;
	count: number;
	reports: (ReviewSummary & { rollup: RollupRow[] })[];
}

export function reportsJson(
	reports: readonly ReviewSummary[],
	rollups: ReadonlyMap<string, RollupRow[]>,
	context: { organisation: string; filters: FilterValues; now: Date }
): ReportsJson {
	return {
		notice: NOTICE,
		exportedAt: context.now.toISOString(),
		organisation: context.organisation,
		filters: Object.fromEntries(Object.entries(context.filters).filter(([, value]) => value)),
		count: reports.length,
		reports: reports.map((report) => ({
			...report,
			rollup: rollups.get(report.reportId) ?? []
		}))
	};
}

/** `shelfcheck-reports-2026-11-22.csv`. */
export function exportFileName(extension: 'csv' | 'json', now: Date): string {
	return `shelfcheck-reports-${now.toISOString().slice(0, 10)}.${extension}`;
}
