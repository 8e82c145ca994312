import { ShelfcheckDatabase } from './database';
import { InspectionRepository } from './inspections.repo';
import { OutboxRepository } from './outbox.repo';
import { PhotoRepository } from './photos.repo';
import { ProductRepository } from './products.repo';
import { SettingsRepository } from './settings.repo';
import { DeviceKeyRepository } from './device-key.repo';
import { SignedReportRepository } from './reports.repo';
import { VisitRepository } from './visits.repo';

export { ShelfcheckDatabase } from './database';
export type { SettingRow } from './database';
export { InspectionRepository } from './inspections.repo';
export { OutboxRepository } from './outbox.repo';
export { PhotoRepository, type PhotoStats } from './photos.repo';
export { ProductRepository } from './products.repo';
export { SettingsRepository } from './settings.repo';
export { DeviceKeyRepository } from './device-key.repo';
export { VisitRepository } from './visits.repo';
export { ChainMovedError, SignedReportRepository } from './reports.repo';
export type { DeviceKeyRow, SignedReportRow } from './database';
export { liveQuery } from 'dexie';
export { storageSelfTest, type SelfTestResult } from './self-test';
export { requestPersistence, storageStatus, type StorageStatus } from './storage';

/** The app's database. Dexie opens it lazily on first use, so importing this costs nothing. */
export const db = new ShelfcheckDatabase();
export const inspections = new InspectionRepository(db);
export const settings = new SettingsRepository(db);
export const photos = new PhotoRepository(db);
export const signedReports = new SignedReportRepository(db);
export const deviceKeys = new DeviceKeyRepository(db);
export const products = new ProductRepository(db);
export const outbox = new OutboxRepository(db);
export const visits = new VisitRepository(db);
