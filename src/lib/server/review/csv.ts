/**
 * CSV as RFC 4180 writes it (CRLF between records; a field with a comma, a double quote, CR or
 * LF is quoted, its quotes doubled), made safe to open in a spreadsheet: a text cell that starts
 * with = + - @, a tab or a carriage return would be read as a formula, so it gets a leading
 * apostrophe (OWASP's "CSV injection" advice). Numbers are written as numbers. Pure.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised and quoted as needed. */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as one CSV text, each record ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
