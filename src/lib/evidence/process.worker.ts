/// <reference lib="webworker" />
import { processPhoto, type ProcessOptions } from './process';

export type ProcessRequest = { id: number; file: Blob; options: ProcessOptions };
export type ProcessResponse =
	| {
			id: number;
			ok: true;
			blob: Blob;
			width: number;
			height: number;
			source: { width: number; height: number; type: string };
	  }
	| { id: number; ok: false; error: string; unreadable: boolean };

// Decoding and re-encoding a 12 MP photo takes a few hundred milliseconds: here, off the main
// thread, the page stays responsive while it happens.
self.onmessage = async (event: MessageEvent<ProcessRequest>) => {
	const { id, file, options } = event.data;
	try {
		const photo = await processPhoto(file, options);
		self.postMessage({ id, ok: true, ...photo } satisfies ProcessResponse);
	} catch (error) {
		self.postMessage({
			id,
			ok: false,
			error: error instanceof Error ? error.message : String(error),
			unreadable: error instanceof Error && error.name === 'UnreadablePhotoError'
		} satisfies ProcessResponse);
	}
};
