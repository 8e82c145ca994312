/**
 * The device signing key: ECDSA P-256 (JOSE "ES256") held as WebCrypto CryptoKey objects.
 *
 * The private key is created non-extractable so that neither the app nor injected script can
 * read its bytes; it can only be used through crypto.subtle.sign. The CryptoKey objects are
 * returned as they are because another module stores them in IndexedDB by structured clone,
 * which keeps them non-extractable. WebCrypto always makes the public half extractable, which is
 * what lets us publish it as a JWK.
 */
import { calculateJwkThumbprint } from 'jose';
import { base32Encode, base64urlDecodeStrict, ownBytes } from './encoding';

/** A P-256 public key as JWK, reduced to the members RFC 7638 hashes. */
export interface PublicJwk {
	kty: 'EC';
	crv: 'P-256';
	x: string;
	y: string;
}

/** What generateDeviceKey returns; every field survives structured clone. */
export interface DeviceKey {
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	publicJwk: PublicJwk;
	/** RFC 7638 thumbprint of publicJwk; the `kid` of every JWS this key signs. */
	kid: string;
}

/** A key pair to prove; publicJwk and kid are checked too when present (e.g. loaded from storage). */
export interface ProvableKey {
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	publicJwk?: PublicJwk;
	kid?: string;
}

export type KeyErrorCode =
	| 'invalid-jwk'
	| 'invalid-kid'
	| 'wrong-key-type'
	| 'private-key-extractable'
	| 'missing-usage'
	| 'signature-not-verified'
	| 'verifier-accepts-forgery'
	| 'public-jwk-mismatch'
	| 'kid-mismatch';

export class KeyError extends Error {
	override readonly name = 'KeyError';
	readonly code: KeyErrorCode;

	constructor(code: KeyErrorCode, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.code = code;
	}
}

export const ECDSA_P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
export const ECDSA_SHA256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** Length of a P-256 coordinate in bytes. */
const COORDINATE_BYTES = 32;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a P-256 public JWK and keeps only kty, crv, x and y. Dropping `d`, `key_ops`, `ext`
 * and the like means a private JWK passed by mistake is never stored or sent as "the public key".
 * Whether the point is on the curve is left to WebCrypto's importKey.
 */
export function toPublicJwk(jwk: unknown): PublicJwk {
	if (!isRecord(jwk)) throw new KeyError('invalid-jwk', 'JWK must be an object');
	if (jwk.kty !== 'EC')
		throw new KeyError('invalid-jwk', `JWK kty must be "EC", got ${String(jwk.kty)}`);
	if (jwk.crv !== 'P-256') {
		throw new KeyError('invalid-jwk', `JWK crv must be "P-256", got ${String(jwk.crv)}`);
	}
	const { x, y } = jwk;
	for (const [name, coordinate] of [
		['x', x],
		['y', y]
	] as const) {
		const bytes = typeof coordinate === 'string' ? base64urlDecodeStrict(coordinate) : null;
		// RFC 7518 section 6.2.1.2: the full 32 bytes, leading zeros kept.
		if (bytes === null || bytes.length !== COORDINATE_BYTES) {
			throw new KeyError('invalid-jwk', `JWK ${name} must be 32 bytes of base64url`);
		}
	}
	return { kty: 'EC', crv: 'P-256', x: x as string, y: y as string };
}

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url, 43 characters) of a P-256 public key. Used as the
 * JWS `kid`, so a verifier can tell which key a report claims and check that claim against the
 * key it actually verifies with.
 */
export async function keyId(publicJwk: PublicJwk | JsonWebKey): Promise<string> {
	return calculateJwkThumbprint(toPublicJwk(publicJwk), 'sha256');
}

/**
 * Human-friendly rendering of a key id for comparing keys by eye or reading them aloud over the
 * phone: the same 32 thumbprint bytes in RFC 4648 base32 (A–Z and 2–7: no 0/O or 1/I/L to mix
 * up, case does not matter), 52 characters in 13 groups of four separated by spaces, e.g.
 * `NZGE 3...`. Nothing is truncated, so it identifies the key as strongly as the kid does.
 */
