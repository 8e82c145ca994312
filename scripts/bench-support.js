// What the browser benchmarks share: a production server on a free port with a fresh data
// directory, and the machine's description printed beside every figure.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function startServer() {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(root, 'scripts/start.js')], {
			cwd: root,
			env: {
				...process.env,
				HOST: '127.0.0.1',
				PORT: '0',
				DATA_DIR: mkdtempSync(join(tmpdir(), 'shelfcheck-bench-'))
			},
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.on('data', (chunk) => {
			out += chunk;
			const match = /running at http:\/\/[^:]+:(\d+)/.exec(out);
			if (match)
				resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill('SIGTERM') });
		});
		child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
	});
}

export function machine(chromiumVersion) {
	return {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		node: process.version,
		chromium: chromiumVersion
	};
}
