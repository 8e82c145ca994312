import { chromium, type Browser } from '@playwright/test';
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
