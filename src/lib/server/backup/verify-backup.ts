import type { Kysely } from 'kysely';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { DamagedEvidence, readVerified, type EvidenceStore } from '../evidence';
import { getReport } from '../reports/query';
import { reviewReport } from '../review/report';

type Db = Kysely<Database>;

export interface Unverified {
	reportId: string;
	reason: string;
}

export interface VerificationResult {
	reports: number;
	photos: number;
	unverified: Unverified[];
}

/**
 * Checks every stored report again, as after a restore: its JWS with the key enrolled for the
 * device that signed it (the report page's own check, `reviewReport`), its stored hash, and each
 * photo it names, recorded as received and held by the photo store with the right SHA-256.
 * Lists every report that fails, with why.
 */
export async function verifyEveryReport(
	db: Db,
	evidence: EvidenceStore,
	progress: (done: number, total: number) => void = () => {}
): Promise<VerificationResult> {
	const organisations = await db.selectFrom('organisations').selectAll().execute();
	const reports = await db
		.selectFrom('reports')
		.select(['id', 'org_id'])
		.orderBy('received_at')
		.orderBy('id')
		.execute();
	const photoState = new Map<string, string | null>();
	const unverified: Unverified[] = [];
	let done = 0;
	for (const organisation of organisations) {
		// The check runs as the organisation's own reviewer would, who sees all its reports.
		const asReviewer: SessionUser = {
			id: 'restore-check',
			orgId: organisation.id,
			orgName: organisation.name,
			email: '',
			name: 'Restore check',
			role: 'reviewer'
		};
		for (const report of reports.filter((r) => r.org_id === organisation.id)) {
			const reasons: string[] = [];
			const review = await reviewReport(db, asReviewer, report.id);
			if (!review.signature.verified) reasons.push(`signature: ${review.signature.reason}`);
			if (!review.hashMatches) reasons.push('the stored report hash is not the JWS’s');
			const { photos } = await getReport(db, asReviewer, report.id);
			const held = new Set(
				photos.length
					? (
							await db
								.selectFrom('evidence')
								.select('sha256')
								.where('org_id', '=', organisation.id)
								.where('sha256', 'in', photos)
								.execute()
						).map((row) => row.sha256)
					: []
			);
			for (const sha256 of photos) {
				if (!held.has(sha256)) reasons.push(`photo ${sha256} is not recorded as received`);
				if (!photoState.has(sha256)) photoState.set(sha256, await photoProblem(evidence, sha256));
				const problem = photoState.get(sha256);
				if (problem) reasons.push(`photo ${sha256} ${problem}`);
			}
			if (reasons.length) unverified.push({ reportId: report.id, reason: reasons.join('; ') });
			progress(++done, reports.length);
		}
	}
	return { reports: reports.length, photos: photoState.size, unverified };
}

async function photoProblem(evidence: EvidenceStore, sha256: string): Promise<string | null> {
	try {
		return (await readVerified(evidence, sha256)) ? null : 'is not in the photo store';
	} catch (error) {
		if (error instanceof DamagedEvidence) return 'is damaged in the photo store';
		throw error;
	}
}
