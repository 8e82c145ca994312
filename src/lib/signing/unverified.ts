/**
 * Reading a compact JWS without verifying it, apart from \`jws.ts\` so that code which only needs
 * to look (the device's database, a report's page) does not load the JOSE library.
 */
import { base64urlDecodeStrict, utf8DecodeStrict } from './encoding';

/**
 * A compact JWS's header and payload as JSON, NOT verified: for choosing which key to verify
 * with, or for showing a report this device signed itself. Null when either part is not
 * base64url-encoded UTF-8 JSON.
 */
export function readUnverified(jws: string): { header: unknown; payload: unknown } | null {
	const [header, payload] = jws.split('.');
	const parse = (part: string | undefined) => {
		const bytes = part === undefined ? null : base64urlDecodeStrict(part);
		const text = bytes && utf8DecodeStrict(bytes);
		return text === null ? undefined : JSON.parse(text);
	};
	try {
		const [h, p] = [parse(header), parse(payload)];
		return h === undefined || p === undefined ? null : { header: h, payload: p };
	} catch {
		return null;
	}
}
