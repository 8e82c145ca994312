import { describe, expect, it } from 'vitest';
import { dayAfter, filterSearch, readFilters } from './filters';

const read = (query: string) => readFilters(new URLSearchParams(query));

describe('readFilters', () => {
	it('is no filter at all for an empty form (every field submitted empty)', () => {
		const filters = read(
			'gtin=&brand=&model=&verdict=&provision=&outcome=&inspector=&from=&until='
		);
		expect(filters).toMatchObject({ query: {}, problem: null, active: false });
	});

	it('maps every field onto the API query', () => {
		const filters = read(
			'gtin=5012345678900&brand=Acme&model=CAM&verdict=FAIL&provision=5.1-1&outcome=FAIL&inspector=Ivy&from=2026-11-01&until=2026-11-30'
		);
		expect(filters.problem).toBeNull();
		expect(filters.active).toBe(true);
		expect(filters.query).toEqual({
			gtin: '5012345678900',
			brand: 'Acme',
			model: 'CAM',
			verdict: 'FAIL',
			provision: '5.1-1',
			outcome: 'FAIL',
			inspector: 'Ivy',
			from: '2026-11-01',
			// "until" includes its day; the API's `to` excludes it.
			to: '2026-12-01'
		});
	});

	it('trims what was typed and takes a GTIN typed with spaces', () => {
		const filters = read('gtin=+5012+3456+78900+&brand=++Acme++');
		expect(filters.query).toEqual({ gtin: '5012345678900', brand: 'Acme' });
		expect(filters.values.brand).toBe('Acme');
	});

	it('carries the cursor of "Next page"', () => {
		expect(read('brand=Acme&cursor=abc').query).toEqual({ brand: 'Acme', cursor: 'abc' });
	});

	it('says which field is wrong, in the form’s words', () => {
		expect(read('gtin=12ab').problem).toBe('GTIN: must be 8 to 14 digits.');
		expect(read('verdict=MAYBE').problem).toMatch(/^Any answer with verdict: /);
		expect(read('outcome=COMPLIANT').problem).toMatch(/^Provision outcome: /);
		expect(read('from=22/11/2026').problem).toBe('Finished from: must be a date (YYYY-MM-DD).');
		expect(read('until=2026-02-30').problem).toBe('Finished until: must be a date (YYYY-MM-DD).');
		expect(read('from=2026-12-01&until=2026-11-01').problem).toBe(
			'Finished from is after Finished until.'
		);
		expect(read('gtin=12ab').query).toBeNull();
		// What was typed stays in the form.
		expect(read('gtin=12ab').values.gtin).toBe('12ab');
	});

	it('keeps one day when from and until are the same day', () => {
		expect(read('from=2026-11-22&until=2026-11-22').query).toEqual({
			from: '2026-11-22',
			to: '2026-11-23'
		});
	});
});

describe('dayAfter', () => {
	it('crosses months, years and leap days', () => {
		expect(dayAfter('2026-11-30')).toBe('2026-12-01');
		expect(dayAfter('2026-12-31')).toBe('2027-01-01');
		expect(dayAfter('2028-02-28')).toBe('2028-02-29');
	});
});

describe('filterSearch', () => {
	it('writes only the fields set, plus extras, for links that keep the search', () => {
		const { values } = read('brand=Acme&model=&verdict=FAIL&until=2026-11-30');
		expect(filterSearch(values)).toBe('brand=Acme&verdict=FAIL&until=2026-11-30');
		expect(filterSearch(values, { cursor: 'xyz' })).toBe(
			'brand=Acme&verdict=FAIL&until=2026-11-30&cursor=xyz'
		);
		// Read back, the same filters.
		expect(read(filterSearch(values)).values).toEqual(values);
	});
});
