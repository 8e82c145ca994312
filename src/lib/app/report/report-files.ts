import { catalogue } from '$lib/catalogue';
import { photos, type SignedReportRow } from '$lib/db';
import { bytesOf } from '$lib/evidence/store-verified';
import { checkReportDocument, type ReportDocument } from '$lib/contract/report-document';
import { buildExport } from '$lib/report/export-zip';
import { reportFileStem } from '$lib/report/file-name';
import { readUnverified } from '$lib/signing';

/**
 * The files a signed report is shared as, made from what the device holds: the JWS exactly as
 * signed, the photos it names (by hash), the PDF. jsPDF and the fonts load only when asked.
 */
export class SignedReportFiles {
	readonly document: ReportDocument;
	readonly #report: SignedReportRow;
	#photoBytes: Promise<Map<string, Uint8Array>> | undefined;

	constructor(report: SignedReportRow) {
		this.#report = report;
		// Signed on this device and verified when signed: read, not verified again.
		const checked = checkReportDocument(readUnverified(report.jws)?.payload);
		if (!checked.ok) throw new Error(`The stored report is not readable at ${checked.path}`);
		this.document = checked.document;
	}

	/** Photo bytes by SHA-256, from this inspection's stored photos. */
	photoBytes(): Promise<Map<string, Uint8Array>> {
		this.#photoBytes ??= photos.forInspection(this.#report.inspectionId).then(async (rows) => {
			const byHash = new Map<string, Uint8Array>();
			for (const row of rows) byHash.set(row.sha256, await bytesOf(row.data));
			return byHash;
		});
		return this.#photoBytes;
	}

	// Returned as Uint8Array<ArrayBuffer> (a Blob part); the libraries type theirs more loosely.
	async pdf(): Promise<Uint8Array<ArrayBuffer>> {
		const [{ renderReportPdf }, bytes] = await Promise.all([
			import('$lib/report/pdf'),
			this.photoBytes()
		]);
		const pdf = await renderReportPdf({
			document: this.document,
			catalogue,
			photo: async (sha256) => bytes.get(sha256),
			reportHash: this.#report.hash
		});
		return new Uint8Array(pdf);
	}

	async zip(): Promise<Uint8Array<ArrayBuffer>> {
		const [pdf, bytes] = await Promise.all([this.pdf(), this.photoBytes()]);
		const missing = this.document.photos.filter((p) => !bytes.has(p.sha256));
		if (missing.length > 0) {
			throw new Error(`${missing.length} of the report's photos are no longer on this device`);
		}
		const zip = buildExport({
			jws: this.#report.jws,
			photos: this.document.photos.map((p) => ({ sha256: p.sha256, bytes: bytes.get(p.sha256)! })),
			pdf
		});
		return new Uint8Array(zip);
	}

	/** A short, safe file name stem: shelfcheck-<model or place>-<first 8 of the report id>. */
	fileStem(): string {
		return reportFileStem(this.document);
	}
}
