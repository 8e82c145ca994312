/**
 * The report PDF's drawing vocabulary: jsPDF with the DejaVu fonts registered, the page flow,
 * text in the report's styles, wrapped lines, and the verdict shapes. Nothing here knows what a
 * report says; `pdf.ts` draws the pages with it.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import { REPORT_FONT_FAMILY, type ReportFonts } from './fonts';
import type { Field, Indication, IndicationSymbol } from './pdf-content';
import {
	baselineIn,
	COLOURS,
	CONTENT,
	PageFlow,
	SYMBOL_COLOURS,
	textHeight,
	TYPE,
	type Rgb
} from './pdf-layout';

export type FontStyle = 'regular' | 'bold' | 'mono';

export function registerFonts(doc: JsPdf, fonts: ReportFonts): void {
	doc.addFileToVFS('DejaVuSans.ttf', binaryString(fonts.regular));
	doc.addFont('DejaVuSans.ttf', REPORT_FONT_FAMILY, 'normal');
	doc.addFileToVFS('DejaVuSans-Bold.ttf', binaryString(fonts.bold));
	doc.addFont('DejaVuSans-Bold.ttf', REPORT_FONT_FAMILY, 'bold');
}

/** jsPDF's virtual file system takes a "binary string" (one char per byte). */
function binaryString(bytes: Uint8Array): string {
	let result = '';
	for (let start = 0; start < bytes.length; start += 0x8000) {
		result += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
	}
	return result;
}

export interface TextStyle {
	size: number;
	style?: FontStyle;
	colour?: Rgb;
}

/** jsPDF plus the page flow: the drawing vocabulary of the report. */
export class ReportWriter {
	readonly doc: JsPdf;
	readonly flow: PageFlow;
	/** The page each embedded photo is on, for the appendix. */
	readonly photoPages = new Map<string, number>();

	constructor(doc: JsPdf) {
		this.doc = doc;
		// Starts on the document's current last page, so photo page numbers hold in a visit PDF.
		this.flow = new PageFlow(CONTENT, () => doc.addPage('a4', 'portrait'), doc.getNumberOfPages());
	}

	setText({ size, style = 'regular', colour = COLOURS.text }: TextStyle): void {
		if (style === 'mono') this.doc.setFont('courier', 'normal');
		else this.doc.setFont(REPORT_FONT_FAMILY, style === 'bold' ? 'bold' : 'normal');
		this.doc.setFontSize(size);
		this.doc.setTextColor(...colour);
	}

	/** Wraps text to a width in the given style; blank text is no lines. */
	wrap(text: string, width: number, style: TextStyle): string[] {
		if (!text.trim()) return [];
		this.setText(style);
		return text
			.split(/\r?\n/)
			.flatMap((paragraph) => this.doc.splitTextToSize(paragraph, width) as string[]);
	}

	width(text: string, style: TextStyle): number {
		this.setText(style);
		return this.doc.getTextWidth(text);
	}

	/** Draws lines with their tops from `top`, without touching the flow. */
	drawLines(lines: string[], x: number, top: number, style: TextStyle): number {
		this.setText(style);
		lines.forEach((line, index) => {
			this.doc.text(line, x, baselineIn(top + textHeight(index, style.size), style.size));
		});
		return textHeight(lines.length, style.size);
	}

	/** A paragraph in the flow; it may break between lines across pages. */
	paragraph(text: string, style: TextStyle, options: { after?: number } = {}): void {
		const lines = this.wrap(text, CONTENT.width, style);
		for (const line of lines) {
			const top = this.flow.reserve(textHeight(1, style.size));
			this.drawLines([line], CONTENT.left, top, style);
			this.flow.advance(textHeight(1, style.size));
		}
		if (lines.length) this.flow.gap(options.after ?? 0);
	}

	/** Starts a major section on a new page. */
	section(title: string, intro?: string): void {
		if (!this.flow.atTop) this.flow.breakPage();
		this.heading(title, TYPE.heading, 0);
		if (intro) this.paragraph(intro, { size: TYPE.small, colour: COLOURS.muted }, { after: 10 });
	}

	/** A heading kept on the same page as the `keepWith` points that follow it. */
	heading(text: string, size: number, keepWith = 60): void {
		const lines = this.wrap(text, CONTENT.width, { size, style: 'bold' });
		const height = textHeight(lines.length, size);
		this.flow.gap(size * 0.6);
		const top = this.flow.reserve(height + keepWith);
		this.drawLines(lines, CONTENT.left, top, { size, style: 'bold', colour: COLOURS.accent });
		this.flow.advance(height + size * 0.3);
	}

	/** Label and value rows; a row stays on one page. */
	fields(fields: Field[], options: { labelWidth?: number; mono?: string[] } = {}): void {
		const labelWidth = options.labelWidth ?? 110;
		const valueLeft = CONTENT.left + labelWidth;
		for (const field of fields) {
			const mono = options.mono?.includes(field.label);
			const valueStyle: TextStyle = mono
				? { size: TYPE.small, style: 'mono' }
				: { size: TYPE.body, style: 'regular' };
			const labelStyle: TextStyle = { size: TYPE.small, colour: COLOURS.muted };
			const label = this.wrap(field.label, labelWidth - 8, labelStyle);
			const value = this.wrap(field.value, CONTENT.right - valueLeft, valueStyle);
			const height = Math.max(
				textHeight(label.length, labelStyle.size),
				textHeight(value.length, valueStyle.size)
			);
			// Labels sit on the value's first baseline whatever the two sizes are.
			const top = this.flow.reserve(height);
			const shift = baselineIn(0, valueStyle.size) - baselineIn(0, labelStyle.size);
			this.drawLines(label, CONTENT.left, top + shift, labelStyle);
			this.drawLines(value, valueLeft, top, valueStyle);
			this.flow.advance(height + 2);
		}
	}

