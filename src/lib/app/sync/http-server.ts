/**
 * The sync engine's server over HTTP: the protocol's three calls with `fetch`, each answer
 * turned into a value or a SyncProblem the engine can act on. Same origin, so the session is
 * the HttpOnly cookie the server set at sign-in (in a tab and in the service worker alike).
 *
 * An answer counts only once it has arrived whole: a body cut off after the headers, or one that
 * is not what the protocol promises (a captive portal's page with a 200), is a failed request,
 * retried like a lost connection, even when its status said success.
 */
import type { Reply, SyncProblem, SyncServer } from '$lib/sync/engine';
import {
	API,
	SHA256_HEX,
	type ApiError,
	type EvidenceReceipt,
	type ReportReceipt
} from '$lib/contract/protocol';

/** A request that has not answered in full in this long is treated as a lost connection. */
export const TIMEOUT_MS = 60_000;

/**
 * A call to the team server this app came from: never cached, with the session cookie, and given
 * up after TIMEOUT_MS (headers and body), so a stalled server never holds the sync lock for ever.
 */
export function fetchServer(path: string, init: RequestInit = {}, fetchImpl: typeof fetch = fetch) {
	return fetchImpl(path, {
		signal: AbortSignal.timeout(TIMEOUT_MS),
		...init,
		cache: 'no-store',
		credentials: 'same-origin'
	});
}

/** An answer read to its end: the status and the JSON body (undefined when it is not JSON). */
export interface Answer {
	status: number;
	ok: boolean;
	body: unknown;
}

/** Reads the whole body; rejects when the connection drops before its end. */
export async function readAnswer(response: Response): Promise<Answer> {
	const text = await response.text();
	let body: unknown;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		body = undefined;
	}
	return { status: response.status, ok: response.ok, body };
}

/** Why a request failed before its answer was read whole. */
export type Lost = 'no-connection' | 'cut-off';

/** Sends a request and reads its answer to the end, or says which part was lost. */
export async function exchange(
	path: string,
	init: RequestInit = {},
	fetchImpl: typeof fetch = fetch
): Promise<Answer | Lost> {
	let response: Response;
	try {
		response = await fetchServer(path, init, fetchImpl);
	} catch {
		return 'no-connection';
	}
	try {
		return await readAnswer(response);
	} catch {
		return 'cut-off';
	}
}

const LOST: Record<Lost, string> = {
	'no-connection': 'No connection to the server.',
	'cut-off': 'The server’s answer was cut off; it will be sent again.'
};
const UNREADABLE = 'The server’s answer could not be read; it will be sent again.';

const transient = (message: string): Reply<never> => ({
	ok: false,
	problem: { kind: 'transient', message }
});

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

export function httpSyncServer(base = '', fetchImpl: typeof fetch = fetch): SyncServer {
	/** One request; a success is only a success with a body `read` accepts. */
	async function call<T>(
		path: string,
		init: RequestInit,
		read: (body: unknown) => T | undefined
	): Promise<Reply<T>> {
		const answer = await exchange(base + path, init, fetchImpl);
		if (typeof answer === 'string') return transient(LOST[answer]);
		if (!answer.ok) return { ok: false, problem: problemOf(answer) };
		const value = read(answer.body);
		return value === undefined ? transient(UNREADABLE) : { ok: true, value };
	}

	return {
		missingEvidence: (hashes) =>
			call(
				API.missingEvidence,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ hashes })
				},
				(body) => {
					const missing = isObject(body) ? body.missing : undefined;
					return Array.isArray(missing) && missing.every((hash) => hashes.includes(hash))
						? (missing as string[])
						: undefined;
				}
			),
		putEvidence: (sha256, bytes) =>
			call<EvidenceReceipt>(
				API.evidence(sha256),
				{ method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes },
				(body) =>
					isObject(body) && body.sha256 === sha256 && typeof body.bytes === 'number'
						? (body as unknown as EvidenceReceipt)
						: undefined
			),
		putReport: (reportId, jws) =>
			call<ReportReceipt>(
				API.report(reportId),
				{ method: 'PUT', headers: { 'content-type': 'application/jose' }, body: jws },
				(body) =>
					isObject(body) &&
					typeof body.reportId === 'string' &&
					body.reportId.toLowerCase() === reportId.toLowerCase() &&
					typeof body.reportHash === 'string' &&
					SHA256_HEX.test(body.reportHash) &&
					typeof body.receivedAt === 'string'
						? (body as unknown as ReportReceipt)
						: undefined
			)
	};
}

/**
 * What a refusal means for the engine, from the server's `{"error":{code,message}}` or, without
 * one (a proxy's page), from its status alone.
 */
export function problemOf({ status, body }: Answer): SyncProblem {
	const error =
		isObject(body) && isObject(body.error) ? (body.error as Partial<ApiError['error']>) : undefined;
	const code = typeof error?.code === 'string' ? error.code : `http-${status}`;
	const message =
		typeof error?.message === 'string' ? error.message : `The server answered ${status}.`;
	if (status >= 500 || status === 429 || status === 408)
		return { kind: 'transient', message: `The server could not take it now (${message})` };
	// The server read only part of what was sent (the upload was cut on its way): send it again.
	if (code === 'body-unreadable')
		return { kind: 'transient', message: `The upload was cut off (${message})` };
	if (status === 401 && code === 'unknown-key')
		return { kind: 'not-enrolled', message: 'Enrol this device in Settings to sync.' };
	if (code === 'not-your-device')
		return {
			kind: 'not-enrolled',
			message: 'This device is enrolled to another account: sign in with that account to sync.'
		};
	if (status === 401) return { kind: 'signed-out', message: 'Sign in to sync.' };
	const missing = Array.isArray(error?.missing) ? (error.missing as string[]) : undefined;
	return { kind: 'refused', status, code, message, missing };
}