export function fingerprintFromKeyId(kid: string): string {
	const bytes = base64urlDecodeStrict(kid);
	if (bytes === null || bytes.length !== 32) {
		throw new KeyError('invalid-kid', 'A key id is 32 bytes of base64url (an RFC 7638 thumbprint)');
	}
	return (base32Encode(bytes).match(/.{1,4}/g) ?? []).join(' ');
}

/** `fingerprintFromKeyId(await keyId(publicJwk))`. */
export async function fingerprint(publicJwk: PublicJwk | JsonWebKey): Promise<string> {
	return fingerprintFromKeyId(await keyId(publicJwk));
}

/** Creates the device key: private half non-extractable, public half exported as JWK. */
export async function generateDeviceKey(): Promise<DeviceKey> {
	const { privateKey, publicKey } = await crypto.subtle.generateKey(ECDSA_P256, false, [
		'sign',
		'verify'
	]);
	const publicJwk = toPublicJwk(await crypto.subtle.exportKey('jwk', publicKey));
	return { privateKey, publicKey, publicJwk, kid: await keyId(publicJwk) };
}

function checkEcdsaP256(key: unknown, type: KeyType, usage: KeyUsage, label: string): CryptoKey {
	// Duck-typed rather than instanceof so keys from another realm (structured clone) still pass.
	const candidate = key as Partial<CryptoKey> | null | undefined;
	const algorithm = candidate?.algorithm as Partial<EcKeyAlgorithm> | undefined;
	if (candidate?.type !== type || algorithm?.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') {
		throw new KeyError('wrong-key-type', `${label} is not an ECDSA P-256 ${type} CryptoKey`);
	}
	if (!candidate.usages?.includes(usage)) {
		throw new KeyError('missing-usage', `${label} is not allowed to ${usage}`);
	}
	return candidate as CryptoKey;
}

/**
 * Proves a key pair works before the app relies on it: the private key is a non-extractable
 * ECDSA P-256 signing key, it signs a fresh random challenge, the public key verifies that
 * signature and rejects it for a different challenge (so a broken verifier that accepts anything
 * is caught), and, when given, publicJwk is the same key and kid is its thumbprint. A mismatch
 * there would produce reports nobody can verify, so it is better found at load time.
 * Throws KeyError with a code; resolves to nothing when the key is good.
 */
export async function proveKey(key: ProvableKey): Promise<void> {
	const privateKey = checkEcdsaP256(key?.privateKey, 'private', 'sign', 'privateKey');
	const publicKey = checkEcdsaP256(key?.publicKey, 'public', 'verify', 'publicKey');
	if (privateKey.extractable) {
		throw new KeyError('private-key-extractable', 'The private key must not be extractable');
	}

	const challenge = crypto.getRandomValues(new Uint8Array(32));
	const signature = new Uint8Array(await crypto.subtle.sign(ECDSA_SHA256, privateKey, challenge));
	if (!(await crypto.subtle.verify(ECDSA_SHA256, publicKey, signature, challenge))) {
		throw new KeyError(
			'signature-not-verified',
			'The public key does not verify signatures made by the private key'
		);
	}
	const other = ownBytes(challenge);
	other[0] = (other[0] ?? 0) ^ 0x01;
	if (await crypto.subtle.verify(ECDSA_SHA256, publicKey, signature, other)) {
		throw new KeyError(
			'verifier-accepts-forgery',
			'The public key accepted a signature for a different challenge'
		);
	}

	let jwk: PublicJwk;
	if (key.publicJwk !== undefined) {
		jwk = toPublicJwk(key.publicJwk);
		let fromJwk: CryptoKey;
		try {
			fromJwk = await crypto.subtle.importKey('jwk', jwk, ECDSA_P256, true, ['verify']);
		} catch (cause) {
			throw new KeyError('invalid-jwk', 'publicJwk is not a valid P-256 public key', { cause });
		}
		if (!(await crypto.subtle.verify(ECDSA_SHA256, fromJwk, signature, challenge))) {
			throw new KeyError('public-jwk-mismatch', 'publicJwk is not the public half of privateKey');
		}
	} else {
		jwk = toPublicJwk(await crypto.subtle.exportKey('jwk', publicKey));
	}
	if (key.kid !== undefined && key.kid !== (await keyId(jwk))) {
		throw new KeyError('kid-mismatch', 'kid is not the RFC 7638 thumbprint of the public key');
	}
}
