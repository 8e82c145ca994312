/**
 * The device's link to the team server it was loaded from: the signed-in account and the
 * enrolment of this device's key. The session itself is the server's HttpOnly cookie, never
 * readable here; what is kept on the device (settings) is only who signed in and whether the
 * key is enrolled, so the service worker and an offline screen can tell without the network.
 */
import { settings } from '$lib/db';
import { deviceKey } from '$lib/app/device-key';
import { fetchServer, problemOf } from './http-server';
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

async function request(path: string, init: RequestInit): Promise<Response> {
	try {
		return await fetchServer(path, init);
	} catch {
		throw new AccountError('No connection to the server. Nothing was changed; try again online.');
	}
}

async function failure(response: Response): Promise<AccountError> {
	const problem = await problemOf(response);
	return new AccountError(problem.message);
}

export async function signIn(email: string, password: string): Promise<Account> {
	const response = await request(API.session, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: email.trim(), password })
	});
	if (!response.ok) {
		// The session endpoint answers 401 for a wrong password: say that, not "sign in to sync".
		if (response.status === 401) throw new AccountError('That email and password do not match.');
		throw await failure(response);
	}
	const { user } = (await response.json()) as SessionInfo;
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
	if (!response.ok && response.status !== 401) throw await failure(response);
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
	if (!response.ok) throw await failure(response);
	const device = (await response.json()) as DeviceInfo;
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
