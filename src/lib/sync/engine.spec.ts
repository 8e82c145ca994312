import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	requeueAbandoned,
	runSync,
	type Reply,
	type SyncProblem,
	type SyncServer,
	type SyncStore
} from './engine';
import {
	newOutboxEntry,
	nextRetryAt,
	retryDelay,
	describeOutboxEntry,
	type OutboxEntry
} from './outbox';
import type { ReportReceipt } from '$lib/contract/protocol';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const T0 = new Date('2026-11-22T10:00:00.000Z');

/** A photo, a report that names it, and the device's outbox. */
function device(reports: { photos: number }[]) {
	const photos = new Map<string, Uint8Array>();
	const jws = new Map<string, string>();
	const entries = new Map<string, OutboxEntry>();
	const updates: Partial<OutboxEntry>[] = [];
	reports.forEach(({ photos: count }, r) => {
		const hashes: string[] = [];
		for (let p = 0; p < count; p++) {
			const bytes = new TextEncoder().encode(`report ${r} photo ${p}`);
			const hash = sha(bytes);
			photos.set(hash, bytes);
			hashes.push(hash);
		}
		const id = `00000000-0000-4000-8000-00000000000${r}`;
		const token = `header.${Buffer.from(JSON.stringify({ id, hashes })).toString('base64url')}.sig${r}`;
		jws.set(id, token);
		entries.set(
			id,
			newOutboxEntry(
				{ id, inspectionId: `i${r}`, hash: sha(new TextEncoder().encode(token)) },
				hashes,
				new Date(T0.getTime() + r).toISOString()
			)
		);
	});
	const store: SyncStore = {
		async pending() {
			return [...entries.values()]
				.filter((e) => e.state === 'queued' || e.state === 'uploading')
				.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
				.map((e) => ({ ...e }));
		},
		async update(id, patch) {
			updates.push(patch);
			entries.set(id, { ...entries.get(id)!, ...patch });
		},
		async reportJws(id) {
			return jws.get(id);
		},
		async photoBytes(hash) {
			const bytes = photos.get(hash);
			return (
				bytes &&
				(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
			);
		}
	};
	return { store, entries, photos, updates, ids: [...entries.keys()] };
}

const CUT: SyncProblem = {
	kind: 'transient',
	message: 'The server’s answer was cut off; it will be sent again.'
};

/**
 * A server that keeps the protocol's promises: hashes what it receives, refuses a report whose
 * photos it lacks (409), answers the same report again with the same receipt, a different one
 * under the same id with 409. `failAfter` cuts the connection after that many calls, before the
 * server sees the request; `cutAnswers` names calls (by number, from 1) whose answer is cut off
 * after "the headers": the server has done the work, the device never reads the answer.
 */
class FakeServer implements SyncServer {
	evidence = new Map<string, number>();
	reports = new Map<string, { jws: string; receipt: ReportReceipt }>();
	calls: string[] = [];
	failAfter = Infinity;
	cutAnswers = new Set<number>();
	problem: SyncProblem = { kind: 'transient', message: 'No connection to the server.' };
	refuseReport: SyncProblem | null = null;
	/** Forgets a photo right after the first missing-evidence answer (a lost upload). */
	loseAfterQuery: string | null = null;

	#gate<T>(name: string, run: () => Reply<T>): Promise<Reply<T>> {
		this.calls.push(name);
		if (this.calls.length > this.failAfter)
			return Promise.resolve({ ok: false, problem: this.problem });
		const reply = run();
		if (this.cutAnswers.has(this.calls.length)) return Promise.resolve({ ok: false, problem: CUT });
		return Promise.resolve(reply);
	}

	missingEvidence(hashes: string[]) {
		return this.#gate('missing', () => {
			const missing = hashes.filter((h) => !this.evidence.has(h));
			if (this.loseAfterQuery) {
				this.evidence.delete(this.loseAfterQuery);
				this.loseAfterQuery = null;
			}
			return { ok: true, value: missing };
		});
	}

	putEvidence(hash: string, bytes: Blob | ArrayBuffer) {
		return this.#gate(`photo ${hash.slice(0, 6)}`, () => {
			const data = new Uint8Array(bytes as ArrayBuffer);
			if (sha(data) !== hash)
				return {
					ok: false,
					problem: { kind: 'refused', status: 422, code: 'hash-mismatch', message: 'mismatch' }
				};
			this.evidence.set(hash, (this.evidence.get(hash) ?? 0) + 1);
			return { ok: true, value: { sha256: hash, bytes: data.byteLength } };
		});
	}

	putReport(id: string, jws: string) {
		return this.#gate(`report ${id.slice(-1)}`, (): Reply<ReportReceipt> => {
			if (this.refuseReport) return { ok: false, problem: this.refuseReport };
			const held = this.reports.get(id);
			if (held)
				return held.jws === jws
					? { ok: true, value: held.receipt }
					: {
							ok: false,
							problem: { kind: 'refused', status: 409, code: 'conflict', message: 'conflict' }
						};
			const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString()) as {
				hashes: string[];
			};
			const missing = payload.hashes.filter((h) => !this.evidence.has(h));
			if (missing.length)
				return {
					ok: false,
					problem: {
						kind: 'refused',
						status: 409,
						code: 'missing-evidence',
						message: 'missing',
						missing
					}
				};
			const receipt = {
				reportId: id,
				reportHash: sha(new TextEncoder().encode(jws)),
				receivedAt: T0.toISOString()
			};
			this.reports.set(id, { jws, receipt });
			return { ok: true, value: receipt };
		});
	}
}

