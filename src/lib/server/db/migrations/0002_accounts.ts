import type { Kysely } from 'kysely';

/** Organisations, users, sessions, the one-time set-up and invite tokens, login throttling. */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('organisations')
		.addColumn('id', 'varchar(36)', (col) => col.primaryKey())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('created_at', 'varchar(32)', (col) => col.notNull())
		.execute();
	await db.schema
		.createTable('users')
		.addColumn('id', 'varchar(36)', (col) => col.primaryKey())
		.addColumn('org_id', 'varchar(36)', (col) => col.notNull().references('organisations.id'))
		.addColumn('email', 'varchar(320)', (col) => col.notNull().unique())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('role', 'varchar(16)', (col) => col.notNull())
		.addColumn('password_hash', 'text', (col) => col.notNull())
		.addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
		.addColumn('created_at', 'varchar(32)', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('users_org').on('users').column('org_id').execute();
	await db.schema
		.createTable('sessions')
		.addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
		.addColumn('user_id', 'varchar(36)', (col) =>
			col.notNull().references('users.id').onDelete('cascade')
		)
		.addColumn('created_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
	await db.schema
		.createTable('setup_tokens')
		.addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
		.addColumn('created_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('used_at', 'varchar(32)')
		.execute();
	await db.schema
		.createTable('invites')
		.addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
		.addColumn('org_id', 'varchar(36)', (col) => col.notNull().references('organisations.id'))
		.addColumn('email', 'varchar(320)', (col) => col.notNull())
		.addColumn('role', 'varchar(16)', (col) => col.notNull())
		.addColumn('invited_by', 'varchar(36)', (col) => col.notNull().references('users.id'))
		.addColumn('created_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('used_at', 'varchar(32)')
		.execute();
	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'varchar(400)', (col) => col.primaryKey())
		.addColumn('failures', 'integer', (col) => col.notNull())
		.addColumn('last_failure_at', 'varchar(32)', (col) => col.notNull())
		.addColumn('blocked_until', 'varchar(32)', (col) => col.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'login_throttle',
		'invites',
		'setup_tokens',
		'sessions',
		'users',
		'organisations'
	])
		await db.schema.dropTable(table).execute();
}
