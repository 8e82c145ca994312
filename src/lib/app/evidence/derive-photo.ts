import { photos } from '$lib/db';
import { sha256Hex } from '$lib/signing';
import { derivationOf, type Mark } from '$lib/evidence/marks';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { photoBlob } from '$lib/evidence/photo-url';
import { drawMarks } from '$lib/evidence/render-marks';
import { storeVerified } from '$lib/evidence/store-verified';

/**
 * Makes a new photo from an original with marks burnt in (arrows, circles, boxes, black
 * redactions). The original is kept untouched; the copy names it and lists the marks, and is
 * hashed and verified like any photo.
 */
export async function saveMarkedCopy(original: PhotoRecord, drawn: Mark[]): Promise<PhotoRecord> {
	// Plain copies: marks arrive from UI state, which IndexedDB's structured clone cannot store.
	const marks: Mark[] = drawn.map(({ kind, from, to }) => ({
		kind,
		from: { x: from.x, y: from.y },
		to: { x: to.x, y: to.y }
	}));
	const bitmap = await createImageBitmap(photoBlob(original));
	const size = { width: bitmap.width, height: bitmap.height };
	const canvas = document.createElement('canvas');
	canvas.width = size.width;
	canvas.height = size.height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('this browser gave no 2D canvas to draw on');
	context.drawImage(bitmap, 0, 0);
	bitmap.close();
	drawMarks(context, marks, size);
	const blob = await new Promise<Blob>((resolve, reject) =>
		canvas.toBlob(
			(b) => (b ? resolve(b) : reject(new Error('the copy could not be encoded'))),
			'image/jpeg',
			0.9
		)
	);
	const bytes = new Uint8Array(await blob.arrayBuffer());
	const derivation = derivationOf(marks);
	const record: PhotoRecord & { data: Blob } = {
		id: crypto.randomUUID(),
		inspectionId: original.inspectionId,
		checkId: original.checkId,
		data: blob,
		sha256: await sha256Hex(bytes),
		bytes: bytes.length,
		type: 'image/jpeg',
		width: size.width,
		height: size.height,
		capturedAt: new Date().toISOString(),
		caption: original.caption,
		derivedFrom: original.id,
		derivation,
		marks
	};
	return (await storeVerified(record, photos, sha256Hex)).record;
}
