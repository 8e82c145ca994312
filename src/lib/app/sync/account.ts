/**
 * The device's link to the team server it was loaded from: the signed-in account and the
 * enrolment of this device's key. The session itself is the server's HttpOnly cookie, never
 * readable here; what is kept on the device (settings) is only who signed in and whether the
 * key is enrolled, so the service worker and an offline screen can tell without the network.
 */
import { settings } from '$lib/db';
import { deviceKey } from '$lib/app/device-key';
import { exchange, fetchServer, problemOf, type Answer } from './http-server';
import {
	ACCOUNT_KEY,
	ENROLMENT_KEY,
	loadAccount,
	type Account,
	type Enrolment
} from './account-state';
export type { Account, Enrolment } from './account-state';
import { API, type DeviceInfo, type SessionInfo } from '$lib/contract/protocol';

export class AccountError extends Error {
	override name = 'AccountError';
}

/**
 * One account request, its answer read whole. A cut-off answer may follow a change the server
 * made (a session, an enrolment), so it says to try again, which is safe: signing in makes a new
 * session, and enrolling the same key again answers the same device.
 */
async function request(path: string, init: RequestInit): Promise<Answer> {
	const answer = await exchange(path, init);
	if (answer === 'no-connection')
		throw new AccountError('No connection to the server. Nothing was changed; try again online.');
	if (answer === 'cut-off')
		throw new AccountError('The server’s answer was cut off on the way. Try again.');
	return answer;
}

const failure = (answer: Answer) => new AccountError(problemOf(answer).message);

/** A success whose body is not what the protocol promises (a portal's page, say). */
const unreadable = () =>
	new AccountError('The server’s answer could not be read; nothing was kept. Try again.');

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

export async function signIn(email: string, password: string): Promise<Account> {
	const response = await request(API.session, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: email.trim(), password })
	});
	if (!response.ok) {
		// The session endpoint answers 401 for a wrong password: say that, not "sign in to sync".
		if (response.status === 401) throw new AccountError('That email and password do not match.');
		throw failure(response);
	}
	const user = isRecord(response.body) ? (response.body as Partial<SessionInfo>).user : undefined;
	if (!isRecord(user) || typeof user.id !== 'string' || typeof user.email !== 'string')
		throw unreadable();
	const account: Account = {
		userId: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		organisation: user.organisation,
		signedIn: true,
		checkedAt: new Date().toISOString()
	};
	const previous = await loadAccount();
	await settings.set(ACCOUNT_KEY, account);
	// An enrolment belongs to the account that made it.
	if (previous.enrolment && previous.enrolment.userId !== account.userId)
		await settings.set(ENROLMENT_KEY, null);
	return account;
}

/** Asks the server whether the session still holds; offline, the last answer stands. */
export async function refreshAccount(): Promise<Account | null> {
	const { account } = await loadAccount();
	if (!account) return null;
	let response: Response;
	try {
		response = await fetchServer(API.session);
	} catch {
		return account;
	}
	if (response.status !== 200 && response.status !== 401) return account;
	const updated = {
		...account,
		signedIn: response.status === 200,
		checkedAt: new Date().toISOString()
	};
	await settings.set(ACCOUNT_KEY, updated);
	return updated;
}

export async function signOut(): Promise<void> {
	const response = await request(API.session, { method: 'DELETE' });
	if (!response.ok && response.status !== 401) throw failure(response);
	const { account } = await loadAccount();
	if (account) await settings.set(ACCOUNT_KEY, { ...account, signedIn: false });
}

/** Registers this device's public key (made now if it has none) to the signed-in account. */
export async function enrolDevice(label: string): Promise<Enrolment> {
	const { account } = await loadAccount();
	if (!account?.signedIn) throw new AccountError('Sign in first, then enrol this device.');
	const key = await deviceKey();
	const response = await request(API.devices, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ label: label.trim(), publicJwk: key.publicJwk })
	});
	if (!response.ok) throw failure(response);
	const device = response.body as DeviceInfo | undefined;
	if (!isRecord(device) || typeof device.kid !== 'string') throw unreadable();
	if (device.kid !== key.kid)
		throw new AccountError('The server computed another key id for this device; nothing was kept.');
	const enrolment: Enrolment = {
		kid: device.kid,
		label: device.label,
		userId: device.userId,
		enrolledAt: device.createdAt
	};
	await settings.set(ENROLMENT_KEY, enrolment);
	return enrolment;
}

/** Called when the server no longer knows the session or the key. */
export async function markSignedOut(): Promise<void> {
	const { account } = await loadAccount();
	if (account?.signedIn) await settings.set(ACCOUNT_KEY, { ...account, signedIn: false });
}

export async function forgetEnrolment(): Promise<void> {
	await settings.set(ENROLMENT_KEY, null);
}
