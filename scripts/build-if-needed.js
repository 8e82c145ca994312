// Builds the app when its sources changed since the last build, so that `npm start` and the
// end-to-end tests always run what is in the working tree without rebuilding every time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const inputs = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	// The Vite plugin that copies the OCR engine into the build.
	'vite-ocr-engine.js'
];

export function buildDir() {
	return join(root, process.env.SHELFCHECK_BUILD_DIR || 'build');
}

function* files(path) {
	if (!existsSync(path)) return;
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) {
			// Unit tests are not part of the build.
			if (!name.endsWith('.spec.ts')) yield* files(join(path, name));
		}
	} else yield path;
}

/** A hash of every input's path and bytes, plus the build-shaping environment. */
export function sourceHash() {
	const hash = createHash('sha256');
	hash.update(`${process.env.SHELFCHECK_BUILD_ID ?? ''}\0`);
	for (const input of inputs) {
		for (const file of files(join(root, input))) {
			hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return hash.digest('hex');
}

export function ensureBuild() {
	const stamp = join(buildDir(), '.source-hash');
	const hash = sourceHash();
	if (existsSync(join(buildDir(), 'handler.js')) && existsSync(stamp)) {
		if (readFileSync(stamp, 'utf8') === hash) return false;
	}
	console.log('Building Shelfcheck (sources changed since the last build)…');
	// The build is named after its sources, so the version shown identifies what is running.
	const env = {
		...process.env,
		SHELFCHECK_BUILD_ID: process.env.SHELFCHECK_BUILD_ID || hash.slice(0, 8)
	};
	const result = spawnSync(
		process.execPath,
		[join(root, 'node_modules/vite/bin/vite.js'), 'build'],
		{
			cwd: root,
			stdio: 'inherit',
			env
		}
	);
	if (result.status !== 0) {
		console.error('Shelfcheck could not start: the build failed (see above)');
		process.exit(1);
	}
	writeFileSync(stamp, hash);
	return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureBuild();
