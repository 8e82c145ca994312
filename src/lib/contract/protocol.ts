/**
 * The sync protocol between the app and the team server: paths, request and response types, and
 * the valibot schemas the server validates input with. Pure TypeScript, shared by both sides.
 *
 * Authentication: the server's own pages and the app served from the same origin use the
 * `HttpOnly` session cookie. An app talking to a server on another origin sends the token that
 * `POST /api/v1/session` returns as `Authorization: Bearer <token>`. Every error is
 * `{"error":{"code":…,"message":…}}` (ApiError) with a 4xx/5xx status.
 */
import * as v from 'valibot';
import {
	PROVISION_OUTCOMES,
	VERDICTS,
	type ProvisionOutcome,
	type Role,
	type Verdict
} from './enums';

export const API = {
	session: '/api/v1/session',
	devices: '/api/v1/devices',
	device: (kid: string) => `/api/v1/devices/${encodeURIComponent(kid)}`,
	evidence: (sha256: string) => `/api/v1/evidence/${sha256}`,
	missingEvidence: '/api/v1/evidence/missing',
	reports: '/api/v1/reports',
	report: (id: string) => `/api/v1/reports/${id}`,
	products: '/api/v1/products'
} as const;

export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most hashes one `POST /api/v1/evidence/missing` may ask about. */
export const MAX_MISSING_QUERY = 1000;

export type { Role };

export interface ApiError {
	error: { code: string; message: string; [detail: string]: unknown };
}

// ---------------------------------------------------------------- session

export const signInRequestSchema = v.strictObject({
	email: v.pipe(v.string(), v.maxLength(320)),
	password: v.pipe(v.string(), v.maxLength(1024))
});
export type SignInRequest = v.InferOutput<typeof signInRequestSchema>;

export interface SessionInfo {
	/** For `Authorization: Bearer`; the same session is also set as the HttpOnly cookie. */
	token: string;
	expiresAt: string;
	user: { id: string; email: string; name: string; role: Role; organisation: string };
}

// ---------------------------------------------------------------- devices

export const enrolDeviceRequestSchema = v.strictObject({
	label: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100)),
	publicJwk: v.object({
		kty: v.literal('EC'),
		crv: v.literal('P-256'),
		x: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes of base64url')),
		y: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes of base64url'))
	})
});
export type EnrolDeviceRequest = v.InferOutput<typeof enrolDeviceRequestSchema>;

export interface DeviceInfo {
	/** RFC 7638 thumbprint of the public key, as the server computed it. */
	kid: string;
	label: string;
	userId: string;
	createdAt: string;
	revokedAt: string | null;
}

// ---------------------------------------------------------------- evidence

export const missingEvidenceRequestSchema = v.strictObject({
	hashes: v.pipe(
		v.array(v.pipe(v.string(), v.regex(SHA256_HEX, 'must be a lower-case hex SHA-256'))),
		v.maxLength(MAX_MISSING_QUERY)
	)
});
export type MissingEvidenceRequest = v.InferOutput<typeof missingEvidenceRequestSchema>;

export interface MissingEvidenceResponse {
	/** The hashes asked about that this user has not uploaded (a report may name only those it has), in order. */
	missing: string[];
}

/** `PUT /api/v1/evidence/:sha256` answers 201 (stored now) or 200 (already held). */
export interface EvidenceReceipt {
	sha256: string;
	bytes: number;
}

// ---------------------------------------------------------------- reports

/** `PUT /api/v1/reports/:id` (body: the compact JWS) answers 201, or 200 for the same JWS again. */
export interface ReportReceipt {
	reportId: string;
	/** SHA-256 (hex) of the compact JWS as stored. */
	reportHash: string;
	receivedAt: string;
}

export interface ReportSummary extends ReportReceipt {
	gtin: string | null;
	brand: string | null;
	model: string | null;
	inspector: string;
	bundleId: string;
	finishedAt: string;
	supersedes: string | null;
	deviceKid: string;
}

export interface ReportList {
	reports: ReportSummary[];
	/** Pass as `cursor` for the next page; null on the last page. */
	nextCursor: string | null;
}

export interface ReportDetail extends ReportSummary {
	jws: string;
	photos: string[];
}

/** Query parameters of `GET /api/v1/reports`. */
export interface ReportQuery {
	gtin?: string;
	model?: string;
	brand?: string;
	/** Reports with at least one answer with this verdict. */
	verdict?: Verdict;
	/** Reports whose roll-up covers this provision id (e.g. 5.1-1), optionally with `outcome`. */
	provision?: string;
	/** With `provision`: that provision's outcome; alone: any provision with this outcome. */
	outcome?: string;
	inspector?: string;
	/** finishedAt from (inclusive) / to (exclusive): ISO date or timestamp. */
	from?: string;
	to?: string;
	limit?: number;
	cursor?: string;
}

export const reportQuerySchema = v.strictObject({
	gtin: v.optional(v.pipe(v.string(), v.regex(/^\d{8,14}$/, 'must be 8 to 14 digits'))),
	model: v.optional(v.pipe(v.string(), v.maxLength(200))),
	brand: v.optional(v.pipe(v.string(), v.maxLength(200))),
	verdict: v.optional(v.picklist(VERDICTS)),
	provision: v.optional(v.pipe(v.string(), v.maxLength(100))),
	outcome: v.optional(v.picklist(PROVISION_OUTCOMES)),
	inspector: v.optional(v.pipe(v.string(), v.maxLength(200))),
	from: v.optional(
		v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be a date'))
	),
	to: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be a date'))),
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,3}$/, 'must be 1 to 200'),
			v.transform(Number),
			v.minValue(1, 'must be 1 to 200'),
			v.maxValue(200, 'must be 1 to 200')
		)
	),
	cursor: v.optional(v.pipe(v.string(), v.maxLength(200)))
});

// ---------------------------------------------------------------- product register

/** A product the team has inspected, as a device takes it offline (`GET /api/v1/products`). */
export interface TeamProduct {
	/** `gtin:<14 digits>`, else `name:<brand>|<model>` in lower case (see `registerKey`). */
	key: string;
	title: string;
	gtin: string | null;
	brand: string | null;
	model: string | null;
	inspections: number;
	/** Where it was inspected, most recent first. */
	places: string[];
	latest: {
		reportId: string;
		finishedAt: string;
		inspector: string;
		/** The PSTI requirements' roll-up outcomes in the latest report. */
		psti: { id: string; outcome: ProvisionOutcome }[];
	};
}

export interface ProductRegister {
	generatedAt: string;
	products: TeamProduct[];
}

/** A product's key in the register: its GTIN, else its brand and model; null when neither. */
export function registerKey(p: {
	gtin?: string | null;
	brand?: string | null;
	model?: string | null;
}): string | null {
	if (p.gtin) return `gtin:${p.gtin}`;
	const brand = (p.brand ?? '').trim().toLowerCase();
	const model = (p.model ?? '').trim().toLowerCase();
	return brand || model ? `name:${brand}|${model}` : null;
}
