import { type DeviceKeyRow, deviceKeys } from '$lib/db';
import { KeyError, generateDeviceKey, proveKey } from '$lib/signing/keys';

export class DeviceKeyUnavailableError extends Error {
	override name = 'DeviceKeyUnavailableError';
}

let loading: Promise<DeviceKeyRow> | undefined;

/**
 * This device's signing key, created on first use. Right after creating it we prove the browser
 * can keep it: store it, load it back, sign and verify with what was loaded. A browser that
 * cannot (some private modes drop CryptoKeys from IndexedDB) is told plainly, before anything is
 * signed with a key that would then be lost.
 */
export function deviceKey(): Promise<DeviceKeyRow> {
	loading ??= loadOrCreate().finally(() => (loading = undefined));
	return loading;
}

async function loadOrCreate(): Promise<DeviceKeyRow> {
	const existing = await deviceKeys.get();
	if (existing) {
		await prove(existing, 'The signing key on this device no longer works');
		return existing;
	}
	let created;
	try {
		created = await generateDeviceKey();
	} catch (error) {
		throw new DeviceKeyUnavailableError(
			`This browser cannot create a signing key (${error instanceof Error ? error.message : error}). Reports cannot be signed here.`
		);
	}
	await deviceKeys.add(created, new Date().toISOString());
	const stored = await deviceKeys.get();
	if (!stored) {
		throw new DeviceKeyUnavailableError(
			'This browser did not keep the signing key it was given, so reports cannot be signed here. Use a normal (not private) window or install the app.'
		);
	}
	await prove(stored, 'This browser cannot keep a working signing key');
	return stored;
}

async function prove(key: DeviceKeyRow, problem: string): Promise<void> {
	try {
		await proveKey(key);
	} catch (error) {
		const detail = error instanceof KeyError ? error.message : String(error);
		throw new DeviceKeyUnavailableError(`${problem} (${detail}). Reports cannot be signed here.`);
	}
}
