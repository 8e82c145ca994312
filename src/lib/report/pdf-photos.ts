/**
 * The report PDF's photos: each read and checked against its SHA-256 before it is embedded (a
 * missing, unreadable or altered one becomes a placeholder saying so), then laid out two to a
 * row with "Photo n: caption" and, for a copy, what it was made from.
 */
import { readJpegMeta } from '$lib/evidence/jpeg-meta';
import { sha256Hex } from '$lib/signing/jws';
import type { PhotoView } from './pdf-content';
import { COLOURS, CONTENT, photoRows, textHeight, TYPE, type Size } from './pdf-layout';
import type { ReportWriter, TextStyle } from './pdf-writer';

/** A photo's JPEG bytes by SHA-256, or undefined where this place does not hold it. */
export type PhotoReader = (sha256: string) => Promise<Uint8Array | undefined>;

export type LoadedPhoto =
	| { state: 'ok'; bytes: Uint8Array; size: Size }
	| { state: 'missing' | 'failed' | 'altered' | 'unreadable' };

export const photoProblems: Record<Exclude<LoadedPhoto['state'], 'ok'>, string> = {
	missing: 'Photo not held on this device or server.',
	failed: 'Photo could not be read from storage: not shown.',
	altered: 'Photo file does not match its recorded SHA-256: not shown.',
	unreadable: 'Photo file is not a readable JPEG: not shown.'
};

/** Reads and checks the shown photos, a few at a time, so a slow store is not read serially. */
export async function loadPhotos(
	hashes: string[],
	read: PhotoReader
): Promise<Map<string, LoadedPhoto>> {
	const unique = [...new Set(hashes)];
	const loaded = new Map<string, LoadedPhoto>();
	const load = async (sha256: string): Promise<LoadedPhoto> => {
		let bytes: Uint8Array | undefined;
		try {
			bytes = await read(sha256);
		} catch {
			// One unreadable photo should not cost the whole report; the PDF says what happened.
			return { state: 'failed' };
		}
		if (!bytes) return { state: 'missing' };
		if ((await sha256Hex(bytes)) !== sha256) return { state: 'altered' };
		const meta = readJpegMeta(bytes);
		if (!meta) return { state: 'unreadable' };
		return { state: 'ok', bytes, size: { width: meta.width, height: meta.height } };
	};
	let next = 0;
	const worker = async () => {
		while (next < unique.length) {
			const sha256 = unique[next++]!;
			loaded.set(sha256, await load(sha256));
		}
	};
	await Promise.all(Array.from({ length: Math.min(4, unique.length) }, worker));
	return loaded;
}

export interface PhotoRow {
	cellWidth: number;
	/** Photo, caption and the gap below: what the row takes from the page. */
	height: number;
	photoHeight: number;
	cells: {
		view: PhotoView;
		loaded: LoadedPhoto | undefined;
		x: number;
		size: Size;
		caption: string[];
		note: string[];
	}[];
}

const captionStyle: TextStyle = { size: TYPE.small };
const noteStyle: TextStyle = { size: TYPE.tiny, colour: COLOURS.muted };

/**
 * Photos two to a row, each with "Photo n: caption" and, for a copy, what it was made from; sized
 * from the JPEG itself where it loaded (the document's size otherwise, for the placeholder).
 */
export function measurePhotoRows(
	pdf: ReportWriter,
	views: PhotoView[],
	photos: Map<string, LoadedPhoto>
): PhotoRow[] {
	const items = views.map((view) => {
		const loaded = photos.get(view.sha256);
		const size = loaded?.state === 'ok' ? loaded.size : view;
		return { view, loaded, width: size.width, height: size.height };
	});
	return photoRows(items, { left: CONTENT.left, width: CONTENT.width }).map((row) => {
		const cells = row.photos.map(({ item, x, size }) => ({
			view: item.view,
			loaded: item.loaded,
			x,
			size,
			caption: pdf.wrap(
				`Photo ${item.view.number}${item.view.caption ? `: ${item.view.caption}` : ''}`,
				row.cellWidth,
				captionStyle
			),
			note: pdf.wrap(item.view.note ?? '', row.cellWidth, noteStyle)
		}));
		const captionHeight = Math.max(
			...cells.map(
				(cell) =>
					textHeight(cell.caption.length, captionStyle.size) +
					textHeight(cell.note.length, noteStyle.size)
			)
		);
		return {
			cellWidth: row.cellWidth,
			photoHeight: row.height,
			height: row.height + 4 + captionHeight + 10,
			cells
		};
	});
}

export function drawPhotoRows(pdf: ReportWriter, rows: PhotoRow[]): void {
	for (const row of rows) {
		// The gap below the last row may fall off the page; the photo and captions may not.
		const top = pdf.flow.reserve(row.height - 10);
		for (const cell of row.cells) drawPhotoCell(pdf, row, cell, top);
		pdf.flow.advance(row.height);
	}
}

function drawPhotoCell(
	pdf: ReportWriter,
	row: PhotoRow,
	cell: PhotoRow['cells'][number],
	top: number
): void {
	const { size } = cell;
	const left = cell.x + (row.cellWidth - size.width) / 2;
	const photoTop = top + row.photoHeight - size.height;
	if (cell.loaded?.state === 'ok') {
		// The JPEG as stored: jsPDF writes it as a DCTDecode stream without re-encoding. The hash
		// as alias means a photo shown twice is stored once, and spares jsPDF hashing the bytes.
		pdf.doc.addImage(
			cell.loaded.bytes,
			'JPEG',
			left,
			photoTop,
			size.width,
			size.height,
			cell.view.sha256,
			'NONE'
		);
		pdf.photoPages.set(cell.view.sha256, pdf.flow.page);
		pdf.doc.setDrawColor(...COLOURS.rule);
		pdf.doc.setLineWidth(0.5);
		pdf.doc.rect(left, photoTop, size.width, size.height, 'S');
	} else {
		const problem = photoProblems[cell.loaded?.state ?? 'missing'];
		pdf.doc.setFillColor(...COLOURS.placeholder);
		pdf.doc.rect(left, photoTop, size.width, size.height, 'F');
		const lines = pdf.wrap(problem, size.width - 16, captionStyle);
		const height = textHeight(lines.length, captionStyle.size);
		pdf.drawLines(lines, left + 8, photoTop + (size.height - height) / 2, captionStyle);
	}
	const captionTop = top + row.photoHeight + 4;
	const used = pdf.drawLines(cell.caption, cell.x, captionTop, captionStyle);
	pdf.drawLines(cell.note, cell.x, captionTop + used, noteStyle);
}
