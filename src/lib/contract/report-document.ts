/**
 * The report document: what a device signs, what the PDF shows, what the verifier and the server
 * check. One versioned schema (valibot) shared by all of them. Only strings, integers, booleans,
 * arrays and objects (RFC 8785 canonical JSON is then unambiguous): coordinates and locations
 * that would be fractions are written as integers or decimal strings.
 *
 * Two schemas are read, one is written:
 * - `shelfcheck.report/2` (written since catalogue 2026.12): each photo is listed once and each
 *   answer names the photos it cites, so one photo of a label can be the evidence of several
 *   checks; each answer says what kind of check it was (shows something, or screens for a
 *   problem); a provision's outcome may carry the recorded reason it does not apply or what the
 *   evidence did not cover.
 * - `shelfcheck.report/1`: a photo belonged to one check (`checkId`). Reports signed so, on this
 *   device or queued on another that has not updated yet, still verify, sync and render.
 * `checkReportDocument` validates either and returns it in the current shape (`ReportDocument`),
 * so readers handle one shape; the signature always covers the bytes as signed.
 *
 * Every list and string has a cap that no real inspection comes near (the catalogue has under a
 * hundred checks; a visit a few dozen photos), so a hostile document is refused with the path of
 * what is too big instead of costing the server: see REPORT_LIMITS.
 */
import * as v from 'valibot';
import { PROVISION_OUTCOMES, VERDICTS } from './enums';

export const REPORT_SCHEMA = 'shelfcheck.report/2';
export const REPORT_SCHEMA_V1 = 'shelfcheck.report/1';
export type ReportSchema = typeof REPORT_SCHEMA | typeof REPORT_SCHEMA_V1;

/** The most of each thing a report may hold: far above any real inspection, far below harm. */
export const REPORT_LIMITS = {
	answers: 10_000,
	photos: 2_000,
	/** Photos one answer cites. */
	photosPerAnswer: 500,
	marksPerPhoto: 500,
	printedCredentials: 500,
	frameworks: 50,
	provisionsPerFramework: 1_000,
	checksPerProvision: 1_000,
	scopeAnswers: 200,
	/** Free text an inspector writes: a reason, a caption. */
	textChars: 20_000,
	/** A name, a place, a product field, an id. */
	shortChars: 1_000
} as const;

const L = REPORT_LIMITS;
const text = v.pipe(
	v.string(),
	v.maxLength(L.textChars, `must be at most ${L.textChars} characters`)
);
const short = v.pipe(
	v.string(),
	v.maxLength(L.shortChars, `must be at most ${L.shortChars} characters`)
);
const nonEmpty = v.pipe(short, v.minLength(1, 'must not be empty'));
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'));
const timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));
const count = v.pipe(v.number(), v.safeInteger('must be a safe integer'), v.minValue(0));
const uuid = v.pipe(v.string(), v.uuid('must be a UUID'));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
	v.pipe(v.array(item), v.maxLength(max, `must have at most ${max} items`));
const verdict = v.picklist(VERDICTS);
const outcome = v.picklist(PROVISION_OUTCOMES);

