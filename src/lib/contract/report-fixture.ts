/**
 * Signed report documents for the tests and `npm run bench:server` (the contract's and the
 * server's node tests, the API end-to-end tests through `e2e/support/api.ts`): one factory, so a
 * schema change is made once. Not used by the app or the server.
 *
 * The documents follow schema 1 (`shelfcheck.report/1`), which the server still reads and every
 * end-to-end test was written against; the server treats both schemas the same once validated.
 */
// Relative imports: the end-to-end support and the benchmark load this file without Vite's $lib.
import { canonicalJson } from '../signing/canonical';
import { REPORT_TYP, signCompact } from '../signing/jws';
import type { DeviceKey } from '../signing/keys';

const T = '2026-11-22T10:00:00.000Z';

/** A photo a report names, by its hash and size, when its bytes are not at hand. */
export interface PhotoRef {
	sha256: string;
	bytes: number;
}

export async function sha256(bytes: Uint8Array): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes that look like the start of a JPEG, distinct per seed (the server does not decode photos). */
export function photoBytes(seed: string, size = 3000): Uint8Array {
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed.charCodeAt(i % seed.length)) & 0xff;
	bytes[0] = 0xff;
	bytes[1] = 0xd8;
	return bytes;
}

/**
 * A report document that follows the schema (src/lib/contract/report-document.ts). Photos are
 * given as their bytes, or as references to photos already hashed (the benchmark's megabyte
 * photos).
 */
export async function reportDocument(
	key: DeviceKey,
	photos: (Uint8Array | PhotoRef)[],
	overrides: Record<string, unknown> = {}
): Promise<Record<string, unknown>> {
	const refs = await Promise.all(
		photos.map(async (p) =>
			p instanceof Uint8Array ? { sha256: await sha256(p), bytes: p.length } : p
		)
	);
	const hashes = refs.map((p) => p.sha256);
	return {
		schema: 'shelfcheck.report/1',
		reportId: crypto.randomUUID(),
		supersedes: null,
		product: { gtin: '05012345678900', brand: 'Acme', model: 'SC-CAM-200' },
		bundle: { id: 'shop-visit', name: 'Shop visit' },
		catalogueVersion: '2026.1.0',
		context: 'shop',
		place: { kind: 'shop', name: 'Corner Electrics' },
		inspector: { name: 'A. Officer' },
		scope: { passwords: 'yes' },
		answers: [
			{ checkId: 'ID-01', verdict: 'PASS', reason: '', answeredAt: T, photos: [] },
			{ checkId: 'PW-01', verdict: 'FAIL', reason: 'admin/admin', answeredAt: T, photos: hashes }
		],
		photos: refs.map((photo, i) => ({
			sha256: photo.sha256,
			bytes: photo.bytes,
			type: 'image/jpeg',
			width: 100,
			height: 100,
			capturedAt: T,
			checkId: 'PW-01',
			caption: `photo ${i + 1}`,
			derivedFrom: null,
			derivation: null,
			marks: [],
			location: null
		})),
		rollup: [
			{
				framework: 'EN303645',
				provisions: [{ id: '5.1-1', outcome: 'FAIL', checks: ['PW-01'] }]
			}
		],
		device: { keyId: key.kid, publicJwk: key.publicJwk },
		startedAt: T,
		finishedAt: T,
		appVersion: 'test',
		previousReportHash: null,
		notice: 'Field indications, not a conformance assessment.',
		...overrides
	};
}

/** `count` answers of distinct checks, as a (far too) long inspection would give. */
export function manyAnswers(count: number): Record<string, unknown>[] {
	return Array.from({ length: count }, (_, i) => ({
		checkId: `X-${String(i + 1).padStart(5, '0')}`,
		verdict: i % 7 === 0 ? 'FAIL' : 'PASS',
		reason: '',
		answeredAt: T,
		photos: []
	}));
}

/** Signs a document as the app does: its RFC 8785 form, ES256, typed as a report. */
export function sign(document: unknown, key: DeviceKey): Promise<string> {
	return signCompact(canonicalJson(document), key.privateKey, key.kid, { typ: REPORT_TYP });
}

/** Signs the payload text exactly as given: for payloads the app would never sign. */
export function signText(text: string, key: DeviceKey): Promise<string> {
	return signCompact(text, key.privateKey, key.kid, { typ: REPORT_TYP });
}

/**
 * The same document written as a canonical form it is not, as an attacker would sign it: each
 * with the rule it breaks and where (see signing/canonical-parse.ts). The document must name at
 * least one photo and carry the factory's FAIL answer.
 */
export function nonCanonicalPayloads(
	document: Record<string, unknown>
): { name: string; text: string; problem: string; path: string }[] {
	const canonical = canonicalJson(document);
	const swap = (from: string, to: string) => {
		if (!canonical.includes(from)) throw new Error(`the document has no ${from}`);
		return canonical.replace(from, to);
	};
	const id = JSON.stringify(document.reportId);
	return [
		{
			name: 'pretty-printed',
			text: JSON.stringify(JSON.parse(canonical), null, 2),
			problem: 'whitespace',
			path: '(document)'
		},
		{
			name: 'keys out of order',
			text: JSON.stringify(document),
			problem: 'key-order',
			path: '(document)'
		},
		{
			name: 'a duplicate verdict, FAIL then PASS',
			text: swap('"verdict":"FAIL"', '"verdict":"FAIL","verdict":"PASS"'),
			problem: 'duplicate-key',
			path: 'answers.1'
		},
		{
			name: 'a second reportId',
			text: swap(`"reportId":${id}`, `"reportId":${id},"reportId":${id}`),
			problem: 'duplicate-key',
			path: '(document)'
		},
		{
			name: 'an integer above 2^53',
			text: swap('"width":100', '"width":9007199254740993'),
			problem: 'number',
			path: 'photos.0.width'
		},
		{
			name: '1e308',
			text: swap('"width":100', '"width":1e308'),
			problem: 'number',
			path: 'photos.0.width'
		},
		{
			name: 'a lone surrogate',
			text: swap('"caption":"photo 1"', '"caption":"photo 1\\ud800"'),
			problem: 'lone-surrogate',
			path: 'photos.0.caption'
		}
	];
}
