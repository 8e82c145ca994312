import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SHA256_HEX } from '$lib/contract/protocol';
import type { EvidenceStore, EvidenceWriter, StoredPhoto, SweepReport } from './store';

/**
 * Photos as files: `<dir>/<first 2 hex>/<sha256>`, written atomically (a temporary file under
 * `<dir>/tmp`, fsync, rename, fsync of the directory), so a crash leaves either the whole photo
 * or only a temporary file, which the start-up sweep removes.
 */
export class DiskEvidenceStore implements EvidenceStore {
	readonly kind = 'disk';
	readonly location: string;
	private readonly tmpDir: string;

	constructor(private readonly dir: string) {
		this.location = dir;
		this.tmpDir = join(dir, 'tmp');
	}

	path(sha256: string): string {
		return join(this.dir, sha256.slice(0, 2), sha256);
	}

	async holds(sha256: string): Promise<boolean> {
		// Hashed again rather than trusted for being there: a damaged file is replaced by the next
		// upload of the photo instead of being counted as held.
		const hash = createHash('sha256');
		try {
			await pipeline(createReadStream(this.path(sha256)), hash);
		} catch {
			return false;
		}
		return hash.digest('hex') === sha256;
	}

	async writer(sha256: string): Promise<EvidenceWriter> {
		await mkdir(this.tmpDir, { recursive: true });
		const tmp = join(this.tmpDir, `${sha256}.${randomBytes(8).toString('hex')}`);
		const file = await open(tmp, 'wx', 0o600);
		let closed = false;
		const close = async () => {
			if (closed) return;
			closed = true;
			await file.close();
		};
		return {
			write: async (chunk) => {
				await file.write(chunk);
			},
			commit: async () => {
				try {
					await file.sync();
					await close();
					const dir = join(this.dir, sha256.slice(0, 2));
					await mkdir(dir, { recursive: true });
					await rename(tmp, this.path(sha256));
					const handle = await open(dir, 'r');
					await handle.sync().finally(() => handle.close());
				} catch (error) {
					await rm(tmp, { force: true });
					throw error;
				}
			},
			abort: async () => {
				await close().catch(() => {});
				await rm(tmp, { force: true }).catch(() => {});
			}
		};
	}

	async open(sha256: string): Promise<StoredPhoto | null> {
		const path = this.path(sha256);
		const info = await stat(path).catch(() => null);
		if (!info?.isFile()) return null;
		return {
			bytes: info.size,
			stream: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
		};
	}

	async *list(): AsyncIterable<string> {
		const shards = await readdir(this.dir).catch(() => [] as string[]);
		for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name)).sort()) {
			for (const name of (await readdir(join(this.dir, shard))).sort())
				if (SHA256_HEX.test(name) && name.startsWith(shard)) yield name;
		}
	}

	async sweep(before: Date): Promise<SweepReport> {
		let temporaryFiles = 0;
		const names = await readdir(this.tmpDir).catch(() => [] as string[]);
		for (const name of names) {
			const path = join(this.tmpDir, name);
			const info = await stat(path).catch(() => null);
			// Only files last written before this process started: an upload another process on
			// the same DATA_DIR is receiving right now keeps writing to its file.
			if (!info || info.mtime >= before) continue;
			await rm(path, { force: true });
			temporaryFiles++;
		}
		return { temporaryFiles, multipartUploads: 0 };
	}

	async close(): Promise<void> {}
}