const at = (ms: number) => () => new Date(T0.getTime() + ms);
/** Longer than any wait the first few failures ask for. */
const RETRY_WAIT_MAX = 10 * 60_000;

describe('runSync', () => {
	it('sends the photos, then the report, and calls it synced only with the receipt', async () => {
		const { store, entries, ids } = device([{ photos: 2 }, { photos: 1 }]);
		const server = new FakeServer();
		const result = await runSync(store, server, { now: at(0) });
		expect(result).toMatchObject({ synced: 2, rejected: 0, waiting: 0, stopped: null });
		expect(server.reports.size).toBe(2);
		expect([...server.evidence.values()]).toEqual([1, 1, 1]);
		for (const id of ids) {
			const entry = entries.get(id)!;
			expect(entry.state).toBe('synced');
			expect(entry.receipt?.reportHash).toBe(entry.reportHash);
		}
		expect(server.calls.slice(0, 4)).toEqual([
			'missing',
			expect.stringMatching(/^photo /),
			expect.stringMatching(/^photo /),
			'report 0'
		]);
	});

	it('uploads only the photos the server lacks', async () => {
		const { store, photos } = device([{ photos: 3 }]);
		const server = new FakeServer();
		const [held] = [...photos.keys()];
		server.evidence.set(held!, 1);
		await runSync(store, server, { now: at(0) });
		expect(server.calls.filter((c) => c.startsWith('photo'))).toHaveLength(2);
		expect(server.evidence.get(held!)).toBe(1);
	});

	it('counts uploads so the screen can say "uploading n of m photos"', async () => {
		const { store, updates } = device([{ photos: 3 }]);
		await runSync(store, new FakeServer(), { now: at(0) });
		expect(updates.filter((u) => 'photosUploaded' in u).map((u) => u.photosUploaded)).toEqual([
			0, 1, 2, 3
		]);
		expect(updates.find((u) => u.state === 'uploading')?.photosToUpload).toBe(3);
	});

	it('after a cut connection, waits a growing jittered delay, then finishes without re-sending what arrived', async () => {
		const { store, entries, ids } = device([{ photos: 3 }, { photos: 1 }]);
		const server = new FakeServer();
		server.failAfter = 3; // missing, photo, photo; the third photo fails
		const first = await runSync(store, server, { now: at(0), random: () => 0.5 });
		expect(first).toMatchObject({ synced: 0, stopped: 'offline', waiting: 2 });
		const entry = entries.get(ids[0]!)!;
		expect(entry.state).toBe('queued');
		expect(entry.attempts).toBe(1);
		expect(entry.lastError).toMatch(/No connection/);
		const wait = new Date(entry.nextAttemptAt!).getTime() - T0.getTime();
		expect(wait).toBe(retryDelay(1, () => 0.5));
		expect(entries.get(ids[1]!)!.attempts).toBe(0);

		server.failAfter = Infinity;
		const early = await runSync(store, server, { now: at(wait - 1) });
		expect(early).toMatchObject({ synced: 1, waiting: 1 });
		expect(entries.get(ids[0]!)!.state).toBe('queued');

		const later = await runSync(store, server, { now: at(wait) });
		expect(later).toMatchObject({ synced: 1, waiting: 0, stopped: null });
		expect(entries.get(ids[0]!)!).toMatchObject({ state: 'synced', attempts: 0, lastError: null });
		// Every photo stored exactly once, every report once.
		expect([...server.evidence.values()]).toEqual([1, 1, 1, 1]);
		expect(server.reports.size).toBe(2);
	});

	it('"Sync now" does not wait for the retry time', async () => {
		const { store, entries, ids } = device([{ photos: 1 }]);
		const server = new FakeServer();
		server.failAfter = 0;
		await runSync(store, server, { now: at(0) });
		server.failAfter = Infinity;
		expect(await runSync(store, server, { now: at(1), force: true })).toMatchObject({ synced: 1 });
		expect(entries.get(ids[0]!)!.state).toBe('synced');
	});

	it('marks a refused report rejected with the server’s reason and goes on with the next', async () => {
		const { store, entries, ids } = device([{ photos: 1 }, { photos: 1 }]);
		const server = new FakeServer();
		server.refuseReport = {
			kind: 'refused',
			status: 403,
			code: 'device-revoked',
			message: 'The device that signed this report has been revoked.'
		};
		const result = await runSync(store, server, { now: at(0) });
		expect(result).toMatchObject({ synced: 0, rejected: 2, stopped: null });
		const entry = entries.get(ids[0]!)!;
		expect(entry.state).toBe('rejected');
		expect(entry.rejection).toEqual({
			status: 403,
			code: 'device-revoked',
			message: 'The device that signed this report has been revoked.'
		});
		expect(describeOutboxEntry(entry)).toBe(
			'Rejected by the server: The device that signed this report has been revoked.'
		);
		// Rejected reports are not retried by themselves.
		server.refuseReport = null;
		expect(await runSync(store, server, { now: at(1), force: true })).toMatchObject({
			synced: 0,
			rejected: 0
		});
	});

	it('stops without counting an attempt when the session has gone', async () => {
		const { store, entries, ids } = device([{ photos: 1 }, { photos: 1 }]);
		const server = new FakeServer();
		server.failAfter = 0;
		server.problem = { kind: 'signed-out', message: 'Sign in to sync.' };
		const result = await runSync(store, server, { now: at(0) });
		expect(result).toMatchObject({
			stopped: 'signed-out',
			waiting: 2,
			message: 'Sign in to sync.'
		});
		expect(server.calls).toHaveLength(1);
		expect(entries.get(ids[0]!)!).toMatchObject({ state: 'queued', attempts: 0 });
		expect(entries.get(ids[0]!)!.nextAttemptAt).toBeNull();
	});

	it('sends a photo again when the server lost it between the check and the report', async () => {
		const { store, entries, ids, photos } = device([{ photos: 2 }]);
		const server = new FakeServer();
		const [first] = [...photos.keys()];
		server.evidence.set(first!, 1);
		server.loseAfterQuery = first!;
		const result = await runSync(store, server, { now: at(0) });
		expect(result.synced).toBe(1);
		expect(entries.get(ids[0]!)!.state).toBe('synced');
		expect(server.calls.filter((c) => c === 'missing')).toHaveLength(2);
	});

	it('an already-stored report (a repeat after a lost receipt) is synced, not a conflict', async () => {
		const { store, entries, ids } = device([{ photos: 1 }]);
		const server = new FakeServer();
		await runSync(store, server, { now: at(0) });
		await store.update(ids[0]!, { state: 'queued', receipt: null });
		expect(await runSync(store, server, { now: at(1) })).toMatchObject({ synced: 1 });
		expect(entries.get(ids[0]!)!.state).toBe('synced');
		expect(server.reports.size).toBe(1);
	});

	it('does not call a report synced when the receipt names another hash', async () => {
		const { store, entries, ids } = device([{ photos: 0 }]);
		const server = new FakeServer();
		const original = server.putReport.bind(server);
		server.putReport = async (id, jws) => {
			const reply = await original(id, jws);
			return reply.ok ? { ok: true, value: { ...reply.value, reportHash: '0'.repeat(64) } } : reply;
		};
		const result = await runSync(store, server, { now: at(0) });
		expect(result.stopped).toBe('offline');
		expect(entries.get(ids[0]!)!.state).toBe('queued');
	});

	it('rejects a report whose photo is no longer on the device, and says what to do', async () => {
		const { store, entries, ids, photos } = device([{ photos: 1 }]);
		photos.clear();
		await runSync(store, new FakeServer(), { now: at(0) });
		expect(entries.get(ids[0]!)!.state).toBe('rejected');
		expect(entries.get(ids[0]!)!.rejection?.message).toMatch(/no longer on this device/);
	});
});

