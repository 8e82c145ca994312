import { describe, expect, it } from 'vitest';
import { chunks, MAX_BOUND_VALUES, rowChunks } from './chunks';

describe('chunks', () => {
	it('cuts a list into runs of at most the size, in order', () => {
		expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunks([], 2)).toEqual([]);
		expect(() => chunks([1], 0)).toThrow(RangeError);
	});

	it('cuts rows so that no insert binds more than MAX_BOUND_VALUES values', () => {
		const rows = Array.from({ length: 9_000 }, (_, position) => ({ a: 1, b: 2, c: 3, position }));
		const parts = rowChunks(rows);
		expect(parts.flat()).toEqual(rows);
		for (const part of parts) expect(part.length * 4).toBeLessThanOrEqual(MAX_BOUND_VALUES);
		expect(parts).toHaveLength(Math.ceil(9_000 / Math.floor(MAX_BOUND_VALUES / 4)));
	});
});
