/**
 * The reviewer's view of received reports: the list (the API's own search, with each report's
 * verdict counts, PSTI indications, place and device added), the report page (its document read
 * from the stored JWS, the signature verified again against the enrolled key), the PDF, the
 * exports and the product register. The only SQL behind the reviewer's pages.
 *
 * Who sees what is `visibleReports` (sync/reports.ts): reviewers and admins the whole
 * organisation, inspectors their own reports.
 */
import type { Kysely } from 'kysely';
import { catalogue } from '$lib/catalogue';
import type { Verdict } from '$lib/catalogue/types';
import { PROVISION_OUTCOMES, type ProvisionOutcome } from '$lib/contract/enums';
import { pstiProvisionIds } from '$lib/inspection/rollup';
import { checkReportDocument, type ReportDocument } from '$lib/contract/report-document';
import { reportFileStem } from '$lib/report/file-name';
import { reportContent, type ReportContent } from '$lib/report/pdf-content';
import {
	fingerprintFromKeyId,
	readUnverified,
	REPORT_TYP,
	reportHash,
	verifyCompact,
	type PublicJwk
} from '$lib/signing';
import { registerKey, type ReportQuery, type ReportSummary } from '$lib/contract/protocol';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { Problem } from '../problem';
import { evidenceStore, readVerified } from '../evidence';
import { getReport, searchReports, visibleReports } from '../sync/reports';

type Db = Kysely<Database>;

export type PstiId = (typeof pstiProvisionIds)[number];

export interface ReviewSummary extends ReportSummary {
	/** "Acme SC-CAM-200", else "GTIN …", else "Product not identified". */
	title: string;
	/** "Corner Electrics, 1 High Street". */
	place: string;
	deviceLabel: string | null;
	/** Answers per verdict. */
	counts: Record<Verdict, number>;
	/** The PSTI requirements' outcomes, where the roll-up has them. */
	psti: Partial<Record<PstiId, ProvisionOutcome>>;
}

export interface ReviewPage {
	reports: ReviewSummary[];
	nextCursor: string | null;
}

export interface RollupRow {
	framework: string;
	provisions: { id: string; outcome: ProvisionOutcome }[];
}

type Query = Omit<ReportQuery, 'limit'>;

/** At most this many values in one `in (…)`, well inside SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
	return out;
}

/** The product's name as a reader says it (the same words as the PDF's title). */
export function productTitle(p: {
	gtin?: string | null;
	brand?: string | null;
	model?: string | null;
}) {
	return (
		[p.brand, p.model].filter(Boolean).join(' ') ||
		(p.gtin ? `GTIN ${p.gtin}` : 'Product not identified')
	);
}

/**
 * The document inside a stored JWS. The server verified the signature and validated the document
 * when it received the report and keeps the JWS verbatim, so reading it needs no second check
 * (the report page verifies again anyway, to show it).
 */
function storedDocument(jws: string): ReportDocument | null {
	const checked = checkReportDocument(readUnverified(jws)?.payload);
	return checked.ok ? checked.document : null;
}

const placeOf = (document: ReportDocument | null) =>
	document ? [document.place.name, document.place.address].filter(Boolean).join(', ') : '';

/** One page of the search, as the list shows it. */
export async function reviewReports(
	db: Db,
	user: SessionUser,
	query: Query,
	limit = 25
): Promise<ReviewPage> {
	const page = await searchReports(db, user, { ...query, limit });
	return { reports: await withDetails(db, user, page.reports), nextCursor: page.nextCursor };
}

