// Headers every response carries. Plain JavaScript so that both the `handle` hook (bundled) and
// scripts/start.js (which also serves static and prerendered files, which skip the hook) use
// this one list.
/** @type {Record<string, string>} */
export const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	// Not no-referrer: with it browsers send `Origin: null` on form posts, which SvelteKit's CSRF
	// check refuses. same-origin keeps set-up and invitation URLs from leaking to other sites.
	'referrer-policy': 'same-origin',
	'permissions-policy':
		'camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), interest-cohort=()',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

/**
 * Under HTTPS, browsers are also told to use nothing else for a year (HSTS). Not for subdomains:
 * the team's host name may share its domain with sites this server knows nothing about. Sent
 * only over HTTPS, where it counts (browsers ignore it over plain HTTP anyway).
 */
const HTTPS_ONLY = { 'strict-transport-security': 'max-age=31536000' };

/**
 * The headers for a response to a request that came over HTTPS or not.
 * @param {boolean} https
 * @returns {Record<string, string>}
 */
export function securityHeaders(https) {
	return https ? { ...SECURITY_HEADERS, ...HTTPS_ONLY } : SECURITY_HEADERS;
}