	/** Shape and words on one line; returns the width used. */
	indication(indication: Indication, x: number, top: number, size: number): number {
		const colour = SYMBOL_COLOURS[indication.symbol];
		// The shapes fill about half their 24-unit box, so the box is larger than the type.
		const box = size * 1.5;
		const lineTop = top + (textHeight(1, size) - box) / 2;
		drawSymbol(this.doc, indication.symbol, x, lineTop, box, colour);
		const style: TextStyle = { size, style: 'bold', colour };
		this.drawLines([indication.words], x + box + 3, top, style);
		return box + 3 + this.width(indication.words, style);
	}
}

/**
 * The verdict shapes of the app's VerdictIcon (a 24-unit box), drawn as strokes: a tick, a
 * cross, a dash, a question mark, an arrow, a ring. Vector rather than glyphs, so they print
 * crisply and stay out of the text a reader copies or searches ("Fail", not "✗ Fail").
 */
export function drawSymbol(
	doc: JsPdf,
	symbol: IndicationSymbol,
	x: number,
	top: number,
	size: number,
	colour: Rgb
): void {
	const unit = size / 24;
	const at = (u: number, v: number): [number, number] => [x + u * unit, top + v * unit];
	doc.setDrawColor(...colour);
	doc.setLineWidth(2.6 * unit);
	doc.setLineCap('round');
	doc.setLineJoin('round');
	const polyline = (...points: [number, number][]) => {
		for (let i = 1; i < points.length; i++) {
			const [from, to] = [at(...points[i - 1]!), at(...points[i]!)];
			doc.line(from[0], from[1], to[0], to[1]);
		}
	};
	switch (symbol) {
		case 'tick':
			polyline([5, 12.5], [9.5, 17], [19, 7.5]);
			break;
		case 'cross':
			polyline([6, 6], [18, 18]);
			polyline([18, 6], [6, 18]);
			break;
		case 'dash':
			polyline([6, 12], [18, 12]);
			break;
		case 'arrow':
			polyline([5, 12], [18, 12]);
			polyline([13, 7], [18, 12], [13, 17]);
			break;
		case 'ring': {
			const [cx, cy] = at(12, 12);
			doc.circle(cx, cy, 7 * unit, 'S');
			break;
		}
		case 'half': {
			// A ring with its right half filled: "Partly indicated".
			const [cx, cy] = at(12, 12);
			doc.circle(cx, cy, 7 * unit, 'S');
			const k = 0.5523 * 7;
			doc.setFillColor(...colour);
			doc.moveTo(...at(12, 5));
			doc.curveTo(...at(12 + k, 5), ...at(19, 12 - k), ...at(19, 12));
			doc.curveTo(...at(19, 12 + k), ...at(12 + k, 19), ...at(12, 19));
			doc.lineTo(...at(12, 5));
			doc.fill();
			break;
		}
		case 'lens': {
			// A magnifier: looked, and saw no issue.
			const [cx, cy] = at(10.5, 10.5);
			doc.circle(cx, cy, 5.5 * unit, 'S');
			polyline([14.5, 14.5], [19, 19]);
			break;
		}
		case 'question': {
			// The hook: 240° of a circle of radius 3 round (12, 9), from its left over the top.
			const arc = (degrees: number): [number, number] => {
				const a = (degrees * Math.PI) / 180;
				return [12 + 3 * Math.cos(a), 9 + 3 * Math.sin(a)];
			};
			const k = (4 / 3) * Math.tan(((80 / 4) * Math.PI) / 180) * 3;
			doc.moveTo(...at(...arc(180)));
			for (let from = 180; from < 420; from += 80) {
				const [a0, a1] = [(from * Math.PI) / 180, ((from + 80) * Math.PI) / 180];
				const [p0, p3] = [arc(from), arc(from + 80)];
				doc.curveTo(
					...at(p0[0] - k * Math.sin(a0), p0[1] + k * Math.cos(a0)),
					...at(p3[0] + k * Math.sin(a1), p3[1] - k * Math.cos(a1)),
					...at(...p3)
				);
			}
			// The stem, then the dot.
			doc.curveTo(...at(12.5, 12.2), ...at(12, 12.8), ...at(12, 14));
			doc.stroke();
			polyline([12, 18], [12, 18.5]);
			break;
		}
	}
	doc.setLineCap('butt');
	doc.setLineJoin('miter');
}

/** The text, shortened with an ellipsis to fit the width. */
export function fitText(pdf: ReportWriter, text: string, width: number, style: TextStyle): string {
	if (pdf.width(text, style) <= width) return text;
	let end = text.length;
	while (end > 1 && pdf.width(`${text.slice(0, end).trimEnd()}…`, style) > width) end--;
	return `${text.slice(0, end).trimEnd()}…`;
}
