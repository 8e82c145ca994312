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
