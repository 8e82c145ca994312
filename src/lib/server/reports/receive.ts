/**
 * Receiving a signed report: `PUT /api/v1/reports/:id`. The one writer of the `reports` table
 * and the rows that index it.
 */
import { createHash } from 'node:crypto';
import type { ReportDocument } from '$lib/contract/report-document';
import { reportSigner, verifyReport, type ReportFailure } from '$lib/contract/verify-report';
import type { PublicJwk } from '$lib/signing';
import { UUID, type ReportReceipt } from '$lib/contract/protocol';
import type { SessionUser } from '../auth/sessions';
import { sql } from 'kysely';
import { writeTransaction, type Db } from '../db';
import { IN_LIST_CHUNK, rowChunks } from '../db/chunks';
import { Problem } from '../problem';
import { missingEvidence, uploadedBy } from '../sync/evidence';

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** What the JWS check found that means the body is not a usable JWS at all, rather than a forgery. */
const MALFORMED = new Set(['malformed-compact', 'malformed-base64url', 'malformed-header']);

/** A failed verification as the API answers it: 400 for what is not a report JWS, else 422. */
function refusal(failure: ReportFailure): Problem {
	const { code, reason, path, signature, canonical } = failure;
	if (code === 'bad-signature') {
		const malformed = MALFORMED.has(signature!) || signature === 'alg-not-allowed';
		return new Problem(malformed ? 400 : 422, code, reason, { reason: signature });
	}
	if (code === 'not-canonical') return new Problem(422, code, reason, { path, reason: canonical });
	const status = code === 'malformed-jws' || code === 'alg-not-allowed' || code === 'missing-kid';
	return new Problem(status ? 400 : 422, code, reason, path ? { path } : {});
}

/**
 * Receives a signed report. In order: the JWS's shape and algorithm (400), the key it names
 * (unknown 401; revoked or another person's device 403), then `verifyReport` with that enrolled
 * key (the signature, the document against the report schema with the path, the device it names:
 * 422), the id in the URL (422), a report already held under this id (the same JWS: 200;
 * another: 409), every photo it names uploaded by this same user (409 listing what is missing).
 * Then the report, its photos, answers and roll-up are stored in one transaction (shared with
 * the reports arriving meanwhile: `storeReport`), the JWS verbatim.
 */
export async function receiveReport(
	db: Db,
	user: SessionUser,
	id: string,
	body: Uint8Array,
	now = new Date()
): Promise<{ receipt: ReportReceipt; created: boolean }> {
	// Counted as arriving until it reaches storeReport or is answered otherwise: the writer waits
	// a moment for the reports on their way before it commits (see `writeQueued`).
	const writer = writerFor(db);
	writer.arriving++;
	let arrived = false;
	const arrive = () => {
		if (arrived) return;
		arrived = true;
		writer.arriving--;
		writer.wake?.();
	};
	try {
		return await receive(db, user, id, body, now, arrive);
	} finally {
		arrive();
	}
}

async function receive(
	db: Db,
	user: SessionUser,
	id: string,
	body: Uint8Array,
	now: Date,
	arrive: () => void
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
	const signer = reportSigner(jws);
	if (!signer.ok) throw refusal(signer);
	const kid = signer.kid;

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

	const verified = await verifyReport(jws, JSON.parse(device.public_jwk) as PublicJwk);
	if (!verified.ok) throw refusal(verified);
	const { document } = verified;
	if (document.reportId !== id.toLowerCase())
		throw new Problem(
			422,
			'id-mismatch',
			`The URL names report ${id}, the document ${document.reportId}.`,
			{
				path: 'reportId'
			}
		);

	// `reportHash`, through node:crypto rather than WebCrypto: the JWS is ASCII (COMPACT above), so
	// the bytes hashed are the same, and WebCrypto's job set-up cost more than the hash itself.
	const hash = createHash('sha256').update(jws, 'latin1').digest('hex');
	// Only photos the sender uploaded: a photo's hash (printed in a shared PDF, say) is no key.
	const { existing, missing } = await heldAndMissing(
		db,
		user,
		document.reportId,
		document.photos.map((p) => p.sha256)
	);
	const earlier = heldReceipt(existing, user, document.reportId, jws);
	if (earlier) return { receipt: earlier, created: false };
	if (missing.length > 0)
		throw new Problem(
			409,
			'missing-evidence',
			`You have not uploaded ${missing.length} of the report’s photos; upload them first.`,
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
		const stored = storeReport(db, {
			report: reportRow(document, user, kid, jws, receipt),
			...indexRows(document)
		});
		arrive();
		await stored;
	} catch (error) {
		// Two uploads of the same report at once: the loser finds the winner's row.
		const held = await alreadyHeld(db, user, document.reportId, jws);
		if (held) return { receipt: held, created: false };
		throw error;
	}
	return { receipt, created: true };
}

