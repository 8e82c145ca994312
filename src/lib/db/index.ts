import { ShelfcheckDatabase } from './database';
import { InspectionRepository } from './inspections';
import { OutboxRepository } from './outbox';
import { PhotoRepository } from './photos';
import { ProductRepository } from './products';
import { SettingsRepository } from './settings';
import { SigningRepository } from './signing';

export { ShelfcheckDatabase } from './database';
export type { SettingRow } from './database';
export { InspectionRepository } from './inspections';
export { OutboxRepository } from './outbox';
export { PhotoRepository, type PhotoStats } from './photos';
export { ProductRepository } from './products';
export { SettingsRepository } from './settings';
export { ChainMovedError, SigningRepository } from './signing';
export type { DeviceKeyRow, SignedReportRow } from './database';
export { LiveQuery, watch } from './live.svelte';
export { storageSelfTest, type SelfTestResult } from './self-test';
export { requestPersistence, storageStatus, type StorageStatus } from './storage';

/** The app's database. Dexie opens it lazily on first use, so importing this costs nothing. */
export const db = new ShelfcheckDatabase();
export const inspections = new InspectionRepository(db);
export const settings = new SettingsRepository(db);
export const photos = new PhotoRepository(db);
export const signing = new SigningRepository(db);
export const products = new ProductRepository(db);
export const outbox = new OutboxRepository(db);
