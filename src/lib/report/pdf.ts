/**
 * The report PDF: A4, made on the device offline or on the server, from the signed document.
 *
 *     const bytes = await renderReportPdf({ document, catalogue, photo, reportHash });
 *
 * Pages, in order:
 * 1. Cover: product identity, inspection context, place, inspector, dates, the notice that these
 *    are field indications and not a conformance assessment, the PSTI summary (three
 *    requirements and the statement of compliance), the verdict counts and the scope answers.
 * 2. Roll-up per framework: every provision a check gave evidence on, with its outcome in the
 *    roll-up's honest words ("Indication: fails") and a shape, and the ids of those not assessed.
 * 3. Checks: identification photos, then every answered check with its verdict (word and shape),
 *    reason, the provisions it answers and its photos with captions.
 * 4. Appendix: report id, report hash, key fingerprint, a QR code (see `qr.ts` for its payload)
 *    and every photo's SHA-256, including photos not shown.
 * Every page has "Page n of N" and the report id in its footer.
 *
 * `prepareReport` and `drawReport` are the same drawing split in two, so that the visit report
 * (`visit-pdf.ts`) draws several signed reports into one document with exactly this code.
 *
 * Photos are embedded as their JPEG bytes (no re-encoding, so what is printed is what was
 * hashed), each checked against its SHA-256 first. A photo with a marked-up copy is replaced by
 * the copy, and an original that has a redacted copy is never embedded (see `photoVisibility`).
 *
 * The same inputs give the same bytes: times print in UTC, and the PDF's creation date and file
 * id come from the document and the report hash, not the clock.
 *
 * jsPDF, the fonts and the QR encoder load on the first call, so importing this module costs the
 * app's first screen nothing; the app can still `import()` this module itself to keep even the
 * layout code out of its first chunk.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import type { Catalogue } from '$lib/catalogue/types';
import { checkReportDocument, type ReportDocument } from '$lib/contract/report-document';
import { notCoveredLine, obligationWords, outcomeWords } from '$lib/inspection/indications';
import { loadReportFonts, type ReportFonts } from './fonts';
import { COLOURS, CONTENT, FOOTER_BASELINE, HEADER_BASELINE, textHeight, TYPE } from './pdf-layout';
import {
	reportContent,
	type CheckView,
	type PhotoEntry,
	type ProvisionLine,
	type ReportContent
} from './pdf-content';
import {
	drawPhotoRows,
	loadPhotos,
	measurePhotoRows,
	photoProblems,
	type LoadedPhoto,
	type PhotoReader
} from './pdf-photos';
import { fitText, registerFonts, ReportWriter, type TextStyle } from './pdf-writer';
import { encodeQr, qrRuns } from './qr';

export interface ReportPdfInput {
	/** The signed document; the PDF shows nothing that is not in it or in the catalogue. */
	document: ReportDocument;
	/** For titles: checks, provisions, frameworks, scope questions. */
	catalogue: Catalogue;
	/**
	 * A photo's JPEG bytes by SHA-256 (the app reads IndexedDB, the server its evidence store), or
	 * undefined when this place does not hold it. Asked only for photos the report shows, four at
	 * a time. The bytes are checked against the hash; a photo that is missing, fails to read or
	 * does not match is drawn as a placeholder saying so, and the rest of the report still renders.
	 */
	photo: PhotoReader;
	/** SHA-256 (lower-case hex) of the report's compact JWS, as `reportHash()` gives it. */
	reportHash: string;
	/** The fonts, for a caller that keeps them; by default `loadReportFonts()`. */
	fonts?: ReportFonts;
}

export type ReportPdfErrorCode = 'invalid-document' | 'invalid-report-hash';

export class ReportPdfError extends Error {
	constructor(
		readonly code: ReportPdfErrorCode,
		message: string
	) {
		super(message);
		this.name = 'ReportPdfError';
	}
}