const product = v.strictObject({
	gtin: v.optional(v.pipe(v.string(), v.regex(/^\d{14}$/, 'must be a GTIN-14'))),
	brand: v.optional(short),
	model: v.optional(short),
	hardwareVersion: v.optional(short),
	batch: v.optional(short),
	serial: v.optional(short),
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
	derivedFrom: list(
		v.strictObject({
			source: v.picklist(['serial', 'mac', 'ssid', 'model']),
			relation: v.picklist(['equal', 'contains', 'part', 'prefix', 'suffix', 'hex']),
			shared: count
		}),
		20
	),
	/** Other units with the same value (a universal default indication). */
	sameAsUnits: list(count, L.printedCredentials),
	/** Other units whose value is a counter's step away (an incremental counter indication). */
	counterWithUnits: list(count, L.printedCredentials),
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

const photoFields = {
	sha256,
	bytes: count,
	type: v.picklist(['image/jpeg']),
	width: count,
	height: count,
	capturedAt: timestamp,
	caption: text,
	/** The SHA-256 of the photo this one was marked up or redacted from, or null. */
	derivedFrom: v.nullable(sha256),
	derivation: v.nullable(v.picklist(['annotation', 'redaction'])),
	marks: list(mark, L.marksPerPhoto),
	/** Decimal degrees as text, only where the inspector chose to record location. */
	location: v.nullable(
		v.strictObject({ latitude: nonEmpty, longitude: nonEmpty, accuracyMetres: count })
	)
};

const answerFields = {
	checkId: nonEmpty,
	verdict,
	reason: text,
	answeredAt: timestamp
};

const publicJwk = v.strictObject({
	kty: v.literal('EC'),
	crv: v.literal('P-256'),
	x: nonEmpty,
	y: nonEmpty
});

const commonFields = {
	reportId: uuid,
	/** The report this one amends, or null. */
	supersedes: v.nullable(uuid),
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
		address: v.optional(short)
	}),
	inspector: v.strictObject({ name: nonEmpty }),
	scope: v.pipe(
		v.record(short, v.picklist(['yes', 'no', 'unsure'])),
		v.maxEntries(L.scopeAnswers, `must have at most ${L.scopeAnswers} entries`)
	),
	printedCredentials: v.optional(list(printedCredential, L.printedCredentials)),
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
};

/** Whether a check shows something (the model is printed) or screens for a problem (no
 * printed password seen): a Pass on a screening check reads "No issue seen", never "meets". */
