// `npm run verify -- <export.zip> [earlier exports…]`: verifies a Shelfcheck export with the
// same module the app uses. Earlier exports, if given, let it check the link to the report
// signed before this one. Prints "Verified" and the details, or "Not verified: <reason>".
import { readFileSync } from 'node:fs';
import { readExport } from '$lib/report/export-zip';
import { verifyExport } from '../src/lib/report/verify';
import { reportHash } from '../src/lib/signing';

const [file, ...earlier] = process.argv.slice(2);
if (!file) {
	console.error('Usage: npm run verify -- <export.zip> [earlier exports…]');
	process.exit(2);
}

function read(path: string): Uint8Array {
	try {
		return new Uint8Array(readFileSync(path));
	} catch (error) {
		console.error(`Cannot read ${path}: ${(error as Error).message}`);
		process.exit(2);
	}
}

const known = new Map<string, string>();
for (const path of earlier) {
	const contents = readExport(read(path));
	if (contents.ok) known.set(await reportHash(contents.jws), contents.jws);
}

const result = await verifyExport(read(file), async (hash) => known.get(hash));
if (!result.ok) {
	console.log(`Not verified: ${result.reason}`);
	process.exit(1);
}
const { document } = result;
console.log('Verified');
console.log(
	`  report       ${document.reportId}${document.supersedes ? ` (amends ${document.supersedes})` : ''}`
);
console.log(`  report hash  ${result.reportHash}`);
console.log(`  signed by    ${document.inspector.name}, device key ${result.fingerprint}`);
console.log(
	`  product      ${[document.product.brand, document.product.model, document.product.gtin].filter(Boolean).join(' · ') || '(not identified)'}`
);
console.log(
	`  inspection   ${document.bundle.name} at ${document.place.name}, finished ${document.finishedAt}`
);
console.log(`  photos       ${document.photos.length}, every one matching its SHA-256`);
console.log(
	`  previous     ${
		{
			first: 'none: the first report signed on this device',
			linked: `${document.previousReportHash} (checked)`,
			'not available': `${document.previousReportHash} (not checked: give that export too)`
		}[result.previous]
	}`
);
console.log(`  ${document.notice}`);
