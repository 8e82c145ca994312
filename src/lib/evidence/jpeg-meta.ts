/**
 * What we need to know about a JPEG before decoding it: its stored pixel size (from the SOF
 * marker) and its EXIF orientation, so a 48-megapixel photo can be decoded straight to the size
 * we keep, the right way up. Also whether it carries EXIF or GPS at all, which the tests use to
 * prove that what we store carries neither.
 */
export interface JpegMeta {
	width: number;
	height: number;
	/** EXIF orientation 1-8; 1 when absent. */
	orientation: number;
	hasExif: boolean;
	hasGps: boolean;
}

const SOF_MARKERS = new Set([
	0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf
]);

/** Null when the bytes are not a JPEG we can read (a PNG, a HEIC, a truncated file). */
export function readJpegMeta(bytes: Uint8Array): JpegMeta | null {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const meta: JpegMeta = { width: 0, height: 0, orientation: 1, hasExif: false, hasGps: false };
	let offset = 2;
	while (offset + 4 <= bytes.length) {
		if (bytes[offset] !== 0xff) return null;
		const marker = bytes[offset + 1]!;
		// Fill bytes and markers without a length.
		if (marker === 0xff) {
			offset++;
			continue;
		}
		if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			offset += 2;
			continue;
		}
		if (marker === 0xd9 || marker === 0xda) break; // end of image, or start of scan
		const length = view.getUint16(offset + 2);
		const segment = offset + 4;
		if (segment + length - 2 > bytes.length) return null;
		if (marker === 0xe1 && isExifHeader(bytes, segment)) {
			meta.hasExif = true;
			readExif(view, segment + 6, length - 8, meta);
		} else if (SOF_MARKERS.has(marker)) {
			meta.height = view.getUint16(segment + 1);
			meta.width = view.getUint16(segment + 3);
		}
		offset = segment + length - 2;
	}
	return meta.width > 0 && meta.height > 0 ? meta : null;
}

function isExifHeader(bytes: Uint8Array, at: number): boolean {
	// "Exif\0\0"
	return (
		bytes[at] === 0x45 &&
		bytes[at + 1] === 0x78 &&
		bytes[at + 2] === 0x69 &&
		bytes[at + 3] === 0x66 &&
		bytes[at + 4] === 0 &&
		bytes[at + 5] === 0
	);
}

const ORIENTATION = 0x0112;
const GPS_IFD = 0x8825;

/** Reads IFD0 of the TIFF structure inside the EXIF segment; bad offsets are ignored, not thrown. */
function readExif(view: DataView, tiff: number, length: number, meta: JpegMeta): void {
	if (length < 8 || tiff + 8 > view.byteLength) return;
	const order = view.getUint16(tiff);
	if (order !== 0x4949 && order !== 0x4d4d) return;
	const little = order === 0x4949;
	const ifd0 = tiff + view.getUint32(tiff + 4, little);
	if (ifd0 + 2 > view.byteLength) return;
	const entries = view.getUint16(ifd0, little);
	for (let i = 0; i < entries; i++) {
		const entry = ifd0 + 2 + i * 12;
		if (entry + 12 > view.byteLength) return;
		const tag = view.getUint16(entry, little);
		if (tag === ORIENTATION) {
			const value = view.getUint16(entry + 8, little);
			if (value >= 1 && value <= 8) meta.orientation = value;
		} else if (tag === GPS_IFD) {
			meta.hasGps = true;
		}
	}
}
