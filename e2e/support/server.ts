import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

/** The stand-in for the next release in the update test. */
export const NEXT_BUILD = { dir: '.e2e/build-next', id: 'e2e-next' };

export interface RunningServer {
	/** http(s)://127.0.0.1:<port>; the set-up link in `output()` names the URL people use. */
	url: string;
	port: number;
	dataDir: string;
	output: () => string;
	stop: () => Promise<void>;
	/** SIGKILL, as a crash or the OOM killer does: no shutdown, nothing flushed. */
	kill: () => Promise<void>;
}

export interface ServerOptions {
	dataDir?: string;
	port?: number;
	env?: Record<string, string>;
}

export function freshDataDir(): string {
	return mkdtempSync(join(tmpdir(), 'shelfcheck-e2e-'));
}

/** Runs `npm start`'s script on a free port (or the one given) and waits until it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const dataDir = options.dataDir ?? freshDataDir();
	const child = spawn(process.execPath, [join(root, 'scripts/start.js')], {
		cwd: root,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(options.port ?? 0),
			DATA_DIR: dataDir,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));

	const [scheme, port] = await new Promise<[string, number]>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
		const onData = () => {
			const match = /running at (https?):\/\/[^\s:]+:(\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve([match[1]!, Number(match[2])]);
			}
		};
		child.stdout.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});
	return {
		url: `${scheme}://127.0.0.1:${port}`,
		port,
		dataDir,
		output: () => output,
		stop: () => stop(child),
		kill: () => kill(child)
	};
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function stop(child: ChildProcess): Promise<void> {
	// A child that died of a signal has a signalCode and no exitCode: waiting for it would hang.
	if (exited(child)) return Promise.resolve();
	return new Promise((resolve) => {
		// SIGTERM exercises the graceful shutdown; a server that hangs is killed after 5 s.
		const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

function kill(child: ChildProcess): Promise<void> {
	if (exited(child)) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGKILL');
	});
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function startServerExpectingFailure(
	env: Record<string, string>
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [join(root, 'scripts/start.js')], {
			cwd: root,
			env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}
