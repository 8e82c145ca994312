/**
 * Reading received reports: who may read which (`visibleReports`, decided here once for the API
 * and the reviewer's pages), the search behind `GET /api/v1/reports` and the reviewer's list, one
 * report by id, and the document inside a stored JWS.
 */
import { sql, type Selectable } from 'kysely';
import { checkReportDocument, type ReportDocument } from '$lib/contract/report-document';
import {
	UUID,
	type ReportDetail,
	type ReportList,
	type ReportQuery,
	type ReportSummary
} from '$lib/contract/protocol';
import { readUnverified } from '$lib/signing/unverified';
import type { SessionUser } from '../auth/sessions';
import type { Db } from '../db';
import type { ReportsTable } from '../db/schema';
import { Problem } from '../problem';

/**
 * Reviewers and admins read their whole organisation's reports, an inspector only the reports
 * they sent themselves. Every query over reports starts here; each comes with its sender
 * (`users`), the enrolled owner of the device that signed it.
 */
export function visibleReports(db: Db, user: SessionUser) {
	let query = db
		.selectFrom('reports')
		.innerJoin('users', 'users.id', 'reports.user_id')
		.where('reports.org_id', '=', user.orgId);
	if (user.role === 'inspector') query = query.where('reports.user_id', '=', user.id);
	return query;
}

/** The columns a report's summary is made of. */
const SUMMARY_COLUMNS = [
	'id',
	'report_hash',
	'received_at',
	'gtin',
	'brand',
	'model',
	'bundle_id',
	'finished_at',
	'supersedes',
	'device_kid'
] as const satisfies readonly (keyof ReportsTable)[];

/**
 * A summary's columns, and as its inspector the account that sent it (the enrolled owner of the
 * signing device), never the name the document claims: anyone may type any name into a report.
 */
export type SummaryRow = Pick<Selectable<ReportsTable>, (typeof SUMMARY_COLUMNS)[number]> & {
	inspector: string;
};

const summaryColumns = [
	...SUMMARY_COLUMNS.map((column) => `reports.${column}` as const),
	'users.name as inspector' as const
];

const toSummary = (r: SummaryRow): ReportSummary => ({
	reportId: r.id,
	reportHash: r.report_hash,
	receivedAt: r.received_at,
	gtin: r.gtin,
	brand: r.brand,
	model: r.model,
	inspector: r.inspector,
	bundleId: r.bundle_id,
	finishedAt: r.finished_at,
	supersedes: r.supersedes,
	deviceKid: r.device_kid
});

/** A LIKE pattern matching the text anywhere, its own `%`, `_` and `\` taken literally. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function encodeCursor(receivedAt: string, id: string): string {
	return Buffer.from(JSON.stringify([receivedAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
	try {
		const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'string'))
			return value as [string, string];
	} catch {
		/* fall through */
	}
	throw new Problem(400, 'invalid-cursor', 'The cursor is not one this server gave out.');
}

/** Newest received first; `cursor` continues after the last report of the previous page. */
export async function searchReports(
	db: Db,
	user: SessionUser,
	query: Omit<ReportQuery, 'limit'> & { limit?: number }
): Promise<ReportList> {
	const limit = query.limit ?? 50;
	let q = visibleReports(db, user).select(summaryColumns);
	if (query.gtin) q = q.where('reports.gtin', '=', query.gtin.padStart(14, '0'));
	// ESCAPE named: SQLite has no default escape character, so `\%` would not be a literal `%`.
	const like = (column: 'reports.model' | 'reports.brand' | 'users.name', text: string) =>
		q.where(sql<boolean>`lower(${sql.ref(column)}) like ${containing(text)} escape ${'\\'}`);
	if (query.model) q = like('reports.model', query.model);
	if (query.brand) q = like('reports.brand', query.brand);
	if (query.inspector) q = like('users.name', query.inspector);
	if (query.from) q = q.where('reports.finished_at', '>=', query.from);
	if (query.to) q = q.where('reports.finished_at', '<', query.to);
	if (query.verdict) {
		const verdict = query.verdict;
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('report_answers')
					.select('report_answers.report_id')
					.whereRef('report_answers.report_id', '=', 'reports.id')
					.where('report_answers.verdict', '=', verdict)
			)
		);
	}
	if (query.provision || query.outcome) {
		// A provision (optionally with its outcome), or an outcome alone: any provision with it.
		const { provision, outcome } = query;
		q = q.where((eb) => {
			let sub = eb
				.selectFrom('report_provisions')
				.select('report_provisions.report_id')
				.whereRef('report_provisions.report_id', '=', 'reports.id');
			if (provision) sub = sub.where('report_provisions.provision_id', '=', provision);
			if (outcome) sub = sub.where('report_provisions.outcome', '=', outcome);
			return eb.exists(sub);
		});
	}
	if (query.cursor) {
		const [receivedAt, id] = decodeCursor(query.cursor);
		q = q.where((eb) =>
			eb.or([
				eb('reports.received_at', '<', receivedAt),
				eb.and([eb('reports.received_at', '=', receivedAt), eb('reports.id', '<', id)])
			])
		);
	}
	const rows = await q
		.orderBy('reports.received_at', 'desc')
		.orderBy('reports.id', 'desc')
		.limit(limit + 1)
		.execute();
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return {
		reports: page.map(toSummary),
		nextCursor: rows.length > limit && last ? encodeCursor(last.received_at, last.id) : null
	};
}

/** One report this user may see, with its JWS and photo hashes; 404 otherwise. */
export async function getReport(db: Db, user: SessionUser, id: string): Promise<ReportDetail> {
	const row = UUID.test(id)
		? await visibleReports(db, user)
				.select([...summaryColumns, 'reports.jws'])
				.where('reports.id', '=', id.toLowerCase())
				.executeTakeFirst()
		: undefined;
	if (!row) throw new Problem(404, 'no-such-report', 'There is no such report.');
	const photos = await db
		.selectFrom('report_photos')
		.select('sha256')
		.where('report_id', '=', row.id)
		.orderBy('position')
		.execute();
	return { ...toSummary(row), jws: row.jws, photos: photos.map((p) => p.sha256) };
}

/**
 * The document inside a stored JWS. The server verified the signature and validated the document
 * when it received the report and keeps the JWS verbatim, so reading it needs no second check
 * (the report page verifies again anyway, to show it).
 */
export function storedDocument(jws: string): ReportDocument | null {
	const checked = checkReportDocument(readUnverified(jws)?.payload);
	return checked.ok ? checked.document : null;
}

/** "Corner Electrics, 1 High Street": where the document says the inspection was. */
export const placeOf = (document: ReportDocument | null) =>
	document ? [document.place.name, document.place.address].filter(Boolean).join(', ') : '';
