/**
 * Splitting long lists for SQL. A statement may bind only so many values: SQLite (as
 * better-sqlite3 builds it) 32,766, PostgreSQL's protocol 65,535. Lists are cut well inside both.
 */

/** At most this many values in one `in (…)`. */
export const IN_LIST_CHUNK = 500;

/** The list cut into runs of at most `size` items, in order. */
export function chunks<T>(items: readonly T[], size = IN_LIST_CHUNK): T[][] {
	if (!(size >= 1)) throw new RangeError('chunk size must be at least 1');
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
