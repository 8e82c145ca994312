/**
 * Where to go after signing in (`/signin?next=…`), taken only when it is a path on this origin.
 * A crafted link must not send someone elsewhere once they have signed in, and must not break the
 * answer: browsers drop tabs and line breaks from a URL and read `\` as `/`, so `/\t/evil.example`
 * or `/\evil.example` become `//evil.example`, another host; and a line break or a non-Latin-1
 * character cannot go into a `Location` header at all.
 *
 * So the value must be visible ASCII starting with one `/`, and neither it nor any percent-decoding
 * of it (a server or proxy on the way may decode once more) may hold a control character, a
 * backslash or a leading `//`. Anything else is the fallback. Pure: it never throws.
 */

/** Longer than any path the server's own pages send (a reviewer's search is far shorter). */
export const MAX_NEXT_LENGTH = 2000;

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL_OR_BACKSLASH = /[\x00-\x1f\x7f\\]/;
/** A percent-escape decoded to its byte: enough to see the ASCII characters that matter here. */
const ESCAPE = /%([0-9a-fA-F]{2})/g;
const ORIGIN = 'http://origin.invalid';

export function sameOriginPath(raw: string | null | undefined, fallback: string): string {
	if (!raw || raw.length > MAX_NEXT_LENGTH || !VISIBLE_ASCII.test(raw)) return fallback;
	let value = raw;
	// Each decoding shortens the value, so this ends; nesting deeper than the limit is refused.
	for (let depth = 0; ; depth++) {
		if (!value.startsWith('/') || value[1] === '/' || CONTROL_OR_BACKSLASH.test(value))
			return fallback;
		const decoded = value.replace(ESCAPE, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16))
		);
		if (decoded === value) break;
		if (depth === 8) return fallback;
		value = decoded;
	}
	// The browser's own reading, as a last word: it must stay on this origin.
	return new URL(raw, ORIGIN).origin === ORIGIN ? raw : fallback;
}
