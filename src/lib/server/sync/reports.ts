import type { Kysely } from 'kysely';
import { checkReportDocument, type ReportDocument } from '$lib/contract/report-document';
import { REPORT_TYP, reportHash, verifyCompact, type PublicJwk } from '$lib/signing';
import type {
	ReportDetail,
	ReportList,
	ReportQuery,
	ReportReceipt,
	ReportSummary
} from '$lib/contract/protocol';
import { UUID } from '$lib/contract/protocol';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { Problem } from '../problem';
import { missingEvidence } from './evidence';

type Db = Kysely<Database>;

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function unverifiedHeader(jws: string): Record<string, unknown> | null {
	try {
		const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString('utf8'));
		return typeof header === 'object' && header && !Array.isArray(header) ? header : null;
	} catch {
		return null;
	}
}

const MALFORMED = new Set(['malformed-compact', 'malformed-base64url', 'malformed-header']);

/**
 * Receives a signed report. In order: the JWS's shape and algorithm (400), the key it names
 * (unknown 401; revoked or another person's device 403), the signature with that enrolled key
 * (422), the document against the report schema (422 with the path), the id in the URL, a report
 * already held under this id (the same JWS: 200; another: 409), every photo it names held by the
 * organisation (409 listing what is missing). Then the report, its photos, answers and roll-up
 * are stored in one transaction, the JWS verbatim.
 */
export async function receiveReport(
	db: Db,
	user: SessionUser,
	id: string,
	body: Uint8Array,
	now = new Date()
): Promise<{ receipt: ReportReceipt; created: boolean }> {
	if (!UUID.test(id))
		throw new Problem(400, 'invalid-id', 'The report id in the URL is not a UUID.');
	const jws = new TextDecoder().decode(body).trim();
	if (!COMPACT.test(jws))
		throw new Problem(
			400,
			'malformed-jws',
			'The body is not a compact JWS (three base64url parts).'
		);
	const header = unverifiedHeader(jws);
	if (!header) throw new Problem(400, 'malformed-jws', 'The JWS header is not a JSON object.');
	if (header.alg !== 'ES256')
		throw new Problem(
			400,
			'alg-not-allowed',
			`alg ${JSON.stringify(header.alg)} is not accepted; only ES256 is.`
		);
	if (typeof header.kid !== 'string' || !header.kid)
		throw new Problem(400, 'missing-kid', 'The JWS header names no kid.');
	const kid = header.kid;

	const device = await db
		.selectFrom('devices')
		.selectAll()
		.where('kid', '=', kid)
		.executeTakeFirst();
	if (!device || device.org_id !== user.orgId)
		throw new Problem(
			401,
			'unknown-key',
			'The key that signed this report is not enrolled. Enrol this device first.'
		);
	if (device.revoked_at)
		throw new Problem(
			403,
			'device-revoked',
			'The device that signed this report has been revoked.'
		);
	if (device.user_id !== user.id)
		throw new Problem(
			403,
			'not-your-device',
			'This report was signed by a device enrolled to someone else.'
		);

	const publicJwk = JSON.parse(device.public_jwk) as PublicJwk;
	const verified = await verifyCompact(jws, publicJwk, {
		expectedKid: kid,
		expectedTyp: REPORT_TYP
	});
	if (!verified.ok) {
		const status = MALFORMED.has(verified.code) || verified.code === 'alg-not-allowed' ? 400 : 422;
		throw new Problem(status, 'bad-signature', verified.reason, { reason: verified.code });
	}
	let payload: unknown;
	try {
		payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(verified.payload));
	} catch {
		throw new Problem(422, 'invalid-document', 'The signed payload is not JSON.', {
			path: '(document)'
		});
	}
	const checked = checkReportDocument(payload);
	if (!checked.ok)
		throw new Problem(422, 'invalid-document', `${checked.path}: ${checked.message}`, {
			path: checked.path
		});
	const document = checked.document;
	if (
		document.device.keyId !== kid ||
		(['kty', 'crv', 'x', 'y'] as const).some((m) => document.device.publicJwk[m] !== publicJwk[m])
	)
		throw new Problem(
			422,
			'device-mismatch',
			'The document names another device than the key that signed it.',
			{
				path: 'device'
			}
		);
	if (document.reportId !== id.toLowerCase())
		throw new Problem(
			422,
			'id-mismatch',
			`The URL names report ${id}, the document ${document.reportId}.`,
			{
				path: 'reportId'
			}
		);

	const hash = await reportHash(jws);
	const earlier = await alreadyHeld(db, document.reportId, jws);
	if (earlier) return { receipt: earlier, created: false };

	const missing = await missingEvidence(
		db,
		user.orgId,
		document.photos.map((p) => p.sha256)
	);
	if (missing.length > 0)
		throw new Problem(
			409,
			'missing-evidence',
			`The server does not have ${missing.length} of the report’s photos; upload them first.`,
			{
				missing
			}
		);

	const receipt: ReportReceipt = {
		reportId: document.reportId,
		reportHash: hash,
		receivedAt: now.toISOString()
	};
	try {
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('reports')
				.values(row(document, user, kid, jws, receipt))
				.execute();
			if (document.photos.length)
				await trx
					.insertInto('report_photos')
					.values(
						document.photos.map((p, position) => ({
							report_id: document.reportId,
							position,
							sha256: p.sha256
						}))
					)
					.execute();
			if (document.answers.length)
				await trx
					.insertInto('report_answers')
					.values(
						document.answers.map((a, position) => ({
							report_id: document.reportId,
							position,
							check_id: a.checkId,
							verdict: a.verdict
						}))
					)
					.execute();
			const provisions = document.rollup.flatMap((f) =>
				f.provisions.map((p) => ({
					framework: f.framework,
					provision_id: p.id,
					outcome: p.outcome
				}))
			);
			if (provisions.length)
				await trx
					.insertInto('report_provisions')
					.values(
						provisions.map((p, position) => ({ report_id: document.reportId, position, ...p }))
					)
					.execute();
		});
	} catch (error) {
		// Two uploads of the same report at once: the loser finds the winner's row.
		const held = await alreadyHeld(db, document.reportId, jws);
		if (held) return { receipt: held, created: false };
		throw error;
	}
	return { receipt, created: true };
}

