/**
 * Verifying a signed report: the one sequence that the app's Verify screen and `npm run verify`
 * (through `report/verify.ts`) and the team server (on receipt, and again on the reviewer's
 * report page) all run. Given the compact JWS and the key to verify with (on the server the key
 * enrolled for the device; in an export, the key the report itself names), in order:
 *
 * 1. the JWS (`signing/jws.ts`): ES256 only, no header members but alg, kid and typ, typ the
 *    report type, kid the RFC 7638 thumbprint of that key, canonical base64url, low-S, and the
 *    signature itself;
 * 2. the payload is exactly the RFC 8785 form of the JSON it parses to (`signing/canonical-parse.ts`:
 *    UTF-8, no whitespace, no duplicate keys, keys in order, safe integers only, no lone
 *    surrogates), so every reader reads the one document that was signed;
 * 3. the document follows the report schema (either version; `report-document.ts`);
 * 4. the device: the document's `device.keyId` is the thumbprint of the key that verified it
 *    (the header's kid, checked in 1) and its `publicJwk` is that key, member by member.
 *
 * The answer is the document, or the first thing that does not hold as a code, a sentence and,
 * for the document, the path of what is wrong.
 */
import { checkReportDocument, type ReportDocument } from './report-document';
import { REPORT_TYP, verifyCompact, type JwsHeader, type VerifyFailureCode } from '../signing/jws';
import { toPublicJwk, type PublicJwk } from '../signing/keys';
import { parseCanonicalJson, type CanonicalProblem } from '../signing/canonical-parse';
import { readUnverifiedHeader } from '../signing/unverified';

export type ReportFailureCode =
	/** Not three dot-separated parts with a JSON object as the header. */
	| 'malformed-jws'
	/** alg is not ES256. */
	| 'alg-not-allowed'
	/** The header names no key. */
	| 'missing-kid'
	/** The JWS does not verify with this key (`signature` says how). */
	| 'bad-signature'
	/** The signed payload is not its own RFC 8785 form (`canonical` says which rule, `path` where). */
	| 'not-canonical'
	/** The signed payload is not JSON, or the document does not follow the schema (`path`). */
	| 'invalid-document'
	/** The document names another device than the key that signed it. */
	| 'device-mismatch';

export interface ReportFailure {
	ok: false;
	code: ReportFailureCode;
	reason: string;
	/** Where in the document, for `invalid-document` ("answers.3.verdict") and `device-mismatch`. */
	path?: string;
	/** For `bad-signature`: what the JWS check found. */
	signature?: VerifyFailureCode;
	/** For `not-canonical`: the rule the payload breaks. */
	canonical?: CanonicalProblem;
}

export type ReportVerification =
	{ ok: true; document: ReportDocument; header: JwsHeader & { kid: string } } | ReportFailure;

const fail = (
	code: ReportFailureCode,
	reason: string,
	detail: Pick<ReportFailure, 'path' | 'signature' | 'canonical'> = {}
): ReportFailure => ({ ok: false, code, reason, ...detail });

/**
 * The key a report says signed it, read from its header before anything is verified, so that
 * the server can find the enrolled key (and answer 400 for what is not a report JWS at all).
 */
export function reportSigner(jws: string): { ok: true; kid: string } | ReportFailure {
	if (jws.split('.').length !== 3)
		return fail('malformed-jws', 'A compact JWS has three dot-separated parts.');
	const header = readUnverifiedHeader(jws);
	if (!header) return fail('malformed-jws', 'The JWS header is not a JSON object.');
	if (header.alg !== 'ES256')
		return fail(
			'alg-not-allowed',
			`alg ${JSON.stringify(header.alg) ?? 'missing'} is not accepted; only ES256 is.`
		);
	if (typeof header.kid !== 'string' || !header.kid)
		return fail('missing-kid', 'The JWS header names no kid.');
	return { ok: true, kid: header.kid };
}

const JWK_MEMBERS = ['kty', 'crv', 'x', 'y'] as const;

/** Verifies a signed report with the given key: see the module comment for what is checked. */
export async function verifyReport(
	jws: string,
	publicJwk: PublicJwk | JsonWebKey
): Promise<ReportVerification> {
	const signer = reportSigner(jws);
	if (!signer.ok) return signer;
	const verified = await verifyCompact(jws, publicJwk, { expectedTyp: REPORT_TYP });
	if (!verified.ok) return fail('bad-signature', verified.reason, { signature: verified.code });
	// verifyCompact required the kid and checked it is the key's thumbprint.
	const header = { ...verified.header, kid: signer.kid };

	const payload = parseCanonicalJson(verified.payload);
	if (!payload.ok) {
		if (payload.problem === 'not-json')
			return fail('invalid-document', 'The signed payload is not JSON.', { path: '(document)' });
		return fail(
			'not-canonical',
			`The signed payload is not in its canonical form: ${payload.reason}`,
			{
				path: payload.path,
				canonical: payload.problem
			}
		);
	}
	const checked = checkReportDocument(payload.value);
	if (!checked.ok)
		return fail('invalid-document', `${checked.path}: ${checked.message}`, { path: checked.path });

	const { device } = checked.document;
	const key = toPublicJwk(publicJwk);
	if (device.keyId !== header.kid || JWK_MEMBERS.some((m) => device.publicJwk[m] !== key[m]))
		return fail(
			'device-mismatch',
			'The document names another device than the key that signed it.',
			{ path: 'device' }
		);
	return { ok: true, document: checked.document, header };
}
