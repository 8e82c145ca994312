import { ShelfcheckDatabase } from './database';

export { ShelfcheckDatabase } from './database';
export type { InspectionRow, SettingRow } from './database';
export { storageSelfTest, type SelfTestResult } from './self-test';
export { requestPersistence, storageStatus, type StorageStatus } from './storage';

/** The app's database. Dexie opens it lazily on first use, so importing this costs nothing. */
export const db = new ShelfcheckDatabase();
