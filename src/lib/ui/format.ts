const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** "1.4 MB": decimal units, as phones and the storage settings show them. */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	if (unit === 0) return `${value} ${value === 1 ? 'byte' : 'bytes'}`;
	return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
