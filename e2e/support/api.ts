import { createServer } from 'node:net';
import { hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { canonicalJson } from '../../src/lib/signing/canonical';
import { signCompact } from '../../src/lib/signing/jws';
import { generateDeviceKey, type DeviceKey } from '../../src/lib/signing/keys';
import { freshDataDir, startServer, type RunningServer } from './server';

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];
export const adminUrl = process.env.TEST_DATABASE_URL;

export const PASSWORD = 'blue-Kettle-42-Harbour';
export const REPORT_TYP = 'shelfcheck-report+jws';
const T = '2026-11-22T10:00:00.000Z';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface ApiServer extends RunningServer {
	engine: Engine;
	databaseUrl?: string;
	/** Stops the server (SIGTERM, or SIGKILL for a crash) and starts it again on the same port. */
	restart(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
	/** The one-time set-up token printed on start. */
	setupToken(): string;
	dispose(): Promise<void>;
}

/**
 * A real server on a fresh DATA_DIR (and a fresh PostgreSQL database for 'postgres'), with no
 * ORIGIN: like `npm start` with nothing set, it takes the protocol from the connection.
 */
export async function startApiServer(
	engine: Engine,
	env: Record<string, string> = {}
): Promise<ApiServer> {
	const port = await freePort();
	const dataDir = freshDataDir();
	let databaseUrl: string | undefined;
	let name: string | undefined;
	if (engine === 'postgres') {
		name = `shelfcheck_api_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		databaseUrl = Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).href;
	}
	const fullEnv = {
		...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
		...env
	};
	let server = await startServer({ dataDir, port, env: fullEnv });
	const api: ApiServer = {
		...server,
		engine,
		databaseUrl,
		output: () => server.output(),
		stop: () => server.stop(),
		kill: () => server.kill(),
		async restart(signal = 'SIGTERM') {
			await (signal === 'SIGKILL' ? server.kill() : server.stop());
			server = await startServer({ dataDir, port, env: fullEnv });
		},
		setupToken() {
			const match = /\/setup\/([A-Za-z0-9_-]{43})\b/.exec(server.output());
			if (!match) throw new Error(`no set-up link in the output:\n${server.output()}`);
			return match[1]!;
		},
		async dispose() {
			await server.stop();
			if (name) {
				const admin = new pg.Client({ connectionString: adminUrl });
				await admin.connect();
				await admin.query(`drop database if exists ${name} with (force)`);
				await admin.end();
			}
		}
	};
	return api;
}

/** Where a server answers: itself, or a proxy in front of it. */
export type Reachable = Pick<RunningServer, 'url'>;

/** Posts a form the way a browser on the server's own origin does. */
export function postForm(
	server: Reachable,
	path: string,
	fields: Record<string, string>,
	cookie?: string
) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

export function sessionCookie(response: Response): string | undefined {
	const header = response.headers.getSetCookie().find((c) => c.startsWith('shelfcheck_session='));
	return header?.split(';')[0];
}

/** Creates the organisation and its first admin through the printed link; returns the cookie. */
export async function setUp(server: ApiServer, email = 'admin@acme.test'): Promise<string> {
	const response = await postForm(server, `/setup/${server.setupToken()}`, {
		organisation: 'Acme Trading Standards',
		name: 'Ada Admin',
		email,
		password: PASSWORD
	});
	if (response.status !== 303)
		throw new Error(`set-up failed: ${response.status} ${await response.text()}`);
	return sessionCookie(response)!;
}

export async function signIn(server: Reachable, email: string, password = PASSWORD) {
	const response = await fetch(`${server.url}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	return response;
}

/** A bearer-token client for one user. */
export function client(server: Reachable, token?: string) {
	return (path: string, init: RequestInit = {}) =>
		fetch(`${server.url}${path}`, {
			...init,
			headers: {
				...(token ? { authorization: `Bearer ${token}` } : {}),
				...(init.headers as Record<string, string> | undefined)
			}
		});
}

/** Invites a user (admin cookie), accepts the invitation, signs in: returns the bearer token. */
export async function addUser(
	server: Reachable,
	adminCookie: string,
	email: string,
	role: 'inspector' | 'reviewer' | 'admin'
): Promise<string> {
	const invited = await postForm(server, '/admin?/invite', { email, role }, adminCookie);
	const html = await invited.text();
	const link = /\/invite\/([A-Za-z0-9_-]{43})/.exec(html);
	if (!link) throw new Error(`no invitation link: ${invited.status} ${html.slice(0, 500)}`);
	const accepted = await postForm(server, `/invite/${link[1]}`, {
		name: email.split('@')[0]!,
		password: PASSWORD
	});
	if (accepted.status !== 303) throw new Error(`accepting failed: ${accepted.status}`);
	const session = await signIn(server, email);
	return (await session.json()).token;
}

/**
 * A second organisation with one user of the given role, written straight into the database:
 * the server only ever creates its first organisation (through the set-up link).
 */
export async function addForeignOrganisation(
	server: ApiServer,
	email: string,
	role: 'inspector' | 'reviewer' | 'admin'
) {
	const orgId = randomUUID();
	const userId = randomUUID();
	const now = new Date().toISOString();
	const passwordHash = await hash(PASSWORD);
	const org = { id: orgId, name: 'Other Org', created_at: now };
	const user = {
		id: userId,
		org_id: orgId,
		email,
		name: 'Other',
		role,
		password_hash: passwordHash,
		active: 1,
		created_at: now
	};
	if (server.engine === 'sqlite') {
		const db = new Database(join(server.dataDir, 'shelfcheck.db'));
		db.pragma('busy_timeout = 5000');
		db.prepare(
			'insert into organisations (id, name, created_at) values (@id, @name, @created_at)'
		).run(org);
		db.prepare(
			'insert into users (id, org_id, email, name, role, password_hash, active, created_at) values (@id, @org_id, @email, @name, @role, @password_hash, @active, @created_at)'
		).run(user);
		db.close();
	} else {
		const db = new pg.Client({ connectionString: server.databaseUrl });
		await db.connect();
		await db.query('insert into organisations (id, name, created_at) values ($1, $2, $3)', [
			orgId,
			org.name,
			now
		]);
		await db.query(
			'insert into users (id, org_id, email, name, role, password_hash, active, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)',
			[userId, orgId, email, user.name, role, passwordHash, 1, now]
		);
		await db.end();
	}
	const session = await signIn(server, email);
	return (await session.json()).token as string;
}

export async function newDevice(): Promise<DeviceKey> {
	return generateDeviceKey();
}

export async function enrol(api: ReturnType<typeof client>, key: DeviceKey, label = 'Phone') {
	return api('/api/v1/devices', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ label, publicJwk: key.publicJwk })
	});
}

