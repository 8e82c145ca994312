/**
 * The layers ARCHITECTURE.md draws, checked two ways: the feature folders under src/lib import
 * each other without a cycle (so each can be read, tested and moved from the bottom up), and the
 * lint rules that hold the boundaries really fail on a deliberate break (a rule that never fires
 * would pass every review unnoticed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const lib = resolve('src/lib');

/** Every non-test source file under src/lib. */
function sources(dir = lib): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(ts|js|svelte)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
	});
}

const folderOf = (path: string) => relative(lib, path).split('/')[0]!;

/** Which feature folder imports which, from `$lib/…` and relative specifiers (types included). */
function folderGraph(): Map<string, Set<string>> {
	const graph = new Map<string, Set<string>>();
	for (const file of sources()) {
		const from = folderOf(file);
		const text = readFileSync(file, 'utf8');
		for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
			const target = specifier!.startsWith('$lib/')
				? join(lib, specifier!.slice('$lib/'.length))
				: specifier!.startsWith('.')
					? resolve(dirname(file), specifier!)
					: undefined;
			if (!target?.startsWith(lib + '/')) continue;
			const to = folderOf(target);
			// A file directly under src/lib (e.g. this spec's siblings) is not a folder.
			if (to === from || to.includes('.')) continue;
			graph.set(from, (graph.get(from) ?? new Set()).add(to));
		}
	}
	return graph;
}

/** A cycle in the graph as a path (first folder repeated at the end), or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
	const done = new Set<string>();
	const path: string[] = [];
	const visit = (node: string): string[] | undefined => {
		const at = path.indexOf(node);
		if (at >= 0) return [...path.slice(at), node];
		if (done.has(node)) return undefined;
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		path.pop();
		done.add(node);
		return undefined;
	};
	for (const node of graph.keys()) {
		const cycle = visit(node);
		if (cycle) return cycle;
	}
	return undefined;
}

describe('the feature folders', () => {
	it('import each other without a cycle', () => {
		const graph = folderGraph();
		// The graph is real: the app's edges reach the cores and the database.
		expect([...(graph.get('app') ?? [])]).toEqual(expect.arrayContaining(['db', 'inspection']));
		expect(findCycle(graph)).toBeUndefined();
	});

	it('the cycle finder finds a cycle when there is one', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])]
		]);
		expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
		expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeUndefined();
	});

	it('the contract and the pure cores import no edge', () => {
		const graph = folderGraph();
		const edges = ['app', 'db', 'pwa', 'ui', 'server'];
		for (const core of [
			'contract',
			'catalogue',
			'inspection',
			'visit',
			'product',
			'signing',
			'sync'
		]) {
			expect({
				core,
				imports: [...(graph.get(core) ?? [])].filter((f) => edges.includes(f))
			}).toEqual({ core, imports: [] });
		}
	});
});

describe('the boundary lint rules', () => {
	const eslint = new ESLint();
	/** The messages ESLint gives for `code` as if it were the file at `path` (which must exist). */
	async function lint(code: string, path: string): Promise<string[]> {
		const [result] = await eslint.lintText(code, { filePath: path });
		return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
	}

	it('fail on a deliberate break of each boundary', { timeout: 180_000 }, async () => {
		expect(
			await lint(
				"import Dexie from 'dexie';\nexport const d = Dexie;\n",
				'src/lib/inspection/rollup.ts'
			)
		).toEqual([expect.stringContaining('Only src/lib/db/ touches IndexedDB')]);
		expect(
			await lint("export const r = () => fetch('/x');\n", 'src/lib/catalogue/index.ts')
		).toEqual([expect.stringContaining('A pure core does no I/O')]);
		expect(
			await lint(
				"import { store } from '$lib/server/runtime';\nexport const s = store;\n",
				'src/lib/app/device-key.ts'
			)
		).toEqual([expect.stringContaining('Server code stays on the server')]);
		expect(
			await lint(
				"import { Kysely } from 'kysely';\nexport const k = Kysely;\n",
				'src/lib/report/pdf.ts'
			)
		).toEqual([expect.stringContaining('Only src/lib/server/ touches SQL')]);
		expect(
			await lint("import { db } from '$lib/db';\nexport const d = db;\n", 'src/lib/signing/jws.ts')
		).toEqual([expect.stringContaining('A pure core never reaches an edge')]);
	});
});
