import type { EngineId } from './engines.js';

/** What the page shows of one engine of the second offline step. */
export interface EngineStatus {
	id: EngineId;
	name: string;
	/** waiting: not begun; paused: stopped by a network error, goes on when online again. */
	state: 'waiting' | 'downloading' | 'ready' | 'paused';
	storedBytes: number;
	/** 0 when the build did not list the sizes (dev). */
	totalBytes: number;
}

/** Page to service worker: fetch what is missing (again after a pause), and say how far it is. */
export const FETCH_ENGINES = 'FETCH_ENGINES';
/** Service worker to pages: the engines' statuses. */
export const ENGINE_STATUS = 'ENGINE_STATUS';

export interface EngineStatusMessage {
	type: typeof ENGINE_STATUS;
	engines: EngineStatus[];
}

const MB = 1_000_000;
const megabytes = (bytes: number) => (bytes / MB).toFixed(1);

function amount(status: EngineStatus): string {
	return status.totalBytes > 0
		? `${megabytes(status.storedBytes)} of ${megabytes(status.totalBytes)} MB`
		: `${megabytes(status.storedBytes)} MB`;
}

/** The state in words, after the engine's name: "downloading 3.1 of 4.1 MB". */
export function describeEngine(status: EngineStatus): string {
	switch (status.state) {
		case 'ready':
			return 'ready offline';
		case 'downloading':
			return `downloading ${amount(status)}`;
		case 'paused':
			return `paused at ${amount(status)}, goes on when online`;
		default:
			return 'waiting to download';
	}
}

/** For a screen that needs the engine: what to tell the user while it is not stored. */
export function engineMissingNotice(status: EngineStatus, online: boolean): string {
	const progress = status.state === 'waiting' ? '' : ` (${describeEngine(status)})`;
	return online
		? `${status.name} is not stored on this device yet${progress}: it works while online and offline once the download finishes.`
		: `${status.name} is not stored on this device yet${progress}, so it cannot work offline. Connect to the internet to finish the download.`;
}
