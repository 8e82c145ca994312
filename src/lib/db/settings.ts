import { liveQuery } from 'dexie';
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

	/** Calls `onChange` with the value now and whenever it changes, in this tab or another. */
	watch<T>(key: string, onChange: (value: T | undefined) => void): () => void {
		const subscription = liveQuery(() => this.get<T>(key)).subscribe({
			next: onChange,
			error: (error) => console.error(`setting ${key}`, error)
		});
		return () => subscription.unsubscribe();
	}

	async delete(key: string): Promise<void> {
		await this.db.settings.delete(key);
	}
}