describe('runSync through cut answers and abandoned runs', () => {
	it('a receipt cut off after the server stored the report: retried with backoff, synced by the next receipt, stored once', async () => {
		const { store, entries, ids } = device([{ photos: 1 }]);
		const server = new FakeServer();
		server.cutAnswers.add(3); // missing, photo, report: the report's 201 never arrives whole
		const first = await runSync(store, server, { now: at(0), random: () => 0.25 });
		expect(first).toMatchObject({ synced: 0, stopped: 'offline', waiting: 1 });
		expect(server.reports.size).toBe(1);
		const entry = entries.get(ids[0]!)!;
		expect(entry).toMatchObject({ state: 'queued', attempts: 1, receipt: null });
		expect(entry.lastError).toMatch(/cut off/);
		const wait = new Date(entry.nextAttemptAt!).getTime() - T0.getTime();
		expect(wait).toBe(retryDelay(1, () => 0.25));

		expect(await runSync(store, server, { now: at(wait - 1) })).toMatchObject({ waiting: 1 });
		expect(await runSync(store, server, { now: at(wait) })).toMatchObject({ synced: 1 });
		expect(entries.get(ids[0]!)!).toMatchObject({
			state: 'synced',
			attempts: 0,
			receipt: server.reports.get(ids[0]!)!.receipt
		});
		expect(server.reports.size).toBe(1);
		expect([...server.evidence.values()]).toEqual([1]);
	});

	it('a photo’s answer or the photo check cut off: a failed attempt, and what arrived is not sent again', async () => {
		const { store, entries, ids } = device([{ photos: 2 }]);
		const server = new FakeServer();
		server.cutAnswers.add(2); // the first photo's answer
		await runSync(store, server, { now: at(0) });
		expect(entries.get(ids[0]!)!).toMatchObject({ state: 'queued', attempts: 1 });
		server.cutAnswers = new Set([server.calls.length + 1]); // the next photo check
		await runSync(store, server, { now: at(1), force: true });
		expect(entries.get(ids[0]!)!).toMatchObject({ state: 'queued', attempts: 2 });
		const calls = server.calls.length;
		await runSync(store, server, { now: at(2), force: true });
		expect(entries.get(ids[0]!)!.state).toBe('synced');
		// The check named only the photo still missing; each photo stored once.
		expect(server.calls.slice(calls)).toEqual([
			'missing',
			expect.stringMatching(/^photo /),
			'report 0'
		]);
		expect([...server.evidence.values()]).toEqual([1, 1]);
	});

	it('a server port that throws is a failed request, not the end of the run', async () => {
		const { store, entries, ids } = device([{ photos: 1 }]);
		const server = new FakeServer();
		server.putEvidence = () => Promise.reject(new TypeError('Failed to fetch'));
		const result = await runSync(store, server, { now: at(0) });
		expect(result).toMatchObject({
			stopped: 'offline',
			message: 'The request failed: Failed to fetch'
		});
		expect(entries.get(ids[0]!)!).toMatchObject({ state: 'queued', attempts: 1 });
	});

	it('an entry a vanished run left "uploading" is queued again and sent now, not at its old retry time', async () => {
		const { store, entries, ids } = device([{ photos: 2 }, { photos: 1 }]);
		// After many failures a forced run was uploading the second report's photos when its page
		// reloaded: its retry time is 20 minutes away.
		await store.update(ids[1]!, {
			state: 'uploading',
			photosToUpload: 1,
			photosUploaded: 0,
			attempts: 9,
			nextAttemptAt: new Date(T0.getTime() + 20 * 60_000).toISOString()
		});
		const server = new FakeServer();
		expect(await runSync(store, server, { now: at(0) })).toMatchObject({ synced: 2, waiting: 0 });
		expect(entries.get(ids[1]!)!.state).toBe('synced');
	});

	it('a run that stops early leaves no entry "uploading"', async () => {
		const { store, entries, ids } = device([{ photos: 1 }, { photos: 1 }]);
		await store.update(ids[1]!, { state: 'uploading', photosToUpload: 1 });
		const server = new FakeServer();
		server.failAfter = 0;
		await runSync(store, server, { now: at(0) });
		expect([...entries.values()].map((e) => e.state)).toEqual(['queued', 'queued']);
		expect(entries.get(ids[1]!)!).toMatchObject({ attempts: 0, nextAttemptAt: null });
	});

	it('requeueAbandoned touches only what is "uploading", and says how many', async () => {
		const { store, entries, ids } = device([{ photos: 1 }, { photos: 1 }]);
		await store.update(ids[0]!, { state: 'uploading', photosToUpload: 1, photosUploaded: 0 });
		expect(await requeueAbandoned(store, at(5))).toBe(1);
		expect(entries.get(ids[0]!)!).toMatchObject({
			state: 'queued',
			photosToUpload: 0,
			nextAttemptAt: null,
			updatedAt: at(5)().toISOString()
		});
		expect(await requeueAbandoned(store, at(6))).toBe(0);
	});

	// Every request of two runs' worth of traffic, failed in turn in each of the two ways a
	// request can fail: before the server sees it, or after it did its work (the answer cut off).
	for (const way of ['lost', 'answer cut'] as const)
		it(`any one request failed (${way}): never "uploading" after a run, retried with a bounded wait, each report and photo stored once`, async () => {
			// 3 reports of 1, 2 and 0 photos: 3 + 4 + 1 requests (a report without photos asks nothing).
			const requests = 8;
			for (let failing = 1; failing <= requests; failing++) {
				const { store, entries, ids } = device([{ photos: 1 }, { photos: 2 }, { photos: 0 }]);
				const server = new FakeServer();
				if (way === 'lost') {
					server.failAfter = failing - 1;
				} else server.cutAnswers.add(failing);
				let clock = 0;
				for (
					let run = 0;
					run < 6 && [...entries.values()].some((e) => e.state !== 'synced');
					run++
				) {
					const before = new Map([...entries].map(([id, e]) => [id, { ...e }]));
					await runSync(store, server, { now: at(clock) });
					if (way === 'lost') server.failAfter = Infinity;
					for (const [id, entry] of entries) {
						expect(entry.state).not.toBe('uploading');
						if (entry.attempts > before.get(id)!.attempts) {
							const wait = new Date(entry.nextAttemptAt!).getTime() - T0.getTime() - clock;
							expect(wait).toBeGreaterThanOrEqual(retryDelay(entry.attempts, () => 0));
							expect(wait).toBeLessThanOrEqual(retryDelay(entry.attempts, () => 1));
						}
						if (entry.state === 'synced')
							expect(entry.receipt).toEqual(server.reports.get(id)!.receipt);
					}
					clock += RETRY_WAIT_MAX;
				}
				expect(ids.map((id) => entries.get(id)!.state)).toEqual(['synced', 'synced', 'synced']);
				expect(server.reports.size).toBe(3);
				expect([...server.evidence.values()].every((count) => count === 1)).toBe(true);
				expect(server.evidence.size).toBe(3);
				// The failure did hit a request: it was made again.
				expect(server.calls.length).toBeGreaterThan(requests);
			}
		});
});

