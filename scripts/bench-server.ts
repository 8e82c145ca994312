// `npm run bench:server` (`tsx scripts/bench-server.ts [reports] [photos]`): the team server's
// sync API under load, with the load generator and the server on this machine. Per engine
// (SQLite; PostgreSQL too when TEST_DATABASE_URL names a role that may create databases):
// - signed reports accepted per second, `reports` of them (default 400) at 1 and at 8 in flight.
//   Each is a distinct ES256-signed document naming 3 photos already uploaded; the server checks
//   the key, the signature, the schema and the photos, and stores it in one transaction.
// - photo uploads in MB/s (1 MB = 10^6 bytes), `photos` of them (default 32) at 1 and at 4 in
//   flight: distinct bodies of 1 to 3 MB of random bytes (the server only hashes and stores them,
//   so their content does not matter), each hashed, fsynced and renamed into place.
// - one "which of these do you lack" query for 1000 hashes (the protocol's maximum).
// - the floor: the same documents verified with jose and inserted (one row each, its own commit)
//   with better-sqlite3 (WAL, synchronous=FULL) or pg, without HTTP or any of the server's other
//   checks, at 8 in flight in this process; the server's reports/s at 8 over it is the ratio.
// Then, beside those: two server processes on one PostgreSQL database (the load generator sends
// each request to the next process, as a round-robin proxy would), signed reports at 8 in flight;
// and photo uploads to an S3-compatible bucket (moto_server on 127.0.0.1, when installed) instead
// of files, at 1 and 4 in flight.
// The server is the production build started by `npm start`'s script with its default settings
// (SQLite WAL with synchronous=FULL; PostgreSQL as configured, its fsync settings printed). Set-up
// and Argon2id sign-ins happen before any timing; reports are signed before their timing starts.
// Every answer must be the expected status, and the reports are counted afterwards through
// `GET /api/v1/reports` as a reviewer, so errors cannot pass for speed. Writes
// bench-results/server.json.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { compactVerify, importJWK } from 'jose';
import pg from 'pg';
import { machine } from './bench-support.js';
import { s3ServerAvailable, startS3Server } from '../e2e/support/s3';
import { freshDataDir, startServer } from '../e2e/support/server';
import { ensureBuild } from './build-if-needed.js';
import {
	addUser,
	adminUrl,
	client,
	enrol,
	freePort,
	newDevice,
	postForm,
	PASSWORD,
	sessionCookie,
	reportDocument,
	setUp,
	sign,
	startApiServer,
	type Engine,
	type PhotoRef,
	type Reachable
} from '../e2e/support/api';
import {
	API,
	MAX_MISSING_QUERY,
	type MissingEvidenceResponse,
	type ReportList
} from '../src/lib/contract/protocol';

const root = fileURLToPath(new URL('..', import.meta.url));
const REPORTS = Number(process.argv[2] ?? 400);
const PHOTOS = Number(process.argv[3] ?? 32);
const REPORT_CONCURRENCY = [1, 8];
const PHOTO_CONCURRENCY = [1, 4];
const PHOTOS_PER_REPORT = 3;
/** Answers per report: the helper's two plus filler, about a shop visit's worth of checks. */
const ANSWERS = 20;
const MISSING_RUNS = 20;
const MB = 1e6;

type Api = ReturnType<typeof client>;

interface Row {
	engine: string;
	what: string;
	inFlight: number;
	n: number;
	medianMs: number;
	p95Ms: number;
	throughput: string;
	coldMs: number | null;
}

const builtNow = ensureBuild();
// Other work on the machine shares its cores with the server and the load generator.
const loadAtStart = loadavg()[0]!;
const engines: Engine[] = adminUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const started = performance.now();
const rows: Row[] = [];
const floorRatios: Record<string, number> = {};
const notes: string[] = [];
if (!adminUrl) notes.push('PostgreSQL skipped: TEST_DATABASE_URL is not set.');
else notes.push(`PostgreSQL: ${await postgresSettings(adminUrl)}.`);

