import { version } from '$app/environment';
import type { Catalogue } from '$lib/catalogue/types';
import { ChainMovedError, inspections, photos, type SignedReportRow, signedReports } from '$lib/db';
import { finishInspection, type Inspection } from '$lib/inspection';
import { newOutboxEntry } from '$lib/sync/outbox';
import { REPORT_TYP, reportHash, signCompact, signableJson } from '$lib/signing';
import { deviceKey } from '$lib/app/device-key';
import { buildReportDocument } from '$lib/report/build';
import { photoCounts } from '$lib/app/evidence/link-photos';
import { checkReportDocument } from '$lib/contract/report-document';

/**
 * Finishes and signs an inspection: build the document, check it against the schema, sign its
 * canonical JSON with the device key, then store the JWS, the finished inspection and the new
 * chain head in one transaction. Signing happens before the transaction (WebCrypto cannot run
 * inside one), so if another tab signed meanwhile the chain is re-read and we sign again.
 */
export async function signInspection(
	inspectionId: string,
	catalogue: Catalogue
): Promise<SignedReportRow> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await signOnce(inspectionId, catalogue);
		} catch (error) {
			if (!(error instanceof ChainMovedError) || attempt >= 2) throw error;
		}
	}
}

async function signOnce(inspectionId: string, catalogue: Catalogue): Promise<SignedReportRow> {
	const draft = await inspections.get(inspectionId);
	if (!draft) throw new Error('This inspection is not on this device.');
	const now = new Date().toISOString();
	const finished = finishInspection(draft, catalogue, now, await photoCounts(inspectionId));
	const [key, allPhotos, previousReportHash] = await Promise.all([
		deviceKey(),
		photos.forInspection(inspectionId),
		signedReports.chainHead()
	]);
	const reportId = crypto.randomUUID();
	const document = buildReportDocument({
		inspection: finished,
		catalogue,
		photos: allPhotos,
		reportId,
		supersedes: draft.supersedes ?? null,
		device: { keyId: key.kid, publicJwk: key.publicJwk },
		appVersion: version,
		previousReportHash,
		finishedAt: now
	});
	const checked = checkReportDocument(document);
	if (!checked.ok)
		throw new Error(`The report is not valid at ${checked.path}: ${checked.message}`);
	const jws = await signCompact(signableJson(document), key.privateKey, key.kid, {
		typ: REPORT_TYP
	});
	const report: SignedReportRow = {
		id: reportId,
		inspectionId,
		jws,
		hash: await reportHash(jws),
		signedAt: now,
		supersedes: document.supersedes,
		previousReportHash
	};
	await signedReports.storeSigned(
		report,
		finished,
		newOutboxEntry(
			report,
			document.photos.map((photo) => photo.sha256),
			now
		)
	);
	return report;
}

/**
 * Starts an amendment: a new draft with the signed inspection's answers, scope and photos, which
 * names the signed report it supersedes. The signed report itself never changes.
 */
export async function amendInspection(inspectionId: string): Promise<Inspection> {
	const [original, report, originalPhotos] = await Promise.all([
		inspections.get(inspectionId),
		signedReports.reportFor(inspectionId),
		photos.forInspection(inspectionId)
	]);
	if (!original || !report) throw new Error('Only a signed report can be amended.');
	const now = new Date().toISOString();
	const { finishedAt: _finishedAt, ...rest } = original;
	const amendment: Inspection = {
		...rest,
		id: crypto.randomUUID(),
		status: 'draft',
		createdAt: now,
		updatedAt: now,
		supersedes: report.id
	};
	const newIds = new Map(originalPhotos.map((photo) => [photo.id, crypto.randomUUID()]));
	await inspections.createWithPhotos(
		amendment,
		originalPhotos.map((photo) => ({
			...photo,
			id: newIds.get(photo.id)!,
			inspectionId: amendment.id,
			...(photo.derivedFrom
				? { derivedFrom: newIds.get(photo.derivedFrom) ?? photo.derivedFrom }
				: {})
		}))
	);
	return amendment;
}
