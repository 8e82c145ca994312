import { createHash } from 'node:crypto';
import type { EvidenceStore } from './store';

/** A stored photo whose bytes are not the photo its hash names: damaged or replaced. */
export class DamagedEvidence extends Error {
	override name = 'DamagedEvidence';
}

/**
 * A photo's stored bytes, hashed as they are read. The last chunk is held back until the hash is
 * known, so a damaged photo ends in an error (a cut download) and never reaches a reader whole.
 * Null when the store has no such photo.
 */
export async function openVerified(
	store: EvidenceStore,
	sha256: string
): Promise<{ bytes: number; stream: ReadableStream<Uint8Array> } | null> {
	const stored = await store.open(sha256);
	if (!stored) return null;
	const hash = createHash('sha256');
	let held: Uint8Array | undefined;
	let total = 0;
	const check = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			hash.update(chunk);
			total += chunk.byteLength;
			if (held) controller.enqueue(held);
			held = chunk;
		},
		flush(controller) {
			const actual = hash.digest('hex');
			if (actual !== sha256 || total !== stored.bytes) {
				const problem = `photo ${sha256} in ${store.location} is damaged: its ${total} bytes hash to ${actual}`;
				console.error(`Evidence store: ${problem}`);
				controller.error(new DamagedEvidence(problem));
				return;
			}
			if (held) controller.enqueue(held);
		}
	});
	return { bytes: stored.bytes, stream: stored.stream.pipeThrough(check) };
}

/** A photo's bytes, checked against its hash; null when absent, DamagedEvidence when wrong. */
export async function readVerified(
	store: EvidenceStore,
	sha256: string
): Promise<Uint8Array | null> {
	const opened = await openVerified(store, sha256);
	if (!opened) return null;
	return new Uint8Array(await new Response(opened.stream).arrayBuffer());
}
