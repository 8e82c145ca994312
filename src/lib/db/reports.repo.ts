import type { Inspection } from '$lib/inspection/model';
import type { OutboxEntry } from '$lib/sync/outbox';
import type { ShelfcheckDatabase, SignedReportRow } from './database';

export class ChainMovedError extends Error {
	override name = 'ChainMovedError';
}

/**
 * The signed reports. A report is written in one transaction with the finished inspection and
 * the device's chain head, so a crash leaves either all of it or none.
 */
export class SignedReportRepository {
	constructor(private readonly db: ShelfcheckDatabase) {}

	/** The hash of the last report this device signed, or null before the first. */
	async chainHead(): Promise<string | null> {
		return ((await this.db.settings.get('chainHead'))?.value as string | null) ?? null;
	}

	/**
	 * Stores a freshly signed report and marks its inspection finished, atomically. Refuses if
	 * another report was signed meanwhile (another tab), since this one then names the wrong
	 * previous report; the caller signs again. The report's outbox entry is written in the same
	 * transaction, so a signed report is always queued for sync.
	 */
	async storeSigned(
		report: SignedReportRow,
		inspection: Inspection,
		outboxEntry: OutboxEntry
	): Promise<void> {
		await this.db.transaction(
			'rw',
			[this.db.reports, this.db.inspections, this.db.settings, this.db.outbox],
			async () => {
				const head = ((await this.db.settings.get('chainHead'))?.value as string | null) ?? null;
				if (head !== report.previousReportHash) {
					throw new ChainMovedError('another report was signed on this device meanwhile');
				}
				const current = await this.db.inspections.get(inspection.id);
				if (!current || current.status !== 'draft') {
					throw new Error('this inspection is already finished');
				}
				await this.db.reports.add(report);
				await this.db.inspections.put(inspection);
				await this.db.settings.put({ key: 'chainHead', value: report.hash });
				await this.db.outbox.add(outboxEntry);
			}
		);
	}

	reportFor(inspectionId: string): Promise<SignedReportRow | undefined> {
		return this.db.reports.where('inspectionId').equals(inspectionId).first();
	}

	report(id: string): Promise<SignedReportRow | undefined> {
		return this.db.reports.get(id);
	}

	byHash(hash: string): Promise<SignedReportRow | undefined> {
		return this.db.reports.where('hash').equals(hash).first();
	}
}
