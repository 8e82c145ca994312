import Dexie, { type EntityTable } from 'dexie';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import type { Inspection } from '$lib/inspection/model';
import type { ProductRecord } from './product-record';
import type { DeviceKey } from '$lib/signing';
import type { OutboxEntry } from '$lib/sync/outbox';
import type { Visit } from '$lib/visit/visit';

/** The device's signing key: CryptoKeys kept by structured clone, the private one unexportable. */
export interface DeviceKeyRow extends DeviceKey {
	id: 'device';
	createdAt: string;
}

/** A signed report, its compact JWS kept exactly as signed and never re-serialised. */
export interface SignedReportRow {
	/** The report id (also inside the signed document). */
	id: string;
	inspectionId: string;
	jws: string;
	/** SHA-256 hex of the compact JWS. */
	hash: string;
	signedAt: string;
	supersedes: string | null;
	/** This device's report signed before this one (its hash), or null: a chain per device. */
	previousReportHash: string | null;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/** Scratch rows written and deleted by the start-up self-test. */
export interface SelfTestRow {
	id: string;
	blob: Blob;
}

/**
 * The one IndexedDB database. Every version of the schema stays listed here, oldest first, so
 * that a device that skipped releases upgrades step by step and loses nothing.
 */
export class ShelfcheckDatabase extends Dexie {
	inspections!: EntityTable<Inspection, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	selfTest!: EntityTable<SelfTestRow, 'id'>;
	products!: EntityTable<ProductRecord, 'id'>;
	photos!: EntityTable<PhotoRecord, 'id'>;
	keys!: EntityTable<DeviceKeyRow, 'id'>;
	reports!: EntityTable<SignedReportRow, 'id'>;
	outbox!: EntityTable<OutboxEntry, 'reportId'>;
	visits!: EntityTable<Visit, 'id'>;

	constructor(name = 'shelfcheck') {
		super(name);
		this.version(1).stores({
			inspections: 'id, status, updatedAt',
			settings: 'key',
			selfTest: 'id'
		});
		// Home reads the most recent few of a status without loading every record.
		this.version(2).stores({ inspections: 'id, status, updatedAt, [status+updatedAt]' });
		// Products identified on this device, and the earlier inspections of each; photo evidence.
		this.version(3).stores({
			inspections: 'id, status, updatedAt, [status+updatedAt], product.gtin, product.model',
			products: 'id, gtin, model, updatedAt',
			photos: 'id, inspectionId, [inspectionId+checkId], sha256, derivedFrom'
		});
		// The device's signing key, and signed reports (the JWS verbatim), findable by hash.
		this.version(4).stores({
			keys: 'id',
			reports: 'id, inspectionId, hash, signedAt'
		});
		// The sync outbox, one entry per signed report. Reports signed before it existed are queued.
		// An upgrade writes what the schema meant at its version, so it spells the entry out
		// rather than calling code that may change later.
		this.version(5)
			.stores({ outbox: 'reportId, state, inspectionId, queuedAt' })
			.upgrade(async (tx) => {
				const reports = await tx.table<SignedReportRow>('reports').toArray();
				await tx.table<OutboxEntry>('outbox').bulkAdd(
					reports.map((report) => ({
						reportId: report.id,
						inspectionId: report.inspectionId,
						reportHash: report.hash,
						photos: [...new Set(photosOf(report.jws))],
						state: 'queued',
						queuedAt: report.signedAt,
						updatedAt: report.signedAt,
						photosToUpload: 0,
						photosUploaded: 0,
						attempts: 0,
						nextAttemptAt: null,
						lastError: null,
						rejection: null,
						receipt: null
					}))
				);
			});
		// Visits: several products inspected at one place on one day. Every inspection made before
		// visits existed becomes a visit of one (same id as the inspection, so the upgrade can run
		// twice without doubling anything). Spelt out here, not by calling lib/visit, for the reason
		// given above version 5.
		this.version(6)
			.stores({
				visits: 'id, updatedAt',
				inspections:
					'id, status, updatedAt, [status+updatedAt], product.gtin, product.model, visitId'
			})
			.upgrade(async (tx) => {
				const table = tx.table<Inspection>('inspections');
				const pad = (n: number) => String(n).padStart(2, '0');
				const alone = (await table.toArray()).filter((inspection) => !inspection.visitId);
				await tx.table<Visit>('visits').bulkPut(
					alone.map((inspection) => {
						const created = new Date(inspection.createdAt);
						return {
							id: inspection.id,
							createdAt: inspection.createdAt,
							updatedAt: inspection.updatedAt,
							date: `${created.getFullYear()}-${pad(created.getMonth() + 1)}-${pad(created.getDate())}`,
							context: inspection.context,
							bundleId: inspection.bundleId,
							place: { ...inspection.place },
							inspector: inspection.inspector
						};
					})
				);
				await table.bulkPut(alone.map((inspection) => ({ ...inspection, visitId: inspection.id })));
			});
		// Photos taken once, cited by several checks: each photo lists the checks that use it,
		// starting with the one it was taken for.
		this.version(7)
			.stores({
				photos: 'id, inspectionId, [inspectionId+checkId], sha256, derivedFrom, *usedBy'
			})
			.upgrade(async (tx) => {
				await tx
					.table<PhotoRecord>('photos')
					.toCollection()
					.modify((photo) => {
						photo.usedBy ??= [photo.checkId];
					});
			});
	}
}

/** The photo hashes a report signed before version 5 names, read from its (verified) payload. */
function photosOf(jws: string): string[] {
	try {
		const base64 = (jws.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
		const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
		const payload = JSON.parse(new TextDecoder().decode(bytes)) as {
			photos?: { sha256?: unknown }[];
		};
		return (payload.photos ?? [])
			.map((photo) => photo.sha256)
			.filter((sha): sha is string => typeof sha === 'string');
	} catch {
		return [];
	}
}
