import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '$lib/inspection/model';
import { ShelfcheckDatabase } from './database';
import { ProductRepository } from './products.repo';
import { VisitRepository } from './visits.repo';
import type { Visit } from '$lib/visit/visit';
import { freshNames, oldSchema } from './test-databases';

const inspection = (id: string, createdAt: string, extra: Partial<Inspection> = {}) =>
	({
		id,
		createdAt,
		updatedAt: createdAt,
		status: 'draft',
		bundleId: 'shop-visit',
		catalogueVersion: '1',
		context: 'shop',
		place: { kind: 'shop', name: 'Corner Electrics', address: '1 High St' },
		inspector: 'Zoë Ångström',
		scope: {},
		answers: {},
		...extra
	}) as Inspection;

describe('visits on the device', () => {
	const fresh = freshNames('visits');

	it('makes every inspection stored before visits existed a visit of one on upgrade', async () => {
		const name = fresh();
		// The schema as version 5 left it, with two inspections from different days.
		const old = oldSchema(name, 5);
		const a = inspection('11111111-1111-4111-8111-111111111111', '2026-11-20T10:00:00.000Z');
		const b = inspection('22222222-2222-4222-8222-222222222222', '2026-11-21T15:30:00.000Z', {
			status: 'finished',
			place: { kind: 'shop', name: 'Big Box' }
		});
		await old.table('inspections').bulkAdd([a, b]);
		old.close();

		const db = new ShelfcheckDatabase(name);
		const visits = new VisitRepository(db);
		const stored = await db.inspections.toArray();
		expect(stored.map((i) => i.visitId).sort()).toEqual([a.id, b.id]);
		// Nothing else about the inspections changed.
		expect(stored.find((i) => i.id === b.id)).toEqual({ ...b, visitId: b.id });
		const visitB = await visits.get(b.id);
		expect(visitB).toMatchObject({
			id: b.id,
			place: { kind: 'shop', name: 'Big Box' },
			inspector: 'Zoë Ångström',
			bundleId: 'shop-visit',
			context: 'shop',
			createdAt: b.createdAt
		});
		expect(visitB?.date).toMatch(/^2026-11-2[12]$/);
		expect((await visits.inspectionsOf(a.id)).map((i) => i.id)).toEqual([a.id]);
		expect((await visits.list()).map((v) => v.id)).toEqual([b.id, a.id]);
		db.close();
	});

	it('stores a new product in its visit in the same transaction, and lists the visit first', async () => {
		const db = new ShelfcheckDatabase(fresh());
		const products = new ProductRepository(db);
		const visits = new VisitRepository(db);
		const visit: Visit = {
			id: '33333333-3333-4333-8333-333333333333',
			createdAt: '2026-11-22T09:00:00.000Z',
			updatedAt: '2026-11-22T09:00:00.000Z',
			date: '2026-11-22',
			context: 'shop',
			bundleId: 'shop-visit',
			place: { kind: 'shop', name: 'Corner Electrics' },
			inspector: 'Zoë Ångström'
		};
		const first = inspection('44444444-4444-4444-8444-444444444444', '2026-11-22T09:00:00.000Z', {
			visitId: visit.id
		});
		const second = inspection('55555555-5555-4555-8555-555555555555', '2026-11-22T09:20:00.000Z', {
			visitId: visit.id
		});
		await products.createInspection(first, { model: 'A-1' }, visit);
		await products.createInspection(second, { model: 'B-2' }, visit);
		expect((await visits.inspectionsOf(visit.id)).map((i) => i.id)).toEqual([first.id, second.id]);
		expect((await visits.get(visit.id))?.updatedAt).toBe(second.updatedAt);
		// A failed insert (the same id again) leaves the visit as it was.
		const again = { ...second, updatedAt: '2026-11-22T10:00:00.000Z' };
		await expect(products.createInspection(again, { model: 'B-2' }, visit)).rejects.toMatchObject({
			name: 'ConstraintError'
		});
		expect((await visits.get(visit.id))?.updatedAt).toBe(second.updatedAt);
		db.close();
	});
});
