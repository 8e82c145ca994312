// `npm run backup -- <folder>`: a consistent copy of the team server's data while it runs.
// SQLite: the database through SQLite's online backup API (a snapshot of one moment, taken
// beside the running server's writes), then every photo from the evidence store, each checked
// against its hash. PostgreSQL: its copy is pg_dump's (run first, into the same folder; this
// prints the command), then the photos. Photos are copied after the database's snapshot: every
// photo a report in the snapshot names was stored before the report, so it is in the copy.
// `npm run restore -- <folder>` puts the copy back.
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig, loadEvidenceConfig, StartupError } from '../src/lib/server/config';
import { DamagedEvidence, openEvidenceStore, readVerified } from '../src/lib/server/evidence';
import { BACKUP_MANIFEST, PG_DUMP_FILE, SQLITE_FILE, type BackupManifest } from './backup-format';

const [folder, extra] = process.argv.slice(2);
if (!folder || extra) {
	console.error('Usage: npm run backup -- <folder>');
	process.exit(2);
}
const out = resolve(folder);

try {
	const config = loadConfig(process.env);
	const evidenceConfig = loadEvidenceConfig(process.env, config.dataDir);
	if (existsSync(join(out, BACKUP_MANIFEST)) || existsSync(join(out, 'evidence')))
		throw new StartupError(`${out} already holds a backup; name a new folder`);
	mkdirSync(out, { recursive: true, mode: 0o700 });

	if (config.database.kind === 'sqlite') {
		if (!existsSync(config.database.file))
			throw new StartupError(`There is no database at ${config.database.file} (check DATA_DIR)`);
		const source = new Database(config.database.file, { readonly: true, fileMustExist: true });
		try {
			await source.backup(join(out, `${SQLITE_FILE}.partial`));
		} finally {
			source.close();
		}
		renameSync(join(out, `${SQLITE_FILE}.partial`), join(out, SQLITE_FILE));
		console.log(`Database: SQLite ${config.database.file}, copied with the online backup API.`);
	} else if (!existsSync(join(out, PG_DUMP_FILE))) {
		console.error(
			[
				'The database is PostgreSQL: take its copy with pg_dump first, into this folder, then run this again for the photos:',
				`  pg_dump --format=custom --file '${join(out, PG_DUMP_FILE)}' "$DATABASE_URL"`,
				`  npm run backup -- '${folder}'`
			].join('\n')
		);
		process.exit(1);
	} else {
		console.log(
			`Database: PostgreSQL ${config.database.display}, copied by pg_dump to ${PG_DUMP_FILE}.`
		);
	}

	const evidence = await openEvidenceStore(evidenceConfig);
	let photos = 0;
	let bytes = 0;
	const damaged: string[] = [];
	try {
		for await (const sha256 of evidence.list()) {
			let photo: Uint8Array | null;
			try {
				photo = await readVerified(evidence, sha256);
			} catch (error) {
				if (!(error instanceof DamagedEvidence)) throw error;
				damaged.push(sha256);
				continue;
			}
			if (!photo) continue;
			const dir = join(out, 'evidence', sha256.slice(0, 2));
			mkdirSync(dir, { recursive: true });
			writeFileSync(join(dir, sha256), photo);
			photos++;
			bytes += photo.byteLength;
			if (photos % 100 === 0) console.log(`  ${photos} photos copied…`);
		}
	} finally {
		await evidence.close();
	}
	const manifest: BackupManifest = {
		format: 1,
		createdAt: new Date().toISOString(),
		database: config.database.kind,
		photos,
		bytes,
		evidenceFrom: evidence.location
	};
	writeFileSync(join(out, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
	console.log(
		`Photos: ${photos} (${(bytes / 1e6).toFixed(1)} MB) from ${evidence.location}, each checked against its hash.`
	);
	console.log(`Backup in ${out} (${readdirSync(out).join(', ')}).`);
	if (damaged.length) {
		console.error(
			`${damaged.length} damaged photo(s) were not copied (their bytes do not match their hash):\n  ${damaged.join('\n  ')}`
		);
		process.exit(1);
	}
} catch (error) {
	if (error instanceof StartupError) {
		console.error(`Backup failed: ${error.message}`);
		process.exit(1);
	}
	throw error;
}
