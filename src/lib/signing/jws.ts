/**
 * Compact JWS (RFC 7515) with ES256 only, and the report hash.
 *
 * A report is stored as its compact JWS, verbatim, and its hash is SHA-256 over that string. For
 * the hash to name one report, a given signed content must have one accepted spelling, so the
 * verifier is stricter than jose alone:
 * - base64url must be canonical (jose's decoder skips whitespace and ignores the spare bits of
 *   the last character; in the signature segment neither is covered by the signature);
 * - the ECDSA signature must be "low-S". For any valid (r, s), (r, n − s) is valid too, so anyone
 *   could otherwise mint a second valid JWS, with another hash, without the key. signCompact
 *   always emits the low-S form; `allowHighS` exists for foreign signatures such as RFC 7515 A.3.
 */
import { CompactSign, compactVerify, errors, importJWK } from 'jose';
import { keyId, toPublicJwk, type PublicJwk } from './keys';
import {
	base64urlDecodeStrict,
	base64urlEncode,
	ownBytes,
	toHex,
	utf8DecodeStrict,
	utf8Encode
} from './encoding';

export const ES256 = 'ES256';

/**
 * Optional explicit type for report JWSs (RFC 8725 section 3.11). Not set by default, so the
 * protected header is exactly `{"alg":"ES256","kid":"…"}`; pass `{ typ: REPORT_TYP }` to
 * signCompact and `{ expectedTyp: REPORT_TYP }` to verifyCompact to keep report signatures from
 * being mistaken for other JWSs made with the same device key.
 */
export const REPORT_TYP = 'shelfcheck-report+jws';

/** The protected header members we produce and accept. Anything else (crit, b64, jwk…) is refused. */
const ALLOWED_HEADER_MEMBERS: ReadonlySet<string> = new Set(['alg', 'kid', 'typ']);

/** Order n of the P-256 group, for the low-S rule. */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const P256_HALF_N = P256_N >> 1n;
const SIGNATURE_BYTES = 64;

export interface JwsHeader {
	alg: typeof ES256;
	kid?: string;
	typ?: string;
}

export type VerifyFailureCode =
	/** Not a string of three dot-separated parts. */
	| 'malformed-compact'
	/** A part is not canonical unpadded base64url. */
	| 'malformed-base64url'
	/** The protected header is not a UTF-8 JSON object, or a member has the wrong type. */
	| 'malformed-header'
	/** alg is not ES256 (none, HS256, RS256, missing…). */
	| 'alg-not-allowed'
	/** The header has a member other than alg, kid and typ. */
	| 'unexpected-header'
	/** typ differs from options.expectedTyp. */
	| 'typ-mismatch'
	/** No kid while one is required. */
	| 'missing-kid'
	/** kid is not the RFC 7638 thumbprint of the key being verified with. */
	| 'kid-mismatch'
	/** kid is not options.expectedKid. */
	| 'unexpected-kid'
	/** The verification key is not a usable P-256 public JWK. */
	| 'invalid-key'
	/** The signature is not 64 bytes (R‖S). */
	| 'malformed-signature'
	/** A high-S signature (see the module comment). */
	| 'high-s-signature'
	/** The signature does not match header, payload and key. */
	| 'bad-signature'
	/** Something unexpected failed inside the platform or jose. */
	| 'internal-error';

export type VerifyResult =
	| { ok: true; payload: Uint8Array; header: JwsHeader }
	| { ok: false; code: VerifyFailureCode; reason: string };

export interface VerifyOptions {
	/** The kid the caller expects (e.g. the inspector's registered device). */
	expectedKid?: string;
	/** Default true. False only for foreign JWSs without kid, such as the RFC 7515 A.3 example. */
	requireKid?: boolean;
	/** When set, the header's typ must equal it. */
	expectedTyp?: string;
	/** Default false. Accept high-S ECDSA signatures (for signatures not made by signCompact). */
	allowHighS?: boolean;
}