for (const engine of engines) rows.push(...(await benchEngine(engine)));
if (adminUrl) rows.push(...(await benchTwoProcesses(adminUrl)));
if (s3ServerAvailable()) rows.push(...(await benchS3Photos()));
else notes.push('S3 skipped: moto_server is not installed.');

const totalSeconds = (performance.now() - started) / 1000;
const { chromium: _chromium, ...host } = machine(undefined);
const results = {
	machine: host,
	date: new Date().toISOString(),
	build: builtNow ? 'built by this run' : 'reused (up to date)',
	loadAverageAtStart: Number(loadAtStart.toFixed(2)),
	reportsPerLevel: REPORTS,
	photosPerLevel: PHOTOS,
	answersPerReport: ANSWERS,
	photosPerReport: PHOTOS_PER_REPORT,
	totalSeconds: Number(totalSeconds.toFixed(1)),
	floorRatios,
	notes,
	rows
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/server.json'), `${JSON.stringify(results, null, '\t')}\n`);
print();

async function benchEngine(engine: Engine): Promise<Row[]> {
	const server = await startApiServer(engine);
	try {
		// Untimed: the set-up link, invitations and sign-ins (Argon2id), enrolling the device.
		const adminCookie = await setUp(server);
		const inspectorToken = await addUser(server, adminCookie, 'ivy@acme.test', 'inspector');
		const inspector = client(server, inspectorToken);
		const reviewer = client(
			server,
			await addUser(server, adminCookie, 'rex@acme.test', 'reviewer')
		);
		const key = await newDevice();
		expectStatus(await enrol(inspector, key, 'Bench phone'), 201, 'enrolling the device');
		const out: Row[] = [];

		// Photos. The first upload of the run is timed alone, as the cold figure.
		const held: PhotoRef[] = [];
		let photoCold: number | null = null;
		for (const inFlight of PHOTO_CONCURRENCY) {
			if (photoCold === null) {
				const [first] = photoBodies(1);
				photoCold = await putPhoto(inspector, first!);
				held.push(first!);
			}
			const bodies = photoBodies(PHOTOS);
			const run = await inParallel(bodies, inFlight, (photo) => putPhoto(inspector, photo));
			held.push(...bodies);
			const bytes = bodies.reduce((sum, photo) => sum + photo.bytes, 0);
			out.push({
				engine,
				what: 'photo PUT, 1-3 MB',
				inFlight,
				n: bodies.length,
				...stats(run.latencies),
				throughput: `${(bytes / MB / (run.wallMs / 1000)).toFixed(1)} MB/s`,
				coldMs: inFlight === PHOTO_CONCURRENCY[0] ? photoCold : null
			});
		}

		// Which of 1000 hashes the server lacks: every photo held, the rest unknown.
		const unknown = Array.from({ length: MAX_MISSING_QUERY - held.length }, () =>
			randomBytes(32).toString('hex')
		);
		const hashes = [...held.map((p) => p.sha256), ...unknown].sort();
		const missingTimes: number[] = [];
		for (let i = 0; i <= MISSING_RUNS; i++)
			missingTimes.push(await askMissing(inspector, hashes, unknown));
		const [missingCold, ...missingWarm] = missingTimes;
		out.push({
			engine,
			what: `missing? ${hashes.length} hashes`,
			inFlight: 1,
			n: missingWarm.length,
			...stats(missingWarm),
			throughput: `${(1000 / median(missingWarm)).toFixed(0)} queries/s`,
			coldMs: missingCold!
		});

		// Signed reports, all signed before any is sent; each names 3 of the photos just uploaded.
		const total = 1 + REPORTS * REPORT_CONCURRENCY.length;
		const signed = await signReports(key, held, total);
		const putReport = reportSender([server], inspectorToken);
		const reportCold = await putReport(signed[0]!);
		let next = 1;
		for (const inFlight of REPORT_CONCURRENCY) {
			const batch = signed.slice(next, next + REPORTS);
			next += REPORTS;
			const run = await inParallel(batch, inFlight, putReport);
			out.push({
				engine,
				what: `signed report PUT, ${PHOTOS_PER_REPORT} photos`,
				inFlight,
				n: batch.length,
				...stats(run.latencies),
				throughput: `${(batch.length / (run.wallMs / 1000)).toFixed(0)} reports/s`,
				coldMs: inFlight === REPORT_CONCURRENCY[0] ? reportCold : null
			});
		}

		// The floor, in this run: the same kind of documents, verified with jose and inserted.
		const floorReports = await signReports(key, held, REPORTS);
		const floor = await floorRun(engine, key, floorReports, server.databaseUrl);
		out.push({
			engine,
			what: 'floor: jose verify + insert',
			inFlight: 8,
			n: floorReports.length,
			...stats(floor.latencies),
			throughput: `${(floorReports.length / (floor.wallMs / 1000)).toFixed(0)} reports/s`,
			coldMs: null
		});
		const at8 = out.find((row) => row.what.startsWith('signed report') && row.inFlight === 8)!;
		const ratio = Number.parseFloat(at8.throughput) / (floorReports.length / (floor.wallMs / 1000));
		floorRatios[engine] = Number(ratio.toFixed(2));
		notes.push(
			`${engine}: server at 8 in flight / floor = ${ratio.toFixed(2)} (${at8.throughput} against ${(floorReports.length / (floor.wallMs / 1000)).toFixed(0)}).`
		);

		// Counted afterwards as a reviewer: every report sent is listed, once.
		const listed = await listReports(reviewer);
		const sent = new Set(signed.map((r) => r.id));
		if (listed.length !== sent.size || !listed.every((id) => sent.has(id)))
			throw new Error(
				`${engine}: sent ${sent.size} reports, the server lists ${listed.length} (${new Set(listed).size} distinct)`
			);
		notes.push(
			`${engine}: all ${sent.size} reports listed by GET ${API.reports}, all ${held.length} photos held.`
		);
		return out;
	} finally {
		await server.dispose();
		// About 130 MB of photos per engine: not left behind in the temporary folder.
		rmSync(server.dataDir, { recursive: true, force: true });
	}
}

/**
 * Two processes on one fresh PostgreSQL database, the requests dealt to them in turn: signed
 * reports at 8 in flight. Set-up, sign-ins, enrolment and the photos are untimed.
 */
async function benchTwoProcesses(url: string): Promise<Row[]> {
	const name = `shelfcheck_bench_${Date.now()}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const databaseUrl = Object.assign(new URL(url), { pathname: `/${name}` }).href;
	const ports = [await freePort(), await freePort()];
	const servers = await Promise.all(
		ports.map((port) =>
			startServer({ port, dataDir: freshDataDir(), env: { DATABASE_URL: databaseUrl } })
		)
	);
	try {
		const link = servers
			.map((s) => /\/setup\/[A-Za-z0-9_-]{43}/.exec(s.output())?.[0])
			.find(Boolean);
		if (!link) throw new Error('two processes: no set-up link printed');
		const setup = await postForm(servers[0]!, link, {
			organisation: 'Bench',
			name: 'Ada Admin',
			email: 'admin@acme.test',
			password: PASSWORD
		});
		const cookie = sessionCookie(setup)!;
		const token = await addUser(servers[0]!, cookie, 'ivy@acme.test', 'inspector');
		const apis = servers.map((s) => client(s, token));
		let turn = 0;
		const dealt: Api = (path, init) => apis[turn++ % apis.length]!(path, init);
		const key = await newDevice();
		await expectStatus(await enrol(dealt, key, 'Bench phone'), 201, 'enrolling the device');
		const photos = photoBodies(PHOTOS_PER_REPORT * 4);
		for (const photo of photos) await putPhoto(dealt, photo);
		const signed = await signReports(key, photos, REPORTS);
		const run = await inParallel(signed, 8, reportSender(servers, token));
		const listed = await listReports(client(servers[1]!, token));
		if (listed.length !== signed.length)
			throw new Error(`two processes: sent ${signed.length} reports, ${listed.length} listed`);
		notes.push(`postgres ×2: all ${signed.length} reports listed once, through the other process.`);
		return [
			{
				engine: 'postgres ×2',
				what: `signed report PUT, ${PHOTOS_PER_REPORT} photos`,
				inFlight: 8,
				n: signed.length,
				...stats(run.latencies),
				throughput: `${(signed.length / (run.wallMs / 1000)).toFixed(0)} reports/s`,
				coldMs: null
			}
		];
	} finally {
		await Promise.all(servers.map((s) => s.stop()));
		const again = new pg.Client({ connectionString: url });
		await again.connect();
		await again.query(`drop database if exists ${name} with (force)`);
		await again.end();
		for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
	}
}

/**
 * The floor: each report verified with jose (the key imported once) and inserted as one row in
 * its own transaction, 8 at a time, in this process, into a fresh database of the engine's kind.
 */
async function floorRun(
	engine: Engine,
	key: Awaited<ReturnType<typeof newDevice>>,
	reports: SignedReport[],
	serverDatabaseUrl: string | undefined
): Promise<{ latencies: number[]; wallMs: number }> {
	const verifyKey = await importJWK(key.publicJwk, 'ES256');
	const verify = async (report: SignedReport) => {
		const { payload } = await compactVerify(report.jws, verifyKey, { algorithms: ['ES256'] });
		return JSON.parse(new TextDecoder().decode(payload)) as { reportId: string };
	};
	if (engine === 'sqlite') {
		const dir = freshDataDir();
		const db = new Database(join(dir, 'floor.db'));
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = FULL');
		db.exec('create table floor (id text primary key, jws text not null)');
		const insert = db.prepare('insert into floor (id, jws) values (?, ?)');
		try {
			return await inParallel(reports, 8, async (report) => {
				const start = performance.now();
				insert.run((await verify(report)).reportId, report.jws);
				return performance.now() - start;
			});
		} finally {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	}
	// A table of its own in the server's fresh database, through a pool like the server's.
	const pool = new pg.Pool({ connectionString: serverDatabaseUrl, max: 10 });
	try {
		await pool.query('create table bench_floor (id text primary key, jws text not null)');
		return await inParallel(reports, 8, async (report) => {
			const start = performance.now();
			const { reportId } = await verify(report);
			await pool.query('insert into bench_floor (id, jws) values ($1, $2)', [reportId, report.jws]);
			return performance.now() - start;
		});
	} finally {
		await pool.end();
	}
}

/** Photo uploads into an S3-compatible bucket on this machine instead of files. */
async function benchS3Photos(): Promise<Row[]> {
	const s3 = await startS3Server();
	const server = await startApiServer('sqlite', { EVIDENCE_S3_URL: s3.url(await s3.bucket()) });
	try {
		const adminCookie = await setUp(server);
		const inspectorToken = await addUser(server, adminCookie, 'ivy@acme.test', 'inspector');
		const inspector = client(server, inspectorToken);
		const [first] = photoBodies(1);
		const cold = await putPhoto(inspector, first!);
		const out: Row[] = [];
		for (const inFlight of PHOTO_CONCURRENCY) {
			const bodies = photoBodies(PHOTOS);
			const run = await inParallel(bodies, inFlight, (photo) => putPhoto(inspector, photo));
			const bytes = bodies.reduce((sum, photo) => sum + photo.bytes, 0);
			out.push({
				engine: 'sqlite + S3',
				what: 'photo PUT, 1-3 MB',
				inFlight,
				n: bodies.length,
				...stats(run.latencies),
				throughput: `${(bytes / MB / (run.wallMs / 1000)).toFixed(1)} MB/s`,
				coldMs: inFlight === PHOTO_CONCURRENCY[0] ? cold : null
			});
		}
		notes.push(
			'sqlite + S3: photos put into moto_server on 127.0.0.1 (in memory), each with its SHA-256 checksum and read back by HeadObject.'
		);
		return out;
	} finally {
		await server.dispose();
		rmSync(server.dataDir, { recursive: true, force: true });
		await s3.stop();
	}
}

interface Photo extends PhotoRef {
	body: Uint8Array<ArrayBuffer>;
}

function photoBodies(count: number): Photo[] {
	return Array.from({ length: count }, () => {
		const body = randomBytes(randomInt(1 * MB, 3 * MB + 1));
		// A JPEG's first bytes, for appearance only: the server does not parse photos.
		body[0] = 0xff;
		body[1] = 0xd8;
		return { body, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
	});
}

async function putPhoto(api: Api, photo: Photo): Promise<number> {
	const start = performance.now();
	const response = await api(API.evidence(photo.sha256), {
		method: 'PUT',
		headers: { 'content-type': 'image/jpeg' },
		body: photo.body
	});
	await expectStatus(response, 201, `photo ${photo.sha256}`);
	return performance.now() - start;
}

async function askMissing(api: Api, hashes: string[], unknown: string[]): Promise<number> {
	const start = performance.now();
	const response = await api(API.missingEvidence, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ hashes })
	});
	const { missing } = (await expectStatus(
		response,
		200,
		'missing-evidence query'
	)) as MissingEvidenceResponse;
	const ms = performance.now() - start;
	const expected = new Set(unknown);
	if (missing.length !== expected.size || !missing.every((hash) => expected.has(hash)))
		throw new Error(`missing-evidence query: ${missing.length} missing, expected ${expected.size}`);
	return ms;
}

interface SignedReport {
	id: string;
	jws: string;
}

async function signReports(
	key: Awaited<ReturnType<typeof newDevice>>,
	photos: PhotoRef[],
	count: number
): Promise<SignedReport[]> {
	const answeredAt = '2026-11-22T10:00:00.000Z';
	const filler = Array.from({ length: ANSWERS - 2 }, (_, i) => ({
		checkId: `X-${String(i + 1).padStart(2, '0')}`,
		verdict: 'PASS',
		reason: '',
		answeredAt,
		photos: []
	}));
	const reports: SignedReport[] = [];
	for (let i = 0; i < count; i++) {
		const named = Array.from(
			{ length: PHOTOS_PER_REPORT },
			(_, j) => photos[(i * PHOTOS_PER_REPORT + j) % photos.length]!
		);
		const document = await reportDocument(key, named);
		(document.answers as unknown[]).push(...filler);
		reports.push({ id: document.reportId as string, jws: await sign(document, key) });
	}
	return reports;
}

/**
 * Sends signed reports, the requests dealt to the servers in turn, and times each to its checked
 * receipt. node:http over kept-alive connections rather than fetch: fetch (undici) spent about
 * 1.4 ms of CPU per request here, taken from the same two cores the server runs on.
 */
function reportSender(servers: Reachable[], token: string) {
	const agent = new Agent({ keepAlive: true, maxSockets: 16 });
	let turn = 0;
	return (report: SignedReport) =>
		new Promise<number>((resolve, reject) => {
			const start = performance.now();
			const url = new URL(API.report(report.id), servers[turn++ % servers.length]!.url);
			const body = Buffer.from(report.jws);
			const sent = request(
				url,
				{
					method: 'PUT',
					agent,
					headers: {
						authorization: `Bearer ${token}`,
						'content-type': 'application/jose',
						'content-length': body.length
					}
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						if (response.statusCode !== 201)
							return reject(
								new Error(
									`report ${report.id}: expected 201, got ${response.statusCode} ${text.slice(0, 300)}`
								)
							);
						const receipt = JSON.parse(text) as { reportId: string };
						if (receipt.reportId !== report.id)
							return reject(new Error(`report ${report.id}: receipt for another`));
						resolve(performance.now() - start);
					});
				}
			);
			sent.on('error', reject);
			sent.end(body);
		});
}

async function listReports(api: Api): Promise<string[]> {
	const ids: string[] = [];
	let cursor: string | null = null;
	do {
		const query = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
		const page = (await expectStatus(
			await api(`${API.reports}?${query}`),
			200,
			'listing reports'
		)) as ReportList;
		ids.push(...page.reports.map((r) => r.reportId));
		cursor = page.nextCursor;
	} while (cursor);
	return ids;
}

/** Reads the body; throws with the server's error unless the status is the one expected. */
async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
	const text = await response.text();
	if (response.status !== status)
		throw new Error(`${what}: expected ${status}, got ${response.status} ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : null;
}

/** Runs `task` over the items with at most `limit` in flight; per-item times and the wall time. */
async function inParallel<T>(
	items: T[],
	limit: number,
	task: (item: T) => Promise<number>
): Promise<{ latencies: number[]; wallMs: number }> {
	const latencies: number[] = [];
	let next = 0;
	const start = performance.now();
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) latencies.push(await task(items[next++]!));
		})
	);
	return { latencies, wallMs: performance.now() - start };
}

