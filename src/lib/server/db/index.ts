import { accessSync, constants, mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Compilable } from 'kysely';
import { StartupError, type DatabaseConfig, type ServerConfig } from '../config';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type { Database } from './schema';

/** What every server module that reads or writes takes as its `db`. */
export type Db = Kysely<Database>;

/** The one door to SQL: the Kysely instance, which engine is behind it, and how far it is migrated. */
export interface Store {
	db: Db;
	kind: DatabaseConfig['kind'];
	/** Where the data is, for logs: a file path, or host:port/database (never a password). */
	location: string;
	/** The name of the last migration applied. */
	migration: string | null;
	/** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
	ping(): Promise<void>;
	close(): Promise<void>;
}

/**
 * Opens the configured database, creating and migrating it. Every failure an operator can fix
 * (a data directory that can't be written, a PostgreSQL that can't be reached) becomes a
 * StartupError with one clear sentence.
 */
export async function openStore(config: ServerConfig): Promise<Store> {
	ensureWritableDir(config.dataDir);
	const { db, location } =
		config.database.kind === 'sqlite'
			? await openSqlite(config.database.file)
			: await openPostgres(config.database.url, config.database.display);
	try {
		const migration = await migrate(db);
		return {
			db,
			kind: config.database.kind,
			location,
			migration,
			ping: () => ping(db),
			close: () => db.destroy()
		};
	} catch (error) {
		await db.destroy();
		throw error;
	}
}

/** The PostgreSQL stores' Kysely instances. */
const postgresStores = new WeakSet<Db>();

/** The most values one PostgreSQL statement binds (its protocol counts them in 16 bits). */
const POSTGRES_MAX_BOUND = 65_535;

/**
 * Runs the queries in one transaction, in order, resolving once it is committed: on PostgreSQL
 * as one statement when its values fit in one (one round trip instead of one per query plus
 * BEGIN and COMMIT), otherwise in a Kysely transaction.
 */
export async function writeTransaction(db: Db, queries: readonly Compilable[]): Promise<void> {
	if (postgresStores.has(db) && queries.length > 1) {
		// One statement, its queries as data-modifying CTEs: atomic on its own, and one round trip
		// instead of one per query plus BEGIN and COMMIT. Foreign keys are checked at its end.
		const statement = sql`with ${sql.join(
			queries.map((query, i) => sql`${sql.id(`write_${i}`)} as (${query})`)
		)} select 1`.compile(db);
		if (statement.parameters.length <= POSTGRES_MAX_BOUND) {
			await db.executeQuery(statement);
			return;
		}
	}
	await db.transaction().execute(async (trx) => {
		for (const query of queries) await trx.executeQuery(query.compile());
	});
}

function ensureWritableDir(dir: string): void {
	try {
		mkdirSync(dir, { recursive: true });
		accessSync(dir, constants.W_OK);
	} catch (error) {
		throw new StartupError(`DATA_DIR ${dir} is not a writable directory (${describe(error)})`);
	}
}

async function openSqlite(file: string) {
	// Loaded on demand so that a PostgreSQL deployment never needs the native module to load.
	const { default: SQLite } = await import('better-sqlite3');
	let database;
	try {
		database = new SQLite(file);
		// WAL lets readers run beside the writer; FULL makes a committed report survive power loss.
		database.pragma('journal_mode = WAL');
		database.pragma('synchronous = FULL');
		database.pragma('foreign_keys = ON');
		database.pragma('busy_timeout = 5000');
	} catch (error) {
		database?.close();
		throw new StartupError(`Cannot open the SQLite database ${file} (${describe(error)})`);
	}
	const dialect = new SqliteDialect({ database: withStatementCache(database) });
	return { db: new Kysely<Database>({ dialect }), location: file };
}

/** Prepared statements kept at most: the server's queries, and their multi-row variants. */
const STATEMENT_CACHE = 500;

/**
 * The database as Kysely's SQLite driver sees it, with its statements prepared once: the driver
 * prepares every query again each time it runs, a sixth of the time a signed report took. Safe
 * because the driver runs one query at a time on its one connection, and SQLite prepares a
 * statement again by itself when the schema changes (a migration).
 */
function withStatementCache(database: import('better-sqlite3').Database) {
	const statements = new Map<string, import('better-sqlite3').Statement>();
	return {
		close: () => database.close(),
		prepare(sql: string) {
			let statement = statements.get(sql);
			if (!statement) {
				statement = database.prepare(sql);
				if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
				statements.set(sql, statement);
			}
			return statement;
		}
	};
}

async function openPostgres(url: string, display: string) {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
	// A client losing its connection must not take the process down, idle or in use (a query in
	// flight, the set-up link's lock): its query fails on its own and the pool replaces it. Each
	// client logs its error; the pool's event (idle clients only) would say it a second time.
	pool.on('connect', (client) =>
		client.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`))
	);
	pool.on('error', () => {});
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	postgresStores.add(db);
	try {
		await ping(db);
	} catch (error) {
		await db.destroy();
		throw new StartupError(`Cannot connect to PostgreSQL at ${display} (${describe(error)})`);
	}
	return { db, location: display };
}

async function ping(db: Db): Promise<void> {
	await sql`select 1`.execute(db);
}

async function migrate(db: Kysely<Database>): Promise<string | null> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error } = await migrator.migrateToLatest();
	if (error) throw new StartupError(`Database migration failed (${describe(error)})`);
	const applied = (await migrator.getMigrations()).filter((m) => m.executedAt);
	return applied.at(-1)?.name ?? null;
}

function describe(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
	}
	return String(error);
}