/** Renders the report as PDF bytes. Throws `ReportPdfError` for a document or hash not valid. */
export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
	const [prepared, jsPDF] = await Promise.all([prepareReport(input), loadJsPdf()]);
	const { document } = input;
	const doc = newReportDocument(jsPDF, prepared.fonts);
	doc.setDocumentProperties({
		title: `Shelfcheck field inspection report: ${prepared.content.title}`,
		subject: prepared.content.notice,
		author: document.inspector.name,
		keywords: `shelfcheck report ${document.reportId} ${input.reportHash}`,
		creator: `Shelfcheck ${document.appVersion}`
	});
	doc.setCreationDate(new Date(document.finishedAt));
	doc.setFileId(input.reportHash.slice(0, 32).toUpperCase());
	const pages = drawReport(doc, prepared);
	drawRunningHeads(new ReportWriter(doc), prepared.content, pages);
	return new Uint8Array(doc.output('arraybuffer'));
}

/** A report checked and with everything it draws loaded, ready for `drawReport`. */
export interface PreparedReport {
	content: ReportContent;
	fonts: ReportFonts;
	qr: Awaited<ReturnType<typeof encodeQr>>;
	photos: Map<string, LoadedPhoto>;
}

export async function loadJsPdf(): Promise<typeof import('jspdf').jsPDF> {
	return (await import('jspdf')).jsPDF;
}

/** Checks a report's input and loads its fonts, QR code and photos. Throws `ReportPdfError`. */
export async function prepareReport(input: ReportPdfInput): Promise<PreparedReport> {
	const checked = checkReportDocument(input.document);
	if (!checked.ok) {
		throw new ReportPdfError('invalid-document', `${checked.path}: ${checked.message}`);
	}
	if (!/^[0-9a-f]{64}$/.test(input.reportHash)) {
		throw new ReportPdfError('invalid-report-hash', 'The report hash must be a lower-case SHA-256');
	}
	const { document, catalogue, reportHash } = input;
	let content: ReportContent;
	try {
		content = reportContent(document, catalogue, reportHash);
	} catch (error) {
		throw new ReportPdfError('invalid-document', (error as Error).message);
	}
	const shown = [...content.identification, ...content.checks.flatMap((check) => check.photos)];
	const [fonts, qr, photos] = await Promise.all([
		input.fonts ?? loadReportFonts(),
		encodeQr(content.signature.qrPayload),
		loadPhotos(
			shown.map((photo) => photo.sha256),
			input.photo
		)
	]);
	return { content, fonts, qr, photos };
}

/** An empty A4 document with the report's fonts, for one report or a visit's. */
export function newReportDocument(jsPDF: typeof import('jspdf').jsPDF, fonts: ReportFonts): JsPdf {
	const doc = new jsPDF({
		unit: 'pt',
		format: 'a4',
		orientation: 'portrait',
		compress: true,
		// Otherwise jsPDF declares all fourteen standard fonts whether used or not.
		putOnlyUsedFonts: true
	});
	registerFonts(doc, fonts);
	doc.setLanguage('en-GB');
	return doc;
}

/** The pages one report took, first and last (1-based, in the whole document). */
export interface PageRange {
	first: number;
	last: number;
}

/**
 * Draws one report's pages, from the document's current last page (a fresh document's first, or
 * a new page the caller added); its running heads are drawn by `drawRunningHeads` at the end,
 * once the page count is known.
 */
export function drawReport(doc: JsPdf, prepared: PreparedReport): PageRange {
	const first = doc.getNumberOfPages();
	const pdf = new ReportWriter(doc);
	drawCover(pdf, prepared.content);
	drawRollup(pdf, prepared.content);
	drawChecks(pdf, prepared.content, prepared.photos);
	drawAppendix(pdf, prepared.content, prepared.photos, prepared.qr);
	return { first, last: doc.getNumberOfPages() };
}

// ---------------------------------------------------------------------------------------------
// Sections

