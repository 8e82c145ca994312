import { describe, expect, it } from 'vitest';
import { CONTENT, fitWithin, PageFlow, PAGE, photoRows } from './pdf-layout';

describe('fitWithin', () => {
	it('keeps the proportions and touches the box on one side', () => {
		expect(fitWithin({ width: 1500, height: 2000 }, { width: 240, height: 230 })).toEqual({
			width: 172.5,
			height: 230
		});
		expect(fitWithin({ width: 2000, height: 1000 }, { width: 240, height: 230 })).toEqual({
			width: 240,
			height: 120
		});
	});

	it('fills the box for a size it cannot read', () => {
		expect(fitWithin({ width: 0, height: 0 }, { width: 10, height: 20 })).toEqual({
			width: 10,
			height: 20
		});
	});
});

describe('photoRows', () => {
	it('puts two photos to a row across the content width, a row as tall as its tallest', () => {
		const rows = photoRows(
			[
				{ width: 2000, height: 1500 },
				{ width: 1500, height: 2000 },
				{ width: 1000, height: 1000 }
			],
			{ left: 50, width: 500, gap: 20, maxHeight: 200 }
		);
		expect(rows.map((row) => row.photos.length)).toEqual([2, 1]);
		expect(rows[0]!.cellWidth).toBe(240);
		expect(rows[0]!.photos.map((p) => p.x)).toEqual([50, 310]);
		expect(rows[0]!.photos[0]!.size).toEqual({ width: 240, height: 180 });
		expect(rows[0]!.photos[1]!.size).toEqual({ width: 150, height: 200 });
		expect(rows[0]!.height).toBe(200);
		expect(rows[1]!.height).toBe(200);
	});
});

describe('PageFlow', () => {
	function flow() {
		let pages = 1;
		const pageFlow = new PageFlow({ top: 100, bottom: 300 }, () => pages++);
		return { pageFlow, pages: () => pages };
	}

	it('places blocks down the page and breaks before one that would cross the bottom', () => {
		const { pageFlow, pages } = flow();
		expect(pageFlow.reserve(150)).toBe(100);
		pageFlow.advance(150);
		expect(pageFlow.remaining).toBe(50);
		expect(pageFlow.reserve(50)).toBe(250);
		expect(pageFlow.reserve(51)).toBe(100);
		expect([pages(), pageFlow.page]).toEqual([2, 2]);
	});

	it('puts a block taller than a page at the top of a page rather than looping', () => {
		const { pageFlow, pages } = flow();
		expect(pageFlow.reserve(1000)).toBe(100);
		expect(pages()).toBe(1);
	});

	it('drops a gap at the top of a page', () => {
		const { pageFlow } = flow();
		pageFlow.gap(20);
		expect(pageFlow.y).toBe(100);
		pageFlow.advance(10);
		pageFlow.gap(20);
		expect(pageFlow.y).toBe(130);
	});
});

describe('page geometry', () => {
	it('is A4 with the content inside the margins', () => {
		expect(PAGE).toEqual({ width: 595.28, height: 841.89 });
		expect(CONTENT.left).toBeGreaterThan(0);
		expect(CONTENT.right).toBeLessThan(PAGE.width);
		expect(CONTENT.bottom).toBeLessThan(PAGE.height);
	});
});
