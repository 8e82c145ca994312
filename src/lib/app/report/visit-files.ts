import { catalogue } from '$lib/catalogue';
import { signedReports, visits, type SignedReportRow } from '$lib/db';
import type { Inspection } from '$lib/inspection/model';
import { buildVisitExport } from '$lib/report/export-zip';
import { fingerprintFromKeyId } from '$lib/signing/keys';
import { productRow, type Visit } from '$lib/visit/visit';
import { visitCover, visitFileStem, type SignedProduct } from '$lib/visit/visit-report';
import { SignedReportFiles } from './report-files';

const day = (date: string) =>
	new Date(`${date}T12:00:00`).toLocaleDateString('en-GB', { dateStyle: 'medium' });

/**
 * The files a visit is shared as: one PDF (the visit's cover, then each signed product's report)
 * and one zip (each report as signed, each photo once, the PDF). Only signed products are in
 * them; where a product was amended, only its latest report. jsPDF loads only when asked.
 */
export class VisitFiles {
	readonly #visit: Visit;
	readonly #inspections: Inspection[];
	readonly #reports: Array<{ report: SignedReportRow; files: SignedReportFiles }>;

	private constructor(
		visit: Visit,
		inspections: Inspection[],
		reports: Array<{ report: SignedReportRow; files: SignedReportFiles }>
	) {
		this.#visit = visit;
		this.#inspections = inspections;
		this.#reports = reports;
	}

	static async of(visitId: string): Promise<VisitFiles> {
		const visit = await visits.get(visitId);
		if (!visit) throw new Error('this visit is no longer on this device');
		const inspections = await visits.inspectionsOf(visitId);
		const rows = (
			await Promise.all(
				inspections
					.filter((inspection) => inspection.status === 'finished')
					.map((inspection) => signedReports.reportFor(inspection.id))
			)
		).filter((row): row is SignedReportRow => row !== undefined);
		const superseded = new Set(rows.map((row) => row.supersedes).filter(Boolean));
		const current = rows.filter((row) => !superseded.has(row.id));
		// An amended product is counted once: by its amendment, not also by the report it replaced.
		const replaced = new Set(
			rows.filter((row) => superseded.has(row.id)).map((row) => row.inspectionId)
		);
		return new VisitFiles(
			visit,
			inspections.filter((inspection) => !replaced.has(inspection.id)),
			current.map((report) => ({ report, files: new SignedReportFiles(report) }))
		);
	}

	/** How many signed products the files hold. */
	get signedCount(): number {
		return this.#reports.length;
	}

	async pdf(): Promise<Uint8Array<ArrayBuffer>> {
		if (this.#reports.length === 0) throw new Error('no product of this visit is signed yet');
		const [{ renderVisitPdf }, photoBytes] = await Promise.all([
			import('$lib/report/visit-pdf'),
			Promise.all(this.#reports.map(({ files }) => files.photoBytes()))
		]);
		const byInspection = new Map(this.#inspections.map((i) => [i.id, i]));
		const signed: SignedProduct[] = this.#reports.map(({ report, files }) => ({
			row: productRow(catalogue, byInspection.get(report.inspectionId)!),
			reportId: report.id,
			reportHash: report.hash,
			fingerprint: fingerprintFromKeyId(files.document.device.keyId)
		}));
		const cover = visitCover(
			this.#visit,
			this.#inspections.map((inspection) => productRow(catalogue, inspection)),
			signed,
			day
		);
		const pdf = await renderVisitPdf({
			cover,
			createdAt: this.#reports
				.map(({ report }) => report.signedAt)
				.sort()
				.at(-1)!,
			reports: this.#reports.map(({ report, files }, index) => ({
				document: files.document,
				catalogue,
				reportHash: report.hash,
				photo: async (sha256) => photoBytes[index]!.get(sha256)
			}))
		});
		return new Uint8Array(pdf);
	}

	async zip(): Promise<Uint8Array<ArrayBuffer>> {
		const [pdf, photoBytes] = await Promise.all([
			this.pdf(),
			Promise.all(this.#reports.map(({ files }) => files.photoBytes()))
		]);
		const photos = new Map<string, Uint8Array>();
		for (const [index, { files }] of this.#reports.entries()) {
			const missing = files.document.photos.filter((p) => !photoBytes[index]!.has(p.sha256));
			if (missing.length > 0) {
				throw new Error(
					`${missing.length} of the photos of ${files.fileStem()} are no longer on this device`
				);
			}
			for (const photo of files.document.photos) {
				photos.set(photo.sha256, photoBytes[index]!.get(photo.sha256)!);
			}
		}
		const zip = buildVisitExport({
			reports: this.#reports.map(({ report }) => ({ reportId: report.id, jws: report.jws })),
			photos: [...photos].map(([sha256, bytes]) => ({ sha256, bytes })),
			pdf
		});
		return new Uint8Array(zip);
	}

	/** shelfcheck-visit-<place>-<date>. */
	fileStem(): string {
		return visitFileStem(this.#visit);
	}
}
