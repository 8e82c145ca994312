import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import { answerCheck, applicableChecks, createInspection } from '$lib/inspection';
import type { Inspection } from '$lib/inspection/model';
import { productRow, visitFor } from './visit';
import {
	SHORT_OUTCOME,
	VISIT_COLUMNS,
	visitCover,
	visitFileStem,
	type SignedProduct
} from './visit-report';

const VISIT = '99999999-9999-4999-8999-999999999999';
const AT = '2026-11-22T09:00:00.000Z';

function product(id: string, gtin: string, model: string, status: Inspection['status']) {
	let inspection: Inspection = {
		...createInspection({
			id,
			now: AT,
			catalogue,
			bundleId: 'shop-visit',
			place: { kind: 'shop', name: 'Corner Electrics', address: '1 High Street, Lewes' },
			inspector: 'Zoë Ångström',
			product: { gtin, brand: 'Acme', model }
		}),
		visitId: VISIT
	};
	const checks = applicableChecks(catalogue, inspection);
	inspection = answerCheck(inspection, catalogue, checks[0]!.id, 'FAIL', 'No label', AT);
	inspection = answerCheck(inspection, catalogue, checks[1]!.id, 'REFER', 'Ask maker', AT);
	return { ...inspection, status };
}

const signedOf = (inspection: Inspection, n: number): SignedProduct => ({
	row: productRow(catalogue, inspection),
	reportId: `report-${n}`,
	reportHash: String(n).repeat(64),
	fingerprint: `KEY${n}`
});

describe('the visit report cover', () => {
	const a = product('a', '05012345678900', 'SC-CAM-200', 'finished');
	const b = product('b', '04006381333931', 'SC-PLUG-1', 'finished');
	const draft = product('c', '09780201379624', 'SC-HUB', 'draft');
	const visit = visitFor(a, VISIT);
	const rows = [a, b, draft].map((inspection) => productRow(catalogue, inspection));

	it('names the place, the day, the inspector and the notice', () => {
		const cover = visitCover(visit, rows, [signedOf(a, 1), signedOf(b, 2)], (d) => `day ${d}`);
		expect(cover.title).toBe('Visit at Corner Electrics');
		expect(cover.notice).toBe('Field indications, not a conformance assessment.');
		expect(cover.facts).toEqual([
			{ label: 'Place', value: 'Corner Electrics, 1 High Street, Lewes' },
			{ label: 'Date', value: `day ${visit.date}` },
			{ label: 'Inspector', value: 'Zoë Ångström' },
			{ label: 'Products', value: '3 products, 2 signed and in this report' }
		]);
	});

	it('tables only the signed products, and says how many are still unsigned', () => {
		const cover = visitCover(visit, rows, [signedOf(a, 1), signedOf(b, 2)]);
		expect(cover.unsigned).toBe('1 product is still unsigned and is not in this report.');
		expect(cover.columns).toEqual(VISIT_COLUMNS);
		expect(cover.rows.map((row) => row[0])).toEqual(['05012345678900', '04006381333931']);
		const [first] = cover.rows;
		const row = rows[0]!;
		expect(first).toEqual([
			'05012345678900',
			'Acme',
			'SC-CAM-200',
			SHORT_OUTCOME[row.psti['PSTI-1']],
			SHORT_OUTCOME[row.psti['PSTI-2']],
			SHORT_OUTCOME[row.psti['PSTI-3']],
			SHORT_OUTCOME[row.psti['PSTI-SOC']],
			'1',
			'1'
		]);
		expect(visitCover(visit, rows.slice(0, 2), []).unsigned).toBeNull();
		expect(visitCover(visit, rows, []).unsigned).toBe(
			'1 product is still unsigned and is not in this report.'
		);
		const twoDrafts = [...rows, productRow(catalogue, product('d', '', 'X', 'draft'))];
		expect(visitCover(visit, twoDrafts, []).unsigned).toBe(
			'2 products are still unsigned and are not in this report.'
		);
	});

	it('names every report by id, hash and key fingerprint, in the order of the table', () => {
		const cover = visitCover(visit, rows, [signedOf(b, 2), signedOf(a, 1)]);
		expect(cover.signatures).toEqual([
			{
				label: 'Acme SC-PLUG-1',
				reportId: 'report-2',
				reportHash: '2'.repeat(64),
				fingerprint: 'KEY2'
			},
			{
				label: 'Acme SC-CAM-200',
				reportId: 'report-1',
				reportHash: '1'.repeat(64),
				fingerprint: 'KEY1'
			}
		]);
	});

	it('never words an indication as compliance', () => {
		for (const words of Object.values(SHORT_OUTCOME)) expect(words).not.toMatch(/complian/i);
	});

	it('names its files by place and day, safely', () => {
		expect(
			visitFileStem({ place: { kind: 'shop', name: 'Café Électrique / 2' }, date: '2026-11-22' })
		).toBe('shelfcheck-visit-caf-lectrique-2-2026-11-22');
	});
});
