// `npm run cert -- <host name or IP>… [--out <folder>] [--new-ca]`: a certificate authority of the
// team's own and a server certificate from it, for a trial on the team's network: the server
// serves HTTPS with TLS_CERT=<folder>/server.crt TLS_KEY=<folder>/server.key, and each phone
// trusts <folder>/ca.crt (README: "HTTPS on a team's own network").
//
// Built with @peculiar/x509 (certificates from WebCrypto keys, its ASN.1 from @peculiar/asn1-*)
// rather than the openssl binary: it works the same on Linux, macOS (whose openssl is LibreSSL,
// with other options) and Windows (which has none), and no ASN.1 is written by hand here.
//
// The CA may only vouch for the names given (a critical Name Constraints extension, honoured by
// Android and iOS): were its key ever stolen from this folder, it still could not impersonate
// any other site to the phones that trust it. Run again with the same names to renew the server
// certificate under the same CA (phones keep trusting it); other names need --new-ca.
// @peculiar/x509 resolves its parts with tsyringe, which needs the Reflect metadata API first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
	GeneralName,
	GeneralSubtree,
	GeneralSubtrees,
	NameConstraints,
	id_ce_nameConstraints
} from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

const DAY = 24 * 3600 * 1000;
/** Apple accepts TLS server certificates valid for at most 398 days. */
const SERVER_DAYS = 397;
const CA_YEARS = 5;
const EC = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' };

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(message);
	process.exit(2);
}

let args;
try {
	args = parseArgs({
		allowPositionals: true,
		options: { out: { type: 'string', default: 'tls' }, 'new-ca': { type: 'boolean' } }
	});
} catch (error) {
	fail(`${error.message}\nUsage: npm run cert -- <host name or IP>… [--out <folder>] [--new-ca]`);
}
const names = [...new Set(args.positionals.map((name) => name.trim().toLowerCase()))];
if (names.length === 0)
	fail(
		'Name the host names or IP addresses the phones will use, e.g. npm run cert -- shelfcheck.local 192.168.1.20'
	);
const DNS_NAME =
	/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
for (const name of names)
	if (!isIP(name) && !DNS_NAME.test(name))
		fail(`"${name}" is neither a host name nor an IP address`);

const out = resolve(args.values.out);
mkdirSync(out, { recursive: true, mode: 0o700 });
const file = (/** @type {string} */ name) => join(out, name);

/** @param {CryptoKey} key */
async function keyPem(key) {
	const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key);
	return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

/** @param {string} path */
async function readKey(path) {
	const der = x509.PemConverter.decode(readFileSync(path, 'utf8'))[0];
	return webcrypto.subtle.importKey('pkcs8', der, EC, false, ['sign']);
}

/** The names a CA certificate's Name Constraints permit, as "dns:x" / "ip:a.b.c.d/32". */
function permitted(/** @type {x509.X509Certificate} */ ca) {
	const extension = ca.getExtension(id_ce_nameConstraints);
	if (!extension) return null;
	const constraints = AsnConvert.parse(extension.value, NameConstraints);
	return (constraints.permittedSubtrees ?? []).map((subtree) =>
		subtree.base.dNSName ? `dns:${subtree.base.dNSName}` : `ip:${subtree.base.iPAddress}`
	);
}

/** The subtree that permits exactly this name (an IP alone, or a host name and its subdomains). */
function subtreeFor(/** @type {string} */ name) {
	if (!isIP(name)) return `dns:${name}`;
	return `ip:${name}/${isIP(name) === 4 ? 32 : 128}`;
}

function isCovered(/** @type {string} */ name, /** @type {string[]} */ allowed) {
	if (isIP(name)) return allowed.includes(subtreeFor(name));
	return allowed.some(
		(entry) =>
			entry.startsWith('dns:') && (name === entry.slice(4) || name.endsWith(`.${entry.slice(4)}`))
	);
}

