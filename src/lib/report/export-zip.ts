import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * The export file: one zip with the signed report exactly as signed (`report.jws`), every photo
 * it names under `evidence/<sha256>.jpg`, and the PDF. JPEGs and the PDF are stored, not
 * deflated: they are compressed already, and stored entries keep export fast on a phone.
 */
export const EXPORT_NAMES = {
	report: 'report.jws',
	pdf: 'report.pdf',
	evidence: (sha256: string) => `evidence/${sha256}.jpg`
};

export function buildExport(input: {
	jws: string;
	photos: Array<{ sha256: string; bytes: Uint8Array }>;
	pdf?: Uint8Array;
}): Uint8Array {
	const files: Zippable = {
		[EXPORT_NAMES.report]: [new TextEncoder().encode(input.jws), { level: 0 }]
	};
	for (const photo of input.photos) {
		files[EXPORT_NAMES.evidence(photo.sha256)] = [photo.bytes, { level: 0 }];
	}
	if (input.pdf) files[EXPORT_NAMES.pdf] = [input.pdf, { level: 0 }];
	return zipSync(files);
}

/**
 * A visit's export: every signed product's report as signed under `reports/<reportId>.jws`, each
 * photo once under `evidence/<sha256>.jpg` (a photo two reports name is one file, its hash the
 * same), and the visit PDF.
 */
export const VISIT_EXPORT_NAMES = {
	report: (reportId: string) => `reports/${reportId}.jws`,
	pdf: 'visit-report.pdf',
	evidence: EXPORT_NAMES.evidence
};

export function buildVisitExport(input: {
	reports: Array<{ reportId: string; jws: string }>;
	photos: Array<{ sha256: string; bytes: Uint8Array }>;
	pdf?: Uint8Array;
}): Uint8Array {
	const files: Zippable = {};
	for (const report of input.reports) {
		files[VISIT_EXPORT_NAMES.report(report.reportId)] = [
			new TextEncoder().encode(report.jws),
			{ level: 0 }
		];
	}
	for (const photo of input.photos) {
		files[VISIT_EXPORT_NAMES.evidence(photo.sha256)] = [photo.bytes, { level: 0 }];
	}
	if (input.pdf) files[VISIT_EXPORT_NAMES.pdf] = [input.pdf, { level: 0 }];
	return zipSync(files);
}

export type ExportContents =
	| { ok: true; jws: string; evidence: Map<string, Uint8Array>; pdf?: Uint8Array }
	| { ok: false; reason: string };

function unzipExport(bytes: Uint8Array): Record<string, Uint8Array> | null {
	try {
		return unzipSync(bytes);
	} catch {
		return null;
	}
}

const NOT_A_ZIP = 'this is not a Shelfcheck export (it is not a zip file)';

function evidenceOf(files: Record<string, Uint8Array>): Map<string, Uint8Array> {
	const evidence = new Map<string, Uint8Array>();
	for (const [name, content] of Object.entries(files)) {
		if (name.startsWith('evidence/') && !name.endsWith('/')) evidence.set(name, content);
	}
	return evidence;
}

export type AnyExportContents =
	| ({ kind: 'report' } & Extract<ExportContents, { ok: true }>)
	| {
			ok: true;
			kind: 'visit';
			/** The reports' JWS by file name, in name order. */
			reports: Map<string, string>;
			evidence: Map<string, Uint8Array>;
			pdf?: Uint8Array;
	  }
	| { ok: false; reason: string };

/** Reads one report's export or a visit's; anything that is neither is said in words. */
export function readAnyExport(bytes: Uint8Array): AnyExportContents {
	const files = unzipExport(bytes);
	if (!files) return { ok: false, reason: NOT_A_ZIP };
	const names = Object.keys(files)
		.filter((name) => /^reports\/[^/]+\.jws$/.test(name))
		.sort();
	if (files[EXPORT_NAMES.report] || names.length === 0) {
		const single = readFiles(files);
		return single.ok ? { kind: 'report', ...single } : single;
	}
	const decoder = new TextDecoder();
	const pdf = files[VISIT_EXPORT_NAMES.pdf];
	return {
		ok: true,
		kind: 'visit',
		reports: new Map(names.map((name) => [name, decoder.decode(files[name])])),
		evidence: evidenceOf(files),
		...(pdf ? { pdf } : {})
	};
}

/** Reads an export; anything that is not one is said in words, never thrown. */
export function readExport(bytes: Uint8Array): ExportContents {
	const files = unzipExport(bytes);
	return files ? readFiles(files) : { ok: false, reason: NOT_A_ZIP };
}

function readFiles(files: Record<string, Uint8Array>): ExportContents {
	const report = files[EXPORT_NAMES.report];
	if (!report)
		return { ok: false, reason: 'the file has no report.jws, so there is nothing to verify' };
	const evidence = evidenceOf(files);
	const pdf = files[EXPORT_NAMES.pdf];
	return { ok: true, jws: new TextDecoder().decode(report), evidence, ...(pdf ? { pdf } : {}) };
}