function drawCover(pdf: ReportWriter, content: ReportContent): void {
	const { flow } = pdf;
	pdf.paragraph(
		'SHELFCHECK · FIELD INSPECTION REPORT',
		{ size: TYPE.small, style: 'bold', colour: COLOURS.accent },
		{ after: 6 }
	);
	pdf.paragraph(content.title, { size: TYPE.title, style: 'bold' }, { after: 2 });
	pdf.paragraph(content.subtitle, { size: TYPE.subheading, colour: COLOURS.muted }, { after: 14 });

	// The notice, in a panel: the first thing a reader must take away.
	const padding = 12;
	const innerWidth = CONTENT.width - 2 * padding;
	const noticeStyle: TextStyle = { size: TYPE.subheading, style: 'bold' };
	const detailStyle: TextStyle = { size: TYPE.small };
	const notice = pdf.wrap(content.notice, innerWidth, noticeStyle);
	const detail = pdf.wrap(
		[content.noticeDetail, content.catalogueNote].filter(Boolean).join('\n'),
		innerWidth,
		detailStyle
	);
	const panelHeight =
		2 * padding +
		textHeight(notice.length, noticeStyle.size) +
		4 +
		textHeight(detail.length, detailStyle.size);
	const top = flow.reserve(panelHeight);
	pdf.doc.setFillColor(...COLOURS.panel);
	pdf.doc.setDrawColor(...COLOURS.accent);
	pdf.doc.setLineWidth(1);
	pdf.doc.rect(CONTENT.left, top, CONTENT.width, panelHeight, 'FD');
	const noticeHeight = pdf.drawLines(notice, CONTENT.left + padding, top + padding, noticeStyle);
	pdf.drawLines(detail, CONTENT.left + padding, top + padding + noticeHeight + 4, detailStyle);
	flow.advance(panelHeight);

	pdf.heading('Product', TYPE.subheading);
	pdf.fields(
		content.product.length ? content.product : [{ label: 'Product', value: 'Not identified' }]
	);
	pdf.heading('Inspection', TYPE.subheading);
	pdf.fields(content.inspection, { mono: ['Report id', 'Amends report'] });

	pdf.heading('PSTI summary', TYPE.subheading, 80);
	pdf.paragraph(
		'UK product security regime: the three security requirements of Schedule 1 and the statement of compliance.',
		{ size: TYPE.small, colour: COLOURS.muted },
		{ after: 4 }
	);
	provisionTable(pdf, content.pstiSummary, provisionIdWidth(pdf, content), {
		reasons: !content.pstiNotApplicableReason
	});
	const factStyle: TextStyle = { size: TYPE.small, colour: COLOURS.muted };
	if (content.pstiNotApplicableReason) {
		pdf.paragraph(`${outcomeWords.NA}: ${content.pstiNotApplicableReason}`, { size: TYPE.small });
	}
	for (const line of content.pstiFacts) pdf.paragraph(line, factStyle, { after: 2 });

	pdf.heading('Verdicts', TYPE.subheading, 20);
	pdf.paragraph(content.verdictSummary, { size: TYPE.body });
}

/** Wide enough for every provision id in the report, so all the tables share their columns. */
function provisionIdWidth(pdf: ReportWriter, content: ReportContent): number {
	const ids = [...content.pstiSummary, ...content.frameworks.flatMap((f) => f.assessed)].map(
		(line) => pdf.width(line.id, { size: TYPE.body, style: 'bold' })
	);
	return Math.max(40, ...ids) + 12;
}

/**
 * Rows of shape + words | id | title, checks and what was not covered (or the scope reason): the
 * PSTI summary and each framework's table. Reasons are left out where one is said for all.
 */
function provisionTable(
	pdf: ReportWriter,
	lines: ProvisionLine[],
	idWidth: number,
	options: { reasons: boolean } = { reasons: true }
): void {
	const wordsWidth = 150;
	const titleLeft = CONTENT.left + wordsWidth + idWidth;
	const titleWidth = CONTENT.right - titleLeft;
	const titleStyle: TextStyle = { size: TYPE.body };
	const checksStyle: TextStyle = { size: TYPE.small, colour: COLOURS.muted };
	for (const line of lines) {
		const obligation = obligationWords(line.obligation, line.conditional);
		const title = pdf.wrap(
			obligation ? `${line.title} ${obligation}` : line.title,
			titleWidth,
			titleStyle
		);
		const notes = [
			line.checks.length ? `Checks: ${line.checks.join(', ')}` : '',
			line.notCovered ? notCoveredLine(line.notCovered) : '',
			options.reasons && line.reason ? line.reason : ''
		].filter(Boolean);
		const checks = pdf.wrap(notes.join('\n'), titleWidth, checksStyle);
		const height =
			textHeight(title.length, titleStyle.size) + textHeight(checks.length, checksStyle.size);
		const top = pdf.flow.reserve(height);
		pdf.indication(line.indication, CONTENT.left, top, TYPE.body);
		pdf.drawLines([line.id], CONTENT.left + wordsWidth, top, { size: TYPE.body, style: 'bold' });
		const titleHeight = pdf.drawLines(title, titleLeft, top, titleStyle);
		pdf.drawLines(checks, titleLeft, top + titleHeight, checksStyle);
		pdf.flow.advance(height + 5);
	}
}

