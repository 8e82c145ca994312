/**
 * For the server's node tests: an organisation with two inspectors and a reviewer, another
 * organisation with an inspector, their devices and their uploaded photos, written through the
 * same functions the API calls (people straight into their tables: the sign-in path is not what
 * these tests are about). Not used by the server.
 */
import { generateDeviceKey, type DeviceKey } from '$lib/signing';
import type { SessionUser } from '../auth/sessions';
import type { Db } from '../db';
import type { EvidenceStore } from '../evidence';
import { enrolDevice } from '../sync/devices';
import { receiveEvidence } from '../sync/evidence';

export interface Team {
	ivy: SessionUser;
	ian: SessionUser;
	rex: SessionUser;
	/** An inspector of another organisation. */
	olga: SessionUser;
}

const T0 = '2026-11-22T09:00:00.000Z';

export async function seedTeam(db: Db): Promise<Team> {
	const acme = { id: crypto.randomUUID(), name: 'Acme Trading Standards', created_at: T0 };
	const other = { id: crypto.randomUUID(), name: 'Other Org', created_at: T0 };
	await db.insertInto('organisations').values([acme, other]).execute();
	const person = async (
		org: typeof acme,
		name: string,
		role: SessionUser['role']
	): Promise<SessionUser> => {
		const user = {
			id: crypto.randomUUID(),
			org_id: org.id,
			email: `${name.toLowerCase()}@${org === acme ? 'acme' : 'other'}.test`,
			name,
			role,
			password_hash: 'not used here',
			active: 1,
			created_at: T0
		};
		await db.insertInto('users').values(user).execute();
		return { id: user.id, orgId: org.id, orgName: org.name, email: user.email, name, role };
	};
	return {
		ivy: await person(acme, 'Ivy', 'inspector'),
		ian: await person(acme, 'Ian', 'inspector'),
		rex: await person(acme, 'Rex', 'reviewer'),
		olga: await person(other, 'Olga', 'inspector')
	};
}

/** A new device key, enrolled to the user. */
export async function enrolledKey(db: Db, user: SessionUser, label = 'Phone'): Promise<DeviceKey> {
	const key = await generateDeviceKey();
	await enrolDevice(db, user, { label, publicJwk: key.publicJwk });
	return key;
}

/** Uploads the photo as the user, the way `PUT /api/v1/evidence/:sha256` does. */
export async function upload(
	db: Db,
	evidence: EvidenceStore,
	user: SessionUser,
	sha256: string,
	bytes: Uint8Array
) {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
	return receiveEvidence(db, evidence, user, sha256, body, bytes.length, 10 * 1024 * 1024);
}
