/**
 * The reviewer's search form and the report query behind it. The list page, its "Next page"
 * link and the CSV/JSON exports all read the same form fields here, and all turn them into the
 * one `ReportQuery` that `GET /api/v1/reports` takes too, validated by the same schema.
 *
 * Pure: no SQL, no SvelteKit.
 */
import * as v from 'valibot';
import { reportQuerySchema, type ReportQuery } from '$lib/contract/protocol';

/** The form's fields, in the order the page shows them. */
export const FILTER_FIELDS = [
	'gtin',
	'brand',
	'model',
	'verdict',
	'provision',
	'outcome',
	'inspector',
	'from',
	'until'
] as const;

export type FilterField = (typeof FILTER_FIELDS)[number];

/** What was typed, trimmed; '' when empty. */
export type FilterValues = Record<FilterField, string>;

export const FILTER_LABELS: Record<FilterField, string> = {
	gtin: 'GTIN',
	brand: 'Brand',
	model: 'Model',
	verdict: 'Any answer with verdict',
	provision: 'Provision',
	outcome: 'Provision outcome',
	inspector: 'Inspector',
	from: 'Finished from',
	until: 'Finished until'
};

/** The query's own names (as the API calls them) back to the form's labels, for messages. */
const QUERY_LABELS: Record<string, string> = {
	...FILTER_LABELS,
	to: FILTER_LABELS.until,
	cursor: 'Page'
};

export interface Filters {
	values: FilterValues;
	/** The query for the search, or null when the form has a problem (then `problem` says it). */
	query: Omit<ReportQuery, 'limit'> | null;
	problem: string | null;
	/** Whether any filter is set (the page opens its search form then). */
	active: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (2026-02-30 does not). */
function realDate(text: string): Date | null {
	if (!DATE.test(text)) return null;
	const date = new Date(`${text}T00:00:00.000Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : null;
}

/** The day after, as YYYY-MM-DD: "until" on the form includes its day, `to` excludes it. */
export function dayAfter(text: string): string {
	const date = realDate(text);
	if (!date) throw new RangeError(`${text} is not a date`);
	return new Date(date.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads the form from a URL's query. Empty fields are no filter; a GTIN may be typed with spaces;
 * dates are whole days in UTC, both ends included. A cursor (from "Next page") is carried along.
 */
export function readFilters(params: URLSearchParams): Filters {
	const values = Object.fromEntries(
		FILTER_FIELDS.map((field) => [field, (params.get(field) ?? '').trim()])
	) as FilterValues;
	const active = FILTER_FIELDS.some((field) => values[field] !== '');
	const fail = (problem: string): Filters => ({ values, query: null, problem, active });

	for (const field of ['from', 'until'] as const) {
		if (values[field] && !realDate(values[field]))
			return fail(`${FILTER_LABELS[field]}: must be a date (YYYY-MM-DD).`);
	}
	if (values.from && values.until && values.from > values.until)
		return fail(`${FILTER_LABELS.from} is after ${FILTER_LABELS.until}.`);

	const raw: Record<string, string> = {};
	const gtin = values.gtin.replace(/\s+/g, '');
	if (gtin) raw.gtin = gtin;
	for (const field of ['brand', 'model', 'verdict', 'provision', 'outcome', 'inspector'] as const)
		if (values[field]) raw[field] = values[field];
	if (values.from) raw.from = values.from;
	if (values.until) raw.to = dayAfter(values.until);
	const cursor = params.get('cursor');
	if (cursor) raw.cursor = cursor;

	const result = v.safeParse(reportQuerySchema, raw);
	if (!result.success) {
		const issue = result.issues[0];
		const path = (issue && v.getDotPath(issue)) ?? '';
		return fail(`${QUERY_LABELS[path] ?? path}: ${issue?.message ?? 'not valid'}.`);
	}
	return { values, query: result.output, problem: null, active };
}

/** The form's values as a query string (empty fields left out), plus e.g. a cursor. */
export function filterSearch(values: FilterValues, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams();
	for (const field of FILTER_FIELDS) if (values[field]) params.set(field, values[field]);
	for (const [name, value] of Object.entries(extra)) params.set(name, value);
	return params.toString();
}
