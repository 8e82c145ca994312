/** The server's tables, as Kysely sees them. Each migration that adds a table adds it here. */
export interface Database {
	server_info: ServerInfoTable;
}

export interface ServerInfoTable {
	key: string;
	value: string;
}
