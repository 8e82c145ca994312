import { resolve } from 'node:path';

/** A start-up problem the operator can fix; the start script prints its message as one line. */
export class StartupError extends Error {
	override name = 'StartupError';
}

export type DatabaseConfig =
	{ kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; display: string };

export interface ServerConfig {
	dataDir: string;
	database: DatabaseConfig;
}

/** Limits and policies beyond where the data lives; read by `loadSettings`. */
export interface ServerSettings {
	/** The largest photo `PUT /api/v1/evidence/:sha256` accepts, in bytes (MAX_PHOTO_BYTES). */
	maxPhotoBytes: number;
	/** The largest signed report `PUT /api/v1/reports/:id` accepts, in bytes (MAX_REPORT_BYTES). */
	maxReportBytes: number;
	/** The largest JSON body any other endpoint accepts, in bytes. */
	maxJsonBytes: number;
	/** How long a session lasts, in hours (SESSION_HOURS). */
	sessionHours: number;
	/** The contact in /.well-known/security.txt (SECURITY_CONTACT), a mailto: or https: URI. */
	securityContact: string;
}

type Env = Record<string, string | undefined>;

/**
 * Reads the server's configuration from the environment. Pure: it checks the shape of the values;
 * whether the directory is writable or the database reachable is for `openStore` to find out.
 */
export function loadConfig(env: Env, cwd = process.cwd()): ServerConfig {
	const dataDir = resolve(cwd, env.DATA_DIR?.trim() || 'data');
	const url = env.DATABASE_URL?.trim();
	if (!url)
		return { dataDir, database: { kind: 'sqlite', file: resolve(dataDir, 'shelfcheck.db') } };
	return { dataDir, database: parsePostgresUrl(url) };
}

function parsePostgresUrl(url: string): DatabaseConfig {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new StartupError(
			'DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database'
		);
	}
	if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
		throw new StartupError(
			`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//); leave it unset to use the embedded SQLite database`
		);
	}
	if (!parsed.hostname && !parsed.searchParams.get('host')) {
		throw new StartupError(
			'DATABASE_URL names no host: expected postgres://user:password@host:5432/database'
		);
	}
	return { kind: 'postgres', url, display: describePostgres(parsed) };
}

/** Host, port and database, never the password: this text goes to logs. */
function describePostgres(url: URL): string {
	const host = url.hostname || url.searchParams.get('host') || 'localhost';
	return `${host}:${url.port || '5432'}${url.pathname || '/'}`;
}

const MB = 1024 * 1024;

/** Reads the server's limits and policies from the environment; pure, like loadConfig. */
export function loadSettings(env: Env): ServerSettings {
	return {
		maxPhotoBytes: positiveInteger(env, 'MAX_PHOTO_BYTES', 20 * MB),
		maxReportBytes: positiveInteger(env, 'MAX_REPORT_BYTES', 2 * MB),
		maxJsonBytes: 64 * 1024,
		sessionHours: positiveInteger(env, 'SESSION_HOURS', 24 * 14),
		securityContact: securityContact(env.SECURITY_CONTACT)
	};
}

function positiveInteger(env: Env, name: string, fallback: number): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const value = Number(raw);
	if (!Number.isSafeInteger(value) || value <= 0)
		throw new StartupError(`${name} must be a whole number above 0, not "${raw}"`);
	return value;
}

function securityContact(raw: string | undefined): string {
	const value = raw?.trim();
	if (!value) return 'mailto:security@shelfcheck.invalid';
	if (/^[^@\s:]+@[^@\s]+$/.test(value)) return `mailto:${value}`;
	if (/^(mailto:|https:\/\/|tel:)\S+$/.test(value)) return value;
	throw new StartupError(
		`SECURITY_CONTACT must be an e-mail address or a mailto:, https:// or tel: URI, not "${value}"`
	);
}
