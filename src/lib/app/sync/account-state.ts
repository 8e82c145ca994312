/**
 * What the device remembers of its team account, readable without the network or the server
 * code: who signed in and whether this device's key is enrolled (settings in IndexedDB). Kept
 * apart from \`account.ts\` so that the header and the service worker load only this.
 */
import { settings } from '$lib/db';
import type { Role } from '$lib/contract/protocol';

export interface Account {
	userId: string;
	email: string;
	name: string;
	role: Role;
	organisation: string;
	/** False once the server said the session is gone: sync waits for a new sign-in. */
	signedIn: boolean;
	checkedAt: string;
}

export interface Enrolment {
	kid: string;
	label: string;
	userId: string;
	enrolledAt: string;
}

export const ACCOUNT_KEY = 'syncAccount';
export const ENROLMENT_KEY = 'syncEnrolment';

export async function loadAccount(): Promise<{
	account: Account | null;
	enrolment: Enrolment | null;
}> {
	const [account, enrolment] = await Promise.all([
		settings.get<Account | null>(ACCOUNT_KEY),
		settings.get<Enrolment | null>(ENROLMENT_KEY)
	]);
	return { account: account ?? null, enrolment: enrolment ?? null };
}

/** Why a sync cannot start now, without asking the server; null when it can. */
export async function syncBlocker(): Promise<'offline' | 'signed-out' | 'not-enrolled' | null> {
	if (!navigator.onLine) return 'offline';
	const { account, enrolment } = await loadAccount();
	if (!account?.signedIn) return 'signed-out';
	return enrolment ? null : 'not-enrolled';
}
