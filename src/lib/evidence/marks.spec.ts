import { describe, expect, it } from 'vitest';
import { derivationOf, describeMarks, makeMark, markRect } from './marks';

describe('makeMark', () => {
	it('clamps a drag that leaves the photo to its edges', () => {
		expect(makeMark('box', { x: -0.2, y: 0.5 }, { x: 0.4, y: 1.3 })).toEqual({
			kind: 'box',
			from: { x: 0, y: 0.5 },
			to: { x: 0.4, y: 1 }
		});
	});
	it('ignores a tap that moved less than 1% of the photo', () => {
		expect(makeMark('arrow', { x: 0.5, y: 0.5 }, { x: 0.505, y: 0.503 })).toBeNull();
	});
	it('keeps the direction of an arrow', () => {
		const arrow = makeMark('arrow', { x: 0.9, y: 0.9 }, { x: 0.1, y: 0.2 });
		expect(arrow?.from).toEqual({ x: 0.9, y: 0.9 });
		expect(arrow?.to).toEqual({ x: 0.1, y: 0.2 });
	});
});

describe('markRect', () => {
	const size = { width: 1536, height: 2048 };
	it('maps fractions to pixels whichever way the drag went', () => {
		const box = makeMark('box', { x: 0.75, y: 0.5 }, { x: 0.25, y: 0.25 })!;
		expect(markRect(box, size)).toEqual({ x: 384, y: 512, width: 768, height: 512 });
	});
	it('rounds a redaction outwards so no edge pixel of the secret survives', () => {
		const redaction = makeMark('redact', { x: 0.1001, y: 0.2001 }, { x: 0.3001, y: 0.2501 })!;
		const rect = markRect(redaction, size);
		expect(rect).toEqual({ x: 153, y: 409, width: 308, height: 104 });
		// Every pixel the fractions touch is inside the rectangle.
		expect(rect.x).toBeLessThanOrEqual(0.1001 * size.width);
		expect(rect.x + rect.width).toBeGreaterThanOrEqual(0.3001 * size.width);
		expect(rect.y + rect.height).toBeGreaterThanOrEqual(0.2501 * size.height);
	});
	it('never reaches past the photo', () => {
		const edge = makeMark('redact', { x: 0.5, y: 0.5 }, { x: 1, y: 1 })!;
		expect(markRect(edge, { width: 101, height: 99 })).toEqual({
			x: 50,
			y: 49,
			width: 51,
			height: 50
		});
	});
});

describe('derivation and description', () => {
	const arrow = makeMark('arrow', { x: 0, y: 0 }, { x: 0.5, y: 0.5 })!;
	const box = makeMark('box', { x: 0, y: 0 }, { x: 0.5, y: 0.5 })!;
	const redact = makeMark('redact', { x: 0.1, y: 0.1 }, { x: 0.2, y: 0.2 })!;
	it('calls a photo with any redaction a redaction', () => {
		expect(derivationOf([arrow, box])).toBe('annotation');
		expect(derivationOf([arrow, redact])).toBe('redaction');
	});
	it('counts marks in words', () => {
		expect(describeMarks([arrow, arrow, box])).toBe('2 arrows, 1 box');
		expect(describeMarks([redact])).toBe('1 redacted region');
		expect(describeMarks([])).toBe('');
	});
});
