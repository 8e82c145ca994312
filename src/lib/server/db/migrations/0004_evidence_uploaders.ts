import { sql, type Kysely } from 'kysely';

/**
 * Evidence is held per uploader: one row for each person who sent a photo's bytes (the files
 * stay content-addressed and shared). A report may name only photos its sender uploaded, and an
 * inspector reads only photos they uploaded, so a photo's hash is no longer a key to it.
 *
 * Rows kept from before name the first uploader only; anyone else who needs a photo uploads it
 * again (a device asks which photos are missing before it sends a report, and has the bytes).
 * Not backfilled from stored reports: a report naming a photo its sender never uploaded is what
 * this migration closes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('evidence_next')
		.addColumn('org_id', 'varchar(36)', (col) => col.notNull().references('organisations.id'))
		.addColumn('sha256', 'varchar(64)', (col) => col.notNull())
		.addColumn('uploaded_by', 'varchar(36)', (col) => col.notNull().references('users.id'))
		.addColumn('bytes', 'integer', (col) => col.notNull())
		.addColumn('received_at', 'varchar(32)', (col) => col.notNull())
		.addPrimaryKeyConstraint('evidence_uploader_pk', ['org_id', 'sha256', 'uploaded_by'])
		.execute();
	await sql`insert into evidence_next (org_id, sha256, uploaded_by, bytes, received_at)
		select org_id, sha256, uploaded_by, bytes, received_at from evidence`.execute(db);
	await db.schema.dropTable('evidence').execute();
	await db.schema.alterTable('evidence_next').renameTo('evidence').execute();
}

/** Back to one row per photo and organisation, under one of its uploaders. */
export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('evidence_previous')
		.addColumn('org_id', 'varchar(36)', (col) => col.notNull().references('organisations.id'))
		.addColumn('sha256', 'varchar(64)', (col) => col.notNull())
		.addColumn('bytes', 'integer', (col) => col.notNull())
		.addColumn('uploaded_by', 'varchar(36)', (col) => col.notNull().references('users.id'))
		.addColumn('received_at', 'varchar(32)', (col) => col.notNull())
		.addPrimaryKeyConstraint('evidence_pk', ['org_id', 'sha256'])
		.execute();
	await sql`insert into evidence_previous (org_id, sha256, bytes, uploaded_by, received_at)
		select org_id, sha256, min(bytes), min(uploaded_by), min(received_at) from evidence
		group by org_id, sha256`.execute(db);
	await db.schema.dropTable('evidence').execute();
	await db.schema.alterTable('evidence_previous').renameTo('evidence').execute();
}
