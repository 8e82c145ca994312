import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('formatBytes', () => {
	it.each([
		[0, '0 bytes'],
		[1, '1 byte'],
		[999, '999 bytes'],
		[1000, '1.0 KB'],
		[1_400_000, '1.4 MB'],
		[52_300_000, '52 MB'],
		[9_990_000_000, '10.0 GB'],
		[3.2e12, '3.2 TB'],
		[-1, 'unknown'],
		[Number.NaN, 'unknown']
	])('%s → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
