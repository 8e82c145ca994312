import { describe, expect, it } from 'vitest';
import { encodeQr, parseReportQrPayload, qrRuns, reportQrPayload } from './qr';

const ID = '3f1b2a9e-8c1d-4e55-9a0b-1c2d3e4f5a6b';
const HASH = 'ab'.repeat(32);

describe('report QR payload', () => {
	it('is shelfcheck:report:<id>:<hash> and reads back', () => {
		const payload = reportQrPayload(ID, HASH);
		expect(payload).toBe(`shelfcheck:report:${ID}:${HASH}`);
		expect(payload).toHaveLength(119);
		expect(parseReportQrPayload(payload)).toEqual({ reportId: ID, reportHash: HASH });
	});

	it('refuses ids and hashes not in canonical lower-case form', () => {
		expect(() => reportQrPayload(ID.toUpperCase(), HASH)).toThrow(TypeError);
		expect(() => reportQrPayload(ID, HASH.slice(1))).toThrow(TypeError);
		for (const bad of [
			`shelfcheck:report:${ID}`,
			`shelfcheck:report:${ID}:${HASH}:extra`,
			`shelfcheck:report:${ID}:${HASH.toUpperCase()}`,
			`https://example.org/${ID}`,
			''
		]) {
			expect(parseReportQrPayload(bad), bad).toBeNull();
		}
	});
});

describe('QR matrix', () => {
	it('encodes a report payload as a version 7 symbol (45 × 45)', async () => {
		const matrix = await encodeQr(reportQrPayload(ID, HASH));
		expect(matrix.size).toBe(45);
		// The finder pattern's corner module is dark, the separator beside it light.
		expect(matrix.isDark(0, 0)).toBe(true);
		expect(matrix.isDark(7, 7)).toBe(false);
	});

	it('runs cover exactly the dark modules', async () => {
		const matrix = await encodeQr(reportQrPayload(ID, HASH));
		const fromRuns = new Set<string>();
		for (const run of qrRuns(matrix)) {
			for (let c = run.column; c < run.column + run.length; c++) fromRuns.add(`${run.row},${c}`);
		}
		const dark = new Set<string>();
		for (let r = 0; r < matrix.size; r++) {
			for (let c = 0; c < matrix.size; c++) if (matrix.isDark(r, c)) dark.add(`${r},${c}`);
		}
		expect(fromRuns).toEqual(dark);
		// About half as many rectangles as modules for this symbol.
		expect(qrRuns(matrix).length).toBeLessThan(dark.size * 0.6);
	});
});
