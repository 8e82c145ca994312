import { describe, expect, it } from 'vitest';
import { generateDeviceKey, REPORT_TYP, signCompact, type DeviceKey } from '$lib/signing';
import { canonicalJson } from '$lib/signing/canonical';
import { nonCanonicalPayloads, photoBytes, reportDocument, sign, signText } from './report-fixture';
import { reportSigner, verifyReport } from './verify-report';

const b64url = (value: string) => Buffer.from(value).toString('base64url');

describe('reportSigner', () => {
	it('names the key a report JWS claims, or says why it is not one', async () => {
		const key = await generateDeviceKey();
		const jws = await sign(await reportDocument(key, []), key);
		expect(reportSigner(jws)).toEqual({ ok: true, kid: key.kid });
		const payload = jws.split('.')[1];
		const header = (fields: object) => b64url(JSON.stringify(fields));
		expect(reportSigner('a.b')).toMatchObject({ ok: false, code: 'malformed-jws' });
		expect(reportSigner(`${b64url('[]')}.${payload}.x`)).toMatchObject({ code: 'malformed-jws' });
		expect(reportSigner(`${header({ alg: 'none', kid: key.kid })}.${payload}.`)).toMatchObject({
			code: 'alg-not-allowed',
			reason: 'alg "none" is not accepted; only ES256 is.'
		});
		expect(reportSigner(`${header({ alg: 'ES256', kid: '' })}.${payload}.x`)).toMatchObject({
			code: 'missing-kid'
		});
	});
});

describe('verifyReport', () => {
	let key: DeviceKey;
	const signed = async (overrides: Record<string, unknown> = {}, by?: DeviceKey) => {
		key ??= await generateDeviceKey();
		const document = await reportDocument(key, [], overrides);
		return { document, jws: await sign(document, by ?? key) };
	};

	it('answers the document of a report signed with the key given', async () => {
		const { document, jws } = await signed();
		const result = await verifyReport(jws, key.publicJwk);
		expect(result).toMatchObject({
			ok: true,
			header: { alg: 'ES256', kid: key.kid, typ: REPORT_TYP },
			document: { reportId: document.reportId }
		});
	});

	it('refuses a report verified with another key, or without the report type', async () => {
		const { jws } = await signed();
		const other = await generateDeviceKey();
		expect(await verifyReport(jws, other.publicJwk)).toMatchObject({
			ok: false,
			code: 'bad-signature',
			signature: 'kid-mismatch'
		});
		const document = await reportDocument(key, []);
		const untyped = await signCompact(canonicalJson(document), key.privateKey, key.kid);
		expect(await verifyReport(untyped, key.publicJwk)).toMatchObject({
			code: 'bad-signature',
			signature: 'typ-mismatch'
		});
	});

	it('refuses a document that does not follow the schema, with its path', async () => {
		const { jws } = await signed({ notice: 'Compliant.' });
		expect(await verifyReport(jws, key.publicJwk)).toMatchObject({
			ok: false,
			code: 'invalid-document',
			path: 'notice'
		});
	});

	it('holds the document to the key that signed it: the thumbprint and every JWK member', async () => {
		const other = await generateDeviceKey();
		// Another device named outright.
		let { jws } = await signed({ device: { keyId: other.kid, publicJwk: other.publicJwk } });
		expect(await verifyReport(jws, key.publicJwk)).toMatchObject({
			ok: false,
			code: 'device-mismatch',
			path: 'device'
		});
		// The signer's thumbprint with another key's coordinates: the check the reviewer's page
		// used to skip.
		({ jws } = await signed({ device: { keyId: key.kid, publicJwk: other.publicJwk } }));
		expect(await verifyReport(jws, key.publicJwk)).toMatchObject({ code: 'device-mismatch' });
		({ jws } = await signed({
			device: { keyId: key.kid, publicJwk: { ...key.publicJwk, y: other.publicJwk.y } }
		}));
		expect(await verifyReport(jws, key.publicJwk)).toMatchObject({ code: 'device-mismatch' });
	});

	it('refuses each payload that is not its own RFC 8785 form, naming the rule and the place', async () => {
		key ??= await generateDeviceKey();
		const document = await reportDocument(key, [photoBytes('canonical')]);
		expect(await verifyReport(await sign(document, key), key.publicJwk)).toMatchObject({
			ok: true
		});
		const cases = nonCanonicalPayloads(document);
		expect(cases).toHaveLength(7);
		for (const { name, text, problem, path } of cases)
			expect(await verifyReport(await signText(text, key), key.publicJwk), name).toMatchObject({
				ok: false,
				code: 'not-canonical',
				canonical: problem,
				path
			});
	});
});
