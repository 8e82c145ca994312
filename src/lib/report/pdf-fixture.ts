/**
 * Realistic signed reports for the PDF tests and `scripts/bench-pdf.js`: a real catalogue, real
 * photo bytes with real SHA-256s, a real device key and signature. Not used by the app.
 *
 * Each photo is the given JPEG with a distinct comment segment (COM) after its start marker: a
 * valid JPEG with its own hash, as every stored photo has, without needing an image encoder here.
 */
import { catalogue } from '$lib/catalogue';
import type { BundleId, Catalogue, ScopeQuestionId, Verdict } from '$lib/catalogue/types';
import { readJpegMeta } from '$lib/evidence/jpeg-meta';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { applicableChecks, answerCheck, createInspection, setScopeAnswer } from '$lib/inspection';
import type { Inspection } from '$lib/inspection';
import {
	canonicalJson,
	generateDeviceKey,
	REPORT_TYP,
	reportHash as hashOfReport,
	sha256Hex,
	signCompact
} from '$lib/signing';
import { buildReportDocument, IDENTIFY_STEP } from './build';
import type { ReportDocument } from '$lib/contract/report-document';

export const SAMPLE = {
	reportId: '3f1b2a9e-8c1d-4e55-9a0b-1c2d3e4f5a6b',
	gtin: '05012345678900',
	brand: 'Acme',
	model: 'SC-CAM-200 “Nursery”',
	inspector: 'Zoë Ångström-Żółć',
	place: { kind: 'shop' as const, name: 'Café Électrique', address: '12 Rue de l’Église, Brighton' }
};

/** Reasons with the characters a Latin-1 font would lose: £ € typographic quotes, accents. */
export const SAMPLE_REASONS: Partial<Record<string, { verdict: Verdict; reason: string }>> = {
	'PHY-01': {
		verdict: 'REFER',
		reason:
			'A card in the box reads “Password: admin” – the same on both units on the shelf. Setup may still replace it; the redacted copy covers the card.'
	},
	'DOC-06': {
		verdict: 'FAIL',
		reason:
			'No support period on the pack, on the shelf-edge label (£49.99) or on the maker’s “Product support” page; staff said ‘ask the manufacturer’.'
	},
	'DOC-03': {
		verdict: 'INCONCLUSIVE',
		reason:
			'The maker’s EU page (price €59,00) mentions a “security contact” but the link failed to load in the shop.'
	},
	'DOC-04': {
		verdict: 'NA',
		reason: 'Product sold without an app: the pack says ‘works with any browser’.'
	}
};

export interface SampleReport {
	document: ReportDocument;
	/** The signed report as exported. */
	jws: string;
	reportHash: string;
	/** JPEG bytes by SHA-256, as the app's photo store would answer. */
	photos: Map<string, Uint8Array>;
	/** The original that a redacted copy replaces, and that copy. */
	redaction: { original: string; copy: string };
	catalogue: Catalogue;
}

