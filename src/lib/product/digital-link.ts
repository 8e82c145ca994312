/**
 * GS1 Digital Link URI parsing (GS1 Digital Link standard, URI syntax 1.x), on any domain.
 *
 * `https://brand.example.com/some/prefix/01/09520123456788/10/ABC/21/12345?17=201231&x=y`
 * - scheme http or https, all lower or all upper case (a mixed-case scheme is not a DL URI,
 *   as in the GS1 reference implementation);
 * - any domain and any path prefix ("stem") before the primary key;
 * - the path ends with a primary key (e.g. /01/<GTIN>) and its key qualifiers in the order
 *   the dictionary gives (for 01: 22, 10, 21; or 235 alone);
 * - other AIs go in the query string; they must be AIs the dictionary allows as data
 *   attributes, and may not be a qualifier that belongs in the path;
 * - query parameters whose name is not all digits are ignored (reported in ignoredQueryParams);
 *   a numeric name that is not an AI is an error, since it is most likely a mistyped AI;
 * - no AI may appear twice;
 * - the fragment is ignored.
 * Values are percent-decoded: in the path "+" is a literal plus, in the query a space.
 */

import { getAiDefinition } from './ai-dictionary';
import { validateAiValue } from './ai-validate';
import type { AiElement } from './gs1';

export interface DigitalLinkOptions {
	/**
	 * Accept a GTIN-8/12/13 in /01/ (and ?01=) and pad it to GTIN-14. The standard requires 14
	 * digits, and the reference parser rejects shorter ones by default, but brand sites and
	 * label printers do publish URIs like /01/9520123456788.
	 */
	permitZeroSuppressedGtin?: boolean;
}

export type DigitalLinkResult =
	| {
			ok: true;
			/** Path AIs (primary key, then qualifiers) followed by query AIs, in URI order. */
			ais: AiElement[];
			/** Everything before the primary key, e.g. `https://brand.example.com/some/prefix`. */
			stem: string;
			/** Non-AI query parameters as written, e.g. `['utm_source=label', 'singleton']`. */
			ignoredQueryParams: string[];
	  }
	| {
			ok: false;
			reason: string;
			/**
			 * True when the URI has the shape of a GS1 Digital Link (a primary key in the path) but
			 * its GS1 data is wrong; false when it is simply not a Digital Link (an ordinary URL).
			 */
			isDigitalLink: boolean;
	  };

const SCHEME = /^(?:https?|HTTPS?):\/\//;
/** RFC 3986 unreserved + reserved characters and "%": anything else must be percent-encoded. */
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/** True if `text` starts like an http(s) URI that could be a Digital Link. */
export function looksLikeDigitalLink(text: string): boolean {
	return SCHEME.test(text);
}

/**
 * Percent-decodes one URI component. `%XX` becomes the byte 0xXX, returned as the character
 * U+00XX (GS1 AI values are ASCII, so any byte >= 0x80 will fail the character-set check later).
 * Malformed escapes are left as they are. Returns null for `%00`, which can never be valid data
 * and could truncate strings in other systems.
 */
export function percentDecode(component: string, plusIsSpace: boolean): string | null {
	let out = '';
	for (let i = 0; i < component.length; i++) {
		const ch = component[i] ?? '';
		const hex = component.slice(i + 1, i + 3);
		if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			const byte = parseInt(hex, 16);
			if (byte === 0) return null;
			out += String.fromCharCode(byte);
			i += 2;
		} else if (ch === '+' && plusIsSpace) out += ' ';
		else out += ch;
	}
	return out;
}

function validHost(authority: string): boolean {
	const m = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(authority);
	if (!m || !m[1]) return false;
	const host = m[1];
	// IPv6 literal; zone identifiers (%25...) are meaningless for a product link.
	if (host.startsWith('[')) return /^\[[0-9A-Fa-f:.]+\]$/.test(host);
	return /^[A-Za-z0-9.-]+$/.test(host);
}

/** Is `qualifiers` an in-order selection from `sequence`? (e.g. [10, 21] from [22, 10, 21]) */
function isOrderedSubset(qualifiers: readonly string[], sequence: readonly string[]): boolean {
	let at = 0;
	for (const q of qualifiers) {
		const found = sequence.indexOf(q, at);
		if (found < 0) return false;
		at = found + 1;
	}
	return true;
}

function expandGtin(ai: string, value: string, options: DigitalLinkOptions): string {
	if (ai === '01' && options.permitZeroSuppressedGtin && /^(\d{8}|\d{12}|\d{13})$/.test(value)) {
		return value.padStart(14, '0');
	}
	return value;
}

