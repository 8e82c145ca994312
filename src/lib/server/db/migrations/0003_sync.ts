import type { Kysely } from 'kysely';

/** Enrolled devices, evidence received (per organisation), signed reports and what they index. */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('devices')
		.addColumn('kid', 'varchar(64)', (col) => col.primaryKey())
		.addColumn('org_id', 'varchar(36)', (col) => col.notNull().references('organisations.id'))
		.addColumn('user_id', 'varchar(36)', (col) => col.notNull().references('users.id'))
		.addColumn('label', 'text', (col) => col.notNull())
		.addColumn('public_jwk', 'text', (col) => col.notNull())
		.addColumn('created_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('revoked_at', 'varchar(32)')
		.execute();
	await db.schema.createIndex('devices_org').on('devices').column('org_id').execute();
	await db.schema
		.createTable('evidence')
		.addColumn('org_id', 'varchar(36)', (col) => col.notNull().references('organisations.id'))
		.addColumn('sha256', 'varchar(64)', (col) => col.notNull())
		.addColumn('bytes', 'integer', (col) => col.notNull())
		.addColumn('uploaded_by', 'varchar(36)', (col) => col.notNull().references('users.id'))
		.addColumn('received_at', 'varchar(32)', (col) => col.notNull())
		.addPrimaryKeyConstraint('evidence_pk', ['org_id', 'sha256'])
		.execute();
	await db.schema
		.createTable('reports')
		.addColumn('id', 'varchar(36)', (col) => col.primaryKey())
		.addColumn('org_id', 'varchar(36)', (col) => col.notNull().references('organisations.id'))
		.addColumn('user_id', 'varchar(36)', (col) => col.notNull().references('users.id'))
		.addColumn('device_kid', 'varchar(64)', (col) => col.notNull().references('devices.kid'))
		.addColumn('jws', 'text', (col) => col.notNull())
		.addColumn('report_hash', 'varchar(64)', (col) => col.notNull().unique())
		.addColumn('received_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('gtin', 'varchar(14)')
		.addColumn('brand', 'text')
		.addColumn('model', 'text')
		.addColumn('inspector', 'text', (col) => col.notNull())
		.addColumn('bundle_id', 'varchar(32)', (col) => col.notNull())
		.addColumn('finished_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('supersedes', 'varchar(36)')
		.execute();
	await db.schema
		.createIndex('reports_org_received')
		.on('reports')
		.columns(['org_id', 'received_at', 'id'])
		.execute();
	await db.schema.createIndex('reports_gtin').on('reports').column('gtin').execute();
	for (const [table, extra] of [
		['report_photos', ['sha256']],
		['report_answers', ['check_id', 'verdict']],
		['report_provisions', ['framework', 'provision_id', 'outcome']]
	] as const) {
		let builder = db.schema
			.createTable(table)
			.addColumn('report_id', 'varchar(36)', (col) =>
				col.notNull().references('reports.id').onDelete('cascade')
			)
			.addColumn('position', 'integer', (col) => col.notNull());
		for (const column of extra) builder = builder.addColumn(column, 'text', (col) => col.notNull());
		await builder.addPrimaryKeyConstraint(`${table}_pk`, ['report_id', 'position']).execute();
	}
	await db.schema.createIndex('report_photos_sha').on('report_photos').column('sha256').execute();
	await db.schema
		.createIndex('report_answers_verdict')
		.on('report_answers')
		.column('verdict')
		.execute();
	await db.schema
		.createIndex('report_provisions_id')
		.on('report_provisions')
		.column('provision_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'report_provisions',
		'report_answers',
		'report_photos',
		'reports',
		'evidence',
		'devices'
	])
		await db.schema.dropTable(table).execute();
}