/**
 * The receipt of the report already held under this id, when it is this very JWS; a 409 when it
 * is another. Only its own sender learns the held report's hash: to anyone else the id is simply
 * taken (a report id names one report on the whole server).
 */
async function alreadyHeld(
	db: Db,
	user: SessionUser,
	id: string,
	jws: string
): Promise<ReportReceipt | null> {
	return heldReceipt(await heldReport(db, id).executeTakeFirst(), user, id, jws);
}

interface HeldReport {
	id: string;
	user_id: string;
	jws: string;
	report_hash: string;
	received_at: string;
}

function heldReport(db: Db, id: string) {
	return db
		.selectFrom('reports')
		.select(['id', 'user_id', 'jws', 'report_hash', 'received_at'])
		.where('id', '=', id);
}

/**
 * The report held under this id (if any) and which of the photos this user has not uploaded
 * (`missingEvidence`), in one query when the photos fit in one `in` list: a round trip fewer
 * per report, which on PostgreSQL costs more than either query.
 */
async function heldAndMissing(
	db: Db,
	user: SessionUser,
	id: string,
	hashes: readonly string[]
): Promise<{ existing: HeldReport | undefined; missing: string[] }> {
	const unique = [...new Set(hashes)];
	if (unique.length === 0 || unique.length > IN_LIST_CHUNK)
		return {
			existing: await heldReport(db, id).executeTakeFirst(),
			missing: await missingEvidence(db, user, unique)
		};
	const rows = await db
		.selectFrom('reports')
		.select([
			'id',
			'user_id',
			'jws',
			'report_hash',
			'received_at',
			sql<string | null>`null`.as('sha256')
		])
		.where('id', '=', id)
		.unionAll(
			uploadedBy(db, user)
				.select([
					sql<string>`null`.as('id'),
					sql<string>`null`.as('user_id'),
					sql<string>`null`.as('jws'),
					sql<string>`null`.as('report_hash'),
					sql<string>`null`.as('received_at'),
					'sha256'
				])
				.where('sha256', 'in', unique)
		)
		.execute();
	const held = new Set(rows.flatMap((row) => (row.sha256 === null ? [] : [row.sha256])));
	const report = rows.find((row) => row.sha256 === null);
	return {
		existing: report && {
			id: report.id,
			user_id: report.user_id,
			jws: report.jws,
			report_hash: report.report_hash,
			received_at: report.received_at
		},
		missing: unique.filter((hash) => !held.has(hash))
	};
}

/** `alreadyHeld`'s answer for the row found. */
function heldReceipt(
	existing: HeldReport | undefined,
	user: SessionUser,
	id: string,
	jws: string
): ReportReceipt | null {
	if (!existing) return null;
	if (existing.jws !== jws) {
		if (existing.user_id !== user.id)
			throw new Problem(
				409,
				'report-conflict',
				`The server already holds another report with the id ${id}; sign this one again as a new report.`
			);
		throw new Problem(
			409,
			'report-conflict',
			`The server already holds a different report ${id}; a signed report never changes (amend it instead).`,
			{ reportHash: existing.report_hash }
		);
	}
	return {
		reportId: existing.id,
		reportHash: existing.report_hash,
		receivedAt: existing.received_at
	};
}

type ReportRows = { report: ReturnType<typeof reportRow> } & ReturnType<typeof indexRows>;

interface PendingReport {
	rows: ReportRows;
	stored: () => void;
	failed: (error: unknown) => void;
}

interface Writer {
	/** The reports waiting for the next commit. */
	pending: PendingReport[];
	/** Whether a group is being gathered or written. */
	writing: boolean;
	/** Reports received and still being checked: most will join the next group in a moment. */
	arriving: number;
	/** Set while the writer waits for the arriving reports; called as each one arrives. */
	wake: (() => void) | null;
}

