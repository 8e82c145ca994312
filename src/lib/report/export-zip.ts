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

export type ExportContents =
	| { ok: true; jws: string; evidence: Map<string, Uint8Array>; pdf?: Uint8Array }
	| { ok: false; reason: string };

/** Reads an export; anything that is not one is said in words, never thrown. */
export function readExport(bytes: Uint8Array): ExportContents {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes);
	} catch {
		return { ok: false, reason: 'this is not a Shelfcheck export (it is not a zip file)' };
	}
	const report = files[EXPORT_NAMES.report];
	if (!report)
		return { ok: false, reason: 'the file has no report.jws, so there is nothing to verify' };
	const evidence = new Map<string, Uint8Array>();
	for (const [name, content] of Object.entries(files)) {
		if (name.startsWith('evidence/') && !name.endsWith('/')) evidence.set(name, content);
	}
	const pdf = files[EXPORT_NAMES.pdf];
	return { ok: true, jws: new TextDecoder().decode(report), evidence, ...(pdf ? { pdf } : {}) };
}