export const CHECK_KINDS = ['shows', 'screens'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** What the current shape holds besides its schema name and its answers. */
const currentEntries = {
	...commonFields,
	/** The shop visit (one place, one day, several products) this report was made in. */
	visitId: v.optional(uuid),
	/** The detail behind a scope answer, by question id (e.g. which PSTI exception applies). */
	scopeDetail: v.optional(
		v.pipe(
			v.record(short, short),
			v.maxEntries(L.scopeAnswers, `must have at most ${L.scopeAnswers} entries`)
		)
	),
	/** Every photo once, in the order taken. */
	photos: list(
		v.strictObject({
			...photoFields,
			/** The check or step ("identify") the photo was taken at. */
			takenFor: nonEmpty
		}),
		L.photos
	),
	rollup: list(
		v.strictObject({
			framework: nonEmpty,
			provisions: list(
				v.strictObject({
					id: nonEmpty,
					outcome,
					checks: list(nonEmpty, L.checksPerProvision),
					/** Why it does not apply (NA): the scope answer that took it out. */
					reason: v.optional(text),
					/** What the evidence did not cover (PARTLY). */
					notCovered: v.optional(text)
				}),
				L.provisionsPerFramework
			)
		}),
		L.frameworks
	)
};

const currentAnswer = {
	...answerFields,
	/** The SHA-256 of each photo this answer cites: each one is in `photos`. */
	photos: list(sha256, L.photosPerAnswer),
	/** Set when the verdict was proposed (from the label reading) and then confirmed. */
	proposedBy: v.optional(v.picklist(['label']))
};

const listsEachPhotoOnce = (document: { photos: { sha256: string }[] }) =>
	new Set(document.photos.map((photo) => photo.sha256)).size === document.photos.length;

const citesListedPhotos = (document: {
	photos: { sha256: string }[];
	answers: { photos: string[] }[];
}) => {
	const listed = new Set(document.photos.map((photo) => photo.sha256));
	return document.answers.every((answer) => answer.photos.every((sha) => listed.has(sha)));
};

export const reportDocumentSchema = v.pipe(
	v.strictObject({
		schema: v.literal(REPORT_SCHEMA),
		...currentEntries,
		answers: list(
			v.strictObject({
				...currentAnswer,
				/** The check's kind in the catalogue the report was signed with. */
				kind: v.picklist(CHECK_KINDS)
			}),
			L.answers
		)
	}),
	v.forward(
		v.check((document) => listsEachPhotoOnce(document), 'must list each photo once'),
		['photos']
	),
	v.forward(
		v.check((document) => citesListedPhotos(document), 'must cite only photos the report lists'),
		['answers']
	)
);

/**
 * A v1 document as `checkReportDocument` returns it (the current shape, no kinds), so that what
 * it returns passes it again: the PDF renderer checks the document it is given.
 */
const readV1Schema = v.pipe(
	v.strictObject({
		schema: v.literal(REPORT_SCHEMA_V1),
		...currentEntries,
		answers: list(
			v.strictObject({ ...currentAnswer, kind: v.optional(v.picklist(CHECK_KINDS)) }),
			L.answers
		)
	}),
	v.forward(
		v.check((document) => listsEachPhotoOnce(document), 'must list each photo once'),
		['photos']
	),
	v.forward(
		v.check((document) => citesListedPhotos(document), 'must cite only photos the report lists'),
		['answers']
	)
);

const reportDocumentSchemaV1 = v.strictObject({
	schema: v.literal(REPORT_SCHEMA_V1),
	...commonFields,
	answers: list(
		v.strictObject({
			...answerFields,
			/** SHA-256 of each photo taken for this check, in the order taken. */
			photos: list(sha256, L.photosPerAnswer)
		}),
		L.answers
	),
	photos: list(v.strictObject({ ...photoFields, checkId: nonEmpty }), L.photos),
	rollup: list(
		v.strictObject({
			framework: nonEmpty,
			provisions: list(
				v.strictObject({ id: nonEmpty, outcome, checks: list(nonEmpty, L.checksPerProvision) }),
				L.provisionsPerFramework
			)
		}),
		L.frameworks
	)
});

const anyReportDocumentSchema = v.variant('schema', [reportDocumentSchema, reportDocumentSchemaV1]);

/** Exactly what this app signs now. */
export type CurrentReportDocument = v.InferOutput<typeof reportDocumentSchema>;
export type ReportDocumentV1 = v.InferOutput<typeof reportDocumentSchemaV1>;

type CurrentAnswer = CurrentReportDocument['answers'][number];
/** An answer as read from either schema: a v1 answer does not say what kind of check it was. */
export type ReportAnswer = Omit<CurrentAnswer, 'kind'> & { kind?: CheckKind };

/** A signed report of either schema in the current shape: what every reader works with. */
export type ReportDocument = Omit<CurrentReportDocument, 'schema' | 'answers'> & {
	schema: ReportSchema;
	answers: ReportAnswer[];
};
export type ReportPhoto = ReportDocument['photos'][number];
export type ReportProvision = ReportDocument['rollup'][number]['provisions'][number];
export type ReportPrintedCredential = NonNullable<ReportDocument['printedCredentials']>[number];

export type DocumentCheck =
	{ ok: true; document: ReportDocument } | { ok: false; path: string; message: string };

/**
 * Validates a parsed document of either schema; on failure names the first problem's path
 * ("answers.3.verdict"). A valid one is returned in the current shape (see `fromV1`).
 */
export function checkReportDocument(value: unknown): DocumentCheck {
	const result = v.safeParse(anyReportDocumentSchema, value);
	if (result.success) {
		const document = result.output;
		return { ok: true, document: document.schema === REPORT_SCHEMA ? document : fromV1(document) };
	}
	const read = v.safeParse(readV1Schema, value);
	if (read.success) return { ok: true, document: read.output };
	const issue = result.issues[0];
	return {
		ok: false,
		path: (issue && v.getDotPath(issue)) || '(document)',
		message: issue?.message ?? 'invalid document'
	};
}

/**
 * A v1 document in the current shape. v1 listed a photo once per check it was taken for (the
 * same bytes twice at most by accident); here each is listed once, `takenFor` its first check.
 * Answers keep the photos they named and have no kind, so they read as they did when signed.
 */
function fromV1(document: ReportDocumentV1): ReportDocument {
	const photos = new Map<string, ReportPhoto>();
	for (const { checkId, ...photo } of document.photos) {
		if (!photos.has(photo.sha256)) photos.set(photo.sha256, { ...photo, takenFor: checkId });
	}
	return { ...document, photos: [...photos.values()] };
}
