/**
 * For the repositories' specs only: throw-away device databases, and the schema as earlier
 * releases left it, so that an upgrade test starts from what a real device held. Runs on
 * fake-indexeddb (each spec imports `fake-indexeddb/auto` first).
 */
import Dexie from 'dexie';
import { afterEach } from 'vitest';

/**
 * The stores each released version declared, as it shipped (what `database.ts` declares, without
 * the upgrades). Frozen on purpose: an upgrade test must start from the old schema, not from
 * whatever the current code says it was.
 */
const released: Record<number, Record<string, string>> = {
	1: { inspections: 'id, status, updatedAt', settings: 'key', selfTest: 'id' },
	2: { inspections: 'id, status, updatedAt, [status+updatedAt]' },
	3: {
		inspections: 'id, status, updatedAt, [status+updatedAt], product.gtin, product.model',
		products: 'id, gtin, model, updatedAt',
		photos: 'id, inspectionId, [inspectionId+checkId], sha256, derivedFrom'
	},
	4: { keys: 'id', reports: 'id, inspectionId, hash, signedAt' },
	5: { outbox: 'reportId, state, inspectionId, queuedAt' },
	6: {
		visits: 'id, updatedAt',
		inspections: 'id, status, updatedAt, [status+updatedAt], product.gtin, product.model, visitId'
	}
};

/** A database named `name` with the schema as `version` left it; the caller adds rows and closes it. */
export function oldSchema(name: string, version: number): Dexie {
	const old = new Dexie(name);
	for (let v = 1; v <= version; v++) {
		const stores = released[v];
		if (!stores) throw new Error(`No released schema ${v} is recorded here`);
		old.version(v).stores(stores);
	}
	return old;
}

/**
 * A source of fresh database names, each deleted after the test that used it. Call it in the
 * `describe` body (it registers the `afterEach`); close the databases in the test.
 */
export function freshNames(prefix: string): () => string {
	const names: string[] = [];
	afterEach(async () => {
		for (const name of names.splice(0)) await Dexie.delete(name);
	});
	return () => {
		const name = `${prefix}-${crypto.randomUUID()}`;
		names.push(name);
		return name;
	};
}
