/**
 * The report's page geometry and type, and the small pieces of layout arithmetic that do not need
 * a PDF: fitting a photo into a box, placing photos in rows, flowing blocks down pages. All in
 * PDF points (1/72 inch) on A4 portrait.
 */
import type { IndicationSymbol } from './pdf-content';

export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Margins leave room for the running header and footer and for binding or hole punching. */
export const MARGIN = { top: 64, bottom: 60, left: 50, right: 50 } as const;

export const CONTENT = {
	left: MARGIN.left,
	right: PAGE.width - MARGIN.right,
	width: PAGE.width - MARGIN.left - MARGIN.right,
	top: MARGIN.top,
	bottom: PAGE.height - MARGIN.bottom
} as const;

/** Baselines of the running header and footer. */
export const HEADER_BASELINE = 36;
export const FOOTER_BASELINE = PAGE.height - 30;

/** Font sizes in points: a scale of about 1.25 from a 10 pt body (UX.md). */
export const TYPE = {
	title: 22,
	heading: 15,
	subheading: 12,
	body: 10,
	small: 8.5,
	tiny: 7.5
} as const;

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.4;

/** The height of `lines` lines of text at `size`. */
export function textHeight(lines: number, size: number): number {
	return lines * size * LINE_HEIGHT;
}

/**
 * Where to put the baseline of a line whose box starts at `top`: DejaVu's capitals are about
 * 0.73 em high, so this centres them in the line box.
 */
export function baselineIn(top: number, size: number): number {
	return top + size * (LINE_HEIGHT / 2 + 0.36);
}

export type Rgb = readonly [number, number, number];

export const COLOURS = {
	/** Body text: near black, well over 7:1 on white. */
	text: [26, 26, 26],
	/** Secondary text (labels, captions): 7.6:1 on white. */
	muted: [80, 80, 80],
	/** Headings and the accent: a deep blue, 10:1 on white. */
	accent: [16, 56, 130],
	rule: [200, 200, 200],
	panel: [242, 244, 248],
	placeholder: [230, 230, 230]
} as const satisfies Record<string, Rgb>;

/**
 * A colour for each shape, dark enough to read as text on white (4.5:1 at least) and on a
 * greyscale print; the shape and the words carry the meaning whatever the colour.
 */
export const SYMBOL_COLOURS: Record<IndicationSymbol, Rgb> = {
	tick: [22, 110, 48],
	cross: [178, 34, 34],
	dash: [90, 90, 90],
	question: [138, 82, 0],
	arrow: [16, 80, 190],
	ring: [110, 110, 110],
	// Partly indicated: the green of a pass, with its own shape; No issue seen: neutral, not a pass.
	half: [22, 110, 48],
	lens: [70, 80, 95]
};

export interface Size {
	width: number;
	height: number;
}

/** The largest size with the photo's proportions that fits the box (never enlarged past it). */
export function fitWithin(photo: Size, box: Size): Size {
	if (photo.width <= 0 || photo.height <= 0) return { width: box.width, height: box.height };
	const scale = Math.min(box.width / photo.width, box.height / photo.height);
	return { width: photo.width * scale, height: photo.height * scale };
}

/** Photos in the checks section: two to a row, each at most this tall. */
export const PHOTO_COLUMNS = 2;
export const PHOTO_GAP = 16;
export const PHOTO_MAX_HEIGHT = 230;

export interface PlacedPhoto<T> {
	item: T;
	/** Left edge of the cell; the photo is centred in it. */
	x: number;
	size: Size;
}

/**
 * Splits photos into rows of `columns` cells across the content width and fits each photo in
 * its cell; a row is as tall as its tallest photo.
 */
export function photoRows<T extends Size>(
	photos: readonly T[],
	options: { left: number; width: number; columns?: number; gap?: number; maxHeight?: number }
): { photos: PlacedPhoto<T>[]; height: number; cellWidth: number }[] {
	const columns = options.columns ?? PHOTO_COLUMNS;
	const gap = options.gap ?? PHOTO_GAP;
	const maxHeight = options.maxHeight ?? PHOTO_MAX_HEIGHT;
	const cellWidth = (options.width - gap * (columns - 1)) / columns;
	const rows = [];
	for (let start = 0; start < photos.length; start += columns) {
		const placed = photos.slice(start, start + columns).map((item, column) => ({
			item,
			x: options.left + column * (cellWidth + gap),
			size: fitWithin(item, { width: cellWidth, height: maxHeight })
		}));
		rows.push({
			photos: placed,
			height: Math.max(...placed.map((photo) => photo.size.height)),
			cellWidth
		});
	}
	return rows;
}

/**
 * Flows blocks down the pages: `reserve(height)` starts a new page when the block would cross
 * the bottom margin (unless the page is still empty, so a block taller than a page cannot loop)
 * and returns the top at which to draw it. The drawing code measures a block first and asks
 * for its room, so a heading is never left alone at the foot of a page.
 */
export class PageFlow {
	#y: number;
	#page = 1;
	readonly #top: number;
	readonly #bottom: number;
	readonly #newPage: () => void;

	/** `page` is the number of the page the flow starts on (a visit PDF holds several reports). */
	constructor(area: { top: number; bottom: number }, newPage: () => void, page = 1) {
		this.#page = page;
		this.#top = area.top;
		this.#bottom = area.bottom;
		this.#y = area.top;
		this.#newPage = newPage;
	}

	get y(): number {
		return this.#y;
	}

	get page(): number {
		return this.#page;
	}

	/** Room left on this page. */
	get remaining(): number {
		return this.#bottom - this.#y;
	}

	get atTop(): boolean {
		return this.#y <= this.#top;
	}

	/** The top at which a block of `height` fits, after a page break if needed. */
	reserve(height: number): number {
		if (this.#y + height > this.#bottom && !this.atTop) this.breakPage();
		return this.#y;
	}

	/** Moves down past a block just drawn. */
	advance(height: number): void {
		this.#y += height;
	}

	/** A gap between blocks; dropped at the top of a page, where it would only push content down. */
	gap(height: number): void {
		if (!this.atTop) this.#y = Math.min(this.#y + height, this.#bottom);
	}

	breakPage(): void {
		this.#newPage();
		this.#page += 1;
		this.#y = this.#top;
	}
}