/** Every report the search finds, page after page (for the exports). */
export async function allReviewReports(
	db: Db,
	user: SessionUser,
	query: Query
): Promise<ReviewSummary[]> {
	const all: ReviewSummary[] = [];
	let cursor: string | undefined;
	do {
		const page = await reviewReports(db, user, { ...query, cursor }, 200);
		all.push(...page.reports);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** Adds verdict counts, PSTI indications, place and device label to reports already visible. */
async function withDetails(
	db: Db,
	user: SessionUser,
	reports: ReportSummary[]
): Promise<ReviewSummary[]> {
	if (reports.length === 0) return [];
	const ids = reports.map((r) => r.reportId);
	const counts = new Map<string, Record<Verdict, number>>();
	const psti = new Map<string, Partial<Record<PstiId, ProvisionOutcome>>>();
	const places = new Map<string, string>();
	for (const part of chunks(ids)) {
		const answers = await db
			.selectFrom('report_answers')
			.select(['report_id', 'verdict', (eb) => eb.fn.countAll<number | string>().as('n')])
			.where('report_id', 'in', part)
			.groupBy(['report_id', 'verdict'])
			.execute();
		for (const row of answers) {
			const entry = counts.get(row.report_id) ?? {
				PASS: 0,
				FAIL: 0,
				NA: 0,
				INCONCLUSIVE: 0,
				REFER: 0
			};
			entry[row.verdict as Verdict] = Number(row.n);
			counts.set(row.report_id, entry);
		}
		const provisions = await db
			.selectFrom('report_provisions')
			.select(['report_id', 'provision_id', 'outcome'])
			.where('framework', '=', 'PSTI')
			.where('report_id', 'in', part)
			.execute();
		for (const row of provisions) {
			const entry = psti.get(row.report_id) ?? {};
			entry[row.provision_id as PstiId] = row.outcome as ProvisionOutcome;
			psti.set(row.report_id, entry);
		}
		const jwss = await db
			.selectFrom('reports')
			.select(['id', 'jws'])
			.where('id', 'in', part)
			.execute();
		for (const row of jwss) places.set(row.id, placeOf(storedDocument(row.jws)));
	}
	const kids = [...new Set(reports.map((r) => r.deviceKid))];
	const labels = new Map<string, string>();
	for (const part of chunks(kids)) {
		const devices = await db
			.selectFrom('devices')
			.select(['kid', 'label'])
			.where('org_id', '=', user.orgId)
			.where('kid', 'in', part)
			.execute();
		for (const device of devices) labels.set(device.kid, device.label);
	}
	return reports.map((report) => ({
		...report,
		title: productTitle(report),
		place: places.get(report.reportId) ?? '',
		deviceLabel: labels.get(report.deviceKid) ?? null,
		counts: counts.get(report.reportId) ?? { PASS: 0, FAIL: 0, NA: 0, INCONCLUSIVE: 0, REFER: 0 },
		psti: psti.get(report.reportId) ?? {}
	}));
}

/** Each report's roll-up as indexed at receipt: framework, then provision and outcome. */
export async function rollups(db: Db, ids: readonly string[]): Promise<Map<string, RollupRow[]>> {
	const byReport = new Map<string, RollupRow[]>();
	for (const part of chunks(ids)) {
		const rows = await db
			.selectFrom('report_provisions')
			.select(['report_id', 'framework', 'provision_id', 'outcome'])
			.where('report_id', 'in', part)
			.orderBy('report_id')
			.orderBy('position')
			.execute();
		for (const row of rows) {
			const sections = byReport.get(row.report_id) ?? [];
			let section = sections.find((s) => s.framework === row.framework);
			if (!section) sections.push((section = { framework: row.framework, provisions: [] }));
			section.provisions.push({ id: row.provision_id, outcome: row.outcome as ProvisionOutcome });
			byReport.set(row.report_id, sections);
		}
	}
	return byReport;
}

// ---------------------------------------------------------------- one report

export type SignatureStatus =
	| {
			verified: true;
			deviceLabel: string;
			deviceOwner: string;
			fingerprint: string;
			revokedAt: string | null;
	  }
	| { verified: false; reason: string; fingerprint: string | null; revokedAt: string | null };

export interface ReviewDetail {
	summary: ReviewSummary;
	signature: SignatureStatus;
	/** Whether the SHA-256 of the stored JWS is still the hash given in the receipt. */
	hashMatches: boolean;
	/** What the report says, in the PDF's words; null if the stored document cannot be read. */
	content: ReportContent | null;
	/** The place's kind and the bundle, for the heading. */
	document: ReportDocument | null;
}

/**
 * Verifies the stored JWS again, now, with the key enrolled for the device that signed it: the
 * signature, the header's kid and typ, and that the document names that same device.
 */
async function verifyStored(
	db: Db,
	orgId: string,
	jws: string,
	kid: string,
	document: ReportDocument | null
): Promise<SignatureStatus> {
	const device = await db
		.selectFrom('devices')
		.innerJoin('users', 'users.id', 'devices.user_id')
		.select(['devices.label', 'devices.public_jwk', 'devices.revoked_at', 'users.name'])
		.where('devices.kid', '=', kid)
		.where('devices.org_id', '=', orgId)
		.executeTakeFirst();
	let fingerprint: string | null = null;
	try {
		fingerprint = fingerprintFromKeyId(kid);
	} catch {
		/* shown as unknown */
	}
	const failed = (reason: string): SignatureStatus => ({
		verified: false,
		reason,
		fingerprint,
		revokedAt: device?.revoked_at ?? null
	});
	if (!device) return failed('The device that signed this report is not enrolled here.');
	let key: PublicJwk;
	try {
		key = JSON.parse(device.public_jwk) as PublicJwk;
	} catch {
		return failed('The enrolled key of the device cannot be read.');
	}
	const result = await verifyCompact(jws, key, { expectedKid: kid, expectedTyp: REPORT_TYP });
	if (!result.ok) return failed(result.reason);
	if (!document || document.device.keyId !== kid)
		return failed('The signed document names another device than the key that signed it.');
	return {
		verified: true,
		deviceLabel: device.label,
		deviceOwner: device.name,
		fingerprint: fingerprint ?? kid,
		revokedAt: device.revoked_at
	};
}

/** The report page's data; 404 (a Problem) for a report this user may not see or that is not. */
export async function reviewReport(db: Db, user: SessionUser, id: string): Promise<ReviewDetail> {
	const { jws, photos: _photos, ...report } = await getReport(db, user, id);
	const detail = { ...report, jws };
	const [summary] = await withDetails(db, user, [report]);
	const document = storedDocument(detail.jws);
	const [signature, hash] = await Promise.all([
		verifyStored(db, user.orgId, detail.jws, detail.deviceKid, document),
		reportHash(detail.jws)
	]);
	let content: ReportContent | null = null;
	if (document) {
		try {
			content = reportContent(document, catalogue, detail.reportHash);
		} catch {
			content = null;
		}
	}
	return {
		summary: summary!,
		signature,
		hashMatches: hash === detail.reportHash,
		content,
		document
	};
}

/**
 * A photo of a report this user may see, by its SHA-256: only photos the report names, and only
 * when the organisation holds them. Undefined otherwise (the PDF then says "not held").
 */
export async function reportPhoto(
	db: Db,
	dataDir: string,
	user: SessionUser,
	reportId: string,
	sha256: string
): Promise<Uint8Array | undefined> {
	const row = await visibleReports(db, user)
		.innerJoin('report_photos', 'report_photos.report_id', 'reports.id')
		.innerJoin('evidence', (join) =>
			join
				.onRef('evidence.sha256', '=', 'report_photos.sha256')
				.on('evidence.org_id', '=', user.orgId)
		)
		.select('evidence.sha256')
		.where('reports.id', '=', reportId.toLowerCase())
		.where('report_photos.sha256', '=', sha256)
		.executeTakeFirst();
	if (!row) return undefined;
	try {
		return (await readVerified(evidenceStore(), sha256)) ?? undefined;
	} catch {
		return undefined;
	}
}

/** The report's PDF, made by the app's own renderer from the stored document and photos. */
export async function reportPdf(
	db: Db,
	dataDir: string,
	user: SessionUser,
	id: string
): Promise<{ bytes: Uint8Array; fileName: string }> {
	const detail = await getReport(db, user, id);
	const document = storedDocument(detail.jws);
	if (!document)
		throw new Problem(500, 'unreadable-report', 'The stored report cannot be read as a document.');
	const { renderReportPdf } = await import('$lib/report/pdf');
	const bytes = await renderReportPdf({
		document,
		catalogue,
		reportHash: detail.reportHash,
		photo: (sha256) => reportPhoto(db, dataDir, user, detail.reportId, sha256)
	});
	return { bytes, fileName: `${reportFileStem(document)}.pdf` };
}

// ---------------------------------------------------------------- the product register

export interface ProductInspection {
	reportId: string;
	finishedAt: string;
	place: string;
	inspector: string;
	bundleId: string;
}

export interface ProductEntry {
	key: string;
	title: string;
	gtin: string | null;
	brand: string | null;
	model: string | null;
	/** Newest first. */
	inspections: ProductInspection[];
	/** Each place it was inspected at, once, most recent first. */
	places: string[];
	latest: {
		reportId: string;
		finishedAt: string;
		psti: { id: PstiId; outcome: ProvisionOutcome }[];
		/** Per framework, the number of provisions per outcome (not assessed left out). */
		frameworks: { framework: string; counts: { outcome: ProvisionOutcome; count: number }[] }[];
	};
}

/** A product is its GTIN; without one, its brand and model; without those, not identified. */
export function productKey(p: { gtin: string | null; brand: string | null; model: string | null }) {
	return registerKey(p) ?? 'unidentified';
}

/** The register's counts leave "not assessed" out: it says what was checked. */
const assessedOutcomes = PROVISION_OUTCOMES.filter((outcome) => outcome !== 'NOT_ASSESSED');

/** Every product in the reports this user sees, most recently inspected first. */
export async function productRegister(db: Db, user: SessionUser): Promise<ProductEntry[]> {
	const rows = await visibleReports(db, user)
		.select([
			'reports.id',
			'reports.gtin',
			'reports.brand',
			'reports.model',
			'reports.finished_at',
			'reports.inspector',
			'reports.bundle_id',
			'reports.jws'
		])
		.orderBy('reports.finished_at', 'desc')
		.orderBy('reports.id', 'desc')
		.execute();
	const products = new Map<string, Omit<ProductEntry, 'latest'>>();
	for (const row of rows) {
		const key = productKey(row);
		const place = placeOf(storedDocument(row.jws));
		let entry = products.get(key);
		if (!entry) {
			entry = {
				key,
				title: key === 'unidentified' ? 'Products not identified' : productTitle(row),
				gtin: row.gtin,
				brand: row.brand,
				model: row.model,
				inspections: [],
				places: []
			};
			products.set(key, entry);
		}
		// Rows come newest first, so the first name seen for a GTIN is the latest one.
		entry.brand ??= row.brand;
		entry.model ??= row.model;
		entry.inspections.push({
			reportId: row.id,
			finishedAt: row.finished_at,
			place,
			inspector: row.inspector,
			bundleId: row.bundle_id
		});
		if (place && !entry.places.includes(place)) entry.places.push(place);
	}
	const latestIds = [...products.values()].map((p) => p.inspections[0]!.reportId);
	const rolled = await rollups(db, latestIds);
	return [...products.values()].map((entry) => {
		const latest = entry.inspections[0]!;
		const sections = rolled.get(latest.reportId) ?? [];
		const pstiSection = sections.find((s) => s.framework === 'PSTI');
		return {
			...entry,
			latest: {
				reportId: latest.reportId,
				finishedAt: latest.finishedAt,
				psti: pstiProvisionIds.flatMap((id) => {
					const p = pstiSection?.provisions.find((x) => x.id === id);
					return p ? [{ id, outcome: p.outcome }] : [];
				}),
				frameworks: sections
					.filter((s) => s.framework !== 'PSTI')
					.map((s) => ({
						framework: s.framework,
						counts: assessedOutcomes.flatMap((outcome) => {
							const count = s.provisions.filter((p) => p.outcome === outcome).length;
							return count ? [{ outcome, count }] : [];
						})
					}))
			}
		};
	});
}
