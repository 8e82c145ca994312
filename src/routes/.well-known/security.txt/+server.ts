import { settings } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** RFC 9116: where to report a vulnerability (SECURITY_CONTACT); see SECURITY.md. */
export const GET: RequestHandler = ({ url }) => {
	const expires = new Date(Date.now() + 180 * 24 * 3600_000).toISOString();
	const body = [
		`Contact: ${settings().securityContact}`,
		`Expires: ${expires}`,
		'Preferred-Languages: en',
		`Canonical: ${url.origin}/.well-known/security.txt`,
		''
	].join('\n');
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
