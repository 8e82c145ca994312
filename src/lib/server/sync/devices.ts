import type { Kysely } from 'kysely';
import { keyId, toPublicJwk, type PublicJwk } from '$lib/signing';
import type { DeviceInfo, EnrolDeviceRequest } from '$lib/contract/protocol';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { Problem } from '../problem';

type Db = Kysely<Database>;

const info = (row: Database['devices']): DeviceInfo => ({
	kid: row.kid,
	label: row.label,
	userId: row.user_id,
	createdAt: row.created_at,
	revokedAt: row.revoked_at
});

/**
 * Registers a device's public key to the signed-in user. The server computes the kid (RFC 7638
 * thumbprint) itself; enrolling the same key again for the same user answers the existing device.
 */
export async function enrolDevice(
	db: Db,
	user: SessionUser,
	request: EnrolDeviceRequest,
	now = new Date()
): Promise<{ device: DeviceInfo; created: boolean }> {
	let jwk: PublicJwk;
	let kid: string;
	try {
		jwk = toPublicJwk(request.publicJwk);
		kid = await keyId(jwk);
		// Refuse anything that is not a point on P-256 now, not at the first report.
		await crypto.subtle.importKey(
			'jwk',
			{ ...jwk, ext: true },
			{ name: 'ECDSA', namedCurve: 'P-256' },
			true,
			['verify']
		);
	} catch {
		throw new Problem(422, 'invalid-key', 'publicJwk is not a P-256 public key.', {
			path: 'publicJwk'
		});
	}
	const existing = await db
		.selectFrom('devices')
		.selectAll()
		.where('kid', '=', kid)
		.executeTakeFirst();
	if (existing) {
		if (existing.user_id !== user.id)
			throw new Problem(409, 'key-enrolled', 'This key is already enrolled to another account.');
		if (existing.revoked_at)
			throw new Problem(403, 'device-revoked', 'This key was revoked; generate a new device key.');
		return { device: info(existing), created: false };
	}
	const row = {
		kid,
		org_id: user.orgId,
		user_id: user.id,
		label: request.label,
		public_jwk: JSON.stringify(jwk),
		created_at: now.toISOString(),
		revoked_at: null
	};
	await db.insertInto('devices').values(row).execute();
	return { device: info(row), created: true };
}

/** An inspector sees their own devices, an admin every device of the organisation. */
export async function listDevices(db: Db, user: SessionUser): Promise<DeviceInfo[]> {
	let query = db.selectFrom('devices').selectAll().where('org_id', '=', user.orgId);
	if (user.role !== 'admin') query = query.where('user_id', '=', user.id);
	return (await query.orderBy('created_at').execute()).map(info);
}

/** An admin revokes any device of the organisation; a user their own. Reports stop at once. */
export async function revokeDevice(db: Db, user: SessionUser, kid: string, now = new Date()) {
	const row = await db
		.selectFrom('devices')
		.selectAll()
		.where('kid', '=', kid)
		.where('org_id', '=', user.orgId)
		.executeTakeFirst();
	if (!row || (user.role !== 'admin' && row.user_id !== user.id))
		throw new Problem(404, 'no-such-device', 'There is no such device.');
	if (!row.revoked_at)
		await db
			.updateTable('devices')
			.set({ revoked_at: now.toISOString() })
			.where('kid', '=', kid)
			.execute();
	return info({ ...row, revoked_at: row.revoked_at ?? now.toISOString() });
}
