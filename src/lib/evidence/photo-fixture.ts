import type { PhotoRecord } from './photo-record';

/** A stored photo for the evidence rules' tests: one byte, a hash made from its id. */
export function photoFixture(
	id: string,
	checkId: string,
	capturedAt: string,
	extra: Partial<PhotoRecord> = {}
): PhotoRecord {
	return {
		id,
		inspectionId: 'i1',
		checkId,
		data: new ArrayBuffer(1),
		sha256: id.padEnd(64, '0'),
		bytes: 1000,
		type: 'image/jpeg',
		width: 20,
		height: 10,
		capturedAt,
		caption: '',
		...extra
	};
}
