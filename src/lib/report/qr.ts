/**
 * The QR code printed in a report's appendix, so that a paper copy leads back to the signed file.
 *
 * Payload format (version 1), lower case, 119 characters:
 *
 *     shelfcheck:report:<reportId>:<reportHash>
 *
 * - `reportId`: the report's UUID as in the signed document (8-4-4-4-12 hex digits);
 * - `reportHash`: SHA-256 of the report's compact JWS, 64 hex digits.
 *
 * The id finds the report (on the server or on a device); the hash then proves that the file found
 * is the one that was printed, because anyone can recompute it offline. It holds no personal data
 * and no URL, so the code neither goes stale when a server moves nor sends anyone anywhere.
 * Encoded in byte mode at error correction level M (version 7, 45 × 45 modules).
 */

export const REPORT_QR_PREFIX = 'shelfcheck:report:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** The QR payload for a report; throws a TypeError for an id or hash not in canonical form. */
export function reportQrPayload(reportId: string, reportHash: string): string {
	if (!UUID.test(reportId)) throw new TypeError('The report id must be a lower-case UUID');
	if (!SHA256.test(reportHash)) throw new TypeError('The report hash must be a lower-case SHA-256');
	return `${REPORT_QR_PREFIX}${reportId}:${reportHash}`;
}

/** Reads a scanned payload back; null for anything that is not exactly a version 1 payload. */
export function parseReportQrPayload(
	payload: string
): { reportId: string; reportHash: string } | null {
	if (!payload.startsWith(REPORT_QR_PREFIX)) return null;
	const [reportId, reportHash, ...rest] = payload.slice(REPORT_QR_PREFIX.length).split(':');
	if (rest.length > 0 || !reportId || !reportHash) return null;
	if (!UUID.test(reportId) || !SHA256.test(reportHash)) return null;
	return { reportId, reportHash };
}

/** A QR symbol as a square grid of modules, row by row; quiet zone not included. */
export interface QrMatrix {
	size: number;
	isDark(row: number, column: number): boolean;
}

/** Encodes the payload (loads `qrcode` on first use, so the app's first screen never pays). */
export async function encodeQr(payload: string): Promise<QrMatrix> {
	const { create } = await import('qrcode');
	const { modules } = create(payload, { errorCorrectionLevel: 'M' });
	return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/** A horizontal run of dark modules: one filled rectangle in the PDF. */
export interface QrRun {
	row: number;
	column: number;
	length: number;
}

/**
 * The dark modules merged into horizontal runs: about half as many rectangles as squares (some
 * 500 rather than 1,000 for a report's code), and no hairline seams between neighbouring modules
 * in a viewer that anti-aliases each rectangle's edges.
 */
export function qrRuns(matrix: QrMatrix): QrRun[] {
	const runs: QrRun[] = [];
	for (let row = 0; row < matrix.size; row++) {
		let start = -1;
		for (let column = 0; column <= matrix.size; column++) {
			const dark = column < matrix.size && matrix.isDark(row, column);
			if (dark && start < 0) start = column;
			if (!dark && start >= 0) {
				runs.push({ row, column: start, length: column - start });
				start = -1;
			}
		}
	}
	return runs;
}