async function newCa() {
	const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
	const subtrees = names.map((name) => {
		const [type, value] = subtreeFor(name).split(/:(.*)/s);
		return new GeneralSubtree({
			base: new GeneralName(type === 'dns' ? { dNSName: value } : { iPAddress: value })
		});
	});
	const constraints = new x509.Extension(
		id_ce_nameConstraints,
		true,
		AsnConvert.serialize(new NameConstraints({ permittedSubtrees: new GeneralSubtrees(subtrees) }))
	);
	const now = Date.now();
	const ca = await x509.X509CertificateGenerator.createSelfSigned({
		name: `CN=Shelfcheck trial CA for ${names[0]}, O=Shelfcheck`,
		notBefore: new Date(now - DAY),
		notAfter: new Date(now + CA_YEARS * 365 * DAY),
		keys,
		signingAlgorithm: SIGNING,
		extensions: [
			new x509.BasicConstraintsExtension(true, 0, true),
			new x509.KeyUsagesExtension(
				x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
				true
			),
			constraints,
			await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
		]
	});
	writeFileSync(file('ca.key'), await keyPem(keys.privateKey), { mode: 0o600 });
	writeFileSync(file('ca.crt'), ca.toString('pem'));
	return { ca, key: keys.privateKey, created: true };
}

async function existingCa() {
	if (args.values['new-ca'] || !existsSync(file('ca.key')) || !existsSync(file('ca.crt')))
		return null;
	const ca = new x509.X509Certificate(readFileSync(file('ca.crt'), 'utf8'));
	const allowed = permitted(ca) ?? [];
	const outside = names.filter((name) => !isCovered(name, allowed));
	if (outside.length)
		fail(
			`The CA in ${file('ca.crt')} may only vouch for ${allowed.map((a) => a.slice(a.indexOf(':') + 1)).join(', ')}, not ${outside.join(', ')}. Run again with --new-ca (each phone then has to trust the new ca.crt).`
		);
	if (ca.notAfter.getTime() < Date.now() + SERVER_DAYS * DAY)
		fail(`The CA in ${file('ca.crt')} expires before a new certificate would; run with --new-ca.`);
	return { ca, key: await readKey(file('ca.key')), created: false };
}

const authority = (await existingCa()) ?? (await newCa());
const serverKeys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
const now = Date.now();
const server = await x509.X509CertificateGenerator.create({
	subject: `CN=${names[0]}`,
	issuer: authority.ca.subject,
	notBefore: new Date(now - DAY),
	notAfter: new Date(now + SERVER_DAYS * DAY),
	publicKey: serverKeys.publicKey,
	signingKey: authority.key,
	signingAlgorithm: SIGNING,
	extensions: [
		new x509.BasicConstraintsExtension(false, undefined, true),
		new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
		new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
		new x509.SubjectAlternativeNameExtension(
			names.map((name) => ({ type: isIP(name) ? 'ip' : 'dns', value: name }))
		),
		await x509.SubjectKeyIdentifierExtension.create(serverKeys.publicKey),
		await x509.AuthorityKeyIdentifierExtension.create(authority.ca.publicKey)
	]
});
writeFileSync(file('server.key'), await keyPem(serverKeys.privateKey), { mode: 0o600 });
writeFileSync(file('server.crt'), server.toString('pem'));

const shown = (/** @type {string} */ name) => relative(process.cwd(), file(name)) || file(name);
console.log(
	`${authority.created ? 'Made a new certificate authority' : 'Used the certificate authority'} in ${shown('ca.crt')} (its key ${shown('ca.key')} stays here; the server does not need it).`
);
console.log(
	`Server certificate for ${names.join(', ')}, valid until ${server.notAfter.toISOString().slice(0, 10)}: ${shown('server.crt')}, key ${shown('server.key')}.`
);
console.log(
	`Serve HTTPS:  TLS_CERT=${shown('server.crt')} TLS_KEY=${shown('server.key')} npm start`
);
console.log(
	`On each phone, trust ${shown('ca.crt')} once (README: "HTTPS on a team's own network"), then open https://${names[0]}${names.length > 1 ? ' (or another name above)' : ''}.`
);
