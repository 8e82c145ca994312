import type { Kysely } from 'kysely';

/** Facts about this server instance (its id, when its database was created). */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('server_info')
		.addColumn('key', 'varchar(64)', (col) => col.primaryKey())
		.addColumn('value', 'text', (col) => col.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('server_info').execute();
}
