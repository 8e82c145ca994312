import { createHash } from 'node:crypto';
import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { OutboxEntry } from '../../src/lib/sync/outbox';
import { addUser, client, setUp, startApiServer, type ApiServer, type Engine } from './api';
import { BIG_PHOTO, SMALL_PHOTO, enrolDevice as enrolAt, signReport } from './device';
import type { FaultProxy } from './fault-proxy';

export { signReport };
export const SMALL = SMALL_PHOTO;
export const BIG = BIG_PHOTO;

export type ReportToSign = Parameters<typeof signReport>[1];

export interface Team {
	server: ApiServer;
	/** Where the browser loads the app: the server, or the fault proxy in front of it. */
	url: string;
	/** Reviewer's API client: what the team sees on the server. */
	reviewer: ReturnType<typeof client>;
	admin: ReturnType<typeof client>;
}

/**
 * A server with an admin, the inspector ivy@acme.test and a reviewer. With a proxy, the server's
 * public URL (ORIGIN) is the proxy's, as behind any reverse proxy, and the browser goes through it.
 */
export async function team(engine: Engine = 'sqlite', proxy?: FaultProxy): Promise<Team> {
	const server = await startApiServer(engine, proxy ? { ORIGIN: proxy.url } : {});
	if (proxy) proxy.target = server.url;
	// Forms are checked against ORIGIN, so they are posted where the browser would post them.
	const front: ApiServer = proxy ? { ...server, url: proxy.url } : server;
	const admin = await setUp(front);
	await addUser(front, admin, 'ivy@acme.test', 'inspector');
	const reviewer = client(server, await addUser(front, admin, 'rex@acme.test', 'reviewer'));
	return { server, url: front.url, reviewer, admin: client(server, admin.split('=')[1]) };
}

/** First visit online, then Settings: Sign in and Enrol this device. */
export const enrolDevice = (page: Page, { url }: Pick<Team, 'url'>) => enrolAt(page, url);

/** Signs each report with the network cut; the header then counts them unsynced. */
export async function signAllOffline(page: Page, context: BrowserContext, reports: ReportToSign[]) {
	await context.setOffline(true);
	const signed = [];
	for (const report of reports) signed.push(await signReport(page, report));
	await expect(page.getByText(`${reports.length} unsynced`)).toBeVisible();
	return signed;
}

/** What the server holds, as a reviewer sees it. */
export async function reportsOnServer({ reviewer }: Pick<Team, 'reviewer'>) {
	const list = await (await reviewer('/api/v1/reports?limit=200')).json();
	return list.reports as Array<{ reportId: string; reportHash: string; model: string }>;
}

/** The device's outbox, read straight from IndexedDB in a tab or the service worker. */
export function outboxOf(
	where: Pick<Page | Worker, 'url'> & {
		evaluate<R>(fn: () => Promise<R>): Promise<R>;
	}
): Promise<OutboxEntry[]> {
	return where.evaluate(
		() =>
			new Promise<OutboxEntry[]>((resolve, reject) => {
				const open = indexedDB.open('shelfcheck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const all = db.transaction('outbox').objectStore('outbox').getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						db.close();
						resolve(all.result as OutboxEntry[]);
					};
				};
			})
	);
}

/** The device's signed reports (the JWS as signed) and the SHA-256 of each stored photo's bytes. */
export function deviceHoldings(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ reports: { id: string; jws: string }[]; photoHashes: string[] }>(
				(resolve, reject) => {
					const open = indexedDB.open('shelfcheck');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const tx = open.result.transaction(['reports', 'photos']);
						const reports = tx.objectStore('reports').getAll();
						const photos = tx.objectStore('photos').getAll();
						tx.onerror = () => reject(tx.error);
						tx.oncomplete = async () => {
							open.result.close();
							const hex = (buffer: ArrayBuffer) =>
								[...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
							const hashes = await Promise.all(
								(photos.result as { data: Blob | ArrayBuffer }[]).map(async ({ data }) =>
									hex(
										await crypto.subtle.digest(
											'SHA-256',
											data instanceof Blob ? await data.arrayBuffer() : data
										)
									)
								)
							);
							resolve({ reports: reports.result, photoHashes: [...new Set(hashes)] });
						};
					};
				}
			)
	);
}

/** One write to the outbox, as a tab made it. */
export interface OutboxWrite {
	at: number;
	entry: OutboxEntry;
}

/**
 * Records every write any tab of the context makes to the outbox, as it makes it (IndexedDB's
 * put and add on the outbox store, which Dexie calls for every change): the history of each
 * entry, not samples of it. The service worker's own writes are not seen here.
 */
export async function recordOutboxWrites(context: BrowserContext): Promise<OutboxWrite[]> {
	const writes: OutboxWrite[] = [];
	await context.exposeBinding('__outboxWrite', (_source, at: number, json: string) => {
		writes.push({ at, entry: JSON.parse(json) as OutboxEntry });
	});
	await context.addInitScript(() => {
		const record = (at: number, json: string) =>
			(window as unknown as { __outboxWrite?(at: number, json: string): void }).__outboxWrite?.(
				at,
				json
			);
		for (const method of ['put', 'add'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown]) {
				if (this.name === 'outbox') void record(Date.now(), JSON.stringify(args[0]));
				return original.apply(this, args);
			} as typeof original;
		}
	});
	return writes;
}

/**
 * The first recorded write after `after` that `matches`, once its report from the page has
 * arrived (the page tells the test asynchronously, so it may come just after what the screen shows).
 */
export async function writeWhere(
	writes: OutboxWrite[],
	matches: (entry: OutboxEntry) => boolean,
	after = 0
): Promise<OutboxWrite> {
	const find = () => writes.find((w) => w.at > after && matches(w.entry));
	await expect.poll(() => find() !== undefined, { message: 'no such outbox write' }).toBe(true);
	return find()!;
}

export const sha256Hex = (bytes: Buffer | Uint8Array) =>
	createHash('sha256').update(bytes).digest('hex');

/**
 * Background Sync refused to every tab of the context, as when a person has turned the
 * permission off: the tabs' own runs are then the only ones, so a test that watches the page's
 * writes sees every attempt (the service worker's runs are invisible to `recordOutboxWrites`).
 * The app falls back to its own triggers (online, visible, its retry timer).
 */
export async function withoutBackgroundSync(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const manager = (globalThis as { SyncManager?: { prototype: { register: unknown } } })
			.SyncManager;
		if (manager)
			manager.prototype.register = () =>
				Promise.reject(new DOMException('Background Sync is off', 'NotAllowedError'));
	});
}
