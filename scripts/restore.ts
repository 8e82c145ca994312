// `npm run restore -- <folder>`: puts a backup made by `npm run backup` back, into an empty
// DATA_DIR (SQLite), or into the PostgreSQL database that `pg_restore` has just filled (this
// prints the command), with the photos going to the configured evidence store, each checked
// against its hash. Then the restored server's data is checked as a whole: migrated to this
// version, every report's signature verified again with its device's enrolled key, every photo it
// names present and whole. Lists every report it cannot verify, and exits 1 if there is one.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { verifyEveryReport } from '../src/lib/server/backup/verify-backup';
import { loadConfig, loadEvidenceConfig, StartupError } from '../src/lib/server/config';
import { openStore } from '../src/lib/server/db';
import { openEvidenceStore } from '../src/lib/server/evidence';
import { BACKUP_MANIFEST, PG_DUMP_FILE, SQLITE_FILE, type BackupManifest } from './backup-format';

const [folder, extra] = process.argv.slice(2);
if (!folder || extra) {
	console.error('Usage: npm run restore -- <folder made by npm run backup>');
	process.exit(2);
}
const from = resolve(folder);

try {
	if (!existsSync(join(from, BACKUP_MANIFEST)))
		throw new StartupError(`${from} holds no backup (no ${BACKUP_MANIFEST})`);
	const manifest = JSON.parse(readFileSync(join(from, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
	const config = loadConfig(process.env);
	const evidenceConfig = loadEvidenceConfig(process.env, config.dataDir);
	if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0)
		throw new StartupError(
			`DATA_DIR ${config.dataDir} is not empty; restore into an empty one (or move it aside)`
		);

	if (manifest.database !== config.database.kind)
		throw new StartupError(
			manifest.database === 'sqlite'
				? 'This backup holds a SQLite database: unset DATABASE_URL to restore it into DATA_DIR'
				: 'This backup holds a PostgreSQL dump: set DATABASE_URL to the database pg_restore fills'
		);
	if (config.database.kind === 'sqlite') {
		mkdirSync(config.dataDir, { recursive: true });
		copyFileSync(join(from, SQLITE_FILE), config.database.file);
		console.log(`Database: ${config.database.file} restored.`);
	} else if (!(await hasReports(config.database.url))) {
		console.error(
			[
				`The PostgreSQL database ${config.database.display} is empty: load the dump into it first, then run this again:`,
				`  pg_restore --no-owner --dbname "$DATABASE_URL" '${join(from, PG_DUMP_FILE)}'`,
				`  npm run restore -- '${folder}'`
			].join('\n')
		);
		process.exit(1);
	} else {
		console.log(`Database: PostgreSQL ${config.database.display}, loaded by pg_restore.`);
	}

	const evidence = await openEvidenceStore(evidenceConfig);
	const store = await openStore(config);
	try {
		let photos = 0;
		const damaged: string[] = [];
		const dir = join(from, 'evidence');
		for (const shard of existsSync(dir) ? readdirSync(dir) : []) {
			for (const sha256 of readdirSync(join(dir, shard))) {
				const bytes = readFileSync(join(dir, shard, sha256));
				if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
					damaged.push(sha256);
					continue;
				}
				if (!(await evidence.holds(sha256))) {
					const writer = await evidence.writer(sha256);
					await writer.write(bytes);
					await writer.commit();
				}
				if (++photos % 100 === 0) console.log(`  ${photos} photos restored…`);
			}
		}
		console.log(`Photos: ${photos} restored to ${evidence.location}.`);
		if (damaged.length) console.error(`Not restored, damaged in the backup: ${damaged.join(', ')}`);

		console.log('Verifying every report again…');
		const result = await verifyEveryReport(store.db, evidence, (done, total) => {
			if (done % 100 === 0) console.log(`  ${done} of ${total}…`);
		});
		if (result.unverified.length === 0) {
			console.log(
				`Verified: all ${result.reports} reports (signatures with the enrolled device keys) and the ${result.photos} photos they name.`
			);
		} else {
			console.error(
				`${result.unverified.length} of ${result.reports} reports could not be verified:\n${result.unverified
					.map((r) => `  ${r.reportId}: ${r.reason}`)
					.join('\n')}`
			);
			process.exitCode = 1;
		}
	} finally {
		await store.close();
		await evidence.close();
	}
} catch (error) {
	if (error instanceof StartupError) {
		console.error(`Restore failed: ${error.message}`);
		process.exit(1);
	}
	throw error;
}

/** Whether pg_restore has loaded the server's tables into this database. */
async function hasReports(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url });
	await client.connect().catch((error: Error) => {
		throw new StartupError(`Cannot connect to PostgreSQL (${error.message})`);
	});
	try {
		const { rows } = await client.query(
			"select to_regclass('public.reports') is not null as present"
		);
		return rows[0]?.present === true;
	} finally {
		await client.end();
	}
}
