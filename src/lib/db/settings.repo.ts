import type { ShelfcheckDatabase } from './database';

/** Small remembered values: the inspector's name, the last place of each kind. */
export class SettingsRepository {
	constructor(private readonly db: ShelfcheckDatabase) {}

	async get<T>(key: string): Promise<T | undefined> {
		return (await this.db.settings.get(key))?.value as T | undefined;
	}

	async set(key: string, value: unknown): Promise<void> {
		await this.db.settings.put({ key, value });
	}

	async delete(key: string): Promise<void> {
		await this.db.settings.delete(key);
	}
}