/** Per database: its writer. */
const writers = new WeakMap<Db, Writer>();

function writerFor(db: Db): Writer {
	let writer = writers.get(db);
	if (!writer) writers.set(db, (writer = { pending: [], writing: false, arriving: 0, wake: null }));
	return writer;
}

/** Reports written together at most: a bound on one transaction's size. */
const GROUP_COMMIT = 32;

/** How long a group waits at most for the reports still being checked before it is written. */
const GATHER_MS = 4;

/**
 * Stores one report's rows, resolving once they are committed. Reports that arrive while another
 * transaction is being written wait and go together in the next one (a group commit): one commit,
 * so one fsync, for every report in it, and their index rows in a few multi-row inserts (on
 * PostgreSQL all in one statement: `writeTransaction`). The receipt still waits for its own commit.
 * When a group fails (say two uploads of the same id at once), each of its reports is tried
 * again alone, so one report's conflict is never another's.
 */
function storeReport(db: Db, rows: ReportRows): Promise<void> {
	const queue = writerFor(db);
	return new Promise((stored, failed) => {
		queue.pending.push({ rows, stored, failed });
		if (!queue.writing) void writeQueued(db, queue);
	});
}

/**
 * Waits, up to GATHER_MS, until no report is still being checked or a whole group is waiting.
 * better-sqlite3 commits synchronously, so on SQLite no report can join a group while it is
 * being written: without this wait every report would have a commit (and an fsync) of its own.
 * On PostgreSQL it saves commits too (about 10% more reports per second at 8 in flight).
 */
async function gather(queue: Writer): Promise<void> {
	if (queue.arriving === 0 || queue.pending.length >= GROUP_COMMIT) return;
	await new Promise<void>((done) => {
		const timer = setTimeout(finish, GATHER_MS);
		function finish() {
			clearTimeout(timer);
			queue.wake = null;
			done();
		}
		queue.wake = () => {
			if (queue.arriving === 0 || queue.pending.length >= GROUP_COMMIT) finish();
		};
	});
}

async function writeQueued(db: Db, queue: Writer) {
	queue.writing = true;
	try {
		while (queue.pending.length > 0) {
			await gather(queue);
			const group = queue.pending.splice(0, GROUP_COMMIT);
			try {
				await insertReports(
					db,
					group.map((p) => p.rows)
				);
				for (const p of group) p.stored();
			} catch (error) {
				if (group.length === 1) group[0]!.failed(error);
				else for (const p of group) await insertReports(db, [p.rows]).then(p.stored, p.failed);
			}
		}
	} finally {
		queue.writing = false;
	}
}

/** The reports and every row that indexes them, in one transaction. */
async function insertReports(db: Db, reports: ReportRows[]): Promise<void> {
	// In batches: a report within REPORT_LIMITS has more values than one statement binds.
	await writeTransaction(db, [
		...rowChunks(reports.map((r) => r.report)).map((part) => db.insertInto('reports').values(part)),
		...rowChunks(reports.flatMap((r) => r.photos)).map((part) =>
			db.insertInto('report_photos').values(part)
		),
		...rowChunks(reports.flatMap((r) => r.answers)).map((part) =>
			db.insertInto('report_answers').values(part)
		),
		...rowChunks(reports.flatMap((r) => r.provisions)).map((part) =>
			db.insertInto('report_provisions').values(part)
		)
	]);
}

/** The `reports` row: the JWS verbatim and the fields the search reads. */
function reportRow(
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

/** The rows that index a report for the search: its photos, answers and roll-up, in order. */
function indexRows(document: ReportDocument) {
	const report_id = document.reportId;
	return {
		photos: document.photos.map((p, position) => ({ report_id, position, sha256: p.sha256 })),
		answers: document.answers.map((a, position) => ({
			report_id,
			position,
			check_id: a.checkId,
			verdict: a.verdict
		})),
		provisions: document.rollup
			.flatMap((f) =>
				f.provisions.map((p) => ({
					framework: f.framework,
					provision_id: p.id,
					outcome: p.outcome
				}))
			)
			.map((p, position) => ({ report_id, position, ...p }))
	};
}
