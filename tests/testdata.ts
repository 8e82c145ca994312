/**
 * The shared test corpora that the unit and end-to-end tests read: ZXing's barcode photos, the
 * RFC 8785 and JOSE vectors, GS1's syntax tests, phone photos and camera clips. They are not in
 * this repository: they sit beside it, in `../shared/testdata` (or where SHELFCHECK_TESTDATA
 * points). The suites' set-up calls `requireTestdata()` first, so a checkout without them fails
 * once with what to do, not in a dozen specs with ENOENT.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);

/** The folder, as a file URL ending in a slash. */
export const TESTDATA = process.env.SHELFCHECK_TESTDATA
	? pathToFileURL(`${process.env.SHELFCHECK_TESTDATA.replace(/\/$/, '')}/`)
	: new URL('../shared/testdata/', root);

/** A file or folder in the corpora, as a file URL (readFileSync takes it). */
export const testdataUrl = (path: string): URL => new URL(path, TESTDATA);

/** A file or folder in the corpora, as a path. */
export const testdataPath = (path: string): string => fileURLToPath(testdataUrl(path));

export function requireTestdata(): void {
	if (existsSync(testdataUrl('README.md'))) return;
	throw new Error(
		`The tests read shared corpora (barcode photos, RFC 8785 and JOSE vectors, GS1 tests, photos) from ${fileURLToPath(TESTDATA)}, which is missing. Put the shared/testdata folder beside this checkout (../shared/testdata) or set SHELFCHECK_TESTDATA to its path.`
	);
}
