// `npm start`: build when needed, then serve the app and the API from one Node process: over
// HTTP, or over HTTPS (HTTP/1.1) when TLS_CERT and TLS_KEY name PEM files.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir, ensureBuild } from './build-if-needed.js';
import { securityHeaders } from '../src/lib/server/security-headers.js';
import { SETUP_LINK_EVENT, setupLinkMessage } from '../src/lib/server/setup-link.js';

ensureBuild();

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535)
	fail(`PORT must be a number from 0 to 65535, not "${process.env.PORT}"`);
const tls = loadTls(process.env.TLS_CERT?.trim(), process.env.TLS_KEY?.trim());

// adapter-node refuses bodies above BODY_SIZE_LIMIT (512 KB by default) before any route sees
// them; photo uploads need up to MAX_PHOTO_BYTES. Each endpoint enforces its own, smaller limit.
process.env.BODY_SIZE_LIMIT ||= String(
	(Number(process.env.MAX_PHOTO_BYTES) || 20 * 1024 * 1024) + 64 * 1024
);

// Which protocol a request came over. adapter-node builds each request's URL from ORIGIN, or else
// from the PROTOCOL_HEADER it is told to trust (a proxy's X-Forwarded-Proto) and, with neither,
// takes every request for https: SvelteKit's CSRF check then refuses every form posted over
// plain HTTP. With neither set, nothing stands in front of this process, so the connection
// itself says: this script sets PROTOCOL_HEADER to a header of its own and writes it on every
// request from the socket, over whatever a client sent under that name.
const origin = process.env.ORIGIN?.trim().replace(/\/$/, '');
const proxyProtocolHeader = process.env.PROTOCOL_HEADER?.trim().toLowerCase();
const CONNECTION_PROTOCOL = 'x-shelfcheck-connection-protocol';
const fromConnection = !origin && !proxyProtocolHeader;
if (fromConnection) process.env.PROTOCOL_HEADER = CONNECTION_PROTOCOL;

/** @param {import('node:http').IncomingMessage} req */
function cameOverHttps(req) {
	if (origin) return origin.startsWith('https:');
	if (proxyProtocolHeader) return req.headers[proxyProtocolHeader] === 'https';
	return 'encrypted' in req.socket && req.socket.encrypted === true;
}

// The init hook issues the set-up token while the handler is imported, before the port is open;
// the link is printed below once the port (and so the URL) is known.
/** @type {string | undefined} */
let setupToken;
process.once(SETUP_LINK_EVENT, (token) => (setupToken = token));

let handler;
try {
	// Importing the handler runs the server's init hook: configuration, database, migrations.
	({ handler } = await import(pathToFileURL(join(buildDir(), 'handler.js')).href));
} catch (error) {
	if (error?.name === 'StartupError') fail(error.message);
	throw error;
}

/** @type {import('node:http').RequestListener} */
function listener(req, res) {
	if (fromConnection) req.headers[CONNECTION_PROTOCOL] = cameOverHttps(req) ? 'https' : 'http';
	// The same headers as the `handle` hook (src/hooks.server.ts) sets, also on the static and
	// prerendered files that adapter-node serves without running the hook.
	for (const [name, value] of Object.entries(securityHeaders(cameOverHttps(req))))
		res.setHeader(name, value);
	handler(req, res);
}

const server = tls
	? createHttpsServer({ cert: tls.cert, key: tls.key }, listener)
	: createHttpServer(listener);
server.on('error', (error) => {
	if (error.code === 'EADDRINUSE')
		fail(`port ${port} is already in use on ${host}; set PORT to another one`);
	if (error.code === 'EACCES')
		fail(`not allowed to listen on port ${port}; set PORT to one above 1023`);
	throw error;
});
server.listen(port, host, () => {
	const address = server.address();
	const listening = typeof address === 'object' && address ? address.port : port;
	const scheme = tls ? 'https' : 'http';
	const local = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	// One write, so that whoever waits for "running at" has the set-up link too.
	const lines = [`Shelfcheck is running at ${scheme}://${hostInUrl(local)}:${listening}`];
	if (tls) lines.push(`HTTPS with the certificate for ${tls.names.join(', ')}`);
	if (setupToken) lines.push(setupLinkMessage(publicUrl(listening), setupToken));
	console.log(lines.join('\n'));
});

/**
 * The URL people reach the server at: ORIGIN when set; under HTTPS, the certificate's first name
 * (the one phones trust it for); otherwise the host it listens on, localhost for every address.
 * @param {number} listening
 */
function publicUrl(listening) {
	if (origin) return origin;
	const name = tls?.names[0] ?? (host === '0.0.0.0' || host === '::' ? 'localhost' : host);
	const defaultPort = tls ? 443 : 80;
	return `${tls ? 'https' : 'http'}://${hostInUrl(name)}${listening === defaultPort ? '' : `:${listening}`}`;
}

/** @param {string} name */
function hostInUrl(name) {
	return name.includes(':') ? `[${name}]` : name;
}

/**
 * Reads and checks the certificate and key, so a wrong path or a mismatched pair stops start-up
 * with one line instead of failing every connection later.
 * @param {string | undefined} certPath
 * @param {string | undefined} keyPath
 */
function loadTls(certPath, keyPath) {
	if (!certPath && !keyPath) return null;
	if (!certPath || !keyPath)
		fail('set both TLS_CERT and TLS_KEY (PEM files) to serve HTTPS, or neither for plain HTTP');
	const read = (/** @type {string} */ name, /** @type {string} */ path) => {
		try {
			return readFileSync(path);
		} catch (error) {
			return fail(`${name} ${path} cannot be read (${error.code ?? error.message})`);
		}
	};
	const cert = read('TLS_CERT', certPath);
	const key = read('TLS_KEY', keyPath);
	let certificate;
	try {
		certificate = new X509Certificate(cert);
	} catch {
		fail(`TLS_CERT ${certPath} is not a PEM certificate`);
	}
	let privateKey;
	try {
		privateKey = createPrivateKey(key);
	} catch {
		fail(`TLS_KEY ${keyPath} is not a PEM private key`);
	}
	if (!certificate.checkPrivateKey(privateKey))
		fail(`TLS_KEY ${keyPath} is not the key of the certificate in TLS_CERT ${certPath}`);
	if (new Date(certificate.validTo) < new Date())
		fail(`the certificate in TLS_CERT ${certPath} expired on ${certificate.validTo}`);
	// "DNS:shelfcheck.local, IP Address:192.168.1.20" -> ["shelfcheck.local", "192.168.1.20"]
	const names = (certificate.subjectAltName ?? '')
		.split(', ')
		.map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry)?.[1])
		.filter((name) => name !== undefined);
	return { cert, key, names: names.length ? names : [host] };
}

function shutdown() {
	server.close(() => process.emit('sveltekit:shutdown', 'SIGTERM'));
	// Long-lived connections must not keep the process up.
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 5000).unref();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`Shelfcheck could not start: ${message}`);
	process.exit(1);
}
