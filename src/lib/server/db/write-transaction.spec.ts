import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from './index';
import { TEST_ENGINES, type TestStore } from './test-engines';

describe.each(TEST_ENGINES)('writeTransaction on $kind', (engine) => {
	let store: TestStore | undefined;
	afterEach(async () => {
		await store?.close();
		store = undefined;
	});

	it.runIf(engine.available)('commits every statement, visible to the database', async () => {
		store = await engine.open();
		const { db } = store;
		await writeTransaction(db, [
			db.insertInto('server_info').values({ key: 'a', value: '1' }),
			db.insertInto('server_info').values([
				{ key: 'b', value: '2' },
				{ key: 'c', value: '3' }
			])
		]);
		const rows = await db
			.selectFrom('server_info')
			.select(['key', 'value'])
			.where('key', 'in', ['a', 'b', 'c'])
			.orderBy('key')
			.execute();
		expect(rows).toEqual([
			{ key: 'a', value: '1' },
			{ key: 'b', value: '2' },
			{ key: 'c', value: '3' }
		]);
	});

	it.runIf(engine.available)(
		'rolls the whole transaction back when a statement fails',
		async () => {
			store = await engine.open();
			const { db } = store;
			await db.insertInto('server_info').values({ key: 'taken', value: 'x' }).execute();
			await expect(
				writeTransaction(db, [
					db.insertInto('server_info').values({ key: 'first', value: '1' }),
					db.insertInto('server_info').values({ key: 'taken', value: 'y' })
				])
			).rejects.toThrow();
			const first = await db
				.selectFrom('server_info')
				.select('value')
				.where('key', '=', 'first')
				.executeTakeFirst();
			expect(first).toBeUndefined();
			// And the connection is usable afterwards, beside the database's own transactions.
			await Promise.all([
				writeTransaction(db, [db.insertInto('server_info').values({ key: 'after', value: '1' })]),
				db
					.transaction()
					.execute((trx) =>
						trx.insertInto('server_info').values({ key: 'main', value: '1' }).execute()
					)
			]);
			const keys = await db
				.selectFrom('server_info')
				.select('key')
				.where('key', 'in', ['after', 'main'])
				.execute();
			expect(keys.map((k) => k.key).sort()).toEqual(['after', 'main']);
		}
	);
});
