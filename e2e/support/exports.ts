import { expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

/** `npm run verify -- <file>` as a person would run it; resolves with its exit code and output. */
export async function npmVerify(file: string): Promise<{ code: number; output: string }> {
	try {
		const { stdout } = await run('npm', ['run', '--silent', 'verify', '--', file], { cwd: root });
		return { code: 0, output: stdout };
	} catch (error) {
		const failed = error as { code: number; stdout: string };
		return { code: failed.code, output: failed.stdout };
	}
}

export async function saveDownload(page: Page, button: string, dir: string): Promise<string> {
	const download = page.waitForEvent('download', { timeout: 60_000 });
	await page.getByRole('button', { name: button }).click();
	const file = join(dir, (await download).suggestedFilename());
	await (await download).saveAs(file);
	return file;
}

export async function verifyInApp(page: Page, file: string): Promise<string> {
	await page.getByRole('link', { name: 'Shelfcheck' }).click();
	await page.getByRole('link', { name: 'Verify a report' }).click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Choose file' }).click();
	await (await chooser).setFiles(file);
	const verdict = page.getByText(/^(Verified|Not verified: .*)$/);
	await expect(verdict).toBeVisible();
	return (await verdict.textContent())!;
}
