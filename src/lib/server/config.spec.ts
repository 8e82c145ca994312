import { describe, expect, it } from 'vitest';
import { StartupError, loadConfig, loadSettings } from './config';

describe('loadConfig', () => {
	it('defaults to SQLite in ./data', () => {
		expect(loadConfig({}, '/srv/app')).toEqual({
			dataDir: '/srv/app/data',
			database: { kind: 'sqlite', file: '/srv/app/data/shelfcheck.db' }
		});
	});

	it('resolves DATA_DIR against the working directory', () => {
		expect(loadConfig({ DATA_DIR: 'var/sc' }, '/srv/app').dataDir).toBe('/srv/app/var/sc');
		expect(loadConfig({ DATA_DIR: '/data' }, '/srv/app').database).toEqual({
			kind: 'sqlite',
			file: '/data/shelfcheck.db'
		});
	});

	it('switches to PostgreSQL and describes it without the password', () => {
		const { database } = loadConfig({
			DATABASE_URL: 'postgres://sc:s3cret@db.internal:6543/shelfcheck'
		});
		expect(database).toEqual({
			kind: 'postgres',
			url: 'postgres://sc:s3cret@db.internal:6543/shelfcheck',
			display: 'db.internal:6543/shelfcheck'
		});
	});

	it.each([
		['not a url', /not a valid URL/],
		['mysql://u:p@host/db', /must start with postgres:\/\/ \(got mysql:\/\/\)/],
		['postgres:///db', /names no host/]
	])('rejects DATABASE_URL %s with a clear StartupError', (url, message) => {
		expect(() => loadConfig({ DATABASE_URL: url })).toThrow(StartupError);
		expect(() => loadConfig({ DATABASE_URL: url })).toThrow(message);
	});

	it('never echoes a password in its errors', () => {
		try {
			loadConfig({ DATABASE_URL: 'mysql://user:hunter2@host/db' });
			expect.unreachable();
		} catch (error) {
			expect((error as Error).message).not.toContain('hunter2');
		}
	});
});

describe('loadSettings', () => {
	it('has defaults', () => {
		expect(loadSettings({})).toEqual({
			maxPhotoBytes: 20 * 1024 * 1024,
			maxReportBytes: 2 * 1024 * 1024,
			maxJsonBytes: 64 * 1024,
			sessionHours: 336,
			securityContact: 'mailto:security@shelfcheck.invalid'
		});
	});

	it('reads limits and the security contact', () => {
		const settings = loadSettings({
			MAX_PHOTO_BYTES: '1000',
			SESSION_HOURS: '8',
			SECURITY_CONTACT: 'psirt@example.org'
		});
		expect(settings).toMatchObject({
			maxPhotoBytes: 1000,
			sessionHours: 8,
			securityContact: 'mailto:psirt@example.org'
		});
		expect(loadSettings({ SECURITY_CONTACT: 'https://example.org/security' }).securityContact).toBe(
			'https://example.org/security'
		);
	});

	it.each([
		['MAX_PHOTO_BYTES', '0'],
		['MAX_PHOTO_BYTES', '20MB'],
		['SESSION_HOURS', '-1'],
		['SECURITY_CONTACT', 'javascript:alert(1)']
	])('refuses %s=%s with a StartupError', (name, value) => {
		expect(() => loadSettings({ [name]: value })).toThrow(StartupError);
	});
});
