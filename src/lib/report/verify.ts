import {
	fingerprintFromKeyId,
	readUnverified,
	REPORT_TYP,
	reportHash,
	sha256Hex,
	verifyCompact
} from '$lib/signing';
import { checkReportDocument, type ReportDocument } from '$lib/contract/report-document';
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
 * the signature (ES256 only, by the key the report names, whose thumbprint is its kid), the
 * document against the schema, every photo against the hash the signed document gives it (none
 * missing, none added), and the link to the previous report where that report is known.
 * The answer is Verified, or the exact reason it is not.
 */
export async function verifyExport(bytes: Uint8Array, known?: KnownReports): Promise<Verification> {
	const contents = readExport(bytes);
	if (!contents.ok) return fail(contents.reason);
	const { jws, evidence } = contents;

	const claimed = unverifiedPayload(jws);
	if (!claimed) return fail('report.jws is not a signed Shelfcheck report');
	const signature = await verifyCompact(jws, claimed.device.publicJwk, {
		expectedKid: claimed.device.keyId,
		expectedTyp: REPORT_TYP
	});
	if (!signature.ok) return fail(`the signature does not hold: ${signature.reason}`);

	const parsed = checkReportDocument(JSON.parse(new TextDecoder().decode(signature.payload)));
	if (!parsed.ok) {
		return fail(
			`the report does not follow the report format at ${parsed.path}: ${parsed.message}`
		);
	}
	const document = parsed.document;

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

/** The payload as the signer claims it, read only to find which key to verify with. */
function unverifiedPayload(jws: string): ReportDocument | null {
	const document = readUnverified(jws)?.payload as ReportDocument | undefined;
	return document?.device?.publicJwk && typeof document.device.keyId === 'string' ? document : null;
}