export interface SampleOptions {
	/** The JPEG every photo is made from. */
	jpeg: Uint8Array;
	bundleId?: BundleId;
	/** Answer at most this many checks (in bundle order); all by default. */
	checkCount?: number;
	/** Photos in all: one of the label at identification, a redacted pair, the rest spread. */
	photoCount?: number;
	/** The redacted copy's JPEG (same pixel size as `jpeg`); by default a variant of `jpeg`. */
	redactedJpeg?: Uint8Array;
	/** For several products of one visit: their own report id, GTIN and model (and photos). */
	product?: { reportId: string; gtin: string; model: string };
}

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A jpeg with a comment segment inserted after SOI, so its bytes (and hash) are its own. */
export function distinctJpeg(jpeg: Uint8Array, label: string): Uint8Array {
	const text = new TextEncoder().encode(`shelfcheck test photo ${label}`);
	const segment = new Uint8Array(4 + text.length);
	segment.set([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
	segment.set(text, 4);
	const out = new Uint8Array(jpeg.length + segment.length);
	out.set(jpeg.subarray(0, 2));
	out.set(segment, 2);
	out.set(jpeg.subarray(2), 2 + segment.length);
	return out;
}

/** A finished, signed inspection with answers of every verdict and photos. */
export async function sampleReport(options: SampleOptions): Promise<SampleReport> {
	const bundleId = options.bundleId ?? 'shop-visit';
	const context = catalogue.bundles.find((bundle) => bundle.id === bundleId)!.context;
	let inspection: Inspection = createInspection({
		id: 'inspection-1',
		now: at(0),
		catalogue,
		bundleId,
		place: { ...SAMPLE.place, kind: context },
		inspector: SAMPLE.inspector,
		product: {
			gtin: options.product?.gtin ?? SAMPLE.gtin,
			brand: SAMPLE.brand,
			model: options.product?.model ?? SAMPLE.model,
			hardwareVersion: 'rev. B',
			batch: 'L2026-41'
		}
	});
	const scope: [ScopeQuestionId, 'yes' | 'no' | 'unsure'][] = [
		['networkConnected', 'yes'],
		['pstiExcepted', 'no'],
		['usesPasswords', 'yes'],
		['updatable', 'unsure'],
		['companionApp', 'yes'],
		['forChildren', 'yes']
	];
	for (const [question, answer] of scope) {
		inspection = setScopeAnswer(inspection, question, answer, at(1));
	}

	const checks = applicableChecks(catalogue, inspection).slice(0, options.checkCount);
	checks.forEach((check, index) => {
		const planned = SAMPLE_REASONS[check.id];
		const verdict: Verdict =
			planned && check.verdicts.includes(planned.verdict) ? planned.verdict : 'PASS';
		const reason =
			planned?.reason ??
			(index % 3 === 0 ? 'Seen on the retail box and the maker’s product page.' : '');
		inspection = answerCheck(inspection, catalogue, check.id, verdict, reason, at(2 + index));
	});
	inspection = { ...inspection, status: 'finished', finishedAt: at(60), updatedAt: at(60) };

	// Photos: the label at identification, a password card with its redacted copy, then one
	// photo per check in turn until the count is reached.
	const photoCount = Math.max(options.photoCount ?? 6, 3);
	const photos = new Map<string, Uint8Array>();
	const records: PhotoRecord[] = [];
	const addPhoto = async (
		checkId: string,
		caption: string,
		extra: Partial<PhotoRecord> = {},
		jpeg = options.jpeg
	): Promise<PhotoRecord> => {
		const bytes = distinctJpeg(
			jpeg,
			`${options.product ? `${options.product.reportId} ` : ''}${records.length + 1}`
		);
		const record: PhotoRecord = {
			id: `photo-${records.length + 1}`,
			inspectionId: inspection.id,
			checkId,
			data: bytes.slice().buffer,
			sha256: await sha256Hex(bytes),
			bytes: bytes.length,
			type: 'image/jpeg',
			width: readJpegMeta(bytes)?.width ?? 0,
			height: readJpegMeta(bytes)?.height ?? 0,
			capturedAt: at(2 + records.length),
			caption,
			...extra
		};
		photos.set(record.sha256, bytes);
		records.push(record);
		return record;
	};
	await addPhoto(IDENTIFY_STEP, 'Rating label under the base: model “SC-CAM-200”', {
		location: { latitude: 50.8225, longitude: -0.1372, accuracyMetres: 8 }
	});
	const passwordCheck = checks.find((check) => check.id === 'PHY-01') ?? checks[0]!;
	const original = await addPhoto(passwordCheck.id, 'Password card from the box');
	const copy = await addPhoto(
		passwordCheck.id,
		'Password card, password covered',
		{
			derivedFrom: original.id,
			derivation: 'redaction',
			marks: [{ kind: 'redact', from: { x: 0.05, y: 0.335 }, to: { x: 0.6, y: 0.385 } }]
		},
		options.redactedJpeg
	);
	for (let index = 0; records.length < photoCount; index++) {
		const check = checks[index % checks.length]!;
		await addPhoto(check.id, `${check.title}: evidence ${Math.floor(index / checks.length) + 1}`);
	}

	const key = await generateDeviceKey();
	const document = buildReportDocument({
		inspection,
		catalogue,
		photos: records,
		reportId: options.product?.reportId ?? SAMPLE.reportId,
		supersedes: null,
		device: { keyId: key.kid, publicJwk: key.publicJwk },
		appVersion: '0.1.0+test',
		previousReportHash: 'ab'.repeat(32),
		finishedAt: at(60)
	});
	const jws = await signCompact(canonicalJson(document), key.privateKey, key.kid, {
		typ: REPORT_TYP
	});
	return {
		document,
		jws,
		reportHash: await hashOfReport(jws),
		photos,
		redaction: { original: original.sha256, copy: copy.sha256 },
		catalogue
	};
}
