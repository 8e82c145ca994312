import { describe, expect, it } from 'vitest';
import { fitWithin, fitsCanvas, megapixels, uprightSize } from './sizing';

describe('uprightSize', () => {
	it.each([1, 2, 3, 4])('keeps width and height for orientation %i', (orientation) => {
		expect(uprightSize({ width: 4000, height: 3000 }, orientation)).toEqual({
			width: 4000,
			height: 3000
		});
	});
	it.each([5, 6, 7, 8])('swaps them for orientation %i (a quarter turn)', (orientation) => {
		expect(uprightSize({ width: 4000, height: 3000 }, orientation)).toEqual({
			width: 3000,
			height: 4000
		});
	});
});

describe('fitWithin', () => {
	it('brings a 12 MP portrait to a 2048 px long edge, keeping the aspect', () => {
		expect(fitWithin({ width: 3000, height: 4000 }, 2048)).toEqual({ width: 1536, height: 2048 });
	});
	it('brings 48 MP down the same way', () => {
		expect(fitWithin({ width: 8000, height: 6000 }, 2048)).toEqual({ width: 2048, height: 1536 });
	});
	it('never enlarges', () => {
		expect(fitWithin({ width: 750, height: 1000 }, 2048)).toEqual({ width: 750, height: 1000 });
	});
	it('keeps a sliver at least one pixel wide', () => {
		expect(fitWithin({ width: 10_000, height: 2 }, 1000)).toEqual({ width: 1000, height: 1 });
	});
});

describe('canvas limits', () => {
	it('knows 48 MP is over the iOS canvas limit and the stored size is within it', () => {
		expect(megapixels({ width: 8000, height: 6000 })).toBe(48);
		expect(fitsCanvas({ width: 8000, height: 6000 })).toBe(false);
		expect(fitsCanvas({ width: 4096, height: 4096 })).toBe(true);
		expect(fitsCanvas(fitWithin({ width: 8000, height: 6000 }, 2048))).toBe(true);
	});
});
