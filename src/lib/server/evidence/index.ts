import type { EvidenceConfig } from '../config';
import { DiskEvidenceStore } from './disk';
import type { EvidenceStore, SweepReport } from './store';

export type { EvidenceStore, EvidenceWriter, StoredPhoto, SweepReport } from './store';
export { DamagedEvidence, openVerified, readVerified } from './verified';

/** Opens the configured store; the S3 client is loaded only when a bucket is configured. */
export async function openEvidenceStore(config: EvidenceConfig): Promise<EvidenceStore> {
	if (config.kind === 'disk') return new DiskEvidenceStore(config.dir);
	const { S3EvidenceStore } = await import('./s3');
	return S3EvidenceStore.open(config);
}

/** The start-up sweep's result, as one log line. */
export function describeSweep(store: EvidenceStore, swept: SweepReport): string {
	const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
	const removed =
		store.kind === 'disk'
			? `${count(swept.temporaryFiles, 'unfinished upload file')} under tmp/`
			: count(swept.multipartUploads, 'unfinished multipart upload');
	const where = store.kind === 'disk' ? 'files under' : 'S3 bucket';
	return `Evidence: ${where} ${store.location}; the start-up sweep removed ${removed} older than this process`;
}

let current: EvidenceStore | undefined;

/** Set once at start-up by the `init` hook, like the database store. */
export function setEvidenceStore(store: EvidenceStore): void {
	current = store;
}

export function evidenceStore(): EvidenceStore {
	if (!current) throw new Error('The evidence store is not open yet: the init hook has not run');
	return current;
}
