import { describe, expect, it } from 'vitest';
import { StartupError, loadConfig, loadEvidenceConfig, loadSettings } from './config';

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

describe('loadEvidenceConfig', () => {
	it('defaults to files under DATA_DIR/evidence', () => {
		expect(loadEvidenceConfig({}, '/srv/data')).toEqual({
			kind: 'disk',
			dir: '/srv/data/evidence'
		});
	});

	it('reads an S3-compatible service from one URL, and never shows its secret', () => {
		const config = loadEvidenceConfig(
			{
				EVIDENCE_S3_URL:
					'https://AKIA1:s%2Fcret@s3.example.org:9000/team-photos/shelfcheck?region=eu-west-2'
			},
			'/d'
		);
		expect(config).toEqual({
			kind: 's3',
			bucket: 'team-photos',
			prefix: 'shelfcheck/',
			region: 'eu-west-2',
			endpoint: 'https://s3.example.org:9000',
			credentials: { accessKeyId: 'AKIA1', secretAccessKey: 's/cret' },
			display: 's3://team-photos/shelfcheck/ at https://s3.example.org:9000'
		});
	});

	it('reads Amazon S3 as s3://bucket/prefix, credentials left to the AWS SDK', () => {
		expect(
			loadEvidenceConfig({ EVIDENCE_S3_URL: 's3://team-photos', AWS_REGION: 'eu-west-1' }, '/d')
		).toEqual({
			kind: 's3',
			bucket: 'team-photos',
			prefix: '',
			region: 'eu-west-1',
			endpoint: undefined,
			credentials: undefined,
			display: 's3://team-photos/'
		});
	});

	it('reads separate variables', () => {
		expect(
			loadEvidenceConfig(
				{
					EVIDENCE_S3_BUCKET: 'team-photos',
					EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000/',
					EVIDENCE_S3_PREFIX: '/a/b',
					EVIDENCE_S3_ACCESS_KEY_ID: 'id',
					EVIDENCE_S3_SECRET_ACCESS_KEY: 'secret'
				},
				'/d'
			)
		).toMatchObject({
			bucket: 'team-photos',
			prefix: 'a/b/',
			region: 'us-east-1',
			endpoint: 'http://127.0.0.1:9000',
			credentials: { accessKeyId: 'id', secretAccessKey: 'secret' }
		});
	});

	it.each([
		[{ EVIDENCE_S3_URL: 's3://ok-bucket', EVIDENCE_S3_BUCKET: 'ok-bucket' }, /not both/],
		[{ EVIDENCE_S3_URL: 'ftp://host/bucket' }, /must start with s3:\/\/, https:\/\/ or http:\/\//],
		[{ EVIDENCE_S3_URL: 'https://k:hunter2@host/No_Such' }, /not a valid S3 bucket name/],
		[
			{ EVIDENCE_S3_BUCKET: 'ok-bucket', EVIDENCE_S3_ENDPOINT: 'host:9000' },
			/EVIDENCE_S3_ENDPOINT must be a URL/
		],
		[{ EVIDENCE_S3_BUCKET: 'ok-bucket', EVIDENCE_S3_ACCESS_KEY_ID: 'id' }, /both/]
	])('refuses %o with a StartupError', (env, message) => {
		expect(() => loadEvidenceConfig(env, '/d')).toThrow(StartupError);
		expect(() => loadEvidenceConfig(env, '/d')).toThrow(message);
		expect(() => loadEvidenceConfig(env, '/d')).not.toThrow(/hunter2/);
	});
});
