// The one-time set-up link, shared by the init hook (which issues the token) and scripts/start.js
// (which prints it once the port is open, with the URL the server is reachable at). Plain
// JavaScript, like security-headers.js, so that the start script can import it unbundled.

/** The hook emits this on `process` with the token; the start script listens for it. */
export const SETUP_LINK_EVENT = 'shelfcheck:setup-token';

/**
 * @param {string} origin the server's URL, without a trailing slash
 * @param {string} token
 */
export function setupLinkMessage(origin, token) {
	return `No administrator yet. Create one within 24 hours at ${origin}/setup/${token} (this link works once; restarting issues a new one).`;
}