export interface SignOptions {
	/** Adds `typ` to the protected header, e.g. REPORT_TYP. */
	typ?: string;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
	return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`);
}

function bigIntTo32Bytes(value: bigint): Uint8Array {
	const hex = value.toString(16).padStart(64, '0');
	const out = new Uint8Array(32);
	for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return out;
}

/**
 * Signs the payload as a compact JWS with protected header `{"alg":"ES256","kid":kid}` (plus
 * `typ` if asked). A string payload is UTF-8 encoded as is; for reports pass `signableJson(report)`
 * so the signed bytes are the RFC 8785 form. The returned string is what gets stored and hashed.
 */
export async function signCompact(
	payload: Uint8Array | string,
	privateKey: CryptoKey,
	kid: string,
	options: SignOptions = {}
): Promise<string> {
	if (typeof kid !== 'string' || kid === '') throw new TypeError('kid must be a non-empty string');
	const bytes = typeof payload === 'string' ? utf8Encode(payload) : ownBytes(payload);
	const header: { alg: typeof ES256; kid: string; typ?: string } = { alg: ES256, kid };
	if (options.typ !== undefined) header.typ = options.typ;
	const jws = await new CompactSign(bytes).setProtectedHeader(header).sign(privateKey);

	// Normalise to low-S (see the module comment) before the string exists anywhere else.
	const [encodedHeader, encodedPayload, encodedSignature] = jws.split('.');
	const signature = encodedSignature === undefined ? null : base64urlDecodeStrict(encodedSignature);
	if (signature === null || signature.length !== SIGNATURE_BYTES) {
		throw new Error('jose returned an unexpected ES256 signature');
	}
	const s = bytesToBigInt(signature.subarray(32));
	if (s <= P256_HALF_N) return jws;
	signature.set(bigIntTo32Bytes(P256_N - s), 32);
	return `${encodedHeader}.${encodedPayload}.${base64urlEncode(signature)}`;
}

function fail(code: VerifyFailureCode, reason: string): VerifyResult {
	return { ok: false, code, reason };
}

function algReason(alg: unknown): string {
	if (alg === undefined) return 'The header has no "alg"; only ES256 is accepted';
	if (alg === 'none') return 'alg "none" (an unsigned JWS) is never accepted; only ES256 is';
	if (typeof alg === 'string' && /^HS\d+$/.test(alg)) {
		return `alg "${alg}" is a shared-secret MAC (the public-key-as-HMAC-secret attack); only ES256 is accepted`;
	}
	return `alg ${JSON.stringify(alg)} is not accepted; only ES256 is`;
}

/** Keys recently verified with: a server verifies many reports with each enrolled key. */
interface PreparedKey {
	key: CryptoKey;
	thumbprint: string;
}
const preparedKeys = new Map<string, PreparedKey>();
const PREPARED_KEYS = 256;

/**
 * The key imported for jose and its RFC 7638 thumbprint, remembered for the last few hundred
 * keys by their members: importing and hashing the same key again for every report was a tenth
 * of the server's time per report. A key that is not a usable P-256 point is never remembered.
 */
async function verificationKey(
	publicJwk: PublicJwk | JsonWebKey
): Promise<PreparedKey | VerifyResult> {
	let jwk: PublicJwk;
	let thumbprint: string;
	try {
		jwk = toPublicJwk(publicJwk);
	} catch (cause) {
		return fail('invalid-key', `The verification key is unusable: ${String(cause)}`);
	}
	const cacheKey = `${jwk.kty}.${jwk.crv}.${jwk.x}.${jwk.y}`;
	const known = preparedKeys.get(cacheKey);
	if (known) return known;
	try {
		thumbprint = await keyId(jwk);
	} catch (cause) {
		return fail('invalid-key', `The verification key is unusable: ${String(cause)}`);
	}
	// Imported before the kid checks so a key that is not a P-256 point is reported as such.
	let key: CryptoKey;
	try {
		key = (await importJWK(jwk, ES256)) as CryptoKey;
	} catch (cause) {
		return fail('invalid-key', `The verification key is not a P-256 point: ${String(cause)}`);
	}
	if (preparedKeys.size >= PREPARED_KEYS) preparedKeys.delete(preparedKeys.keys().next().value!);
	const prepared: PreparedKey = { key, thumbprint };
	preparedKeys.set(cacheKey, prepared);
	return prepared;
}

/**
 * Verifies a compact JWS against a P-256 public JWK. Never throws: every failure comes back as
 * `{ ok: false, code, reason }`. By default the header must carry a kid equal to the key's RFC 7638
 * thumbprint, so a report re-signed with another key cannot keep claiming the first key's kid.
 */
export async function verifyCompact(
	jws: unknown,
	publicJwk: PublicJwk | JsonWebKey,
	options: VerifyOptions = {}
): Promise<VerifyResult> {
	try {
		const { expectedKid, requireKid = true, expectedTyp, allowHighS = false } = options;
		if (typeof jws !== 'string') return fail('malformed-compact', 'A compact JWS is a string');
		const parts = jws.split('.');
		if (parts.length !== 3) {
			return fail(
				'malformed-compact',
				`A compact JWS has three dot-separated parts, this has ${parts.length}`
			);
		}
		const [encodedHeader = '', encodedPayload = '', encodedSignature = ''] = parts;
		const headerBytes = base64urlDecodeStrict(encodedHeader);
		const payloadBytes = base64urlDecodeStrict(encodedPayload);
		const signature = base64urlDecodeStrict(encodedSignature);
		for (const [name, decoded] of [
			['header', headerBytes],
			['payload', payloadBytes],
			['signature', signature]
		] as const) {
			if (decoded === null) {
				return fail('malformed-base64url', `The ${name} part is not canonical unpadded base64url`);
			}
		}
		if (headerBytes === null || payloadBytes === null || signature === null) {
			return fail('internal-error', 'unreachable');
		}

		const headerText = utf8DecodeStrict(headerBytes);
		let header: unknown;
		try {
			header = headerText === null ? undefined : JSON.parse(headerText);
		} catch {
			header = undefined;
		}
		if (typeof header !== 'object' || header === null || Array.isArray(header)) {
			return fail('malformed-header', 'The protected header is not a UTF-8 JSON object');
		}
		const fields = header as Record<string, unknown>;

		// Checked here, before jose, so the reason is precise; jose is also told ['ES256'] below.
		if (fields.alg !== ES256) return fail('alg-not-allowed', algReason(fields.alg));
		const unexpected = Object.keys(fields).filter((name) => !ALLOWED_HEADER_MEMBERS.has(name));
		if (unexpected.length > 0) {
			return fail(
				'unexpected-header',
				`Header members not accepted: ${unexpected.map((name) => JSON.stringify(name)).join(', ')}`
			);
		}
		const { kid, typ } = fields;
		if (typ !== undefined && typeof typ !== 'string') {
			return fail('malformed-header', 'typ must be a string');
		}
		if (expectedTyp !== undefined && typ !== expectedTyp) {
			return fail('typ-mismatch', `typ is ${JSON.stringify(typ)}, expected ${expectedTyp}`);
		}
		if (kid !== undefined && typeof kid !== 'string') {
			return fail('malformed-header', 'kid must be a string');
		}
		if (kid === undefined || kid === '') {
			if (requireKid || expectedKid !== undefined) {
				return fail('missing-kid', 'The header has no kid naming the signing key');
			}
		}

		const prepared = await verificationKey(publicJwk);
		if ('ok' in prepared) return prepared;
		const { key, thumbprint } = prepared;
		// An empty kid is never a thumbprint, so it fails here when it was optional.
		if (kid !== undefined && kid !== thumbprint) {
			return fail(
				'kid-mismatch',
				`kid ${JSON.stringify(kid)} is not the thumbprint of the verification key (${thumbprint})`
			);
		}
		if (expectedKid !== undefined && kid !== expectedKid) {
			return fail(
				'unexpected-kid',
				`kid ${JSON.stringify(kid)} is not the expected ${expectedKid}`
			);
		}

		if (signature.length !== SIGNATURE_BYTES) {
			return fail(
				'malformed-signature',
				`An ES256 signature is 64 bytes (R‖S), this one is ${signature.length}`
			);
		}
		if (!allowHighS && bytesToBigInt(signature.subarray(32)) > P256_HALF_N) {
			return fail(
				'high-s-signature',
				'The signature is in high-S form; signatures made by this app are always low-S'
			);
		}

		try {
			const result = await compactVerify(jws, key, { algorithms: [ES256] });
			const verified: JwsHeader = { alg: ES256 };
			if (kid !== undefined) verified.kid = kid;
			if (typ !== undefined) verified.typ = typ;
			return { ok: true, payload: result.payload, header: verified };
		} catch (error) {
			if (error instanceof errors.JWSSignatureVerificationFailed) {
				return fail('bad-signature', 'The signature does not match this header, payload and key');
			}
			if (error instanceof errors.JOSEAlgNotAllowed) {
				return fail('alg-not-allowed', algReason(fields.alg));
			}
			if (error instanceof errors.JWSInvalid) {
				return fail('malformed-compact', `jose rejected the JWS: ${error.message}`);
			}
			throw error;
		}
	} catch (error) {
		return fail('internal-error', `Verification failed unexpectedly: ${String(error)}`);
	}
}

/** Lower-case hex SHA-256 (WebCrypto). Strings are hashed as UTF-8. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
	const bytes = typeof data === 'string' ? utf8Encode(data) : ownBytes(data);
	return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

const COMPACT_SHAPE = /^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * The report hash: SHA-256 (hex) of the compact JWS's ASCII bytes exactly as stored. Throws a
 * TypeError for a string that is not shaped like a compact JWS, since its "ASCII bytes" would not
 * be defined.
 */
export async function reportHash(compactJws: string): Promise<string> {
	if (typeof compactJws !== 'string' || !COMPACT_SHAPE.test(compactJws)) {
		throw new TypeError('reportHash expects a compact JWS (three base64url parts)');
	}
	return sha256Hex(compactJws);
}

export { readUnverified } from './unverified';