function drawRollup(pdf: ReportWriter, content: ReportContent): void {
	pdf.section(
		'Roll-up per framework',
		`${content.rollupRule} ${content.shallShould} These are field indications, not a conformance assessment.`
	);
	const idWidth = provisionIdWidth(pdf, content);
	for (const framework of content.frameworks) {
		pdf.heading(framework.shortName, TYPE.subheading, 70);
		pdf.paragraph(`${framework.name}, ${framework.version}`, {
			size: TYPE.small,
			colour: COLOURS.muted
		});
		if (framework.notApplicableReason) {
			pdf.paragraph(
				`${outcomeWords.NA}: ${framework.notApplicableReason}`,
				{ size: TYPE.small },
				{ after: 4 }
			);
			continue;
		}
		pdf.paragraph(
			framework.counts.map((count) => `${count.words}: ${count.count}`).join(' · '),
			{ size: TYPE.small },
			{ after: 6 }
		);
		provisionTable(pdf, framework.assessed, idWidth);
		if (framework.notAssessed.length) {
			pdf.paragraph(
				`Not assessed in this inspection: ${framework.notAssessed.join(', ')}`,
				{ size: TYPE.small, colour: COLOURS.muted },
				{ after: 4 }
			);
		}
	}
}

function drawChecks(
	pdf: ReportWriter,
	content: ReportContent,
	photos: Map<string, LoadedPhoto>
): void {
	pdf.section(
		'Checks',
		'Every check answered in this inspection, in the order walked, with the inspector’s ' +
			'verdict and reason and the photos taken as evidence.'
	);
	if (content.scope.length) {
		pdf.heading('Scope answers', TYPE.subheading);
		pdf.paragraph(
			'Asked before the checks; a “No” switches off the checks that need a “Yes”.',
			{ size: TYPE.small, colour: COLOURS.muted },
			{ after: 4 }
		);
		pdf.fields(
			content.scope.map((field) => ({ label: field.value, value: field.label })),
			{ labelWidth: 60 }
		);
	}
	if (content.identification.length) {
		const rows = measurePhotoRows(pdf, content.identification, photos);
		pdf.heading('Identification', TYPE.subheading, rows[0]!.height);
		drawPhotoRows(pdf, rows);
	}
	for (const check of content.checks) drawCheck(pdf, check, photos);
}