export function photoBytes(seed: string, size = 3000): Uint8Array {
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed.charCodeAt(i % seed.length)) & 0xff;
	bytes[0] = 0xff;
	bytes[1] = 0xd8;
	return bytes;
}

export async function sha256(bytes: Uint8Array): Promise<string> {
	return Buffer.from(
		await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
	).toString('hex');
}

/** A photo a report names, by its hash and size, when its bytes are not at hand. */
export interface PhotoRef {
	sha256: string;
	bytes: number;
}

/**
 * A report document that follows the schema (src/lib/contract/report-document.ts). Photos are given as
 * their bytes, or as references to photos already hashed (the benchmark's megabyte photos).
 */
export async function reportDocument(
	key: DeviceKey,
	photos: (Uint8Array | PhotoRef)[],
	overrides: Record<string, unknown> = {}
): Promise<Record<string, unknown>> {
	const refs = await Promise.all(
		photos.map(async (p) =>
			p instanceof Uint8Array ? { sha256: await sha256(p), bytes: p.length } : p
		)
	);
	const hashes = refs.map((p) => p.sha256);
	return {
		schema: 'shelfcheck.report/1',
		reportId: randomUUID(),
		supersedes: null,
		product: { gtin: '05012345678900', brand: 'Acme', model: 'SC-CAM-200' },
		bundle: { id: 'shop-visit', name: 'Shop visit' },
		catalogueVersion: '2026.1.0',
		context: 'shop',
		place: { kind: 'shop', name: 'Corner Electrics' },
		inspector: { name: 'A. Officer' },
		scope: { passwords: 'yes' },
		answers: [
			{ checkId: 'ID-01', verdict: 'PASS', reason: '', answeredAt: T, photos: [] },
			{ checkId: 'PW-01', verdict: 'FAIL', reason: 'admin/admin', answeredAt: T, photos: hashes }
		],
		photos: refs.map((photo, i) => ({
			sha256: photo.sha256,
			bytes: photo.bytes,
			type: 'image/jpeg',
			width: 100,
			height: 100,
			capturedAt: T,
			checkId: 'PW-01',
			caption: `photo ${i + 1}`,
			derivedFrom: null,
			derivation: null,
			marks: [],
			location: null
		})),
		rollup: [
			{
				framework: 'EN303645',
				provisions: [{ id: '5.1-1', outcome: 'FAIL', checks: ['PW-01'] }]
			}
		],
		device: { keyId: key.kid, publicJwk: key.publicJwk },
		startedAt: T,
		finishedAt: T,
		appVersion: 'test',
		previousReportHash: null,
		notice: 'Field indications, not a conformance assessment.',
		...overrides
	};
}

export function sign(document: unknown, key: DeviceKey): Promise<string> {
	return signCompact(canonicalJson(document), key.privateKey, key.kid, { typ: REPORT_TYP });
}
