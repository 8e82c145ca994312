// `npm run verify -- <export.zip> [earlier exports…]`: verifies a Shelfcheck export with the
// same module the app uses. Earlier exports, if given, let it check the link to the report
// signed before this one. Prints "Verified" and the details, or "Not verified: <reason>".
import { readFileSync } from 'node:fs';
import { readAnyExport } from '$lib/report/export-zip';
import type { ReportDocument } from '$lib/contract/report-document';
import { verifyAnyExport } from '../src/lib/report/verify';
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
	const contents = readAnyExport(read(path));
	if (!contents.ok) continue;
	for (const jws of contents.kind === 'visit' ? contents.reports.values() : [contents.jws]) {
		known.set(await reportHash(jws), jws);
	}
}

const result = await verifyAnyExport(read(file), async (hash) => known.get(hash));
if (!result.ok) {
	console.log(`Not verified: ${result.reason}`);
	process.exit(1);
}
console.log('Verified');
if (result.kind === 'visit') {
	console.log(
		`  visit        ${result.reports.length} signed reports, ${result.photos.length} photos`
	);
	for (const report of result.reports) {
		console.log(`  ${report.file}`);
		describeReport(report, '    ');
	}
	console.log('  photos checked, every one matching the SHA-256 a signed report gives it:');
	for (const photo of result.photos) console.log(`    ${photo}`);
	console.log(`  ${result.reports[0]?.document.notice ?? ''}`);
} else {
	describeReport(result, '  ');
	console.log(`  ${result.document.notice}`);
}

function describeReport(
	result: {
		document: ReportDocument;
		reportHash: string;
		fingerprint: string;
		previous: 'first' | 'linked' | 'not available';
	},
	indent: string
): void {
	const { document } = result;
	const line = (label: string, value: string) =>
		console.log(`${indent}${label.padEnd(13)}${value}`);
	line(
		'report',
		`${document.reportId}${document.supersedes ? ` (amends ${document.supersedes})` : ''}`
	);
	line('report hash', result.reportHash);
	line('signed by', `${document.inspector.name}, device key ${result.fingerprint}`);
	line(
		'product',
		[document.product.brand, document.product.model, document.product.gtin]
			.filter(Boolean)
			.join(' · ') || '(not identified)'
	);
	line(
		'inspection',
		`${document.bundle.name} at ${document.place.name}, finished ${document.finishedAt}`
	);
	line('photos', `${document.photos.length}, every one matching its SHA-256`);
	line(
		'previous',
		{
			first: 'none: the first report signed on this device',
			linked: `${document.previousReportHash} (checked)`,
			'not available': `${document.previousReportHash} (not checked: give that export too)`
		}[result.previous]
	);
}
