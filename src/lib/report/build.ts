import type { Catalogue } from '$lib/catalogue/types';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { citedPhotos, isUsedBy } from '$lib/evidence/photo-links';
import { applicableChecks, rollup, type Inspection } from '$lib/inspection';
import type { PublicJwk } from '$lib/signing';
import { compareUnits } from '$lib/label/credentials';
import { unitCredentials } from '$lib/label/reading';
import {
	REPORT_SCHEMA,
	type CurrentReportDocument,
	type ReportPhoto,
	type ReportPrintedCredential
} from '$lib/contract/report-document';

export interface ReportInputs {
	inspection: Inspection;
	catalogue: Catalogue;
	/** Every photo stored for the inspection (originals and marked-up copies). */
	photos: PhotoRecord[];
	reportId: string;
	supersedes: string | null;
	device: { keyId: string; publicJwk: PublicJwk };
	appVersion: string;
	previousReportHash: string | null;
	finishedAt: string;
}

/** The step before the checks; photos of the rating label taken there belong to no check. */
export const IDENTIFY_STEP = 'identify';

/**
 * Builds the document to sign from a finished inspection and its photos. Pure: the same inputs
 * give the same document. Answers and photos of checks that the scope switched off are left out
 * (they are kept on the device, but they are not part of what was inspected). Each photo is
 * listed once, however many checks cite it, and each answer names the photos it cites: those
 * taken for its check and those linked to it.
 */
export function buildReportDocument(inputs: ReportInputs): CurrentReportDocument {
	const { inspection, catalogue } = inputs;
	const checks = applicableChecks(catalogue, inspection);
	const inScope = new Set([IDENTIFY_STEP, ...checks.map((check) => check.id)]);
	const photos = citedPhotos(inputs.photos, inScope);
	const hashById = new Map(photos.map((photo) => [photo.id, photo.sha256]));
	const listed = new Map<string, ReportPhoto>();
	for (const photo of photos) {
		if (!listed.has(photo.sha256)) listed.set(photo.sha256, reportPhoto(photo, hashById));
	}
	const bundle = catalogue.bundles.find((b) => b.id === inspection.bundleId)!;

	return {
		schema: REPORT_SCHEMA,
		reportId: inputs.reportId,
		supersedes: inputs.supersedes,
		// The visit the product was inspected in, so a visit's reports can be told together.
		...(inspection.visitId ? { visitId: inspection.visitId } : {}),
		product: productOf(inspection),
		bundle: { id: bundle.id, name: bundle.name },
		catalogueVersion: inspection.catalogueVersion,
		context: inspection.context,
		place: {
			kind: inspection.place.kind,
			name: inspection.place.name,
			...(inspection.place.address ? { address: inspection.place.address } : {})
		},
		inspector: { name: inspection.inspector },
		scope: Object.fromEntries(
			Object.entries(inspection.scope).filter(([, answer]) => answer !== undefined)
		) as Record<string, 'yes' | 'no' | 'unsure'>,
		...scopeDetailOf(inspection),
		answers: checks.flatMap((check) => {
			const answer = inspection.answers[check.id];
			if (!answer) return [];
			return [
				{
					checkId: check.id,
					verdict: answer.verdict,
					reason: answer.reason,
					answeredAt: answer.answeredAt,
					kind: check.kind ?? 'shows',
					photos: [...new Set(photos.filter((p) => isUsedBy(p, check.id)).map((p) => p.sha256))],
					...(answer.proposedBy ? { proposedBy: answer.proposedBy } : {})
				}
			];
		}),
		photos: [...listed.values()],
		...printedCredentials(inspection, hashById),
		rollup: rollup(catalogue, inspection).map((framework) => ({
			framework: framework.framework,
			provisions: framework.provisions.map((p) => ({
				id: p.id,
				outcome: p.outcome,
				checks: p.checkIds,
				...(p.reason ? { reason: p.reason } : {}),
				...(p.notCovered ? { notCovered: p.notCovered } : {})
			}))
		})),
		device: { keyId: inputs.device.keyId, publicJwk: { ...inputs.device.publicJwk } },
		startedAt: inspection.createdAt,
		finishedAt: inputs.finishedAt,
		appVersion: inputs.appVersion,
		previousReportHash: inputs.previousReportHash,
		notice: 'Field indications, not a conformance assessment.'
	};
}

