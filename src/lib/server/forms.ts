import { fail, type RequestEvent } from '@sveltejs/kit';
import { Problem } from './problem';

/** What a failed form action gives back to its page. */
export interface FormProblem {
	message: string;
	problems?: string[];
	/** The form field the message is about, by name. */
	field?: string;
	values?: Record<string, string>;
}

/** Reads a form's text fields (never the passwords back into the page). */
export async function formFields(request: Request): Promise<Record<string, string>> {
	const data = await request.formData();
	const fields: Record<string, string> = {};
	for (const [name, value] of data) if (typeof value === 'string') fields[name] = value;
	return fields;
}

/**
 * Turns a thrown Problem into `fail(status, …)` for the page; anything else is rethrown. The
 * field it names (if any) is marked on the page; with `setHeaders`, its headers (a 429's
 * Retry-After) go on the answer too.
 */
export function formFailure(
	error: unknown,
	values: Record<string, string> = {},
	setHeaders?: RequestEvent['setHeaders']
) {
	if (!(error instanceof Problem)) throw error;
	if (setHeaders && Object.keys(error.headers).length > 0) setHeaders(error.headers);
	const kept = Object.fromEntries(
		Object.entries(values).filter(([name]) => !/password/i.test(name))
	);
	const problems = Array.isArray(error.details.problems)
		? (error.details.problems as string[])
		: undefined;
	const field = typeof error.details.field === 'string' ? error.details.field : undefined;
	return fail(error.status, {
		message: error.message,
		problems,
		field,
		values: kept
	} satisfies FormProblem);
}