describe('nextRetryAt', () => {
	const entry = (over: Partial<OutboxEntry>) => ({
		...newOutboxEntry({ id: 'r', inspectionId: 'i', hash: 'h' }, [], 'now'),
		...over
	});
	it('is the earliest retry time still to come among the pending entries', () => {
		const t = (s: number) => new Date(T0.getTime() + s * 1000).toISOString();
		expect(
			nextRetryAt(
				[
					entry({ nextAttemptAt: t(30) }),
					entry({ nextAttemptAt: t(10) }),
					entry({ nextAttemptAt: t(-5) }),
					entry({ state: 'rejected', nextAttemptAt: t(2) }),
					entry({ nextAttemptAt: null })
				],
				T0.getTime()
			)
		).toBe(T0.getTime() + 10_000);
		expect(nextRetryAt([entry({ nextAttemptAt: t(-5) })], T0.getTime())).toBeNull();
	});
});

describe('retryDelay', () => {
	it('doubles from 5 s up to 30 min, with half of it random', () => {
		expect(retryDelay(1, () => 0)).toBe(2_500);
		expect(retryDelay(1, () => 1)).toBe(5_000);
		expect(retryDelay(2, () => 1)).toBe(10_000);
		expect(retryDelay(4, () => 0)).toBe(20_000);
		expect(retryDelay(30, () => 1)).toBe(30 * 60_000);
		expect(retryDelay(30, () => 0)).toBe(15 * 60_000);
	});
});

describe('describeOutboxEntry', () => {
	const entry = newOutboxEntry({ id: 'r', inspectionId: 'i', hash: 'h' }, ['a', 'a', 'b'], 'now');
	it('keeps each photo once', () => expect(entry.photos).toEqual(['a', 'b']));
	it('says each state in the words of the screens', () => {
		expect(describeOutboxEntry(entry)).toBe('Queued');
		expect(
			describeOutboxEntry({ ...entry, state: 'uploading', photosToUpload: 12, photosUploaded: 2 })
		).toBe('Uploading 3 of 12 photos');
		expect(
			describeOutboxEntry({ ...entry, state: 'uploading', photosToUpload: 2, photosUploaded: 2 })
		).toBe('Uploading the report');
		expect(describeOutboxEntry({ ...entry, state: 'synced' })).toBe('Synced');
		expect(describeOutboxEntry({ ...entry, lastError: 'No connection to the server.' })).toBe(
			'Queued: No connection to the server.'
		);
		expect(describeOutboxEntry(undefined)).toBe('Not queued for sync');
	});
});
