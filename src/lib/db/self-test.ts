import type { ShelfcheckDatabase } from './database';

export type SelfTestResult = { ok: true } | { ok: false; reason: string };

/**
 * Proves that this browser will keep what we give it: write a Blob (photos are Blobs), read it
 * back byte for byte. Private modes, disabled storage and Safari's Blob bugs fail here, at start,
 * instead of losing a photo later. Write, read and delete are one transaction (one commit at
 * start-up, not three); the Blob read back stays readable after its row is gone (a Blob is
 * immutable), so its bytes are compared once the transaction has committed.
 */
export async function storageSelfTest(db: ShelfcheckDatabase): Promise<SelfTestResult> {
	const id = `self-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
	const bytes = new Uint8Array(1024).map((_, i) => (i * 31) % 256);
	try {
		const row = await db.transaction('rw', db.selfTest, async () => {
			await db.selfTest.put({ id, blob: new Blob([bytes], { type: 'application/octet-stream' }) });
			const read = await db.selfTest.get(id);
			await db.selfTest.delete(id);
			return read;
		});
		if (!row) return { ok: false, reason: 'what was written could not be read back' };
		const read = new Uint8Array(await row.blob.arrayBuffer());
		if (read.length !== bytes.length || read.some((b, i) => b !== bytes[i])) {
			return { ok: false, reason: 'what was read back differs from what was written' };
		}
		return { ok: true };
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
}
