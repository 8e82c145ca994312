/**
 * The server's tables, as Kysely sees them. Each migration that adds a table adds it here.
 * Times are ISO 8601 UTC strings (they sort as text the same on SQLite and PostgreSQL); flags
 * are integers 0/1; secrets (passwords, session, set-up and invite tokens) are stored only as
 * hashes.
 */
export interface Database {
	server_info: ServerInfoTable;
	organisations: OrganisationsTable;
	users: UsersTable;
	sessions: SessionsTable;
	setup_tokens: SetupTokensTable;
	invites: InvitesTable;
	login_throttle: LoginThrottleTable;
	devices: DevicesTable;
	evidence: EvidenceTable;
	reports: ReportsTable;
	report_photos: ReportPhotosTable;
	report_answers: ReportAnswersTable;
	report_provisions: ReportProvisionsTable;
}

export interface ServerInfoTable {
	key: string;
	value: string;
}

export type { Role } from '$lib/contract/enums';
import type { Role } from '$lib/contract/enums';

export interface OrganisationsTable {
	id: string;
	name: string;
	created_at: string;
}

export interface UsersTable {
	id: string;
	org_id: string;
	/** Lower-cased; unique across the server. */
	email: string;
	name: string;
	role: Role;
	/** Argon2id, PHC string. */
	password_hash: string;
	active: number;
	created_at: string;
}

export interface SessionsTable {
	/** SHA-256 (hex) of the random token the client holds. */
	token_hash: string;
	user_id: string;
	created_at: string;
	expires_at: string;
}

export interface SetupTokensTable {
	token_hash: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface InvitesTable {
	token_hash: string;
	org_id: string;
	email: string;
	role: Role;
	invited_by: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface LoginThrottleTable {
	/** `account:<email>` or `address:<ip>`. */
	key: string;
	failures: number;
	last_failure_at: string;
	blocked_until: string;
}

export interface DevicesTable {
	/** RFC 7638 thumbprint of the public key, computed by the server. */
	kid: string;
	org_id: string;
	user_id: string;
	label: string;
	/** The public JWK as JSON text ({kty, crv, x, y}). */
	public_jwk: string;
	created_at: string;
	revoked_at: string | null;
}

/** One row per person who uploaded a photo's bytes (the file itself is stored once). */
export interface EvidenceTable {
	org_id: string;
	sha256: string;
	/** The user whose session uploaded it: the only inspector who may name or read it. */
	uploaded_by: string;
	bytes: number;
	received_at: string;
}

export interface ReportsTable {
	/** The document's reportId. */
	id: string;
	org_id: string;
	user_id: string;
	device_kid: string;
	/** The compact JWS exactly as received. */
	jws: string;
	/** SHA-256 (hex) of the JWS. */
	report_hash: string;
	received_at: string;
	gtin: string | null;
	brand: string | null;
	model: string | null;
	/** The inspector's name as the document gives it; lists show the sending account's name. */
	inspector: string;
	bundle_id: string;
	finished_at: string;
	supersedes: string | null;
}

export interface ReportPhotosTable {
	report_id: string;
	position: number;
	sha256: string;
}

export interface ReportAnswersTable {
	report_id: string;
	position: number;
	check_id: string;
	verdict: string;
}

export interface ReportProvisionsTable {
	report_id: string;
	position: number;
	framework: string;
	provision_id: string;
	outcome: string;
}
