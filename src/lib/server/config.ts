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