export function parseDigitalLink(uri: string, options: DigitalLinkOptions = {}): DigitalLinkResult {
	const notDl = (reason: string): DigitalLinkResult => ({
		ok: false,
		reason,
		isDigitalLink: false
	});
	const bad = (reason: string): DigitalLinkResult => ({ ok: false, reason, isDigitalLink: true });

	const scheme = SCHEME.exec(uri);
	if (!scheme) return notDl('Not a GS1 Digital Link: it does not start with http:// or https://.');
	const badChar = [...uri].find((ch) => !URI_CHARS.test(ch));
	if (badChar !== undefined) {
		return notDl(
			`Not a valid web address: it contains "${badChar}", which must be percent-encoded.`
		);
	}
	const withoutFragment = uri.split('#', 1)[0] ?? '';
	const queryAt = withoutFragment.indexOf('?');
	const beforeQuery = queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
	const query = queryAt < 0 ? '' : withoutFragment.slice(queryAt + 1);
	const afterScheme = beforeQuery.slice(scheme[0].length);
	const slash = afterScheme.indexOf('/');
	const authority = slash < 0 ? afterScheme : afterScheme.slice(0, slash);
	if (!validHost(authority)) return notDl(`Not a valid web address: bad domain "${authority}".`);
	if (slash < 0) return notDl('Not a GS1 Digital Link: the address has no path.');
	const path = afterScheme.slice(slash);

	// Find the primary key by walking (AI, value) pairs back from the end of the path: what
	// follows the key must be its qualifiers, and anything before it is the stem, which may
	// itself contain AI-like segments (https://a/00/faux/00/<SSCC> has the key at the end).
	const segments = path.slice(1).split('/');
	const pairs: Array<{ ai: string; raw: string }> = [];
	let keyAt = -1;
	for (let i = segments.length - 2; i >= 0; i -= 2) {
		const ai = segments[i] ?? '';
		const def = /^\d{2,4}$/.test(ai) ? getAiDefinition(ai) : undefined;
		if (!def) break;
		pairs.unshift({ ai, raw: segments[i + 1] ?? '' });
		if (def.dlQualifiers) {
			keyAt = i;
			break;
		}
	}
	const first = pairs[0];
	const keyDef = first && getAiDefinition(first.ai);
	if (keyAt < 0 || !first || !keyDef?.dlQualifiers) {
		if (path.endsWith('/') && path.length > 1) {
			return notDl('Not a GS1 Digital Link: the path must not end with "/".');
		}
		return notDl('Not a GS1 Digital Link: no GS1 primary key (such as /01/<GTIN>) in the path.');
	}
	const qualifiers = pairs.slice(1).map((p) => p.ai);
	const sequences = keyDef.dlQualifiers.filter((seq) => isOrderedSubset(qualifiers, seq));
	if (sequences.length === 0) {
		const allowed = keyDef.dlQualifiers.map((s) => s.join(', ')).join(' or ');
		return bad(
			`In a Digital Link, (${first.ai}) may only be followed in the path by ` +
				`${allowed || 'nothing'}, in that order; found ${qualifiers.join(', ')}.`
		);
	}

	const ais: AiElement[] = [];
	const add = (ai: string, decoded: string | null): string | null => {
		if (decoded === null) return `AI (${ai}) contains a percent-encoded NUL (%00).`;
		if (ais.some((e) => e.ai === ai)) return `AI (${ai}) appears more than once in the link.`;
		const value = expandGtin(ai, decoded, options);
		const def = getAiDefinition(ai);
		const problem = def ? validateAiValue(def, value) : `Unknown AI (${ai}).`;
		if (problem) return problem;
		ais.push({ ai, value });
		return null;
	};
	for (const { ai, raw } of pairs) {
		const problem = add(ai, percentDecode(raw, false));
		if (problem) return bad(problem);
	}

	const ignoredQueryParams: string[] = [];
	const pathQualifierAis = new Set(sequences.flat());
	for (const param of query.split('&')) {
		if (param === '') continue;
		const eq = param.indexOf('=');
		const name = eq < 0 ? param : param.slice(0, eq);
		if (eq < 0 || !/^\d+$/.test(name)) {
			ignoredQueryParams.push(param);
			continue;
		}
		const def = getAiDefinition(name);
		if (!def) return bad(`Query parameter "${name}" is numeric but is not a known GS1 AI.`);
		if (pathQualifierAis.has(name)) {
			return bad(`AI (${name}) must be in the path after (${first.ai}), not in the query string.`);
		}
		if (!def.dlAttribute) {
			return bad(`AI (${name}) is not allowed as a Digital Link query parameter.`);
		}
		const problem = add(name, percentDecode(param.slice(eq + 1), true));
		if (problem) return bad(problem);
	}

	const stem =
		scheme[0] +
		authority +
		segments
			.slice(0, keyAt)
			.map((s) => '/' + s)
			.join('');
	return { ok: true, ais, stem, ignoredQueryParams };
}
