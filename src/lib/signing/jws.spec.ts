import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compactVerify, errors, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { signableJson } from './canonical';
import { ECDSA_P256, ECDSA_SHA256, generateDeviceKey, keyId, type DeviceKey } from './keys';
import {
	REPORT_TYP,
	reportHash,
	sha256Hex,
	signCompact,
	verifyCompact,
	type VerifyFailureCode,
	type VerifyResult
} from './jws';
import { testdataUrl } from '../../../tests/testdata';

interface A3Vector {
	privateJwk: JsonWebKey;
	publicJwk: JsonWebKey;
	protectedHeader: string;
	protectedHeaderB64u: string;
	payload: string;
	payloadB64u: string;
	signingInput: string;
	signatureB64u: string;
	signatureHex: string;
	compact: string;
	negativeCases: { name: string; compact: string }[];
}

const A3 = JSON.parse(readFileSync(testdataUrl('jose/rfc7515-a3-es256.json'), 'utf8')) as A3Vector;

/** The order n of P-256, written out again here rather than imported from the code under test. */
const N = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');

const b64u = (data: Buffer | Uint8Array | string): string =>
	Buffer.from(data as Uint8Array).toString('base64url');
const fromB64u = (text: string): Buffer => Buffer.from(text, 'base64url');
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

function parts(jws: string): [string, string, string] {
	const [h, p, s, ...rest] = jws.split('.');
	if (h === undefined || p === undefined || s === undefined || rest.length > 0) {
		throw new Error(`not compact: ${jws}`);
	}
	return [h, p, s];
}

function sValue(jws: string): bigint {
	return BigInt(`0x${fromB64u(parts(jws)[2]).subarray(32).toString('hex')}`);
}

/** The same signature with s replaced by n − s: still a valid ECDSA signature. */
function highSTwin(jws: string): string {
	const [h, p, s] = parts(jws);
	const signature = fromB64u(s);
	const twin = N - sValue(jws);
	Buffer.from(twin.toString(16).padStart(64, '0'), 'hex').copy(signature, 32);
	return `${h}.${p}.${b64u(signature)}`;
}

/** Signs an arbitrary protected header by hand (WebCrypto), to build tokens signCompact refuses to. */
async function signRaw(header: string, payload: string, privateKey: CryptoKey): Promise<string> {
	const input = `${b64u(header)}.${b64u(payload)}`;
	const signature = await crypto.subtle.sign(ECDSA_SHA256, privateKey, Buffer.from(input, 'ascii'));
	return `${input}.${b64u(new Uint8Array(signature))}`;
}

function expectFailure(result: VerifyResult, code: VerifyFailureCode): string {
	expect(result).toMatchObject({ ok: false, code });
	if (result.ok) throw new Error('unreachable');
	expect(result.reason.length).toBeGreaterThan(10);
	return result.reason;
}

const report = {
	id: 'insp-2024-0042',
	product: { gtin: '05012345678900', model: 'SC-CAM-200' },
	checks: [{ id: 'EN303645-5.1-1', verdict: 'FAIL', note: 'Default password "admin" printed' }],
	capturedAt: '2025-03-01T10:15:00Z',
	photoCount: 2
};

let keys: Promise<[DeviceKey, DeviceKey]> | undefined;
const twoKeys = (): Promise<[DeviceKey, DeviceKey]> =>
	(keys ??= Promise.all([generateDeviceKey(), generateDeviceKey()]));

