/** Saves bytes to the person's downloads under `name`, the way a link with `download` does. */
export function download(bytes: Uint8Array<ArrayBuffer>, name: string, type: string): void {
	const url = URL.createObjectURL(new Blob([bytes], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	// Long enough for the browser to have read the Blob; then its memory goes.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
