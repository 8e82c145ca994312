import type { DeviceKey } from '$lib/signing';
import type { DeviceKeyRow, ShelfcheckDatabase } from './database';

/** The device's one signing key: generated once, never exported, never replaced by itself. */
export class DeviceKeyRepository {
	constructor(private readonly db: ShelfcheckDatabase) {}

	async get(): Promise<DeviceKeyRow | undefined> {
		return this.db.keys.get('device');
	}

	/** Adds (never puts) the key, so a second tab generating at the same time fails here. */
	async add(key: DeviceKey, createdAt: string): Promise<DeviceKeyRow> {
		const row: DeviceKeyRow = { ...key, id: 'device', createdAt };
		await this.db.keys.add(row);
		return row;
	}
}