async function alreadyHeld(db: Db, id: string, jws: string): Promise<ReportReceipt | null> {
	const existing = await db
		.selectFrom('reports')
		.select(['id', 'jws', 'report_hash', 'received_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!existing) return null;
	if (existing.jws !== jws)
		throw new Problem(
			409,
			'report-conflict',
			`The server already holds a different report ${id}; a signed report never changes (amend it instead).`,
			{
				reportHash: existing.report_hash
			}
		);
	return {
		reportId: existing.id,
		reportHash: existing.report_hash,
		receivedAt: existing.received_at
	};
}

function row(
	document: ReportDocument,
	user: SessionUser,
	kid: string,
	jws: string,
	receipt: ReportReceipt
) {
	return {
		id: document.reportId,
		org_id: user.orgId,
		user_id: user.id,
		device_kid: kid,
		jws,
		report_hash: receipt.reportHash,
		received_at: receipt.receivedAt,
		gtin: document.product.gtin ?? null,
		brand: document.product.brand ?? null,
		model: document.product.model ?? null,
		inspector: document.inspector.name,
		bundle_id: document.bundle.id,
		finished_at: document.finishedAt,
		supersedes: document.supersedes
	};
}

// ---------------------------------------------------------------- reading

const likeEscape = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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

/**
 * Who reads which reports, decided here once for the API and the reviewer's pages: reviewers and
 * admins their whole organisation's, an inspector only the reports they sent themselves.
 */
export function visibleReports(db: Db, user: SessionUser) {
	let query = db.selectFrom('reports').where('reports.org_id', '=', user.orgId);
	if (user.role === 'inspector') query = query.where('reports.user_id', '=', user.id);
	return query;
}

const summaryColumns = [
	'reports.id',
	'reports.report_hash',
	'reports.received_at',
	'reports.gtin',
	'reports.brand',
	'reports.model',
	'reports.inspector',
	'reports.bundle_id',
	'reports.finished_at',
	'reports.supersedes',
	'reports.device_kid'
] as const;

type SummaryRow = {
	id: string;
	report_hash: string;
	received_at: string;
	gtin: string | null;
	brand: string | null;
	model: string | null;
	inspector: string;
	bundle_id: string;
	finished_at: string;
	supersedes: string | null;
	device_kid: string;
};

const summary = (r: SummaryRow): ReportSummary => ({
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

/** Newest received first; `cursor` continues after the last report of the previous page. */
export async function searchReports(
	db: Db,
	user: SessionUser,
	query: Omit<ReportQuery, 'limit'> & { limit?: number }
): Promise<ReportList> {
	const limit = query.limit ?? 50;
	let q = visibleReports(db, user).select(summaryColumns);
	if (query.gtin) q = q.where('reports.gtin', '=', query.gtin.padStart(14, '0'));
	const like = (column: 'reports.model' | 'reports.brand' | 'reports.inspector', text: string) =>
		q.where((eb) => eb(eb.fn('lower', [column]), 'like', eb.val(likeEscape(text))));
	if (query.model) q = like('reports.model', query.model);
	if (query.brand) q = like('reports.brand', query.brand);
	if (query.inspector) q = like('reports.inspector', query.inspector);
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
		reports: page.map(summary),
		nextCursor: rows.length > limit && last ? encodeCursor(last.received_at, last.id) : null
	};
}

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
	return { ...summary(row), jws: row.jws, photos: photos.map((p) => p.sha256) };
}
