/**
 * A second SQLite connection, in a worker thread, for the transactions that write the most: a
 * group of signed reports (`reports/receive.ts`). better-sqlite3 is synchronous, so on the main
 * thread every commit (its WAL writes and, with synchronous=FULL, its fsync; now and then a
 * checkpoint) stopped every other request: about a fifth of the main thread's time per report.
 * Here the commit waits in the worker and the main thread serves the next requests meanwhile.
 *
 * The statements are compiled by Kysely on the main thread and run here verbatim, in one
 * `BEGIN IMMEDIATE … COMMIT`; a failure rolls the whole transaction back and rejects with the
 * error's message and SQLite code. The main connection begins its own transactions IMMEDIATE too
 * (`db/index.ts`), so neither connection ever has to upgrade a read to a write under the other.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One statement as Kysely compiles it: the SQL and the values bound to it. */
export interface WriteStatement {
	sql: string;
	parameters: readonly unknown[];
}

export interface SqliteWriter {
	/** Runs the statements in one transaction; resolves once it is committed. */
	transaction(statements: readonly WriteStatement[]): Promise<void>;
	/** Waits for the transactions in flight, then closes the connection and ends the worker. */
	close(): Promise<void>;
}

/** The worker, as CommonJS source: better-sqlite3 is loaded from the path the main thread found. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const statements = new Map();
function prepare(sql) {
	let statement = statements.get(sql);
	if (!statement) {
		statement = db.prepare(sql);
		if (statements.size >= 500) statements.delete(statements.keys().next().value);
		statements.set(sql, statement);
	}
	return statement;
}
parentPort.on('message', (message) => {
	if (message.close) {
		db.close();
		parentPort.close();
		return;
	}
	try {
		prepare('begin immediate').run();
		for (const { sql, parameters } of message.statements) prepare(sql).run(parameters);
		prepare('commit').run();
		parentPort.postMessage({ id: message.id });
	} catch (error) {
		if (db.inTransaction) db.prepare('rollback').run();
		parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } });
	}
});
`;

interface Waiting {
	resolve: () => void;
	reject: (error: Error) => void;
}

/** Opens the writer on the database file (already created and migrated by the main connection). */
export function openSqliteWriter(file: string): SqliteWriter {
	const module = createRequire(import.meta.url).resolve('better-sqlite3');
	let worker: Worker | null = null;
	const waiting = new Map<number, Waiting>();
	let nextId = 0;

	const failAll = (error: Error) => {
		for (const w of waiting.values()) w.reject(error);
		waiting.clear();
	};

	function start(): Worker {
		const started = new Worker(WORKER, { eval: true, workerData: { file, module } });
		started.unref();
		started.on('message', (message: { id: number; error?: { message: string; code?: string } }) => {
			const w = waiting.get(message.id);
			if (!w) return;
			waiting.delete(message.id);
			if (waiting.size === 0) started.unref();
			if (message.error)
				w.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
			else w.resolve();
		});
		// A worker that fails (it cannot open the file, say) fails what it was given; the next
		// transaction starts another.
		const gone = (error: Error) => {
			if (worker === started) worker = null;
			failAll(error);
		};
		started.on('error', gone);
		started.on('exit', (code) => gone(new Error(`The SQLite writer stopped (exit code ${code})`)));
		return started;
	}

	return {
		transaction(statements) {
			const current = (worker ??= start());
			const id = nextId++;
			return new Promise<void>((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				// Held open while a transaction is in flight, so that a script waiting for one exits
				// only after it; otherwise the worker never keeps the process alive.
				current.ref();
				current.postMessage({
					id,
					statements: statements.map(({ sql, parameters }) => ({ sql, parameters }))
				});
			});
		},
		async close() {
			const current = worker;
			if (!current) return;
			await Promise.allSettled(
				[...waiting.values()].map(
					(w) =>
						new Promise<void>((done) => {
							const { resolve, reject } = w;
							w.resolve = () => (resolve(), done());
							w.reject = (error) => (reject(error), done());
						})
				)
			);
			const exited = new Promise((done) => current.once('exit', done));
			current.ref();
			current.postMessage({ close: true });
			await exited;
			worker = null;
		}
	};
}
