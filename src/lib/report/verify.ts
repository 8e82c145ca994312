import { fingerprintFromKeyId, readUnverified, reportHash, sha256Hex } from '$lib/signing';
import type { ReportDocument } from '$lib/contract/report-document';
import { verifyReport, type ReportFailure } from '$lib/contract/verify-report';
import { EXPORT_NAMES, readAnyExport, readExport, VISIT_EXPORT_NAMES } from './export-zip';

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

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

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
	const checked = await verifySigned(jws, evidence, hashesOf(evidence), known, '');
	if (!checked.ok) return checked;
	for (const name of evidence.keys()) {
		if (!checked.photoFiles.has(name))
			return fail(`the file holds a photo the signed report does not name (${name})`);
	}
	return checked.verification;
}

/** A visit's export verified: each report as `verifyExport` verifies one, and the photos they share. */
export interface VisitVerification {
	ok: true;
	kind: 'visit';
	/** Each report, by its file name in the export, in name order. */
	reports: Array<Extract<Verification, { ok: true }> & { file: string }>;
	/** Every photo file checked against the SHA-256 a signed report gives it. */
	photos: string[];
}

export type AnyVerification =
	| (Extract<Verification, { ok: true }> & { kind: 'report' })
	| VisitVerification
	| { ok: false; reason: string };

/**
 * Verifies either kind of export: one report's, or a visit's (`reports/<reportId>.jws` for each
 * product, the photos once each under `evidence/`). A visit's verifies only if every report
 * verifies, every photo each names is there and matches, and no photo is there that none names;
 * a failure names the report or the photo.
 */
export async function verifyAnyExport(
	bytes: Uint8Array,
	known?: KnownReports
): Promise<AnyVerification> {
	const contents = readAnyExport(bytes);
	if (!contents.ok) return contents;
	if (contents.kind === 'report') {
		const single = await verifyExport(bytes, known);
		return single.ok ? { kind: 'report', ...single } : single;
	}
	const { evidence } = contents;
	const hashes = hashesOf(evidence);
	const reports: VisitVerification['reports'] = [];
	const named = new Set<string>();
	for (const [file, jws] of contents.reports) {
		const checked = await verifySigned(jws, evidence, hashes, known, `${file}: `);
		if (!checked.ok) return checked;
		const { document } = checked.verification;
		if (file !== VISIT_EXPORT_NAMES.report(document.reportId)) {
			return fail(`${file}: the file holds report ${document.reportId} under another name`);
		}
		for (const name of checked.photoFiles) named.add(name);
		reports.push({ ...checked.verification, file });
	}
	for (const name of evidence.keys()) {
		if (!named.has(name)) return fail(`the file holds a photo no signed report names (${name})`);
	}
	return { ok: true, kind: 'visit', reports, photos: [...named].sort() };
}

/** Each photo file's SHA-256, computed once however many reports name it. */
function hashesOf(evidence: Map<string, Uint8Array>): (name: string) => Promise<string> {
	const hashes = new Map<string, Promise<string>>();
	return (name) => {
		let hash = hashes.get(name);
		if (!hash) {
			hash = sha256Hex(evidence.get(name)!);
			hashes.set(name, hash);
		}
		return hash;
	};
}

/** One signed report and the photos it names; `where` prefixes a reason (a visit's file name). */
async function verifySigned(
	jws: string,
	evidence: Map<string, Uint8Array>,
	hashOf: (name: string) => Promise<string>,
	known: KnownReports | undefined,
	where: string
): Promise<
	| { ok: true; verification: Extract<Verification, { ok: true }>; photoFiles: Set<string> }
	| { ok: false; reason: string }
> {
	const failHere = (reason: string) => fail(`${where}${reason}`);
	const claimed = unverifiedPayload(jws);
	if (!claimed) return failHere(`${where ? 'it' : 'report.jws'} is not a signed Shelfcheck report`);
	// The key the report names; verifyReport holds it to the kid and to the document's device.
	const verified = await verifyReport(jws, claimed.device.publicJwk);
	if (!verified.ok) return failHere(describe(verified));
	const document = verified.document;

	const photoFiles = new Set<string>();
	for (const [index, photo] of document.photos.entries()) {
		const name = EXPORT_NAMES.evidence(photo.sha256);
		photoFiles.add(name);
		const which = `photo ${index + 1} (check ${photo.takenFor}${photo.caption ? `, “${photo.caption}”` : ''})`;
		if (!evidence.has(name)) return failHere(`${which} is missing from the file (${name})`);
		if ((await hashOf(name)) !== photo.sha256) {
			return failHere(`${which} does not match the SHA-256 the signed report gives it (${name})`);
		}
	}

	let previous: 'first' | 'linked' | 'not available' = 'first';
	if (document.previousReportHash) {
		const earlier = await known?.(document.previousReportHash);
		previous = 'not available';
		if (earlier) {
			if ((await reportHash(earlier)) !== document.previousReportHash) {
				return failHere('the previous report given does not have the hash this report names');
			}
			const earlierDocument = unverifiedPayload(earlier);
			if (earlierDocument?.device.keyId !== document.device.keyId) {
				return failHere('the previous report this one names was signed by another device');
			}
			previous = 'linked';
		}
	}

	return {
		ok: true,
		photoFiles,
		verification: {
			ok: true,
			document,
			reportHash: await reportHash(jws),
			fingerprint: fingerprintFromKeyId(document.device.keyId),
			previous
		}
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
