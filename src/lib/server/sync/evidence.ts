import { createHash } from 'node:crypto';
import type { SessionUser } from '../auth/sessions';
import type { Db } from '../db';
import { chunks } from '../db/chunks';
import { openVerified, type EvidenceStore, type EvidenceWriter } from '../evidence';
import { refuseTooLarge, tooLarge } from '../http';
import { Problem } from '../problem';

/**
 * Receives a photo's bytes for the given hash: hashes them as they arrive, refuses more than
 * `limit` bytes (413) and a hash that does not match (422), and hands them to the evidence store,
 * which keeps them only once their hash has been checked (see `evidence/store.ts`). A photo the
 * store already holds is not rewritten; the bytes are still hashed, so a person gains access to a
 * photo only by having it. Returns whether this user had uploaded it before (true: 200, false:
 * 201).
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
	if (Number.isFinite(declaredLength) && declaredLength > limit)
		return refuseTooLarge(body?.getReader(), limit);
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
				if (total > limit) await refuseTooLarge(reader, limit);
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
		.onConflict((oc) => oc.columns(['org_id', 'sha256', 'uploaded_by']).doNothing())
		.executeTakeFirst();
	return { held: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0, bytes: total };
}

/**
 * Which of the hashes this user has not uploaded, in the order asked: what their report may not
 * name yet. Another person's upload of the same photo does not count, so the answer says nothing
 * about what anyone else holds.
 */
export async function missingEvidence(
	db: Db,
	user: SessionUser,
	hashes: readonly string[]
): Promise<string[]> {
	const unique = [...new Set(hashes)];
	const held = new Set<string>();
	for (const part of chunks(unique)) {
		const rows = await uploadedBy(db, user).select('sha256').where('sha256', 'in', part).execute();
		for (const row of rows) held.add(row.sha256);
	}
	return unique.filter((hash) => !held.has(hash));
}

/** The photos this user uploaded: the only ones a report of theirs may cite. */
export function uploadedBy(db: Db, user: SessionUser) {
	return db
		.selectFrom('evidence')
		.where('org_id', '=', user.orgId)
		.where('uploaded_by', '=', user.id);
}

/**
 * Who may read a photo: reviewers and admins any their organisation holds, an inspector only
 * those they uploaded themselves.
 */
export function readableEvidence(db: Db, user: SessionUser) {
	let query = db.selectFrom('evidence').where('evidence.org_id', '=', user.orgId);
	if (user.role === 'inspector') query = query.where('evidence.uploaded_by', '=', user.id);
	return query;
}

/** A photo's bytes for who may read it (`readableEvidence`); 404 for anyone else. */
export async function openEvidence(
	db: Db,
	evidence: EvidenceStore,
	user: SessionUser,
	sha256: string
) {
	const row = await readableEvidence(db, user)
		.select('evidence.sha256')
		.where('evidence.sha256', '=', sha256)
		.executeTakeFirst();
	if (!row) throw new Problem(404, 'no-such-evidence', 'There is no such photo.');
	const stored = await openVerified(evidence, sha256);
	if (!stored)
		throw new Problem(
			500,
			'evidence-lost',
			'The photo is recorded as received but the photo store does not have it.'
		);
	return stored;
}
