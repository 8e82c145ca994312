/**
 * The fonts embedded in report PDFs: DejaVu Sans, regular and bold. PDF's built-in fonts only
 * cover WinAnsi, so "Zoë Ångström-Żółć" would lose its Ż, ł and ć; DejaVu covers Latin, Greek
 * and Cyrillic, £, €, typographic quotes and dashes. jsPDF embeds only the glyphs a report uses,
 * so the ~750 KB files cost the PDF some tens of KB.
 *
 * How the bytes are found, in one module for both places that render:
 * - Browser (the app, offline): the `?url` imports make Vite emit each TTF as a hashed build
 *   asset (`/_app/immutable/assets/DejaVuSans.<hash>.ttf`). SvelteKit lists it in
 *   `$service-worker`'s `build`, so the service worker precaches it with the rest of the build
 *   and `fetch` is answered from the cache with no network.
 * - Node (the server, Vitest, scripts/bench-pdf.js): the same URL is a path on the web server,
 *   not on disk, so the file is read from the `dejavu-fonts-ttf` package (a production
 *   dependency, so it is installed wherever the server runs).
 * `import.meta.env.SSR` is replaced at build time, so the browser bundle holds only the fetch and
 * the server bundle only the file read; Vitest and Vite's SSR loader set it to true.
 */
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

/** TrueType bytes of each style a report uses. */
export interface ReportFonts {
	regular: Uint8Array;
	bold: Uint8Array;
}

/** The name the PDF gives the family (jsPDF `setFont`). */
export const REPORT_FONT_FAMILY = 'DejaVuSans';

const files = {
	regular: { url: regularUrl, file: 'DejaVuSans.ttf' },
	bold: { url: boldUrl, file: 'DejaVuSans-Bold.ttf' }
} as const;

export class FontLoadError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'FontLoadError';
	}
}

let loading: Promise<ReportFonts> | undefined;

/**
 * The report fonts, loaded once per page or process and then kept (1.4 MB) so that a second
 * PDF does not read them again. A failed load is forgotten, so the next call tries again.
 */
export function loadReportFonts(): Promise<ReportFonts> {
	loading ??= Promise.all([readFont(files.regular), readFont(files.bold)]).then(
		([regular, bold]) => ({ regular, bold }),
		(error: unknown) => {
			loading = undefined;
			throw error;
		}
	);
	return loading;
}

async function readFont(font: { url: string; file: string }): Promise<Uint8Array> {
	if (import.meta.env.SSR) {
		const [{ readFile }, { createRequire }] = await Promise.all([
			import('node:fs/promises'),
			import('node:module')
		]);
		const path = createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${font.file}`);
		try {
			return new Uint8Array(await readFile(path));
		} catch (error) {
			throw new FontLoadError(`Could not read the report font ${path}`, { cause: error });
		}
	}
	let response: Response;
	try {
		response = await fetch(font.url);
	} catch (error) {
		throw new FontLoadError(`Could not load the report font ${font.file}`, { cause: error });
	}
	if (!response.ok) {
		throw new FontLoadError(`Could not load the report font ${font.file} (${response.status})`);
	}
	return new Uint8Array(await response.arrayBuffer());
}
