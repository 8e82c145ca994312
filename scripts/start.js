// `npm start`: build when needed, then serve the app and the API from one Node process.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir, ensureBuild } from './build-if-needed.js';
import { SECURITY_HEADERS } from '../src/lib/server/security-headers.js';

ensureBuild();

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535)
	fail(`PORT must be a number from 0 to 65535, not "${process.env.PORT}"`);

// adapter-node refuses bodies above BODY_SIZE_LIMIT (512 KB by default) before any route sees
// them; photo uploads need up to MAX_PHOTO_BYTES. Each endpoint enforces its own, smaller limit.
process.env.BODY_SIZE_LIMIT ||= String(
	(Number(process.env.MAX_PHOTO_BYTES) || 20 * 1024 * 1024) + 64 * 1024
);

let handler;
try {
	// Importing the handler runs the server's init hook: configuration, database, migrations.
	({ handler } = await import(pathToFileURL(join(buildDir(), 'handler.js')).href));
} catch (error) {
	if (error?.name === 'StartupError') fail(error.message);
	throw error;
}

// The same headers as the `handle` hook (src/hooks.server.ts) sets, also on the static and
// prerendered files that adapter-node serves without running the hook.
const server = createServer((req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	handler(req, res);
});
server.on('error', (error) => {
	if (error.code === 'EADDRINUSE')
		fail(`port ${port} is already in use on ${host}; set PORT to another one`);
	if (error.code === 'EACCES')
		fail(`not allowed to listen on port ${port}; set PORT to one above 1023`);
	throw error;
});
server.listen(port, host, () => {
	const address = server.address();
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`Shelfcheck is running at http://${shown}:${address.port}`);
});

function shutdown() {
	server.close(() => process.emit('sveltekit:shutdown', 'SIGTERM'));
	// Long-lived connections must not keep the process up.
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 5000).unref();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

function fail(message) {
	console.error(`Shelfcheck could not start: ${message}`);
	process.exit(1);
}
