/**
 * The barcode formats Shelfcheck reads, in the naming of the Barcode Detection API (`ean_13`),
 * which both the native `BarcodeDetector` and the ZXing-C++ polyfill report, and how they map
 * to html5-qrcode's names (`EAN_13`).
 */

import { expandUpcE, normaliseGtin } from '$lib/product/gtin';

/** Retail codes on the pack, Code 128 (GS1-128 labels), and the 2D codes on model labels. */
export const SCAN_FORMATS = [
	'ean_13',
	'ean_8',
	'upc_a',
	'upc_e',
	'code_128',
	'qr_code',
	'data_matrix'
] as const;

export type ScanFormat = (typeof SCAN_FORMATS)[number];

const RETAIL: ReadonlySet<string> = new Set(['ean_13', 'ean_8', 'upc_a', 'upc_e']);
const LINEAR: ReadonlySet<string> = new Set([...RETAIL, 'code_128']);

export function isScanFormat(format: string): format is ScanFormat {
	return (SCAN_FORMATS as readonly string[]).includes(format);
}

/**
 * 1D codes have no error correction beyond a check digit, so a single read can be wrong; the
 * camera and the photo decoder both ask for agreeing reads before one counts. 2D codes carry
 * Reed-Solomon error correction: one read is enough.
 */
export function isLinearFormat(format: string): boolean {
	return LINEAR.has(format);
}

export function isRetailFormat(format: string): boolean {
	return RETAIL.has(format);
}

/** How a format is named on screen and in reports. */
export const formatLabels: Record<ScanFormat, string> = {
	ean_13: 'EAN-13',
	ean_8: 'EAN-8',
	upc_a: 'UPC-A',
	upc_e: 'UPC-E',
	code_128: 'Code 128',
	qr_code: 'QR code',
	data_matrix: 'Data Matrix'
};

export function formatLabel(format: string | undefined): string {
	if (format === undefined) return 'unknown format';
	return isScanFormat(format) ? formatLabels[format] : format;
}

/** html5-qrcode's format names (its `Html5QrcodeSupportedFormats` enum keys) for ours. */
export const html5QrcodeNames: Record<ScanFormat, string> = {
	ean_13: 'EAN_13',
	ean_8: 'EAN_8',
	upc_a: 'UPC_A',
	upc_e: 'UPC_E',
	code_128: 'CODE_128',
	qr_code: 'QR_CODE',
	data_matrix: 'DATA_MATRIX'
};

/** Our name for an html5-qrcode format name, or undefined for a format we do not read. */
export function fromHtml5QrcodeName(name: string): ScanFormat | undefined {
	return SCAN_FORMATS.find((format) => html5QrcodeNames[format] === name);
}

/**
 * Which wanted formats a native `BarcodeDetector` should read (the ones it says it supports) and
 * which are left for the ZXing-C++ polyfill. Linux Chromium has no native detector at all; Chrome
 * on Android has one that covers every format here.
 */
export function splitByDetector(
	nativeFormats: readonly string[],
	wanted: readonly ScanFormat[] = SCAN_FORMATS
): { native: ScanFormat[]; polyfill: ScanFormat[] } {
	const native = wanted.filter((format) => nativeFormats.includes(format));
	return { native, polyfill: wanted.filter((format) => !native.includes(format)) };
}

/**
 * What two reads must share to be "the same code". ZXing-C++ reports a UPC-A as 13 digits with a
 * leading 0 and a UPC-E expanded to 13 digits, while other decoders give 12 and 8 digits, so
 * retail codes are compared as GTIN-14. Anything else is compared as format plus exact text.
 */
export function readKey(text: string, format: string): string {
	if (isRetailFormat(format) && /^\d+$/.test(text)) {
		if (format === 'upc_e' && text.length <= 8) {
			const expanded = expandUpcE(text);
			if (expanded.ok) return `gtin:${expanded.upcA.padStart(14, '0')}`;
		}
		const gtin14 = normaliseGtin(text);
		if (gtin14) return `gtin:${gtin14}`;
	}
	return `${format}:${text}`;
}
