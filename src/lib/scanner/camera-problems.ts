/**
 * Why the camera did not start, in words for the inspector. html5-qrcode rejects with strings
 * that embed the browser's DOMException ("Error getting userMedia, error = NotAllowedError: …"),
 * so both forms are read. Every message names the other ways in, which stay on screen.
 */

export type CameraProblem =
	'denied' | 'no-camera' | 'in-use' | 'unsupported' | 'decoder' | 'failed';

const PATTERNS: Array<[CameraProblem, RegExp]> = [
	['decoder', /Barcode decoder unavailable/],
	['denied', /NotAllowedError|PermissionDeniedError|SecurityError|Permission denied/i],
	[
		'no-camera',
		/NotFoundError|DevicesNotFoundError|OverconstrainedError|Requested device not found/i
	],
	['in-use', /NotReadableError|TrackStartError|Could not start video source/i],
	['unsupported', /not supported|getUserMedia is not (a function|defined)|streaming not supported/i]
];

export function classifyCameraError(error: unknown): CameraProblem {
	const text =
		error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)
			? `${(error as Error).name}: ${(error as Error).message}`
			: String(error);
	for (const [problem, pattern] of PATTERNS) if (pattern.test(text)) return problem;
	return 'failed';
}

export const cameraProblemMessages: Record<CameraProblem, string> = {
	denied:
		'Camera access is blocked for Shelfcheck. To scan with the camera, allow it in the browser’s site settings and try again. You can also scan from a photo, type the code or skip.',
	'no-camera':
		'No camera was found on this device. Scan from a photo, type the code or skip instead.',
	'in-use':
		'The camera is being used by another app. Close that app and try again, or scan from a photo.',
	unsupported:
		'This browser cannot use the camera here (it needs a secure https:// address). Scan from a photo, type the code or skip instead.',
	decoder:
		'The barcode reader could not be loaded on this device. Type the code or skip; reload Shelfcheck once you are online.',
	failed: 'The camera did not start. Try again, or scan from a photo, type the code or skip.'
};
