import { describe, expect, it } from 'vitest';
import { withLock } from './accounts';

describe('withLock', () => {
	it('runs tasks under one key one after another, other keys alongside', async () => {
		const log: string[] = [];
		const task = (name: string, ms: number) => async () => {
			log.push(`start ${name}`);
			await new Promise((resolve) => setTimeout(resolve, ms));
			log.push(`end ${name}`);
			return name;
		};
		const results = await Promise.all([
			withLock('a', task('a1', 20)),
			withLock('a', task('a2', 1)),
			withLock('b', task('b1', 1))
		]);
		expect(results).toEqual(['a1', 'a2', 'b1']);
		expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
		expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
	});

	it('keeps going after a task fails', async () => {
		await expect(withLock('c', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
		expect(await withLock('c', async () => 'next')).toBe('next');
	});
});
