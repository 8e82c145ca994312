import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { openVerified, type EvidenceStore, type EvidenceWriter } from '../evidence';
import { tooLarge } from '../http';
import { Problem } from '../problem';

type Db = Kysely<Database>;

/**
 * Receives a photo's bytes for the given hash: hashes them as they arrive, refuses more than
 * `limit` bytes (413) and a hash that does not match (422), and hands them to the evidence store,
 * which keeps them only once their hash has been checked (see `evidence/store.ts`). A photo the
 * store already holds is not rewritten; the bytes are still hashed, so an organisation gains
 * access to a photo only by having it. Returns whether this organisation held it before (true:
 * 200, false: 201).
 */
export async function receiveEvidence(
	db: Db,
	evidence: EvidenceStore,
	user: SessionUser,
	sha256: string,
	body: ReadableStream<Uint8Array> | null,
	declaredLength: number,
	limit: number,
	now = new Date()
): Promise<{ held: boolean; bytes: number }> {
	if (Number.isFinite(declaredLength) && declaredLength > limit) throw tooLarge(limit);
	const hash = createHash('sha256');
	let total = 0;
	let writer: EvidenceWriter | undefined;
	try {
		if (!(await evidence.holds(sha256))) writer = await evidence.writer(sha256);
		if (body) {
			const reader = body.getReader();
			for (;;) {
				let chunk: ReadableStreamReadResult<Uint8Array>;
				try {
					chunk = await reader.read();
				} catch (error) {
					if ((error as { status?: number }).status === 413) throw tooLarge(limit);
					throw new Problem(400, 'body-unreadable', 'The upload was cut off; send it again.');
				}
				if (chunk.done) break;
				total += chunk.value.byteLength;
				if (total > limit) {
					void reader.cancel();
					throw tooLarge(limit);
				}
				hash.update(chunk.value);
				if (writer) await writer.write(chunk.value);
			}
		}
		const actual = hash.digest('hex');
		if (total === 0)
			throw new Problem(400, 'empty-body', 'The body is empty; send the photo’s bytes.');
		if (actual !== sha256)
			throw new Problem(
				422,
				'hash-mismatch',
				`The bytes received hash to ${actual}, not ${sha256}.`,
				{
					expected: sha256,
					actual
				}
			);
		await writer?.commit();
		writer = undefined;
	} catch (error) {
		await writer?.abort();
		throw error;
	}
	const inserted = await db
		.insertInto('evidence')
		.values({
			org_id: user.orgId,
			sha256,
			bytes: total,
			uploaded_by: user.id,
			received_at: now.toISOString()
		})
		.onConflict((oc) => oc.columns(['org_id', 'sha256']).doNothing())
		.executeTakeFirst();
	return { held: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0, bytes: total };
}

/** Which of the hashes this organisation does not hold, in the order asked. */
export async function missingEvidence(db: Db, orgId: string, hashes: string[]): Promise<string[]> {
	if (hashes.length === 0) return [];
	const unique = [...new Set(hashes)];
	const held = new Set(
		(
			await db
				.selectFrom('evidence')
				.select('sha256')
				.where('org_id', '=', orgId)
				.where('sha256', 'in', unique)
				.execute()
		).map((row) => row.sha256)
	);
	return unique.filter((hash) => !held.has(hash));
}

/** A photo's bytes for a reviewer (or the inspector who uploaded it) of the same organisation. */
export async function openEvidence(
	db: Db,
	evidence: EvidenceStore,
	user: SessionUser,
	sha256: string
) {
	const row = await db
		.selectFrom('evidence')
		.selectAll()
		.where('org_id', '=', user.orgId)
		.where('sha256', '=', sha256)
		.executeTakeFirst();
	if (!row || (user.role === 'inspector' && row.uploaded_by !== user.id))
		throw new Problem(404, 'no-such-evidence', 'There is no such photo.');
	const stored = await openVerified(evidence, sha256);
	if (!stored)
		throw new Problem(
			500,
			'evidence-lost',
			'The photo is recorded as received but the photo store does not have it.'
		);
	return stored;
}
