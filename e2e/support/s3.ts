import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Socket, createServer, type Server } from 'node:net';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * The S3-compatible server the tests run against: moto's `moto_server` (getmoto/moto, the
 * maintained S3 test double of the Python AWS ecosystem, installed on this project's machines
 * with pip; `MOTO_SERVER` names another binary). It keeps everything in memory and speaks S3's
 * REST API, including multipart uploads and checksums, on 127.0.0.1.
 */
export const MOTO_SERVER = process.env.MOTO_SERVER || 'moto_server';

export function s3ServerAvailable(): boolean {
	return spawnSync(MOTO_SERVER, ['--help'], { stdio: 'ignore' }).status === 0;
}

export const S3_CREDENTIALS = { accessKeyId: 'shelfcheck-test', secretAccessKey: 'not-a-secret' };

export interface S3TestServer {
	endpoint: string;
	client: S3Client;
	/** A new, empty bucket; returns its name. */
	bucket(): Promise<string>;
	/** `EVIDENCE_S3_URL` for that bucket, credentials included. */
	url(bucket: string, endpoint?: string): string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export async function startS3Server(): Promise<S3TestServer> {
	const port = await freePort();
	const child: ChildProcess = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let output = '';
	child.stderr!.on('data', (chunk) => (output += chunk));
	const endpoint = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`moto_server exited:\n${output}`);
		const up = await fetch(`${endpoint}/moto-api/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) break;
		if (Date.now() > deadline) throw new Error(`moto_server did not start:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const client = new S3Client({
		endpoint,
		region: 'us-east-1',
		forcePathStyle: true,
		credentials: S3_CREDENTIALS,
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED'
	});
	return {
		endpoint,
		client,
		async bucket() {
			const name = `shelfcheck-${randomBytes(6).toString('hex')}`;
			await client.send(new CreateBucketCommand({ Bucket: name }));
			return name;
		},
		url(bucket, through = endpoint) {
			const { accessKeyId, secretAccessKey } = S3_CREDENTIALS;
			return `${through.replace('://', `://${accessKeyId}:${secretAccessKey}@`)}/${bucket}`;
		},
		async stop() {
			client.destroy();
			if (child.exitCode !== null) return;
			await new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			});
		}
	};
}

/**
 * A TCP relay in front of the S3 server that, while `cutting` is on, drops the connection of any
 * request that sends more than `cutAfter` bytes before the server answers: an upload cut
 * mid-body, as a failing network or load balancer does. Small requests (HEAD, GET) pass.
 */
export async function cuttingRelay(target: string, cutAfter = 4096) {
	const { hostname, port } = new URL(target);
	const sockets = new Set<Socket>();
	let cuts = 0;
	const relay = {
		cutting: false,
		endpoint: '',
		cuts: () => cuts,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
	const server: Server = createServer((client) => {
		const upstream = new Socket().connect(Number(port), hostname);
		sockets.add(client).add(upstream);
		let sentSinceAnswer = 0;
		client.on('data', (chunk: Buffer) => {
			sentSinceAnswer += chunk.length;
			if (relay.cutting && sentSinceAnswer > cutAfter) {
				cuts++;
				const room = Math.max(0, cutAfter - (sentSinceAnswer - chunk.length));
				upstream.write(chunk.subarray(0, room), () => {
					upstream.destroy();
					client.destroy();
				});
				return;
			}
			upstream.write(chunk);
		});
		upstream.on('data', (chunk: Buffer) => {
			sentSinceAnswer = 0;
			client.write(chunk);
		});
		const end = () => {
			client.destroy();
			upstream.destroy();
		};
		client.on('close', end).on('error', end);
		upstream.on('close', end).on('error', end);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const address = server.address();
	relay.endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	return relay;
}