describe('RFC 7515 A.3 (ES256) vector', () => {
	it('is internally consistent', () => {
		expect(b64u(A3.protectedHeader)).toBe(A3.protectedHeaderB64u);
		expect(b64u(A3.payload)).toBe(A3.payloadB64u);
		expect(A3.signingInput).toBe(`${A3.protectedHeaderB64u}.${A3.payloadB64u}`);
		expect(fromB64u(A3.signatureB64u).toString('hex')).toBe(A3.signatureHex);
		expect(A3.compact).toBe(`${A3.signingInput}.${A3.signatureB64u}`);
	});

	it('(1) verifies the given compact JWS in the no-kid, high-S-tolerant mode', async () => {
		const result = await verifyCompact(A3.compact, A3.publicJwk, {
			requireKid: false,
			allowHighS: true
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(text(result.payload)).toBe(A3.payload);
		expect(text(result.payload)).toContain('\r\n');
		expect(result.header).toEqual({ alg: 'ES256' });
	});

	it('(1) is refused by the strict defaults: no kid, and its signature is high-S', async () => {
		expect(sValue(A3.compact) > N / 2n).toBe(true);
		expectFailure(await verifyCompact(A3.compact, A3.publicJwk), 'missing-kid');
		expectFailure(
			await verifyCompact(A3.compact, A3.publicJwk, { requireKid: false }),
			'high-s-signature'
		);
		// Its low-S twin is the same signature in canonical form and passes the strict check.
		const lowS = highSTwin(A3.compact);
		expect((await verifyCompact(lowS, A3.publicJwk, { requireKid: false })).ok).toBe(true);
	});

	it('(2) a fresh signature over the signing input with the private JWK verifies', async () => {
		const privateKey = await crypto.subtle.importKey('jwk', A3.privateJwk, ECDSA_P256, false, [
			'sign'
		]);
		const signature = await crypto.subtle.sign(
			ECDSA_SHA256,
			privateKey,
			Buffer.from(A3.signingInput, 'ascii')
		);
		const fresh = `${A3.signingInput}.${b64u(new Uint8Array(signature))}`;
		expect(fresh).not.toBe(A3.compact);
		const result = await verifyCompact(fresh, A3.publicJwk, {
			requireKid: false,
			allowHighS: true
		});
		expect(result.ok && text(result.payload)).toBe(A3.payload);

		// And through signCompact, which adds the kid and the low-S form.
		const kid = await keyId(A3.publicJwk);
		const viaApi = await signCompact(A3.payload, privateKey, kid);
		const strict = await verifyCompact(viaApi, A3.publicJwk, { expectedKid: kid });
		expect(strict.ok && text(strict.payload)).toBe(A3.payload);
	});

	const negativeCodes: Record<string, VerifyFailureCode> = {
		'signature-bit-flipped': 'bad-signature',
		'payload-modified': 'bad-signature',
		'signature-truncated': 'malformed-signature'
	};

	it('(3) has exactly the negative cases this test knows', () => {
		expect(A3.negativeCases.map((c) => c.name).sort()).toEqual(Object.keys(negativeCodes).sort());
	});

	it.each(A3.negativeCases)('(3) rejects $name with its own reason', async ({ name, compact }) => {
		const options = { requireKid: false, allowHighS: true };
		expectFailure(await verifyCompact(compact, A3.publicJwk, options), negativeCodes[name]!);
	});
});

describe('signCompact / verifyCompact round trip', () => {
	it('signs a canonical report and verifies it with the kid', async () => {
		const [a] = await twoKeys();
		const payload = signableJson(report);
		const jws = await signCompact(payload, a.privateKey, a.kid);
		const [h] = parts(jws);
		// The protected header is exactly {alg, kid}, in that order, nothing else.
		expect(fromB64u(h).toString('utf8')).toBe(`{"alg":"ES256","kid":"${a.kid}"}`);
		const result = await verifyCompact(jws, a.publicJwk, { expectedKid: a.kid });
		expect(result).toMatchObject({ ok: true, header: { alg: 'ES256', kid: a.kid } });
		if (!result.ok) return;
		expect(text(result.payload)).toBe(payload);
		expect(JSON.parse(text(result.payload))).toEqual(report);
	});

	it('signs bytes as given', async () => {
		const [a] = await twoKeys();
		const bytes = new Uint8Array([0, 1, 2, 255]);
		const result = await verifyCompact(await signCompact(bytes, a.privateKey, a.kid), a.publicJwk);
		expect(result.ok && [...result.payload]).toEqual([0, 1, 2, 255]);
	});

	it('adds typ only when asked, and checks it when expected', async () => {
		const [a] = await twoKeys();
		const typed = await signCompact('{}', a.privateKey, a.kid, { typ: REPORT_TYP });
		expect(fromB64u(parts(typed)[0]).toString('utf8')).toBe(
			`{"alg":"ES256","kid":"${a.kid}","typ":"${REPORT_TYP}"}`
		);
		expect((await verifyCompact(typed, a.publicJwk, { expectedTyp: REPORT_TYP })).ok).toBe(true);
		const untyped = await signCompact('{}', a.privateKey, a.kid);
		expectFailure(
			await verifyCompact(untyped, a.publicJwk, { expectedTyp: REPORT_TYP }),
			'typ-mismatch'
		);
	});

	it('always emits low-S signatures, and refuses the high-S twin by default', async () => {
		const [a] = await twoKeys();
		// Without normalisation about half would be high-S; 2^-24 chance this misses a regression.
		const signed = await Promise.all(
			Array.from({ length: 24 }, (_, i) => signCompact(`{"n":${i}}`, a.privateKey, a.kid))
		);
		for (const jws of signed) {
			expect(sValue(jws) <= N / 2n).toBe(true);
			expect((await verifyCompact(jws, a.publicJwk)).ok).toBe(true);
		}
		const twin = highSTwin(signed[0]!);
		// The twin is a valid ECDSA signature (so it would otherwise be a second report hash)…
		expect((await verifyCompact(twin, a.publicJwk, { allowHighS: true })).ok).toBe(true);
		expect(await reportHash(twin)).not.toBe(await reportHash(signed[0]!));
		// …and the default verifier refuses it.
		expectFailure(await verifyCompact(twin, a.publicJwk), 'high-s-signature');
	});

	it('refuses a bad kid or a lone-surrogate string when signing', async () => {
		const [a] = await twoKeys();
		await expect(signCompact('{}', a.privateKey, '')).rejects.toThrow(TypeError);
		await expect(signCompact('\ud800', a.privateKey, a.kid)).rejects.toThrow(TypeError);
	});
});

describe('verifyCompact rejects each tampering with its own code', () => {
	async function signedReport(): Promise<{ a: DeviceKey; b: DeviceKey; jws: string }> {
		const [a, b] = await twoKeys();
		return { a, b, jws: await signCompact(signableJson(report), a.privateKey, a.kid) };
	}

	it('a changed byte in the payload', async () => {
		const { a, jws } = await signedReport();
		const [h, p, s] = parts(jws);
		const payload = fromB64u(p);
		payload[10] = payload[10]! ^ 0x01;
		expectFailure(await verifyCompact(`${h}.${b64u(payload)}.${s}`, a.publicJwk), 'bad-signature');
	});

	it('a changed byte in the signature', async () => {
		const { a, jws } = await signedReport();
		const [h, p, s] = parts(jws);
		const signature = fromB64u(s);
		signature[5] = signature[5]! ^ 0x80; // inside R, so the low-S rule is not what catches it
		expectFailure(
			await verifyCompact(`${h}.${p}.${b64u(signature)}`, a.publicJwk),
			'bad-signature'
		);
	});

	it('a changed byte in the header', async () => {
		const { a, jws } = await signedReport();
		const [h, p, s] = parts(jws);
		// Same meaning, different bytes: only the signature can tell.
		const spaced = fromB64u(h).toString('utf8').replace(',', ', ');
		expectFailure(await verifyCompact(`${b64u(spaced)}.${p}.${s}`, a.publicJwk), 'bad-signature');
		const broken = fromB64u(h);
		broken[0] = 0x5b; // '{' becomes '['
		expectFailure(
			await verifyCompact(`${b64u(broken)}.${p}.${s}`, a.publicJwk),
			'malformed-header'
		);
	});

	it('alg "none"', async () => {
		const { a, jws } = await signedReport();
		const [, p] = parts(jws);
		const header = b64u(JSON.stringify({ alg: 'none', kid: a.kid }));
		expect(
			expectFailure(await verifyCompact(`${header}.${p}.`, a.publicJwk), 'alg-not-allowed')
		).toContain('none');
		// Even with a real signature attached.
		const [, , s] = parts(jws);
		expectFailure(await verifyCompact(`${header}.${p}.${s}`, a.publicJwk), 'alg-not-allowed');
	});

	it('HS256 with the public key as the HMAC secret (key confusion)', async () => {
		const { a, jws } = await signedReport();
		const [, p] = parts(jws);
		const h = b64u(JSON.stringify({ alg: 'HS256', kid: a.kid }));
		const point = Buffer.concat([
			Buffer.from([4]),
			fromB64u(a.publicJwk.x),
			fromB64u(a.publicJwk.y)
		]);
		for (const secret of [JSON.stringify(a.publicJwk), point]) {
			const mac = createHmac('sha256', secret).update(`${h}.${p}`, 'ascii').digest('base64url');
			const forged = `${h}.${p}.${mac}`;
			expect(expectFailure(await verifyCompact(forged, a.publicJwk), 'alg-not-allowed')).toContain(
				'HS256'
			);
			// Second line of defence: jose, told ['ES256'], refuses it too.
			const key = await importJWK(a.publicJwk, 'ES256');
			await expect(compactVerify(forged, key, { algorithms: ['ES256'] })).rejects.toBeInstanceOf(
				errors.JOSEAlgNotAllowed
			);
		}
	});

	it.each([
		['RS256', { alg: 'RS256' }],
		['ES384', { alg: 'ES384' }],
		['es256 (case)', { alg: 'es256' }],
		['a missing alg', {}],
		['a non-string alg', { alg: ['ES256'] }]
	])('any other alg: %s', async (_label, fields) => {
		const { a, jws } = await signedReport();
		const [, p, s] = parts(jws);
		const h = b64u(JSON.stringify({ ...fields, kid: a.kid }));
		expectFailure(await verifyCompact(`${h}.${p}.${s}`, a.publicJwk), 'alg-not-allowed');
	});

	it('a kid that is not the signing key’s thumbprint', async () => {
		const { a } = await signedReport();
		const wrong = await signCompact('{}', a.privateKey, 'my-device');
		expectFailure(await verifyCompact(wrong, a.publicJwk), 'kid-mismatch');
	});

	it('a token re-signed with another key that still claims the first kid', async () => {
		const { a, b } = await signedReport();
		const forged = await signCompact(signableJson(report), b.privateKey, a.kid);
		// With the genuine key, the kid matches but the signature does not…
		expectFailure(
			await verifyCompact(forged, a.publicJwk, { expectedKid: a.kid }),
			'bad-signature'
		);
		// …and with the forger's key, the signature matches but the kid does not.
		expectFailure(await verifyCompact(forged, b.publicJwk), 'kid-mismatch');
	});

	it('a valid token from an unexpected device', async () => {
		const { a, b, jws } = await signedReport();
		expectFailure(await verifyCompact(jws, a.publicJwk, { expectedKid: b.kid }), 'unexpected-kid');
	});

	it('a missing kid (accepted only when the caller opts out)', async () => {
		const { a } = await signedReport();
		const noKid = await signRaw('{"alg":"ES256"}', '{}', a.privateKey);
		expectFailure(await verifyCompact(noKid, a.publicJwk), 'missing-kid');
		expectFailure(
			await verifyCompact(noKid, a.publicJwk, { requireKid: false, expectedKid: a.kid }),
			'missing-kid'
		);
		const lenient = await verifyCompact(noKid, a.publicJwk, {
			requireKid: false,
			allowHighS: true
		});
		expect(lenient.ok).toBe(true);
	});

	it('extra or mistyped header members', async () => {
		const { a } = await signedReport();
		for (const extra of [
			{ crit: ['exp'], exp: 1 },
			{ b64: false },
			{ jwk: a.publicJwk },
			{ x5u: 'https://example.com/k' }
		]) {
			const h = JSON.stringify({ alg: 'ES256', kid: a.kid, ...extra });
			const jws = await signRaw(h, '{}', a.privateKey);
			expectFailure(
				await verifyCompact(jws, a.publicJwk, { allowHighS: true }),
				'unexpected-header'
			);
		}
		const numericKid = await signRaw('{"alg":"ES256","kid":7}', '{}', a.privateKey);
		expectFailure(await verifyCompact(numericKid, a.publicJwk), 'malformed-header');
	});

	it('malformed compact serialisations', async () => {
		const { a, jws } = await signedReport();
		const [h, p, s] = parts(jws);
		const last = s.at(-1)!;
		// 64 bytes use 512 of the 516 bits of 86 characters; setting a spare bit keeps the bytes.
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const spare = alphabet[alphabet.indexOf(last) | 1]!;
		const nonCanonical = `${h}.${p}.${s.slice(0, -1)}${spare}`;
		expect(fromB64u(nonCanonical.split('.')[2]!).equals(fromB64u(s))).toBe(true);
		const cases: [unknown, VerifyFailureCode][] = [
			[42, 'malformed-compact'],
			[null, 'malformed-compact'],
			['', 'malformed-compact'],
			[`${h}.${p}`, 'malformed-compact'],
			[`${h}.${p}.${s}.${s}`, 'malformed-compact'],
			[`${h}.${p}.${s}=`, 'malformed-base64url'],
			[`${h}.${p}.${s.slice(0, 40)} ${s.slice(40)}`, 'malformed-base64url'],
			[`${h}.${p}.${s.slice(0, -1)}`, 'malformed-base64url'],
			[`${h}.+${p}.${s}`, 'malformed-base64url'],
			[nonCanonical, 'malformed-base64url'],
			[`.${p}.${s}`, 'malformed-header'],
			[`${b64u('not json')}.${p}.${s}`, 'malformed-header'],
			[`${b64u('["ES256"]')}.${p}.${s}`, 'malformed-header'],
			[`${b64u(Buffer.from([0x7b, 0xff, 0x7d]))}.${p}.${s}`, 'malformed-header'],
			[`${h}.${p}.${s.slice(0, 84)}`, 'malformed-signature'],
			[`${h}.${p}.`, 'malformed-signature']
		];
		for (const [input, code] of cases) {
			expect({ input, result: await verifyCompact(input, a.publicJwk) }).toMatchObject({
				result: { ok: false, code }
			});
		}
	});

	it('an unusable verification key', async () => {
		const { a, jws } = await signedReport();
		const offCurve = { ...a.publicJwk, y: b64u(Buffer.alloc(32, 1)) };
		for (const key of [
			{ kty: 'RSA', n: 'AQAB', e: 'AQAB' },
			{ ...a.publicJwk, crv: 'P-384' },
			offCurve,
			null as unknown as JsonWebKey
		]) {
			expectFailure(await verifyCompact(jws, key), 'invalid-key');
		}
	});

	it('never throws and never accepts a mutated token', async () => {
		const { a, jws } = await signedReport();
		// A small deterministic PRNG so a failure can be reproduced.
		let seed = 0x5eed;
		const next = (limit: number): number => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return seed % limit;
		};
		const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.= é';
		for (let i = 0; i < 300; i++) {
			const at = next(jws.length);
			const mutated = `${jws.slice(0, at)}${chars[next(chars.length)]}${jws.slice(at + next(2))}`;
			if (mutated === jws) continue;
			const result = await verifyCompact(mutated, a.publicJwk);
			expect({ mutated, ok: result.ok }).toEqual({ mutated, ok: false });
			if (!result.ok) expect(result.code).not.toBe('internal-error');
		}
	});
});

describe('hashes', () => {
	it('sha256Hex matches the FIPS 180-2 examples for text and bytes', async () => {
		const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
		expect(await sha256Hex('abc')).toBe(abc);
		expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(abc);
		expect(await sha256Hex('')).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		expect(await sha256Hex('é')).toBe(createHash('sha256').update('é', 'utf8').digest('hex'));
	});

	it('reportHash is SHA-256 of the compact JWS’s ASCII bytes', async () => {
		expect(await reportHash(A3.compact)).toBe(
			createHash('sha256').update(A3.compact, 'ascii').digest('hex')
		);
		const [a] = await twoKeys();
		const jws = await signCompact(signableJson(report), a.privateKey, a.kid);
		expect(await reportHash(jws)).toBe(createHash('sha256').update(jws, 'ascii').digest('hex'));
	});

	it('reportHash refuses something that is not a compact JWS', async () => {
		await expect(reportHash('a.b')).rejects.toThrow(TypeError);
		await expect(reportHash('a.b.c é')).rejects.toThrow(TypeError);
		await expect(reportHash(' a.b.c')).rejects.toThrow(TypeError);
	});
});
