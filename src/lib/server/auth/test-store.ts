/** For the accounts specs: a real SQLite store in a fresh directory, and its first administrator. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../db';
import { completeSetup, issueSetupToken } from './setup';

export const PASSWORD = 'blue-Kettle-42-Harbour';
export const T0 = new Date('2026-11-22T10:00:00.000Z');
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export function openTestStore(): Promise<Store> {
	const dataDir = mkdtempSync(join(tmpdir(), 'shelfcheck-accounts-'));
	return openStore({ dataDir, database: { kind: 'sqlite', file: join(dataDir, 'shelfcheck.db') } });
}

/** Ada, admin of Acme, created through the set-up link at T0 as on a first start; her user id. */
export async function addFirstAdmin(store: Store): Promise<string> {
	const token = (await issueSetupToken(store.db, T0))!;
	const input = { organisation: 'Acme', name: 'Ada', email: 'Ada@Acme.test', password: PASSWORD };
	return completeSetup(store.db, token, input, at(1));
}
