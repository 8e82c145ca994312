import { resolve } from 'node:path';

/** A start-up problem the operator can fix; the start script prints its message as one line. */
export class StartupError extends Error {
	override name = 'StartupError';
}

export type DatabaseConfig =
	{ kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; display: string };

/** Where photos are kept: files under DATA_DIR/evidence (the default), or an S3-compatible bucket. */
export type EvidenceConfig = { kind: 'disk'; dir: string } | S3EvidenceConfig;

export interface S3EvidenceConfig {
	kind: 's3';
	bucket: string;
	/** Key prefix inside the bucket: empty, or ending in "/". */
	prefix: string;
	region: string;
	/** An S3-compatible service's URL (path-style requests); unset for Amazon S3 itself. */
	endpoint?: string;
	/** Unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID…, profiles, instance roles). */
	credentials?: { accessKeyId: string; secretAccessKey: string };
	/** Bucket, prefix and endpoint, never a secret: this text goes to logs. */
	display: string;
}

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

/**
 * The evidence store: EVIDENCE_S3_URL (one URL), or EVIDENCE_S3_BUCKET with EVIDENCE_S3_ENDPOINT,
 * EVIDENCE_S3_REGION, EVIDENCE_S3_PREFIX and EVIDENCE_S3_ACCESS_KEY_ID/_SECRET_ACCESS_KEY; with
 * neither, files under DATA_DIR/evidence.
 *
 * The URL is `s3://bucket/prefix` for Amazon S3, or `https://KEY:SECRET@host:port/bucket/prefix`
 * for an S3-compatible service (MinIO, Ceph, Garage, R2…), which gets path-style requests.
 */
export function loadEvidenceConfig(env: Env, dataDir: string): EvidenceConfig {
	const url = env.EVIDENCE_S3_URL?.trim();
	const bucket = env.EVIDENCE_S3_BUCKET?.trim();
	if (url && bucket) throw new StartupError('Set EVIDENCE_S3_URL or EVIDENCE_S3_BUCKET, not both');
	const region = env.EVIDENCE_S3_REGION?.trim() || env.AWS_REGION?.trim();
	if (url) return parseS3Url(url, region);
	if (!bucket) return { kind: 'disk', dir: resolve(dataDir, 'evidence') };
	const endpoint = env.EVIDENCE_S3_ENDPOINT?.trim() || undefined;
	if (endpoint && !/^https?:\/\/[^/]+\/?$/.test(endpoint))
		throw new StartupError(
			`EVIDENCE_S3_ENDPOINT must be a URL like https://s3.example.org:9000, not "${endpoint}"`
		);
	const accessKeyId = env.EVIDENCE_S3_ACCESS_KEY_ID?.trim();
	const secretAccessKey = env.EVIDENCE_S3_SECRET_ACCESS_KEY?.trim();
	if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
		throw new StartupError(
			'Set both EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY, or neither'
		);
	return s3Config({
		bucket,
		prefix: env.EVIDENCE_S3_PREFIX ?? '',
		region,
		endpoint: endpoint?.replace(/\/$/, ''),
		credentials: accessKeyId ? { accessKeyId, secretAccessKey: secretAccessKey! } : undefined
	});
}

function parseS3Url(url: string, region: string | undefined): S3EvidenceConfig {
	const example = 's3://bucket/prefix or https://KEY:SECRET@host:9000/bucket/prefix';
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new StartupError(`EVIDENCE_S3_URL is not a valid URL: expected ${example}`);
	}
	const path = decodeURIComponent(parsed.pathname).replace(/^\/+/, '');
	if (parsed.protocol === 's3:') {
		return s3Config({ bucket: parsed.hostname, prefix: path, region, endpoint: undefined });
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
		throw new StartupError(
			`EVIDENCE_S3_URL must start with s3://, https:// or http:// (got ${parsed.protocol}//)`
		);
	const [bucket = '', ...rest] = path.split('/');
	const credentials = parsed.username
		? {
				accessKeyId: decodeURIComponent(parsed.username),
				secretAccessKey: decodeURIComponent(parsed.password)
			}
		: undefined;
	return s3Config({
		bucket,
		prefix: rest.join('/'),
		region: parsed.searchParams.get('region') ?? region,
		endpoint: `${parsed.protocol}//${parsed.host}`,
		credentials
	});
}

function s3Config(
	input: Omit<S3EvidenceConfig, 'kind' | 'display' | 'region'> & {
		region: string | undefined;
	}
): S3EvidenceConfig {
	// S3's own rule: 3 to 63 lower-case letters, digits, dots and hyphens.
	if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(input.bucket))
		throw new StartupError(
			`The evidence bucket name "${input.bucket}" is not a valid S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)`
		);
	const trimmed = input.prefix.replace(/^\/+|\/+$/g, '');
	const prefix = trimmed ? `${trimmed}/` : '';
	const where = input.endpoint ? ` at ${input.endpoint}` : '';
	return {
		kind: 's3',
		...input,
		prefix,
		region: input.region || 'us-east-1',
		display: `s3://${input.bucket}/${prefix}${where}`
	};
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