function median(values: number[]): number {
	return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function stats(latencies: number[]) {
	return {
		medianMs: Number(median(latencies).toFixed(1)),
		p95Ms: Number(percentile(latencies, 0.95).toFixed(1))
	};
}

async function postgresSettings(url: string): Promise<string> {
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	try {
		const show = async (name: string) => (await db.query(`show ${name}`)).rows[0][name] as string;
		const version = (await show('server_version')).split(' ')[0];
		return `server ${version}, fsync=${await show('fsync')}, synchronous_commit=${await show('synchronous_commit')}, full_page_writes=${await show('full_page_writes')}`;
	} finally {
		await db.end();
	}
}

function print() {
	const cell = (value: string | number, width: number, right = false) =>
		right ? String(value).padStart(width) : String(value).padEnd(width);
	console.log('');
	console.log('Team server sync API, load generator and server on this machine');
	console.log(
		`Machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, load average ${results.loadAverageAtStart} at start. Build: ${results.build}.`
	);
	console.log(
		'Each engine: a fresh server process on an empty database; "cold" is the first request of its kind,'
	);
	console.log(
		'the other figures are the runs that follow. Excluded from all timings: set-up, Argon2id sign-ins,'
	);
	console.log(
		`enrolment, signing. Reports: ${ANSWERS} answers, ${PHOTOS_PER_REPORT} photos each. Photos: random bytes, 1-3 MB.`
	);
	console.log('');
	const header = [
		cell('engine', 11),
		cell('what', 30),
		cell('in flight', 9, true),
		cell('n', 5, true),
		cell('median ms', 10, true),
		cell('p95 ms', 8, true),
		cell('throughput', 17, true),
		cell('cold ms', 8, true)
	].join('  ');
	console.log(header);
	console.log('-'.repeat(header.length));
	for (const row of rows)
		console.log(
			[
				cell(row.engine, 11),
				cell(row.what, 30),
				cell(row.inFlight, 9, true),
				cell(row.n, 5, true),
				cell(row.medianMs.toFixed(1), 10, true),
				cell(row.p95Ms.toFixed(1), 8, true),
				cell(row.throughput, 17, true),
				cell(row.coldMs === null ? '' : row.coldMs.toFixed(0), 8, true)
			].join('  ')
		);
	console.log('');
	for (const note of notes) console.log(note);
	console.log(`Total ${totalSeconds.toFixed(0)} s; figures in bench-results/server.json.`);
}
