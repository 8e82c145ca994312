/**
 * What each start step mirrors into its own URL as it is typed, so that a reload (or a phone
 * that drops the tab) loses nothing. Query strings only; the screens pass them to `resolve`.
 */

/**
 * The Identify screen: a code being typed, a skip reason being written, and after Read label the
 * inspection's chosen id (the label photo is stored under it) and the values accepted from it.
 */
export function identifyQuery(fields: {
	typed: string;
	reason: string | null;
	draftId?: string | null;
	visitId?: string | null;
	read?: Partial<Record<string, string>>;
}): string {
	const params = new URLSearchParams();
	if (fields.typed) params.set('typed', fields.typed);
	if (fields.reason !== null) params.set('reason', fields.reason);
	if (fields.draftId) params.set('draft', fields.draftId);
	if (fields.visitId) params.set('visit', fields.visitId);
	for (const [field, value] of Object.entries(fields.read ?? {}))
		if (value) params.set(`read.${field}`, value);
	return params.toString();
}

/** "Where and who": the start flow's state plus the place and inspector typed so far. */
export function whereAndWhoQuery(
	start: URLSearchParams,
	fields: { place: string; address: string; inspector: string }
): string {
	const params = new URLSearchParams(start);
	params.set('place', fields.place);
	params.set('address', fields.address);
	params.set('inspector', fields.inspector);
	return params.toString();
}
