import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The layers ARCHITECTURE.md draws, as lint rules, so a slip fails `npm run lint` instead of
// waiting for a review. Lower layers never import higher ones:
//   contract  <  cores (catalogue, inspection, product, signing, sync)  <  db  <  app  <  routes
// and the server's code stays on the server.
const CORES = ['catalogue', 'inspection', 'visit', 'product', 'signing', 'sync'];
const coreFiles = [...CORES, 'contract'].map((folder) => `src/lib/${folder}/**/*.ts`);
const specs = ['**/*.spec.ts'];

const storageDrivers = {
	group: ['dexie', 'dexie/*'],
	message: 'Only src/lib/db/ touches IndexedDB: use its repositories.'
};
const sqlDrivers = {
	group: ['kysely', 'kysely/*', 'pg', 'better-sqlite3'],
	message: 'Only src/lib/server/ touches SQL: call a function there.'
};
const serverCode = {
	group: ['$lib/server', '$lib/server/*'],
	message: 'Server code stays on the server (only types may be shared, through src/lib/contract/).',
	allowTypeImports: true
};
const restrict = (...patterns) => ['error', { patterns }];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.e2e/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'.test-reports/',
			'bench-results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with types in view.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		// Type-aware rules for all of the app's TypeScript: a promise nobody awaits is a write
		// nobody checks. Deliberate fire-and-forget calls say so with `void`.
		files: ['src/**/*.ts', 'src/**/*.svelte', 'e2e/**/*.ts', 'playwright.config.ts'],
		// Outside the app's tsconfig: the service worker (its own lib) and dot-folder routes.
		ignores: ['src/service-worker.ts', 'src/routes/.well-known/**'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }]
		}
	},

	// ---- boundaries ---------------------------------------------------------------------------
	{
		// Everything in src/: no storage or SQL driver, no server code on the client.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/db/**', 'src/lib/server/**', '**/*.server.ts', 'src/hooks.server.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict(storageDrivers, sqlDrivers, serverCode)
		}
	},
	{
		// Server code may use SQL; the endpoints (+server.ts) and server loads are server code too.
		files: ['src/lib/server/**/*.ts', '**/*.server.ts', 'src/hooks.server.ts', '**/+server.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict(storageDrivers, {
				...sqlDrivers,
				group: ['pg', 'better-sqlite3']
			})
		}
	},
	{
		files: ['src/lib/server/db/**/*.ts'],
		rules: { '@typescript-eslint/no-restricted-imports': restrict(storageDrivers) }
	},
	{
		// Routes reach storage and SQL only through src/lib: never a driver or a query builder.
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict(
				storageDrivers,
				{ ...sqlDrivers, message: 'Routes never touch SQL: call a function in src/lib/server/.' },
				serverCode
			)
		}
	},
	{
		files: ['src/routes/**/+server.ts', 'src/routes/**/*.server.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict(storageDrivers, {
				...sqlDrivers,
				message: 'Routes never touch SQL: call a function in src/lib/server/.'
			})
		}
	},
	{
		// The pure cores and the shared contract: plain TypeScript that runs anywhere, in Node
		// tests and on the server. No Svelte, no Kit, no storage, no network, no device wiring.
		files: coreFiles,
		ignores: specs,
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict(
				storageDrivers,
				sqlDrivers,
				serverCode,
				{
					group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
					message: 'A pure core imports no Svelte or Kit: put this in an edge (src/lib/app/).'
				},
				{
					group: ['$lib/db', '$lib/db/*', '$lib/app', '$lib/app/*', '$lib/pwa/*', '$lib/ui/*'],
					message: 'A pure core never reaches an edge: the edge calls the core.'
				}
			),
			'no-restricted-globals': [
				'error',
				...['fetch', 'indexedDB', 'localStorage', 'sessionStorage', 'XMLHttpRequest'].map(
					(name) => ({ name, message: 'A pure core does no I/O: pass it in from an edge.' })
				)
			]
		}
	},
	{
		// The shared contract sits below everything but signing (it verifies signatures).
		files: ['src/lib/contract/**/*.ts'],
		ignores: specs,
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict(
				storageDrivers,
				sqlDrivers,
				serverCode,
				{
					group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
					message: 'The contract is plain TypeScript shared by the app and the server.'
				},
				{
					group: [
						...CORES.filter((core) => core !== 'signing'),
						'db',
						'app',
						'pwa',
						'ui',
						'report'
					].flatMap((folder) => [`$lib/${folder}`, `$lib/${folder}/*`]),
					message: 'The contract depends on nothing of the app but signing.'
				}
			)
		}
	},
	{
		// The database layer stores what the cores define: it may import their types, never their
		// code, and nothing above it.
		files: ['src/lib/db/**/*.ts'],
		ignores: specs,
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict(
				sqlDrivers,
				serverCode,
				{
					group: ['$lib/*', '!$lib/db', '!$lib/db/*'],
					message: 'src/lib/db imports only the cores’ types.',
					allowTypeImports: true
				},
				{
					group: ['$lib/app', '$lib/app/*', '$lib/pwa/*', '$lib/ui/*', 'svelte', '$app/*'],
					message: 'src/lib/db sits below the app’s edges.'
				}
			)
		}
	}
);
