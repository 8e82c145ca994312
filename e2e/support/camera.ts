import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { testdataPath } from '../../tests/testdata';

/** The project's test videos (640x480 Y4M) for Chromium's fake camera. */
export const cameraVideos = {
	ean13: 'ean13-5012345678900.y4m',
	qr: 'qr-gs1-digital-link.y4m',
	dataMatrix: 'datamatrix-gs1.y4m',
	noCode: 'no-code.y4m'
} as const;

const cameraDir = testdataPath('camera/');

/**
 * A Chromium whose camera plays `video` on a loop, with the permission prompt answered "allow"
 * (each test video needs its own browser: the file is a launch flag).
 */
export function launchWithFakeCamera(video: keyof typeof cameraVideos): Promise<Browser> {
	const options = chromiumLaunchOptions();
	return chromium.launch({
		...options,
		args: [
			...(options.args ?? []),
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${cameraDir}${cameraVideos[video]}`
		]
	});
}

/** A Chromium with a (fake) camera whose permission prompts are all refused. */
export function launchWithRefusedCamera(): Promise<Browser> {
	const options = chromiumLaunchOptions();
	return chromium.launch({
		...options,
		args: [
			...(options.args ?? []),
			'--use-fake-device-for-media-stream',
			'--deny-permission-prompts'
		]
	});
}

/** Opens the camera on Identify: it starts by itself once allowed, else on "Scan with camera". */
export async function openCamera(page: Page) {
	const button = page.getByRole('button', { name: 'Scan with camera' });
	const frame = page.locator('[data-camera]');
	await expect(frame).toBeVisible();
	if ((await frame.getAttribute('data-camera')) === 'off' && (await button.isVisible())) {
		await button.click();
	}
}

export function productFact(page: Page, term: string) {
	return page.locator('dl.facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}
