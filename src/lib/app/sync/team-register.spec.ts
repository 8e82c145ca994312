import { describe, expect, it } from 'vitest';
import { registerKey, type ProductRegister, type TeamProduct } from '$lib/contract/protocol';
import { teamHistory } from './team-register';

const product = (over: Partial<TeamProduct>): TeamProduct => ({
	key: registerKey(over) ?? 'unidentified',
	title: 'x',
	gtin: null,
	brand: null,
	model: null,
	inspections: 1,
	places: [],
	latest: { reportId: 'r', finishedAt: '2026-11-22T10:00:00Z', inspector: 'I', psti: [] },
	...over
});

const register: ProductRegister = {
	generatedAt: '2026-11-22T11:00:00Z',
	products: [
		product({ gtin: '05012345678900', brand: 'Acme', model: 'SC-CAM-200' }),
		product({ brand: 'Acme', model: 'SC-PLUG-10' })
	]
};

describe('registerKey', () => {
	it('is the GTIN, else brand and model in lower case, else nothing', () => {
		expect(registerKey({ gtin: '05012345678900', model: 'X' })).toBe('gtin:05012345678900');
		expect(registerKey({ brand: ' Acme ', model: 'SC-1' })).toBe('name:acme|sc-1');
		expect(registerKey({ brand: '', model: '' })).toBeNull();
	});
});

describe('teamHistory', () => {
	it('finds a product by GTIN, by brand and model, or by model alone', () => {
		expect(teamHistory(register, { gtin: '05012345678900' })?.model).toBe('SC-CAM-200');
		expect(teamHistory(register, { brand: 'ACME', model: 'sc-plug-10' })?.model).toBe('SC-PLUG-10');
		expect(teamHistory(register, { brand: '', model: 'SC-PLUG-10 ' })?.model).toBe('SC-PLUG-10');
	});

	it('says nothing of a product the team has not seen, or without a register', () => {
		expect(teamHistory(register, { gtin: '04006381333931' })).toBeNull();
		expect(teamHistory(register, { model: 'SC-CAM-2000' })).toBeNull();
		expect(teamHistory(undefined, { model: 'SC-CAM-200' })).toBeNull();
	});
});
