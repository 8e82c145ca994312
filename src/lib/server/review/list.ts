/**
 * The reviewer's list of reports and the exports: the API's own search (`reports/query.ts`), each
 * report with its verdict counts, PSTI indications, place and device added, and the roll-ups the
 * JSON export carries.
 */
import { VERDICTS, type ProvisionOutcome, type Verdict } from '$lib/contract/enums';
import type { ReportQuery, ReportSummary } from '$lib/contract/protocol';
import { pstiProvisionIds } from '$lib/inspection/rollup';
import { productTitle } from '$lib/report/pdf-content';
import type { SessionUser } from '../auth/sessions';
import type { Db } from '../db';
import { chunks } from '../db/chunks';
import { placeOf, searchReports, storedDocument } from '../reports/query';

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

const noCounts = (): Record<Verdict, number> =>
	Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;

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
export async function withDetails(
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
			const entry = counts.get(row.report_id) ?? noCounts();
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
		counts: counts.get(report.reportId) ?? noCounts(),
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
