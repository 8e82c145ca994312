/**
 * The visit report PDF: the visit's cover (`visit/visit-report.ts` says what it says), then each
 * signed product's report drawn by the same code as its own PDF (`drawReport`), one after
 * another in one jsPDF document. Each report keeps its own running heads and footer, so every
 * page still names the report it belongs to; page numbers count the whole visit.
 */
import type { VisitCover } from '$lib/visit/visit-report';
import { loadReportFonts } from './fonts';
import { COLOURS, CONTENT, FOOTER_BASELINE, textHeight, TYPE } from './pdf-layout';
import {
	drawReport,
	drawRunningHeads,
	loadJsPdf,
	newReportDocument,
	prepareReport,
	type ReportPdfInput
} from './pdf';
import { ReportWriter, type TextStyle } from './pdf-writer';

export interface VisitPdfInput {
	cover: VisitCover;
	/** The signed products' reports, in the order of the cover's table. */
	reports: ReportPdfInput[];
	/** For the PDF's creation date, so the same visit gives the same bytes. */
	createdAt: string;
}

export async function renderVisitPdf(input: VisitPdfInput): Promise<Uint8Array> {
	const fonts = input.reports[0]?.fonts ?? (await loadReportFonts());
	const [jsPDF, prepared] = await Promise.all([
		loadJsPdf(),
		Promise.all(input.reports.map((report) => prepareReport({ ...report, fonts })))
	]);
	const doc = newReportDocument(jsPDF, fonts);
	doc.setDocumentProperties({
		title: `Shelfcheck visit report: ${input.cover.title}`,
		subject: input.cover.notice,
		keywords: `shelfcheck visit ${input.reports.map((report) => report.reportHash).join(' ')}`,
		creator: 'Shelfcheck'
	});
	doc.setCreationDate(new Date(input.createdAt));

	const writer = new ReportWriter(doc);
	drawVisitCover(writer, input.cover);
	const coverPages = doc.getNumberOfPages();
	const ranges = prepared.map((report) => {
		doc.addPage('a4', 'portrait');
		return { report, pages: drawReport(doc, report) };
	});
	for (const { report, pages } of ranges) drawRunningHeads(writer, report.content, pages);
	const total = doc.getNumberOfPages();
	const style: TextStyle = { size: TYPE.tiny, colour: COLOURS.muted };
	for (let page = 1; page <= coverPages; page++) {
		doc.setPage(page);
		writer.setText(style);
		doc.text(`Visit report · ${input.cover.title}`, CONTENT.left, FOOTER_BASELINE);
		writer.setText({ ...style, style: 'bold', colour: COLOURS.text });
		doc.text(`Page ${page} of ${total}`, CONTENT.right, FOOTER_BASELINE, { align: 'right' });
	}
	return new Uint8Array(doc.output('arraybuffer'));
}

function drawVisitCover(pdf: ReportWriter, cover: VisitCover): void {
	pdf.paragraph(
		'SHELFCHECK · VISIT REPORT',
		{ size: TYPE.small, style: 'bold', colour: COLOURS.accent },
		{ after: 6 }
	);
	pdf.paragraph(cover.title, { size: TYPE.title, style: 'bold' }, { after: 8 });
	pdf.paragraph(cover.notice, { size: TYPE.subheading, style: 'bold' }, { after: 8 });
	pdf.fields(cover.facts);
	if (cover.unsigned) {
		pdf.paragraph(cover.unsigned, { size: TYPE.body, style: 'bold', colour: COLOURS.accent });
	}

	pdf.heading('Products', TYPE.subheading, 40);
	pdf.paragraph(
		'PSTI indications (the three security requirements and the statement of compliance) and the number of checks answered Fail and Refer, from each product’s signed report.',
		{ size: TYPE.small, colour: COLOURS.muted },
		{ after: 4 }
	);
	productTable(pdf, cover);

	pdf.heading('Signed reports', TYPE.subheading, 60);
	pdf.paragraph(
		'Each product is its own signed report. The report hash is the SHA-256 of its signed file; the key fingerprint names the device that signed it.',
		{ size: TYPE.small, colour: COLOURS.muted },
		{ after: 4 }
	);
	for (const signature of cover.signatures) {
		pdf.fields(
			[
				{ label: 'Product', value: signature.label },
				{ label: 'Report id', value: signature.reportId },
				{ label: 'Report hash', value: signature.reportHash },
				{ label: 'Key fingerprint', value: signature.fingerprint }
			],
			{ mono: ['Report id', 'Report hash', 'Key fingerprint'] }
		);
		pdf.flow.gap(6);
	}
}

/** Column widths in points; GTIN, brand and model wrap, the indications are short words. */
const WIDTHS = [86, 58, 66, 48, 48, 48, 48, 36, 57];

function productTable(pdf: ReportWriter, cover: VisitCover): void {
	const head: TextStyle = { size: TYPE.small, style: 'bold' };
	const cell: TextStyle = { size: TYPE.small };
	const drawRow = (cells: string[], style: TextStyle) => {
		const wrapped = cells.map((text, index) => pdf.wrap(text, WIDTHS[index]! - 4, style));
		const height = Math.max(...wrapped.map((lines) => textHeight(lines.length, style.size)));
		const top = pdf.flow.reserve(height + 4);
		let x = CONTENT.left;
		wrapped.forEach((lines, index) => {
			pdf.drawLines(lines, x, top, style);
			x += WIDTHS[index]!;
		});
		pdf.doc.setDrawColor(...COLOURS.rule);
		pdf.doc.setLineWidth(0.5);
		pdf.doc.line(CONTENT.left, top + height + 2, CONTENT.right, top + height + 2);
		pdf.flow.advance(height + 4);
	};
	drawRow(cover.columns, head);
	for (const row of cover.rows) drawRow(row, cell);
	if (cover.rows.length === 0) {
		pdf.paragraph('No product of this visit is signed yet.', { size: TYPE.body });
	}
	pdf.flow.gap(8);
}
