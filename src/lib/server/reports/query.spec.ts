import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocument, sign } from '$lib/contract/report-fixture';
import type { DeviceKey } from '$lib/signing';
import { TEST_ENGINES, type TestStore } from '../db/test-engines';
import { productRegister } from '../review/products';
import { getReport, searchReports } from './query';
import { receiveReport } from './receive';
import { enrolledKey, seedTeam, type Team } from './test-team';

const bytes = (text: string) => new TextEncoder().encode(text);

for (const engine of TEST_ENGINES) {
	describe.skipIf(!engine.available)(`searchReports on ${engine.kind}`, () => {
		let store: TestStore;
		let team: Team;
		let key: DeviceKey;
		const ids: Record<string, string> = {};

		beforeAll(async () => {
			store = await engine.open();
			team = await seedTeam(store.db);
			key = await enrolledKey(store.db, team.ivy);
			// Models with LIKE's wildcards and its escape in them, and one that a wildcard would match.
			for (const model of ['50% off', 'A_B', 'AxB', '500 off', 'C\\D']) {
				const document = await reportDocument(key, [], {
					product: { brand: 'Acme', model },
					// The name a report claims is not who sent it.
					inspector: { name: 'Alice Claimed' }
				});
				ids[model] = document.reportId as string;
				await receiveReport(store.db, team.ivy, ids[model], bytes(await sign(document, key)));
			}
		});
		afterAll(async () => store?.close());

		const models = async (query: Parameters<typeof searchReports>[2]) =>
			(await searchReports(store.db, team.rex, query)).reports.map((r) => r.model).sort();

		it('takes % and _ in a search literally, on both engines', async () => {
			expect(await models({ model: '%' })).toEqual(['50% off']);
			expect(await models({ model: '0%' })).toEqual(['50% off']);
			expect(await models({ model: '_' })).toEqual(['A_B']);
			expect(await models({ model: 'a_b' })).toEqual(['A_B']);
			expect(await models({ model: '\\' })).toEqual(['C\\D']);
			expect(await models({ model: 'off' })).toEqual(['50% off', '500 off']);
		});

		it('names as inspector the account that sent the report, not the name it claims', async () => {
			const summary = await getReport(store.db, team.rex, ids['AxB']!);
			expect(summary.inspector).toBe('Ivy');
			expect(await models({ inspector: 'ivy' })).toHaveLength(5);
			expect(await models({ inspector: 'alice' })).toEqual([]);
			const [product] = (await productRegister(store.db, team.rex)).filter(
				(p) => p.model === 'AxB'
			);
			expect(product?.inspections.map((i) => i.inspector)).toEqual(['Ivy']);
		});
	});
}
