/**
 * Where label readings and the device's credential key are kept (through `lib/db`, no new
 * tables): the HMAC key as a non-extractable CryptoKey in settings; readings made on Identify,
 * before the inspection exists, under its chosen id until the draft is created; after that,
 * inside the inspection record.
 */

import { settings } from '$lib/db';
import { newCredentialKey } from '$lib/label/credentials';
import type { LabelReading } from '$lib/label/reading';

const KEY = 'credentialHashKey';
const pendingKey = (draftId: string) => `labelReadings:${draftId}`;

/** This device's key for credential hashes: made once, never exported, never in a report. */
export async function credentialKey(): Promise<CryptoKey> {
	const stored = await settings.get<CryptoKey>(KEY);
	if (stored) return stored;
	const key = await newCredentialKey();
	await settings.set(KEY, key);
	return key;
}

/** Adds a reading or replaces the one with its id. */
export function upsertReading(
	list: LabelReading[] | undefined,
	reading: LabelReading
): LabelReading[] {
	return [...(list ?? []).filter((r) => r.id !== reading.id), reading];
}

export async function pendingReadings(draftId: string): Promise<LabelReading[]> {
	return (await settings.get<LabelReading[]>(pendingKey(draftId))) ?? [];
}

export async function savePendingReading(draftId: string, reading: LabelReading): Promise<void> {
	await settings.set(pendingKey(draftId), upsertReading(await pendingReadings(draftId), reading));
}

export async function clearPendingReadings(draftId: string): Promise<void> {
	await settings.delete(pendingKey(draftId));
}
