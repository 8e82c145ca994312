/**
 * The sync engine's server over HTTP: the protocol's three calls with `fetch`, each answer
 * turned into a value or a SyncProblem the engine can act on. Same origin, so the session is
 * the HttpOnly cookie the server set at sign-in (in a tab and in the service worker alike).
 */
import type { Reply, SyncProblem, SyncServer } from '$lib/sync/engine';
import {
	API,
	type ApiError,
	type MissingEvidenceResponse,
	type ReportReceipt
} from '$lib/contract/protocol';

/** A call to the team server this app came from: never cached, with the session cookie. */
export function fetchServer(path: string, init: RequestInit = {}, fetchImpl: typeof fetch = fetch) {
	return fetchImpl(path, { ...init, cache: 'no-store', credentials: 'same-origin' });
}

/** A request that has not answered in this long is treated as a lost connection. */
const TIMEOUT_MS = 60_000;

export function httpSyncServer(base = '', fetchImpl: typeof fetch = fetch): SyncServer {
	async function call<T>(path: string, init: RequestInit): Promise<Reply<T>> {
		let response: Response;
		try {
			response = await fetchServer(
				base + path,
				{ ...init, signal: AbortSignal.timeout(TIMEOUT_MS) },
				fetchImpl
			);
		} catch {
			return {
				ok: false,
				problem: { kind: 'transient', message: 'No connection to the server.' }
			};
		}
		if (response.ok) return { ok: true, value: (await response.json()) as T };
		return { ok: false, problem: await problemOf(response) };
	}

	return {
		async missingEvidence(hashes) {
			const reply = await call<MissingEvidenceResponse>(API.missingEvidence, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hashes })
			});
			return reply.ok ? { ok: true, value: reply.value.missing } : reply;
		},
		putEvidence: (sha256, bytes) =>
			call(API.evidence(sha256), {
				method: 'PUT',
				headers: { 'content-type': 'image/jpeg' },
				body: bytes
			}),
		putReport: (reportId, jws) =>
			call<ReportReceipt>(API.report(reportId), {
				method: 'PUT',
				headers: { 'content-type': 'application/jose' },
				body: jws
			})
	};
}

/** Reads the server's `{"error":{code,message}}`, or says what the status means without one. */
export async function problemOf(response: Response): Promise<SyncProblem> {
	let error: ApiError['error'] | undefined;
	try {
		error = ((await response.json()) as ApiError).error;
	} catch {
		error = undefined;
	}
	const code = typeof error?.code === 'string' ? error.code : `http-${response.status}`;
	const message =
		typeof error?.message === 'string' ? error.message : `The server answered ${response.status}.`;
	if (response.status >= 500 || response.status === 429 || response.status === 408)
		return { kind: 'transient', message: `The server could not take it now (${message})` };
	if (response.status === 401 && code === 'unknown-key')
		return { kind: 'not-enrolled', message: 'Enrol this device in Settings to sync.' };
	if (code === 'not-your-device')
		return {
			kind: 'not-enrolled',
			message: 'This device is enrolled to another account: sign in with that account to sync.'
		};
	if (response.status === 401) return { kind: 'signed-out', message: 'Sign in to sync.' };
	const missing = Array.isArray(error?.missing) ? (error.missing as string[]) : undefined;
	return { kind: 'refused', status: response.status, code, message, missing };
}
