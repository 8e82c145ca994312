import { ShelfcheckDatabase } from './database';
import { InspectionRepository } from './inspections';
import { ProductRepository } from './products';
import { SettingsRepository } from './settings';

export { ShelfcheckDatabase } from './database';
export type { SettingRow } from './database';
export { InspectionRepository } from './inspections';
export { ProductRepository } from './products';
export { SettingsRepository } from './settings';
export { storageSelfTest, type SelfTestResult } from './self-test';
export { requestPersistence, storageStatus, type StorageStatus } from './storage';

/** The app's database. Dexie opens it lazily on first use, so importing this costs nothing. */
export const db = new ShelfcheckDatabase();
export const inspections = new InspectionRepository(db);
export const settings = new SettingsRepository(db);
export const products = new ProductRepository(db);
