/**
 * Marks drawn on a photo: arrows, circles and boxes that point at something (a debug port, a
 * printed password), and redactions that black a region out. Coordinates are fractions of the
 * photo's width and height (0 to 1), so a mark means the same on any size of the same photo.
 */
export interface Point {
	x: number;
	y: number;
}

export type MarkKind = 'arrow' | 'circle' | 'box' | 'redact';

export interface Mark {
	kind: MarkKind;
	/** Where the drag started (for an arrow, its tail). */
	from: Point;
	/** Where it ended (for an arrow, its head). */
	to: Point;
}

export interface PixelRect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A drag shorter than this (a fraction of the photo) is a slip of the finger, not a mark. */
const MIN_EXTENT = 0.01;

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** A mark from two pointer positions, clamped to the photo; null when it is too small to mean anything. */
export function makeMark(kind: MarkKind, from: Point, to: Point): Mark | null {
	const a = { x: clamp(from.x), y: clamp(from.y) };
	const b = { x: clamp(to.x), y: clamp(to.y) };
	if (Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)) < MIN_EXTENT) return null;
	return { kind, from: a, to: b };
}

/**
 * The pixel rectangle a mark covers on an image of the given size. Redactions round outwards so
 * that no edge pixel of what was meant to be hidden survives the rounding.
 */
export function markRect(mark: Mark, size: { width: number; height: number }): PixelRect {
	const left = Math.min(mark.from.x, mark.to.x) * size.width;
	const top = Math.min(mark.from.y, mark.to.y) * size.height;
	const right = Math.max(mark.from.x, mark.to.x) * size.width;
	const bottom = Math.max(mark.from.y, mark.to.y) * size.height;
	const outward = mark.kind === 'redact';
	const x = outward ? Math.floor(left) : Math.round(left);
	const y = outward ? Math.floor(top) : Math.round(top);
	const r = Math.min(size.width, outward ? Math.ceil(right) : Math.round(right));
	const b = Math.min(size.height, outward ? Math.ceil(bottom) : Math.round(bottom));
	return { x, y, width: r - x, height: b - y };
}

/** What a derived photo is, from its marks: a redaction if anything was blacked out. */
export function derivationOf(marks: Mark[]): 'annotation' | 'redaction' {
	return marks.some((mark) => mark.kind === 'redact') ? 'redaction' : 'annotation';
}

const words: Record<MarkKind, [string, string]> = {
	arrow: ['arrow', 'arrows'],
	circle: ['circle', 'circles'],
	box: ['box', 'boxes'],
	redact: ['redacted region', 'redacted regions']
};

/** "2 arrows, 1 box": how the report and the photo screen describe a derived photo. */
export function describeMarks(marks: Mark[]): string {
	const counts = new Map<MarkKind, number>();
	for (const mark of marks) counts.set(mark.kind, (counts.get(mark.kind) ?? 0) + 1);
	return [...counts]
		.map(([kind, count]) => `${count} ${words[kind][count === 1 ? 0 : 1]}`)
		.join(', ');
}
