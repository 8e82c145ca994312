import {
	createServer,
	request as forward,
	type IncomingMessage,
	type Server,
	type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy between the browser and the team server that breaks the sync's requests the
 * ways networks and servers do: an upload cut mid-body, an answer cut after its headers (the
 * server has already stored what it answers for), a stalled request, the server killed at a
 * chosen moment (while down, the proxy answers 502 as nginx would). Everything else passes.
 *
 * The app is loaded through it (ORIGIN is the proxy's URL), so the tabs and the service worker
 * send their sync to it. It answers every request with `Connection: close`: on a reused
 * connection Chromium silently resends a request whose connection dropped before any answer,
 * which would hide a cut upload from the app.
 */

export type SyncRequestKind = 'missing' | 'evidence' | 'report';

/** A sync request as the proxy saw it. */
export interface ProxiedRequest {
	/** From 1, in arrival order, over all sync requests. */
	seq: number;
	kind: SyncRequestKind;
	/** From 1, among the requests of its kind. */
	ordinal: number;
	/** The photo's hash (evidence), the report's id (report); for missing, the hashes asked. */
	target: string;
	hashes?: string[];
	fault: Fault['kind'] | null;
	startedAt: number;
	/** When the browser's side of it ended (answer sent, cut, or the browser went away). */
	endedAt?: number;
	/** The server's status, when it answered. */
	status?: number;
	/** True when the browser received the whole answer. */
	delivered: boolean;
	/** The request's body bytes the server received (all of them unless cut). */
	forwardedBytes: number;
	bodyBytes: number;
}

export type Fault =
	/** Holds the request this long before forwarding it. */
	| { kind: 'stall'; ms: number }
	/** Forwards this fraction of the body, then drops both connections. */
	| { kind: 'cut-upload'; fraction: number }
	/** Forwards this fraction of the body, kills the server, then drops the browser's side. */
	| { kind: 'kill-mid-upload'; fraction: number }
	/** Forwards this fraction of the body and waits there until the browser goes away. */
	| { kind: 'hold-upload'; fraction: number }
	/** Lets the server answer, then sends the headers and this many bytes of the body, and drops. */
	| { kind: 'cut-answer'; bytes: number }
	/** Lets the server answer, kills it, and drops the browser's side before any byte. */
	| { kind: 'kill-before-answer' }
	/** Kills the server before forwarding: the request meets a server that is down (502). */
	| { kind: 'kill-at-request' };

export interface FaultProxy {
	url: string;
	port: number;
	/** Where requests go (the team server's URL); set once the server runs. */
	target: string;
	/** Decides each sync request's fault; undefined lets it pass. */
	decide: (request: ProxiedRequest) => Fault | undefined;
	/** Called for a kill fault; resolves once the server is dead (a restart is up to it). */
	kill: () => Promise<void>;
	/** Called as a fault takes effect (a hold begins, a kill is done). */
	onFault: (request: ProxiedRequest) => void;
	readonly requests: ProxiedRequest[];
	/** The most sync requests the browser had open at once (one run sends one at a time). */
	readonly maxConcurrent: number;
	close(): Promise<void>;
}

const KIND: Array<[string, RegExp, SyncRequestKind]> = [
	['POST', /^\/api\/v1\/evidence\/missing$/, 'missing'],
	['PUT', /^\/api\/v1\/evidence\/([0-9a-f]{64})$/, 'evidence'],
	['PUT', /^\/api\/v1\/reports\/([0-9a-f-]{36})$/, 'report']
];

export async function startFaultProxy(): Promise<FaultProxy> {
	const requests: ProxiedRequest[] = [];
	const ordinals: Record<SyncRequestKind, number> = { missing: 0, evidence: 0, report: 0 };
	let open = 0;
	let maxConcurrent = 0;

	const proxy: FaultProxy = {
		url: '',
		port: 0,
		target: '',
		decide: () => undefined,
		kill: async () => {},
		onFault: () => {},
		requests,
		get maxConcurrent() {
			return maxConcurrent;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const path = (req.url ?? '/').split('?')[0]!;
		const match = KIND.find(([method, pattern]) => req.method === method && pattern.test(path));
		if (!match) return pass(req, res);
		const kind = match[2];
		const body = await readAll(req).catch(() => null);
		if (!body) return; // the browser went away while sending
		let hashes: string[] | undefined;
		if (kind === 'missing') hashes = JSON.parse(body.toString()).hashes;
		const seen: ProxiedRequest = {
			seq: requests.length + 1,
			kind,
			ordinal: ++ordinals[kind],
			target: kind === 'missing' ? hashes!.join(',') : match[1].exec(path)![1]!,
			hashes,
			fault: null,
			startedAt: Date.now(),
			delivered: false,
			forwardedBytes: 0,
			bodyBytes: body.length
		};
		requests.push(seen);
		open++;
		maxConcurrent = Math.max(maxConcurrent, open);
		let ended = false;
		const end = () => {
			if (ended) return;
			ended = true;
			open--;
			seen.endedAt = Date.now();
		};
		res.on('close', end);
		const fault = proxy.decide(seen);
		seen.fault = fault?.kind ?? null;
		await faulty(req, res, body, seen, fault).catch(() => res.destroy());
	}

	async function faulty(
		req: IncomingMessage,
		res: ServerResponse,
		body: Buffer,
		seen: ProxiedRequest,
		fault: Fault | undefined
	): Promise<void> {
		if (fault?.kind === 'stall') await new Promise((resolve) => setTimeout(resolve, fault.ms));
		if (fault?.kind === 'kill-at-request') {
			await proxy.kill();
			proxy.onFault(seen);
		}
		if (res.destroyed) return; // the browser gave up meanwhile
		const partial =
			fault?.kind === 'cut-upload' ||
			fault?.kind === 'kill-mid-upload' ||
			fault?.kind === 'hold-upload';
		const upstream = forward(new URL(req.url ?? '/', proxy.target), {
			method: req.method,
			headers: { ...req.headers, host: new URL(proxy.target).host, connection: 'close' }
		});
		upstream.on('error', () => {
			// The server is down or died mid-request: a gateway's answer, or the browser's side cut.
			if (!res.headersSent && !partial) badGateway(res);
			else res.destroy();
		});
		res.on('close', () => {
			if (!res.writableFinished) upstream.destroy();
		});
		if (!partial) {
			seen.forwardedBytes = body.length;
			upstream.end(body);
		} else {
			const part = Math.max(1, Math.min(body.length - 1, Math.floor(body.length * fault.fraction)));
			seen.forwardedBytes = part;
			// The header promised the whole body; the server sees it stop here.
			upstream.write(body.subarray(0, part));
			await new Promise((resolve) => setTimeout(resolve, 50)); // let it reach the server
			if (fault.kind === 'hold-upload') {
				proxy.onFault(seen);
				return; // until the browser goes away (res 'close' destroys the upstream)
			}
			if (fault.kind === 'kill-mid-upload') {
				await proxy.kill();
				proxy.onFault(seen);
			}
			upstream.destroy();
			res.destroy();
			return;
		}
		const answer = await new Promise<IncomingMessage | null>((resolve) => {
			upstream.once('response', resolve);
			upstream.once('error', () => resolve(null));
		});
		if (!answer) return;
		seen.status = answer.statusCode;
		const answerBody = await readAll(answer).catch(() => null);
		if (!answerBody) return void res.destroy();
		if (fault?.kind === 'kill-before-answer') {
			await proxy.kill();
			proxy.onFault(seen);
			return void res.destroy();
		}
		const headers = { ...answer.headers, connection: 'close' };
		if (fault?.kind === 'cut-answer') {
			res.writeHead(answer.statusCode ?? 502, headers);
			res.write(answerBody.subarray(0, Math.min(fault.bytes, answerBody.length - 1)));
			// Flush what was written, then drop the connection before the rest of the body.
			await new Promise((resolve) => setTimeout(resolve, 50));
			proxy.onFault(seen);
			return void res.destroy();
		}
		res.writeHead(answer.statusCode ?? 502, headers);
		res.end(answerBody);
		await new Promise((resolve) => res.once('finish', resolve));
		seen.delivered = true;
	}

	/** Everything that is not a sync request, streamed through untouched. */
	function pass(req: IncomingMessage, res: ServerResponse) {
		const upstream = forward(
			new URL(req.url ?? '/', proxy.target),
			{
				method: req.method,
				headers: { ...req.headers, host: new URL(proxy.target).host, connection: 'close' }
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, { ...answer.headers, connection: 'close' });
				answer.pipe(res);
				answer.on('error', () => res.destroy());
			}
		);
		upstream.on('error', () => (res.headersSent ? res.destroy() : badGateway(res)));
		res.on('close', () => {
			if (!res.writableFinished) upstream.destroy();
		});
		req.pipe(upstream);
	}

	const server: Server = createServer((req, res) => void handle(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.port = (server.address() as AddressInfo).port;
	proxy.url = `http://127.0.0.1:${proxy.port}`;
	return proxy;
}

function badGateway(res: ServerResponse) {
	res.writeHead(502, { 'content-type': 'text/html', connection: 'close' });
	res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
		stream.on('aborted', () => reject(new Error('aborted')));
	});
}
