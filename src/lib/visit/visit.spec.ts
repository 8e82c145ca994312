import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import { answerCheck, applicableChecks, createInspection, setScopeAnswer } from '$lib/inspection';
import type { Inspection } from '$lib/inspection/model';
import {
	carriedOver,
	offeredScope,
	productRow,
	productsOfVisit,
	summariseVisits,
	visitFor,
	withOfferedScope
} from './visit';

const VISIT = '99999999-9999-4999-8999-999999999999';

function product(id: string, createdAt: string, model: string, visitId = VISIT): Inspection {
	return {
		...createInspection({
			id,
			now: createdAt,
			catalogue,
			bundleId: 'shop-visit',
			place: { kind: 'shop', name: 'Corner Electrics' },
			inspector: 'Zoë Ångström',
			product: { model }
		}),
		visitId
	};
}

describe('a visit', () => {
	it('is started by its first product: place, inspector, bundle and day', () => {
		const first = product('a', '2026-11-22T09:00:00.000Z', 'A-1');
		const visit = visitFor(first, VISIT);
		expect(visit).toMatchObject({
			id: VISIT,
			bundleId: 'shop-visit',
			context: 'shop',
			place: { kind: 'shop', name: 'Corner Electrics' },
			inspector: 'Zoë Ångström'
		});
		expect(visit.date).toMatch(/^2026-11-2[23]$/);
		// The next product carries place, inspector and bundle over, as copies.
		const carried = carriedOver(visit);
		expect(carried).toEqual({
			bundleId: 'shop-visit',
			place: visit.place,
			inspector: visit.inspector
		});
		carried.place.name = 'Elsewhere';
		expect(visit.place.name).toBe('Corner Electrics');
	});

	it('offers the next product the scope answers of the product started before it', () => {
		let first = product('a', '2026-11-22T09:00:00.000Z', 'A-1');
		first = setScopeAnswer(first, 'networkConnected', 'yes', '2026-11-22T09:01:00.000Z');
		first = setScopeAnswer(first, 'forChildren', 'no', '2026-11-22T09:01:00.000Z');
		let second = product('b', '2026-11-22T09:20:00.000Z', 'B-2');
		second = setScopeAnswer(second, 'networkConnected', 'no', '2026-11-22T09:21:00.000Z');
		const third = product('c', '2026-11-22T09:40:00.000Z', 'C-3');
		const elsewhere = setScopeAnswer(
			product('d', '2026-11-22T09:50:00.000Z', 'D-4', 'another-visit'),
			'networkConnected',
			'unsure',
			'2026-11-22T09:51:00.000Z'
		);

		expect(offeredScope(first, [first, second, third])).toBeNull();
		expect(offeredScope(second, [first, second, third])).toMatchObject({
			from: 'A-1',
			scope: { networkConnected: 'yes', forChildren: 'no' }
		});
		// The most recent earlier product of the same visit, not another visit's.
		const offer = offeredScope(third, [elsewhere, third, first, second]);
		expect(offer).toEqual({ from: 'B-2', scope: { networkConnected: 'no' } });

		const confirmed = withOfferedScope(third, offer!, '2026-11-22T09:41:00.000Z');
		expect(confirmed.scope).toEqual({ networkConnected: 'no' });
		expect(confirmed.updatedAt).toBe('2026-11-22T09:41:00.000Z');
		expect(applicableChecks(catalogue, confirmed).length).toBe(
			applicableChecks(catalogue, second).length
		);
		// The offer is a copy: changing the new product's scope leaves the last one's alone.
		confirmed.scope.networkConnected = 'yes';
		expect(second.scope.networkConnected).toBe('no');
	});

	it('summarises each visit: products, signed, and signed but not yet synced', () => {
		const a = product('a', '2026-11-22T09:00:00.000Z', 'A-1');
		const b = { ...product('b', '2026-11-22T09:20:00.000Z', 'B-2'), status: 'finished' as const };
		const c = { ...product('c', '2026-11-22T09:40:00.000Z', 'C-3'), status: 'finished' as const };
		const other = product('x', '2026-11-23T09:00:00.000Z', 'X-1', 'other');
		const visit = visitFor(a, VISIT);
		const otherVisit = visitFor(other, 'other');
		const empty = visitFor(a, 'empty');
		const summaries = summariseVisits([visit, otherVisit, empty], [a, b, c, other], new Set(['c']));
		expect(summaries.map((s) => [s.visit.id, s.products, s.signed, s.unsynced])).toEqual([
			['other', 1, 0, 0],
			[VISIT, 3, 2, 1]
		]);
		expect(productsOfVisit(VISIT, [c, other, a, b]).map((i) => i.id)).toEqual(['a', 'b', 'c']);
	});

	it('gives each product its PSTI indications and its counts of fails and referrals', () => {
		let inspection = product('a', '2026-11-22T09:00:00.000Z', 'A-1');
		inspection.product = { ...inspection.product, gtin: '05012345678900', brand: 'Acme' };
		const checks = applicableChecks(catalogue, inspection);
		const at = '2026-11-22T09:05:00.000Z';
		inspection = answerCheck(inspection, catalogue, checks[0]!.id, 'FAIL', 'x', at);
		inspection = answerCheck(inspection, catalogue, checks[1]!.id, 'REFER', 'y', at);
		inspection = answerCheck(inspection, catalogue, checks[2]!.id, 'FAIL', 'z', at);
		const row = productRow(catalogue, inspection);
		expect(row).toMatchObject({
			gtin: '05012345678900',
			brand: 'Acme',
			model: 'A-1',
			fails: 2,
			referrals: 1
		});
		expect(Object.keys(row.psti)).toEqual(['PSTI-1', 'PSTI-2', 'PSTI-3', 'PSTI-SOC']);
		expect(Object.values(row.psti)).toContain('FAIL');
	});
});