function drawCheck(pdf: ReportWriter, check: CheckView, photos: Map<string, LoadedPhoto>): void {
	const { flow } = pdf;
	const titleStyle: TextStyle = { size: TYPE.subheading, style: 'bold', colour: COLOURS.accent };
	const questionStyle: TextStyle = { size: TYPE.small, colour: COLOURS.muted };
	const reasonStyle: TextStyle = { size: TYPE.body };
	const provisionsStyle: TextStyle = { size: TYPE.small, colour: COLOURS.muted };
	const title = pdf.wrap(`${check.id}  ${check.title}`, CONTENT.width, titleStyle);
	const question = pdf.wrap(check.question, CONTENT.width, questionStyle);
	const reason = pdf.wrap(
		check.reason ? `Reason: ${check.reason}` : '',
		CONTENT.width,
		reasonStyle
	);
	const provisions = pdf.wrap(
		check.provisions.length ? `Gives an indication on: ${check.provisions.join(' · ')}` : '',
		CONTENT.width,
		provisionsStyle
	);
	const elsewhere = pdf.wrap(check.photosShownElsewhere ?? '', CONTENT.width, provisionsStyle);
	const rows = measurePhotoRows(pdf, check.photos, photos);

	// A check starts on a new page rather than leave its title, verdict, reason or first row of
	// photos apart; only a reason too long for one page is allowed to run on.
	const ruleSpace = 10;
	const head =
		ruleSpace +
		textHeight(title.length, titleStyle.size) +
		textHeight(1, TYPE.body) +
		textHeight(question.length, questionStyle.size) +
		2;
	const whole =
		head +
		textHeight(reason.length, reasonStyle.size) +
		textHeight(provisions.length + elsewhere.length, provisionsStyle.size) +
		(rows[0] ? 6 + rows[0].height - 10 : 0);
	flow.gap(10);
	const fitsOnAPage = whole <= CONTENT.bottom - CONTENT.top;
	let top = flow.reserve(fitsOnAPage ? whole : head + textHeight(3, reasonStyle.size));
	pdf.doc.setDrawColor(...COLOURS.rule);
	pdf.doc.setLineWidth(0.5);
	pdf.doc.line(CONTENT.left, top, CONTENT.right, top);
	flow.advance(ruleSpace);
	flow.advance(pdf.drawLines(title, CONTENT.left, flow.y, titleStyle));

	top = flow.y;
	const used = pdf.indication(check.indication, CONTENT.left, top, TYPE.body);
	const answered = `Answered ${check.answeredAt}${check.proposedFromLabel ? ', as proposed from the label' : ''}`;
	pdf.drawLines([answered], CONTENT.left + used + 12, top, {
		size: TYPE.small,
		colour: COLOURS.muted
	});
	flow.advance(textHeight(1, TYPE.body));
	flow.advance(pdf.drawLines(question, CONTENT.left, flow.y, questionStyle) + 2);
	for (const [lines, style] of [
		[reason, reasonStyle],
		[provisions, provisionsStyle],
		[elsewhere, provisionsStyle]
	] as const) {
		for (const line of lines) {
			top = flow.reserve(textHeight(1, style.size));
			flow.advance(pdf.drawLines([line], CONTENT.left, top, style));
		}
	}
	if (rows.length) {
		flow.gap(6);
		drawPhotoRows(pdf, rows);
	}
}

function drawAppendix(
	pdf: ReportWriter,
	content: ReportContent,
	photos: Map<string, LoadedPhoto>,
	qr: Awaited<ReturnType<typeof encodeQr>>
): void {
	const { flow } = pdf;
	pdf.section(
		'Appendix: signature and evidence',
		'This report was signed on the inspector’s device with an ECDSA P-256 key (JWS, ES256). ' +
			'The report hash is the SHA-256 of the signed file; anyone can recompute it and check the ' +
			'signature with the device’s public key, offline. Each photo’s SHA-256 is part of what ' +
			'was signed.'
	);
	pdf.fields(content.signature.fields, {
		mono: ['Report id', 'Report hash', 'Key fingerprint', 'Previous report', 'Amends report']
	});

	// The QR code with what it holds beside it.
	const quiet = 4;
	const moduleSize = 2.4;
	const side = (qr.size + 2 * quiet) * moduleSize;
	flow.gap(8);
	const top = flow.reserve(side);
	pdf.doc.setFillColor(255, 255, 255);
	pdf.doc.rect(CONTENT.left, top, side, side, 'F');
	pdf.doc.setFillColor(0, 0, 0);
	for (const run of qrRuns(qr)) {
		pdf.doc.rect(
			CONTENT.left + (quiet + run.column) * moduleSize,
			top + (quiet + run.row) * moduleSize,
			run.length * moduleSize,
			moduleSize,
			'F'
		);
	}
	const textLeft = CONTENT.left + side + 16;
	const textWidth = CONTENT.right - textLeft;
	let textTop = top + quiet * moduleSize;
	textTop += pdf.drawLines(
		pdf.wrap(
			'The QR code holds the report id and the report hash, so a printed copy leads back to the signed file and proves which file it is:',
			textWidth,
			{ size: TYPE.small }
		),
		textLeft,
		textTop,
		{ size: TYPE.small }
	);
	// Broken before the hash rather than at whatever character meets the margin.
	const payload = content.signature.qrPayload;
	const hashStart = payload.lastIndexOf(':') + 1;
	pdf.drawLines([payload.slice(0, hashStart), payload.slice(hashStart)], textLeft, textTop + 4, {
		size: TYPE.tiny,
		style: 'mono'
	});
	flow.advance(side);

	pdf.heading(`Photos (${content.photos.length})`, TYPE.subheading);
	pdf.paragraph(
		'Every photo recorded for this report, with its SHA-256, including originals not shown ' +
			'because a marked-up or redacted copy replaces them.',
		{ size: TYPE.small, colour: COLOURS.muted },
		{ after: 6 }
	);
	if (!content.photos.length) {
		pdf.paragraph('No photos were taken.', { size: TYPE.body });
	}
	const indent = 56;
	for (const entry of content.photos) {
		const status = photoStatus(entry, photos.get(entry.sha256), pdf.photoPages.get(entry.sha256));
		const lines: [string, TextStyle][] = [
			[`${entry.step}${entry.caption ? ` · ${entry.caption}` : ''}`, { size: TYPE.body }],
			[`SHA-256 ${entry.sha256}`, { size: TYPE.small, style: 'mono' }],
			[entry.details, { size: TYPE.small, colour: COLOURS.muted }],
			...(entry.derivation
				? [
						[`${entry.derivation}.`, { size: TYPE.small, colour: COLOURS.muted }] as [
							string,
							TextStyle
						]
					]
				: []),
			...(entry.citedBy
				? [
						[`${entry.citedBy}.`, { size: TYPE.small, colour: COLOURS.muted }] as [
							string,
							TextStyle
						]
					]
				: []),
			...(entry.location
				? [[entry.location, { size: TYPE.small, colour: COLOURS.muted }] as [string, TextStyle]]
				: []),
			[status, { size: TYPE.small, colour: entry.shown ? COLOURS.muted : COLOURS.text }]
		];
		const wrapped = lines.map(([text, style]) => ({
			lines: pdf.wrap(text, CONTENT.right - CONTENT.left - indent, style),
			style
		}));
		const height = wrapped.reduce((sum, w) => sum + textHeight(w.lines.length, w.style.size), 0);
		const entryTop = flow.reserve(height);
		pdf.drawLines([`Photo ${entry.number}`], CONTENT.left, entryTop, {
			size: TYPE.body,
			style: 'bold'
		});
		let y = entryTop;
		for (const w of wrapped) y += pdf.drawLines(w.lines, CONTENT.left + indent, y, w.style);
		flow.advance(height + 8);
	}
}

