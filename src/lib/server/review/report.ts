/**
 * One report for the reviewer: the page (its document read from the stored JWS, the signature
 * verified again against the enrolled key), its photos and its PDF.
 */
import { catalogue } from '$lib/catalogue';
import type { ReportDocument } from '$lib/contract/report-document';
import { reportFileStem } from '$lib/report/file-name';
import { reportContent, type ReportContent } from '$lib/report/pdf-content';
import { verifyReport } from '$lib/contract/verify-report';
import { fingerprintFromKeyId, reportHash, type PublicJwk } from '$lib/signing';
import type { SessionUser } from '../auth/sessions';
import type { Db } from '../db';
import { Problem } from '../problem';
import { getReport, storedDocument, visibleReports } from '../reports/query';
import { readVerified, type EvidenceStore } from '../evidence';
import { readableEvidence } from '../sync/evidence';
import { withDetails, type ReviewSummary } from './list';

export type SignatureStatus =
	| {
			verified: true;
			deviceLabel: string;
			deviceOwner: string;
			fingerprint: string;
			revokedAt: string | null;
	  }
	| { verified: false; reason: string; fingerprint: string | null; revokedAt: string | null };

export interface ReviewDetail {
	summary: ReviewSummary;
	signature: SignatureStatus;
	/** Whether the SHA-256 of the stored JWS is still the hash given in the receipt. */
	hashMatches: boolean;
	/** What the report says, in the PDF's words; null if the stored document cannot be read. */
	content: ReportContent | null;
	/** The place's kind and the bundle, for the heading. */
	document: ReportDocument | null;
}

/**
 * Verifies the stored JWS again, now, with the key enrolled for the device that signed it, by the
 * same `verifyReport` as on receipt: the signature, the document and the device it names.
 */
async function verifyStored(
	db: Db,
	orgId: string,
	jws: string,
	kid: string
): Promise<SignatureStatus> {
	const device = await db
		.selectFrom('devices')
		.innerJoin('users', 'users.id', 'devices.user_id')
		.select(['devices.label', 'devices.public_jwk', 'devices.revoked_at', 'users.name'])
		.where('devices.kid', '=', kid)
		.where('devices.org_id', '=', orgId)
		.executeTakeFirst();
	let fingerprint: string | null = null;
	try {
		fingerprint = fingerprintFromKeyId(kid);
	} catch {
		/* shown as unknown */
	}
	const failed = (reason: string): SignatureStatus => ({
		verified: false,
		reason,
		fingerprint,
		revokedAt: device?.revoked_at ?? null
	});
	if (!device) return failed('The device that signed this report is not enrolled here.');
	let key: PublicJwk;
	try {
		key = JSON.parse(device.public_jwk) as PublicJwk;
	} catch {
		return failed('The enrolled key of the device cannot be read.');
	}
	const result = await verifyReport(jws, key);
	if (!result.ok) return failed(result.reason);
	return {
		verified: true,
		deviceLabel: device.label,
		deviceOwner: device.name,
		fingerprint: fingerprint ?? kid,
		revokedAt: device.revoked_at
	};
}

/** The report page's data; 404 (a Problem) for a report this user may not see or that is not. */
export async function reviewReport(db: Db, user: SessionUser, id: string): Promise<ReviewDetail> {
	const { jws, photos: _photos, ...report } = await getReport(db, user, id);
	const [summary] = await withDetails(db, user, [report]);
	const document = storedDocument(jws);
	const [signature, hash] = await Promise.all([
		verifyStored(db, user.orgId, jws, report.deviceKid),
		reportHash(jws)
	]);
	let content: ReportContent | null = null;
	if (document) {
		try {
			content = reportContent(document, catalogue, report.reportHash);
		} catch {
			content = null;
		}
	}
	return {
		summary: summary!,
		signature,
		hashMatches: hash === report.reportHash,
		content,
		document
	};
}

/**
 * A photo of a report this user may see, by its SHA-256: only photos the report names, and only
 * those the user may read (`readableEvidence`: a reviewer the organisation's, an inspector those
 * they uploaded). Undefined otherwise (the PDF then says "not held").
 */
export async function reportPhoto(
	db: Db,
	evidence: EvidenceStore,
	user: SessionUser,
	reportId: string,
	sha256: string
): Promise<Uint8Array | undefined> {
	const row = await readableEvidence(db, user)
		.select('evidence.sha256')
		.where('evidence.sha256', '=', sha256)
		.where((eb) =>
			eb.exists(
				visibleReports(db, user)
					.innerJoin('report_photos', 'report_photos.report_id', 'reports.id')
					.select('reports.id')
					.where('reports.id', '=', reportId.toLowerCase())
					.where('report_photos.sha256', '=', sha256)
			)
		)
		.executeTakeFirst();
	if (!row) return undefined;
	try {
		return (await readVerified(evidence, sha256)) ?? undefined;
	} catch {
		return undefined;
	}
}

/** The report's PDF, made by the app's own renderer from the stored document and photos. */
export async function reportPdf(
	db: Db,
	evidence: EvidenceStore,
	user: SessionUser,
	id: string
): Promise<{ bytes: Uint8Array; fileName: string }> {
	const detail = await getReport(db, user, id);
	const document = storedDocument(detail.jws);
	if (!document)
		throw new Problem(500, 'unreadable-report', 'The stored report cannot be read as a document.');
	const { renderReportPdf } = await import('$lib/report/pdf');
	const bytes = await renderReportPdf({
		document,
		catalogue,
		reportHash: detail.reportHash,
		photo: (sha256) => reportPhoto(db, evidence, user, detail.reportId, sha256)
	});
	return { bytes, fileName: `${reportFileStem(document)}.pdf` };
}
