import Dexie, { type EntityTable } from 'dexie';
import type { Inspection } from '$lib/inspection/model';

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

	constructor(name = 'shelfcheck') {
		super(name);
		this.version(1).stores({
			inspections: 'id, status, updatedAt',
			settings: 'key',
			selfTest: 'id'
		});
		// Home reads the most recent few of a status without loading every record.
		this.version(2).stores({ inspections: 'id, status, updatedAt, [status+updatedAt]' });
	}
}
