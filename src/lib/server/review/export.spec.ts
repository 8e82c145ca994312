import { describe, expect, it } from 'vitest';
import { CSV_HEADER, exportFileName, reportsCsv, reportsJson } from './export';
import { readFilters } from './filters';
import type { ReviewSummary } from './reports';

const report: ReviewSummary = {
	reportId: '3f1b2a9e-8c1d-4e55-9a0b-1c2d3e4f5a6b',
	reportHash: 'a'.repeat(64),
	receivedAt: '2026-11-22T11:00:00.000Z',
	finishedAt: '2026-11-22T10:00:00.000Z',
	gtin: '05012345678900',
	brand: 'Acme',
	model: '=cmd|"/c calc"!A1',
	inspector: 'Zoë, A.',
	bundleId: 'shop-visit',
	supersedes: null,
	deviceKid: 'k'.repeat(43),
	title: 'Acme',
	place: 'Corner Electrics, 1 High St',
	deviceLabel: '@phone',
	counts: { PASS: 11, FAIL: 2, NA: 1, INCONCLUSIVE: 0, REFER: 3 },
	psti: { 'PSTI-1': 'FAIL', 'PSTI-SOC': 'NOT_ASSESSED' }
};

it('says a screening outcome in its own words, never as a pass', () => {
	const [, row] = reportsCsv([
		{ ...report, psti: { 'PSTI-1': 'NO_ISSUE', 'PSTI-3': 'PARTLY' } }
	]).split('\r\n');
	expect(row).toContain(',No issue seen,,Partly indicated,,');
	expect(row).not.toMatch(/meets|NO_ISSUE|PARTLY/);
});

describe('reportsCsv', () => {
	it('has the columns the reviewer asked for, PSTI by requirement', () => {
		expect(CSV_HEADER.join(',')).toBe(
			'report_id,received_at,finished_at,gtin,brand,model,inspector,place,bundle,pass,fail,not_applicable,inconclusive,refer,psti_1,psti_2,psti_3,psti_soc,report_hash,device_kid,device_label,notice'
		);
	});

	it('writes one neutralised, quoted row per report', () => {
		const [header, row, end] = reportsCsv([report]).split('\r\n');
		expect(header).toBe(CSV_HEADER.join(','));
		expect(end).toBe('');
		expect(row).toBe(
			[
				report.reportId,
				report.receivedAt,
				report.finishedAt,
				'05012345678900',
				'Acme',
				`"'=cmd|""/c calc""!A1"`,
				'"Zoë, A."',
				'"Corner Electrics, 1 High St"',
				'shop-visit',
				'11,2,1,0,3',
				'Indication: fails,,,Not assessed in this inspection',
				'a'.repeat(64),
				'k'.repeat(43),
				"'@phone",
				'"Field indications, not a conformance assessment."'
			].join(',')
		);
	});
});

describe('reportsJson', () => {
	it('carries the summaries, each with its roll-up, the search and the notice', () => {
		const rollup = [
			{ framework: 'EN303645', provisions: [{ id: '5.1-1', outcome: 'FAIL' as const }] }
		];
		const json = reportsJson([report], new Map([[report.reportId, rollup]]), {
			organisation: 'Acme Trading Standards',
			filters: readFilters(new URLSearchParams('brand=Acme&model=')).values,
			now: new Date('2026-11-23T08:00:00.000Z')
		});
		expect(json).toMatchObject({
			notice: 'Field indications, not a conformance assessment.',
			exportedAt: '2026-11-23T08:00:00.000Z',
			filters: { brand: 'Acme' },
			count: 1,
			reports: [{ reportId: report.reportId, counts: report.counts, rollup }]
		});
		expect(Object.keys(json.filters)).toEqual(['brand']);
	});
});

it('names the files by the day exported', () => {
	expect(exportFileName('csv', new Date('2026-11-23T08:00:00.000Z'))).toBe(
		'shelfcheck-reports-2026-11-23.csv'
	);
});
