import { fingerprintFromKeyId, readUnverified, reportHash, sha256Hex } from '$lib/signing';
import type { ReportDocument } from '$lib/contract/report-document';
import { verifyReport, type ReportFailure } from '$lib/contract/verify-report';
import { EXPORT_NAMES, readExport } from './export-zip';

/** What the verifier knows of earlier reports (the app: this device's; the CLI: files given). */
export type KnownReports = (hash: string) => Promise<string | undefined>;

export type Verification =
	| {
			ok: true;
			document: ReportDocument;
			reportHash: string;
			fingerprint: string;
			/** How this report links to the one signed before it on the same device. */
			previous: 'first' | 'linked' | 'not available';
	  }
	| { ok: false; reason: string };

const fail = (reason: string): Verification => ({ ok: false, reason });

/**
 * Verifies an exported report, the same way in the app (offline) and in `npm run verify`:
 * `verifyReport` with the key the report names (what the server checks with the enrolled key:
 * the signature, the document against the schema, the device), every photo against the hash the
 * signed document gives it (none missing, none added), and the link to the previous report where
 * that report is known. The answer is Verified, or the exact reason it is not.
 */
export async function verifyExport(bytes: Uint8Array, known?: KnownReports): Promise<Verification> {
	const contents = readExport(bytes);
	if (!contents.ok) return fail(contents.reason);
	const { jws, evidence } = contents;

	const claimed = unverifiedPayload(jws);
	if (!claimed) return fail('report.jws is not a signed Shelfcheck report');
	// The key the report names; verifyReport holds it to the kid and to the document's device.
	const verified = await verifyReport(jws, claimed.device.publicJwk);
	if (!verified.ok) return fail(describe(verified));
	const document = verified.document;

	const named = new Set<string>();
	for (const [index, photo] of document.photos.entries()) {
		const name = EXPORT_NAMES.evidence(photo.sha256);
		named.add(name);
		const which = `photo ${index + 1} (check ${photo.takenFor}${photo.caption ? `, “${photo.caption}”` : ''})`;
		const file = evidence.get(name);
		if (!file) return fail(`${which} is missing from the file (${name})`);
		if ((await sha256Hex(file)) !== photo.sha256) {
			return fail(`${which} does not match the SHA-256 the signed report gives it (${name})`);
		}
	}
	for (const name of evidence.keys()) {
		if (!named.has(name))
			return fail(`the file holds a photo the signed report does not name (${name})`);
	}

	let previous: 'first' | 'linked' | 'not available' = 'first';
	if (document.previousReportHash) {
		const earlier = await known?.(document.previousReportHash);
		previous = 'not available';
		if (earlier) {
			if ((await reportHash(earlier)) !== document.previousReportHash) {
				return fail('the previous report given does not have the hash this report names');
			}
			const earlierDocument = unverifiedPayload(earlier);
			if (earlierDocument?.device.keyId !== document.device.keyId) {
				return fail('the previous report this one names was signed by another device');
			}
			previous = 'linked';
		}
	}

	return {
		ok: true,
		document,
		reportHash: await reportHash(jws),
		fingerprint: fingerprintFromKeyId(document.device.keyId),
		previous
	};
}

/** Why a report does not verify, in the words of the Verify screen. */
function describe(failure: ReportFailure): string {
	switch (failure.code) {
		case 'invalid-document':
			return `the report does not follow the report format at ${failure.reason}`;
		case 'device-mismatch':
			return 'the report names another device than the key that signed it';
		case 'not-canonical':
			return `the report is not signed in its canonical form, so it could read differently elsewhere (${failure.reason})`;
		default:
			return `the signature does not hold: ${failure.reason}`;
	}
}

/** The payload as the signer claims it, read only to find which key to verify with. */
function unverifiedPayload(jws: string): ReportDocument | null {
	const document = readUnverified(jws)?.payload as ReportDocument | undefined;
	return document?.device?.publicJwk && typeof document.device.keyId === 'string' ? document : null;
}
