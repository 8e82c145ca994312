import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../db';
import type { Problem } from '../problem';
import { signIn, waitWords, withLock } from './sign-in';
import { PASSWORD, addFirstAdmin, at, openTestStore } from './test-store';

describe('sign-in on a real SQLite store', () => {
	let store: Store;
	beforeAll(async () => {
		store = await openTestStore();
		await addFirstAdmin(store);
	});
	afterAll(() => store.close());

	it('throttles with growing delays from counters kept in the database', async () => {
		const attempt = (password: string, seconds: number, address = '192.0.2.1') =>
			signIn(store.db, 'ada@acme.test', password, address, at(seconds)).then(
				() => 'ok',
				(error: Problem) =>
					`${error.status}${error.headers['retry-after'] ? ` ${error.headers['retry-after']}` : ''}`
			);
		for (let i = 0; i < 5; i++) expect(await attempt('wrong', 10)).toBe('401');
		expect(await attempt(PASSWORD, 10)).toBe('429 30');
		expect(await attempt(PASSWORD, 39, '198.51.100.7')).toBe('429 1'); // per account, any address
		expect(await attempt('wrong', 40)).toBe('401'); // the wait is over; sixth failure
		expect(await attempt(PASSWORD, 41)).toBe('429 59');
		expect(await attempt(PASSWORD, 100)).toBe('ok');
		const row = await store.db
			.selectFrom('login_throttle')
			.selectAll()
			.where('key', '=', 'account:ada@acme.test')
			.executeTakeFirst();
		expect(row).toBeUndefined(); // success clears the account's counter
	});
});

describe('waitWords', () => {
	it('says seconds under two minutes, then whole minutes rounded up', () => {
		expect([1, 30, 119, 120, 121, 900].map(waitWords)).toEqual([
			'1 second',
			'30 seconds',
			'119 seconds',
			'2 minutes',
			'3 minutes',
			'15 minutes'
		]);
	});
});

describe('withLock', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('runs tasks under one key one after another, other keys alongside', async () => {
		vi.useFakeTimers();
		const log: string[] = [];
		const task = (name: string, ms: number) => async () => {
			log.push(`start ${name}`);
			await new Promise((resolve) => setTimeout(resolve, ms));
			log.push(`end ${name}`);
			return name;
		};
		const all = Promise.all([
			withLock('a', task('a1', 20)),
			withLock('a', task('a2', 1)),
			withLock('b', task('b1', 1))
		]);
		await vi.advanceTimersByTimeAsync(25);
		const results = await all;
		expect(results).toEqual(['a1', 'a2', 'b1']);
		expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
		expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
	});

	it('keeps going after a task fails', async () => {
		await expect(withLock('c', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
		expect(await withLock('c', async () => 'next')).toBe('next');
	});
});
