/// <reference lib="webworker" />
/**
 * The service worker's second offline step: after the app shell is stored ("Ready to work
 * offline"), fetch the engines (src/lib/pwa/engines.js) into their own cache, one file at a time,
 * counting bytes for the page. A file is stored whole or not at all, so a lost connection costs
 * at most the file in flight: the next run (the page asks at every start and when it comes back
 * online) fetches only what is missing.
 */
import { ENGINE_CACHE, ENGINES, type EngineId } from './engines.js';
import type { EngineStatus } from './engine-status';

/** Progress is sent at most this often; a loopback download would otherwise flood the page. */
const NOTIFY_MS = 150;

export class EngineDownloads {
	readonly #files: Record<EngineId, string[]>;
	readonly #sizes: Promise<Record<string, number>>;
	readonly #notify: (statuses: EngineStatus[]) => void;
	readonly #statuses: EngineStatus[];
	#running: Promise<void> | undefined;
	#lastNotified = 0;

	constructor(
		files: Record<EngineId, string[]>,
		sizes: Promise<Record<string, number>>,
		notify: (statuses: EngineStatus[]) => void
	) {
		this.#files = files;
		this.#sizes = sizes;
		this.#notify = notify;
		this.#statuses = ENGINES.map(({ id, name }) => ({
			id,
			name,
			state: 'waiting',
			storedBytes: 0,
			totalBytes: 0
		}));
	}

	/** Whether a request is for an engine file (answered by `respond`). */
	handles(pathname: string): boolean {
		return Object.values(this.#files).some((files) => files.includes(pathname));
	}

	/** From the engine cache when stored; from the network while it is not. */
	async respond(request: Request): Promise<Response> {
		const cache = await caches.open(ENGINE_CACHE);
		return (await cache.match(request, { ignoreSearch: true })) ?? fetch(request);
	}

	/** Fetches what is missing; one run at a time (a second call joins the first). */
	run(): Promise<void> {
		this.#running ??= this.#download().finally(() => (this.#running = undefined));
		this.#send(true);
		return this.#running;
	}

	async #download(): Promise<void> {
		const [cache, sizes] = await Promise.all([caches.open(ENGINE_CACHE), this.#sizes]);
		for (const status of this.#statuses) {
			const files = this.#files[status.id];
			status.totalBytes = files.reduce((sum, url) => sum + (sizes[url] ?? 0), 0);
			status.storedBytes = 0;
			const missing: string[] = [];
			for (const url of files) {
				if (await cache.match(url)) status.storedBytes += sizes[url] ?? 0;
				else missing.push(url);
			}
			status.state = missing.length === 0 ? 'ready' : 'waiting';
		}
		this.#send(true);
		for (const status of this.#statuses) {
			if (status.state === 'ready') continue;
			try {
				for (const url of this.#files[status.id]) {
					if (await cache.match(url)) continue;
					status.state = 'downloading';
					await this.#store(cache, url, status);
				}
				status.state = 'ready';
			} catch {
				// Offline or the server is gone: this and the engines after it wait for the next run.
				for (const rest of this.#statuses) if (rest.state !== 'ready') rest.state = 'paused';
				this.#send(true);
				return;
			}
			this.#send(true);
		}
		await this.#forgetOthers(cache);
	}

	async #store(cache: Cache, url: string, status: EngineStatus): Promise<void> {
		const response = await fetch(url);
		if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
		const before = status.storedBytes;
		const chunks: Uint8Array<ArrayBuffer>[] = [];
		const reader = response.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			status.storedBytes += value.byteLength;
			this.#send(false);
		}
		const body = new Blob(chunks);
		// The bytes counted are the file's, whatever encoding carried them: keep the listed total.
		status.storedBytes = before + body.size;
		const type = response.headers.get('content-type');
		await cache.put(url, new Response(body, { headers: type ? { 'content-type': type } : {} }));
	}

	/** Files of engines this version no longer uses (an older OCR directory, a new font hash). */
	async #forgetOthers(cache: Cache): Promise<void> {
		const current = new Set(Object.values(this.#files).flat());
		for (const request of await cache.keys()) {
			if (!current.has(new URL(request.url).pathname)) await cache.delete(request);
		}
	}

	#send(always: boolean): void {
		const now = Date.now();
		if (!always && now - this.#lastNotified < NOTIFY_MS) return;
		this.#lastNotified = now;
		this.#notify(this.#statuses.map((status) => ({ ...status })));
	}
}