/** What happened to a photo in this PDF, for its appendix entry. */
function photoStatus(entry: PhotoEntry, loaded: LoadedPhoto | undefined, page?: number): string {
	if (entry.hiddenBecause) return entry.hiddenBecause;
	if (page) return `Shown on page ${page}.`;
	if (loaded && loaded.state !== 'ok') return photoProblems[loaded.state];
	return 'Not shown: it belongs to no answered check.';
}

/**
 * The header (from the report's second page) and footer (every page) on the report's pages, drawn
 * once the page count is known. Page numbers count the whole document.
 */
export function drawRunningHeads(
	pdf: ReportWriter,
	content: ReportContent,
	pages: PageRange
): void {
	const { doc } = pdf;
	const total = doc.getNumberOfPages();
	const style: TextStyle = { size: TYPE.tiny, colour: COLOURS.muted };
	for (let page = pages.first; page <= pages.last; page++) {
		doc.setPage(page);
		pdf.setText(style);
		if (page > pages.first) {
			const right = content.notice.replace(/\.$/, '');
			const room = CONTENT.width - doc.getTextWidth(right) - 24;
			const left = fitText(
				pdf,
				`Shelfcheck field inspection report · ${content.title}`,
				room,
				style
			);
			doc.text(left, CONTENT.left, HEADER_BASELINE);
			doc.text(right, CONTENT.right, HEADER_BASELINE, { align: 'right' });
			doc.setDrawColor(...COLOURS.rule);
			doc.setLineWidth(0.5);
			doc.line(CONTENT.left, HEADER_BASELINE + 6, CONTENT.right, HEADER_BASELINE + 6);
		}
		pdf.setText(style);
		doc.text(`Report ${content.reportId}`, CONTENT.left, FOOTER_BASELINE);
		pdf.setText({ ...style, style: 'bold', colour: COLOURS.text });
		doc.text(`Page ${page} of ${total}`, CONTENT.right, FOOTER_BASELINE, { align: 'right' });
	}
}
