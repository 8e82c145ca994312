/**
 * The report document: what a device signs, what the PDF shows, what the verifier and the server
 * check. One versioned schema (valibot) shared by all of them. Only strings, integers, booleans,
 * arrays and objects (RFC 8785 canonical JSON is then unambiguous): coordinates and locations
 * that would be fractions are written as integers or decimal strings.
 */
import * as v from 'valibot';
import { PROVISION_OUTCOMES, VERDICTS } from './enums';

export const REPORT_SCHEMA = 'shelfcheck.report/1';

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'));
const timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));
const nonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const count = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0));
const verdict = v.picklist(VERDICTS);
const outcome = v.picklist(PROVISION_OUTCOMES);

const product = v.strictObject({
	gtin: v.optional(v.pipe(v.string(), v.regex(/^\d{14}$/, 'must be a GTIN-14'))),
	brand: v.optional(v.string()),
	model: v.optional(v.string()),
	hardwareVersion: v.optional(v.string()),
	batch: v.optional(v.string()),
	serial: v.optional(v.string()),
	/** Fields read from the label by OCR and confirmed by the inspector (added in app 0.1; optional). */
	readFromLabel: v.optional(v.array(v.picklist(['brand', 'model', 'hardwareVersion', 'serial'])))
});

/**
 * What the printed-credential checks were told about a credential read from a label: never the
 * value and never its hash, only its shape and findings. Optional, so earlier reports still validate.
 */
const printedCredential = v.strictObject({
	unit: v.pipe(count, v.minValue(1)),
	kind: v.picklist(['password', 'pin', 'wifiKey', 'setupCode']),
	length: count,
	classes: v.strictObject({
		lower: v.boolean(),
		upper: v.boolean(),
		digit: v.boolean(),
		symbol: v.boolean()
	}),
	commonDefault: v.nullable(v.picklist(['exact', 'word'])),
	trivialPattern: v.nullable(v.picklist(['sequence', 'repeat'])),
	derivedFrom: v.array(
		v.strictObject({
			source: v.picklist(['serial', 'mac', 'ssid', 'model']),
			relation: v.picklist(['equal', 'contains', 'part', 'prefix', 'suffix', 'hex']),
			shared: count
		})
	),
	/** Other units with the same value (a universal default indication). */
	sameAsUnits: v.array(count),
	/** Other units whose value is a counter's step away (an incremental counter indication). */
	counterWithUnits: v.array(count),
	/** The SHA-256 of the label photo it was read from. */
	photo: v.nullable(sha256)
});

/** A mark on a photo in that photo's pixels, so no fractions are signed. */
const mark = v.strictObject({
	kind: v.picklist(['arrow', 'circle', 'box', 'redact']),
	x1: count,
	y1: count,
	x2: count,
	y2: count
});

const photo = v.strictObject({
	sha256,
	bytes: count,
	type: v.picklist(['image/jpeg']),
	width: count,
	height: count,
	capturedAt: timestamp,
	checkId: nonEmpty,
	caption: v.string(),
	/** The SHA-256 of the photo this one was marked up or redacted from, or null. */
	derivedFrom: v.nullable(sha256),
	derivation: v.nullable(v.picklist(['annotation', 'redaction'])),
	marks: v.array(mark),
	/** Decimal degrees as text, only where the inspector chose to record location. */
	location: v.nullable(
		v.strictObject({ latitude: nonEmpty, longitude: nonEmpty, accuracyMetres: count })
	)
});

const answer = v.strictObject({
	checkId: nonEmpty,
	verdict,
	reason: v.string(),
	answeredAt: timestamp,
	/** SHA-256 of each photo taken for this check, in the order taken. */
	photos: v.array(sha256)
});

const publicJwk = v.strictObject({
	kty: v.literal('EC'),
	crv: v.literal('P-256'),
	x: nonEmpty,
	y: nonEmpty
});

export const reportDocumentSchema = v.strictObject({
	schema: v.literal(REPORT_SCHEMA),
	reportId: v.pipe(v.string(), v.uuid('must be a UUID')),
	/** The report this one amends, or null. */
	supersedes: v.nullable(v.pipe(v.string(), v.uuid('must be a UUID'))),
	product,
	bundle: v.strictObject({
		id: v.picklist(['shop-visit', 'goods-in', 'home-setup']),
		name: nonEmpty
	}),
	catalogueVersion: nonEmpty,
	context: v.picklist(['shop', 'goods-in', 'home']),
	place: v.strictObject({
		kind: v.picklist(['shop', 'goods-in', 'home']),
		name: nonEmpty,
		address: v.optional(v.string())
	}),
	inspector: v.strictObject({ name: nonEmpty }),
	scope: v.record(v.string(), v.picklist(['yes', 'no', 'unsure'])),
	answers: v.array(answer),
	photos: v.array(photo),
	printedCredentials: v.optional(v.array(printedCredential)),
	rollup: v.array(
		v.strictObject({
			framework: nonEmpty,
			provisions: v.array(v.strictObject({ id: nonEmpty, outcome, checks: v.array(nonEmpty) }))
		})
	),
	device: v.strictObject({
		/** The RFC 7638 thumbprint of publicJwk: 43 base64url characters. */
		keyId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 thumbprint')),
		publicJwk
	}),
	startedAt: timestamp,
	finishedAt: timestamp,
	appVersion: nonEmpty,
	/** SHA-256 of this device's previous signed report (its compact JWS), or null for the first. */
	previousReportHash: v.nullable(sha256),
	/** Always said, so no one mistakes a field check for a lab result. */
	notice: v.literal('Field indications, not a conformance assessment.')
});

export type ReportDocument = v.InferOutput<typeof reportDocumentSchema>;
export type ReportPhoto = ReportDocument['photos'][number];
export type ReportAnswer = ReportDocument['answers'][number];
export type ReportPrintedCredential = NonNullable<ReportDocument['printedCredentials']>[number];

export type DocumentCheck =
	{ ok: true; document: ReportDocument } | { ok: false; path: string; message: string };

/** Validates a parsed document; on failure names the first problem's path ("answers.3.verdict"). */
export function checkReportDocument(value: unknown): DocumentCheck {
	const result = v.safeParse(reportDocumentSchema, value);
	if (result.success) return { ok: true, document: result.output };
	const issue = result.issues[0];
	return {
		ok: false,
		path: (issue && v.getDotPath(issue)) || '(document)',
		message: issue?.message ?? 'invalid document'
	};
}
