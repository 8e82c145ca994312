import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	ECDSA_P256,
	fingerprint,
	fingerprintFromKeyId,
	generateDeviceKey,
	KeyError,
	keyId,
	proveKey,
	toPublicJwk,
	type ProvableKey
} from './keys';
import { testdataUrl } from '../../../tests/testdata';

const A3 = JSON.parse(readFileSync(testdataUrl('jose/rfc7515-a3-es256.json'), 'utf8')) as {
	publicJwk: JsonWebKey;
	privateJwk: JsonWebKey;
};

/** RFC 7638 by hand: required members in lexicographic order, no whitespace, SHA-256, base64url. */
function handThumbprint(jwk: { crv?: string; x?: string; y?: string }): string {
	const json = `{"crv":"${jwk.crv}","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
	return createHash('sha256').update(json, 'utf8').digest('base64url');
}

/** Independent RFC 4648 base32 decoder, to check the fingerprint against the thumbprint bytes. */
function base32Decode(text: string): Buffer {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const char of text) {
		const value = alphabet.indexOf(char);
		if (value < 0) throw new Error(`not base32: ${char}`);
		bits += value.toString(2).padStart(5, '0');
	}
	const bytes: number[] = [];
	for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
	return Buffer.from(bytes);
}

async function expectKeyError(promise: Promise<unknown>, code: string): Promise<void> {
	const error: unknown = await promise.then(
		() => undefined,
		(reason: unknown) => reason
	);
	expect(error).toBeInstanceOf(KeyError);
	expect((error as KeyError).code).toBe(code);
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('generateDeviceKey', () => {
	it('creates a P-256 pair whose private half cannot be exported', async () => {
		const key = await generateDeviceKey();
		expect(key.privateKey.extractable).toBe(false);
		expect(key.privateKey.type).toBe('private');
		expect(key.privateKey.algorithm).toMatchObject(ECDSA_P256);
		expect(key.privateKey.usages).toEqual(['sign']);
		expect(key.publicKey.usages).toEqual(['verify']);
		await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
		await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
	});

	it('publishes only kty, crv, x and y, and the kid is their RFC 7638 thumbprint', async () => {
		const key = await generateDeviceKey();
		expect(Object.keys(key.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
		expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
		expect(key.kid).toBe(handThumbprint(key.publicJwk));
		expect(await keyId(key.publicJwk)).toBe(key.kid);
	});

	it('makes a different key each time', async () => {
		const [a, b] = await Promise.all([generateDeviceKey(), generateDeviceKey()]);
		expect(a.kid).not.toBe(b.kid);
	});
});

describe('keyId', () => {
	it('matches a hand-computed RFC 7638 thumbprint of the RFC 7515 A.3 key', async () => {
		expect(await keyId(A3.publicJwk)).toBe(handThumbprint(A3.publicJwk));
	});

	it('ignores private and optional members, so the private JWK has the same kid', async () => {
		const decorated = { ...A3.publicJwk, key_ops: ['verify'], ext: true, alg: 'ES256' };
		expect(await keyId(A3.privateJwk)).toBe(handThumbprint(A3.publicJwk));
		expect(await keyId(decorated)).toBe(handThumbprint(A3.publicJwk));
		expect(toPublicJwk(A3.privateJwk)).not.toHaveProperty('d');
	});

	it.each([
		['an RSA key', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }],
		['a P-384 key', { ...A3.publicJwk, crv: 'P-384' }],
		['a short x', { ...A3.publicJwk, x: 'AAAA' }],
		['a padded y', { ...A3.publicJwk, y: `${A3.publicJwk.y}=` }],
		['a missing y', { kty: 'EC', crv: 'P-256', x: A3.publicJwk.x }]
	])('rejects %s', async (_label, jwk) => {
		await expectKeyError(keyId(jwk), 'invalid-jwk');
	});
});

describe('fingerprint', () => {
	it('is the thumbprint in base32, 13 groups of four', async () => {
		const key = await generateDeviceKey();
		const text = await fingerprint(key.publicJwk);
		expect(text).toMatch(/^(?:[A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
		expect(base32Decode(text.replaceAll(' ', '')).equals(Buffer.from(key.kid, 'base64url'))).toBe(
			true
		);
		expect(fingerprintFromKeyId(key.kid)).toBe(text);
	});

	it('renders a fixed kid the same way every time', () => {
		// 32 zero bytes, then 32 0xff bytes: the ends of the range.
		const zeros = Buffer.alloc(32).toString('base64url');
		const ones = Buffer.alloc(32, 0xff).toString('base64url');
		expect(fingerprintFromKeyId(zeros)).toBe(`${'AAAA '.repeat(12)}AAAA`);
		expect(fingerprintFromKeyId(ones)).toBe(`${'7777 '.repeat(12)}777Q`);
	});

	it('refuses something that is not a thumbprint', () => {
		expect(() => fingerprintFromKeyId('abc')).toThrow(KeyError);
		expect(() => fingerprintFromKeyId(`${Buffer.alloc(32).toString('base64url')}=`)).toThrow(
			KeyError
		);
	});
});

describe('proveKey', () => {
	it('accepts a fresh device key, and the same key after structured clone', async () => {
		const key = await generateDeviceKey();
		await expect(proveKey(key)).resolves.toBeUndefined();
		// IndexedDB stores CryptoKeys by structured clone; the clone must still be usable and locked.
		const clone = structuredClone(key);
		expect(clone.privateKey.extractable).toBe(false);
		await expect(proveKey(clone)).resolves.toBeUndefined();
	});

	it('refuses an extractable private key', async () => {
		const pair = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
		await expectKeyError(proveKey(pair), 'private-key-extractable');
	});

	it('refuses a public key from another pair', async () => {
		const [a, b] = await Promise.all([generateDeviceKey(), generateDeviceKey()]);
		await expectKeyError(
			proveKey({ privateKey: a.privateKey, publicKey: b.publicKey }),
			'signature-not-verified'
		);
	});

	it('refuses a stored publicJwk or kid that does not belong to the key', async () => {
		const [a, b] = await Promise.all([generateDeviceKey(), generateDeviceKey()]);
		await expectKeyError(proveKey({ ...a, publicJwk: b.publicJwk }), 'public-jwk-mismatch');
		await expectKeyError(proveKey({ ...a, kid: b.kid }), 'kid-mismatch');
	});

	it('refuses swapped, foreign and under-privileged keys', async () => {
		const key = await generateDeviceKey();
		const swapped = { privateKey: key.publicKey, publicKey: key.privateKey };
		await expectKeyError(proveKey(swapped), 'wrong-key-type');
		const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, [
			'sign',
			'verify'
		]);
		await expectKeyError(
			proveKey({ privateKey: hmac, publicKey: key.publicKey } as ProvableKey),
			'wrong-key-type'
		);
		await expectKeyError(proveKey({} as ProvableKey), 'wrong-key-type');
		const noVerify = await crypto.subtle.importKey('jwk', key.publicJwk, ECDSA_P256, true, []);
		await expectKeyError(
			proveKey({ privateKey: key.privateKey, publicKey: noVerify }),
			'missing-usage'
		);
	});

	it('catches a verifier that accepts anything', async () => {
		const key = await generateDeviceKey();
		vi.spyOn(crypto.subtle, 'verify').mockResolvedValue(true);
		await expectKeyError(proveKey(key), 'verifier-accepts-forgery');
	});
});
