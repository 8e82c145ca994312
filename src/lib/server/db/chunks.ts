/**
 * Splitting long lists for SQL. A statement may bind only so many values: SQLite (as
 * better-sqlite3 builds it) 32,766, PostgreSQL's protocol 65,535. Lists are cut well inside both,
 * so any report within REPORT_LIMITS is stored, and any search answered, on either engine.
 */

/** The most values one statement binds here: far inside both engines' limits. */
export const MAX_BOUND_VALUES = 10_000;

/** At most this many values in one `in (…)`. */
export const IN_LIST_CHUNK = 500;

/** The list cut into runs of at most `size` items, in order. */
export function chunks<T>(items: readonly T[], size = IN_LIST_CHUNK): T[][] {
	if (!(size >= 1)) throw new RangeError('chunk size must be at least 1');
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Rows cut so that no multi-row insert binds more than MAX_BOUND_VALUES values. */
export function rowChunks<T extends object>(rows: readonly T[]): T[][] {
	const columns = rows[0] ? Object.keys(rows[0]).length : 1;
	return chunks(rows, Math.floor(MAX_BOUND_VALUES / columns));
}
