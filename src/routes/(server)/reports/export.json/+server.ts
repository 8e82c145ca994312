import { exportFileName, reportsJson } from '$lib/server/review/export';
import { rollups } from '$lib/server/review/list';
import { store } from '$lib/server/runtime';
import { attachment, exported } from '../exports.server';
import type { RequestHandler } from './$types';

/** The list's reports as JSON: the summaries, each with its roll-up. */
export const GET: RequestHandler = async (event) => {
	const { user, filters, reports } = await exported(event);
	const now = new Date();
	const rolled = await rollups(
		store().db,
		reports.map((r) => r.reportId)
	);
	const body = reportsJson(reports, rolled, {
		organisation: user.orgName,
		filters: filters.values,
		now
	});
	return attachment(
		`${JSON.stringify(body, null, '\t')}\n`,
		'application/json; charset=utf-8',
		exportFileName('json', now)
	);
};
