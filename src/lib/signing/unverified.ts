/**
 * Reading a compact JWS without verifying it, apart from \`jws.ts\` so that code which only needs
 * to look (the device's database, a report's page) does not load the JOSE library.
 */
import { base64urlDecodeStrict, utf8DecodeStrict } from './encoding';

/** A part decoded as base64url UTF-8 JSON; undefined when it is not. */
function parsePart(part: string | undefined): unknown {
	const bytes = part === undefined ? null : base64urlDecodeStrict(part);
	const text = bytes && utf8DecodeStrict(bytes);
	if (text === null) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * A compact JWS's header and payload as JSON, NOT verified: for choosing which key to verify
 * with, or for showing a report this device signed itself. Null when either part is not
 * base64url-encoded UTF-8 JSON.
 */
export function readUnverified(jws: string): { header: unknown; payload: unknown } | null {
	const [header, payload] = jws.split('.');
	const [h, p] = [parsePart(header), parsePart(payload)];
	return h === undefined || p === undefined ? null : { header: h, payload: p };
}

/**
 * Only the protected header, NOT verified, when it is a JSON object: what names the key to verify
 * with, read without decoding a payload that may be megabytes.
 */
export function readUnverifiedHeader(jws: string): Record<string, unknown> | null {
	const header = parsePart(jws.split('.', 1)[0]);
	return typeof header === 'object' && header !== null && !Array.isArray(header)
		? (header as Record<string, unknown>)
		: null;
}
