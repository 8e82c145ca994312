import { exportFileName, reportsCsv } from '$lib/server/review/export';
import { attachment, exported } from '../exports.server';
import type { RequestHandler } from './$types';

/** The list's reports as CSV, one row per report (RFC 4180, formula cells neutralised). */
export const GET: RequestHandler = async (event) => {
	const { reports } = await exported(event);
	return attachment(
		reportsCsv(reports),
		'text/csv; charset=utf-8; header=present',
		exportFileName('csv', new Date())
	);
};
