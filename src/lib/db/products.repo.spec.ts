import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Inspection } from '$lib/inspection/model';
import { ShelfcheckDatabase } from './database';
import { ProductRepository } from './products.repo';

function inspection(id: string, createdAt: string, product: Inspection['product']): Inspection {
	return {
		id,
		createdAt,
		updatedAt: createdAt,
		status: 'draft',
		bundleId: 'shop-visit',
		catalogueVersion: 'test',
		context: 'shop',
		place: { kind: 'shop', name: `Shop ${id}` },
		inspector: 'A. Officer',
		...(product ? { product } : {}),
		scope: {},
		answers: {}
	};
}

describe('ProductRepository', () => {
	const opened: ShelfcheckDatabase[] = [];
	const open = () => {
		const db = new ShelfcheckDatabase(`t-${Math.random()}`);
		opened.push(db);
		return { db, products: new ProductRepository(db) };
	};
	afterEach(async () => {
		for (const db of opened.splice(0)) {
			db.close();
			await db.delete();
		}
	});

	it('stores the draft and its product together, and finds the product again', async () => {
		const { db, products } = open();
		const product = { gtin: '05012345678900', model: 'SC-CAM-200', brand: 'Shelf' };
		await products.createInspection(
			inspection('a', '2026-01-01T00:00:00.000Z', {
				...product,
				identification: { method: 'typed', text: '5012345678900' }
			}),
			product
		);
		expect(await db.inspections.get('a')).toBeDefined();
		expect(await products.byGtin('05012345678900')).toMatchObject(product);
		expect((await products.byModel('sc-cam-200')).map((p) => p.id)).toEqual([
			'gtin:05012345678900'
		]);
	});

	it('stores neither when the draft cannot be written', async () => {
		const { db, products } = open();
		await products.createInspection(inspection('a', '2026-01-01T00:00:00.000Z', undefined), {
			model: 'First'
		});
		await expect(
			products.createInspection(inspection('a', '2026-01-02T00:00:00.000Z', undefined), {
				gtin: '05012345678900',
				model: 'SC-CAM-200'
			})
		).rejects.toMatchObject({ name: 'ConstraintError' });
		expect(await products.byGtin('05012345678900')).toBeUndefined();
		expect(await db.inspections.count()).toBe(1);
	});

	it('lists earlier inspections of a GTIN or a model designation, newest first', async () => {
		const { db, products } = open();
		await db.inspections.bulkAdd([
			inspection('old', '2026-01-01T00:00:00.000Z', {
				gtin: '05012345678900',
				model: 'SC-CAM-200'
			}),
			inspection('typed', '2026-02-01T00:00:00.000Z', { model: 'sc-cam-200' }),
			inspection('new', '2026-03-01T00:00:00.000Z', { gtin: '05012345678900', model: 'Other' }),
			inspection('else', '2026-04-01T00:00:00.000Z', { gtin: '04006381333931', model: 'X' }),
			inspection('none', '2026-05-01T00:00:00.000Z', undefined)
		]);
		const ids = async (query: { gtin?: string; model?: string }) =>
			(await products.inspectionsOf(query)).map((i) => i.id);
		expect(await ids({ gtin: '05012345678900' })).toEqual(['new', 'old']);
		expect(await ids({ model: 'SC-CAM-200' })).toEqual(['typed', 'old']);
		expect(await ids({ gtin: '05012345678900', model: 'SC-CAM-200' })).toEqual([
			'new',
			'typed',
			'old'
		]);
		expect(await ids({})).toEqual([]);
	});
});