/**
 * The analysis of each unit's latest printed credentials, with the units compared. Never the
 * clear value (kept on the device only if the inspector chose to) and never the keyed hash.
 */
function printedCredentials(
	inspection: Inspection,
	hashById: Map<string, string>
): { printedCredentials?: ReportPrintedCredential[] } {
	const readings = [...(inspection.labelReadings ?? [])].sort((a, b) =>
		a.readAt.localeCompare(b.readAt)
	);
	const latest = new Map<string, ReportPrintedCredential>();
	const units = unitCredentials(readings);
	for (const reading of readings) {
		for (const credential of reading.credentials) {
			const comparison = compareUnits(units, credential.kind);
			const other = (pairs: [number, number][]) =>
				pairs
					.filter((pair) => pair.includes(reading.unit))
					.map(([a, b]) => (a === reading.unit ? b : a));
			const { analysis } = credential;
			latest.set(`${reading.unit}/${credential.kind}`, {
				unit: reading.unit,
				kind: credential.kind,
				length: analysis.length,
				classes: { ...analysis.classes },
				commonDefault: analysis.commonDefault,
				trivialPattern: analysis.trivialPattern,
				derivedFrom: analysis.derivedFrom.map((d) => ({ ...d })),
				sameAsUnits: other(comparison.equal),
				counterWithUnits: other(comparison.consecutive),
				photo: hashById.get(reading.photoId) ?? null
			});
		}
	}
	const list = [...latest.values()].sort((a, b) => a.unit - b.unit || a.kind.localeCompare(b.kind));
	return list.length > 0 ? { printedCredentials: list } : {};
}

/** The detail behind scope answers (which PSTI exception), only where there is one. */
function scopeDetailOf(inspection: Inspection): { scopeDetail?: Record<string, string> } {
	const detail = Object.fromEntries(
		Object.entries(inspection.scopeDetail ?? {}).filter(
			(entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''
		)
	);
	return Object.keys(detail).length > 0 ? { scopeDetail: detail } : {};
}

function productOf(inspection: Inspection): CurrentReportDocument['product'] {
	const product: CurrentReportDocument['product'] = {};
	const source = inspection.product ?? {};
	if (source.gtin && /^\d{14}$/.test(source.gtin)) product.gtin = source.gtin;
	for (const key of ['brand', 'model', 'hardwareVersion', 'batch', 'serial'] as const) {
		const value = source[key]?.trim();
		if (value) product[key] = value;
	}
	const read = (source.readFromLabel ?? []).filter((field) => product[field]);
	if (read.length > 0) product.readFromLabel = read;
	return product;
}

function reportPhoto(photo: PhotoRecord, hashById: Map<string, string>): ReportPhoto {
	const size = { width: photo.width, height: photo.height };
	return {
		sha256: photo.sha256,
		bytes: photo.bytes,
		type: 'image/jpeg',
		width: photo.width,
		height: photo.height,
		capturedAt: photo.capturedAt,
		takenFor: photo.checkId,
		caption: photo.caption,
		derivedFrom: (photo.derivedFrom && hashById.get(photo.derivedFrom)) || null,
		derivation: photo.derivation ?? null,
		marks: (photo.marks ?? []).map((mark) => ({
			kind: mark.kind,
			x1: Math.round(mark.from.x * size.width),
			y1: Math.round(mark.from.y * size.height),
			x2: Math.round(mark.to.x * size.width),
			y2: Math.round(mark.to.y * size.height)
		})),
		location: photo.location
			? {
					latitude: photo.location.latitude.toFixed(6),
					longitude: photo.location.longitude.toFixed(6),
					accuracyMetres: Math.round(photo.location.accuracyMetres)
				}
			: null
	};
}
