import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Inspection } from '$lib/inspection/model';
import { ShelfcheckDatabase } from './database';
import { InspectionRepository } from './inspections.repo';
import { watch } from './live.svelte';

function draft(id: string, updatedAt: string): Inspection {
	return {
		id,
		createdAt: updatedAt,
		updatedAt,
		status: 'draft',
		bundleId: 'shop-visit',
		catalogueVersion: 'test',
		context: 'shop',
		place: { kind: 'shop', name: 'Corner Electrics' },
		inspector: 'A. Officer',
		scope: {},
		answers: {}
	};
}

describe('InspectionRepository', () => {
	const opened: ShelfcheckDatabase[] = [];
	const open = (name: string) => {
		const db = new ShelfcheckDatabase(name);
		opened.push(db);
		return new InspectionRepository(db);
	};
	afterEach(async () => {
		for (const db of opened.splice(0)) {
			db.close();
			await db.delete();
		}
	});

	it('keeps an answer across a reopen (a reload or a crash)', async () => {
		const name = `t-${Math.random()}`;
		const tab = open(name);
		await tab.create(draft('a', '2026-01-01T00:00:00.000Z'));
		await tab.update('a', (i) => ({
			...i,
			answers: { 'PHY-01': { verdict: 'PASS', reason: '', answeredAt: '2026-01-01T00:01:00.000Z' } }
		}));
		opened[0]!.close();

		const reopened = open(name);
		expect((await reopened.get('a'))?.answers['PHY-01']?.verdict).toBe('PASS');
	});

	it('applies changes from two tabs to the latest record, losing neither', async () => {
		const name = `t-${Math.random()}`;
		const tabA = open(name);
		const tabB = open(name);
		await tabA.create(draft('a', '2026-01-01T00:00:00.000Z'));
		const answer = (verdict: 'PASS' | 'FAIL') => ({ verdict, reason: 'r', answeredAt: 'x' });
		await Promise.all([
			tabA.update('a', (i) => ({ ...i, answers: { ...i.answers, one: answer('PASS') } })),
			tabB.update('a', (i) => ({ ...i, answers: { ...i.answers, two: answer('FAIL') } }))
		]);
		expect(Object.keys((await tabA.get('a'))!.answers).sort()).toEqual(['one', 'two']);
	});

	it('refuses to update an inspection that is not there', async () => {
		const repo = open(`t-${Math.random()}`);
		await expect(repo.update('missing', (i) => i)).rejects.toThrow(/not on this device/);
	});

	it('lists by status, most recently changed first', async () => {
		const repo = open(`t-${Math.random()}`);
		await repo.create(draft('old', '2026-01-01T00:00:00.000Z'));
		await repo.create(draft('new', '2026-03-01T00:00:00.000Z'));
		await repo.create({ ...draft('done', '2026-02-01T00:00:00.000Z'), status: 'finished' });
		expect((await repo.list('draft')).map((i) => i.id)).toEqual(['new', 'old']);
		expect((await repo.list('finished')).map((i) => i.id)).toEqual(['done']);
		expect((await repo.list('draft', 1)).map((i) => i.id)).toEqual(['new']);
		expect(await repo.count('draft')).toBe(2);
	});

	it('tells a watcher about changes and deletion', async () => {
		const repo = open(`t-${Math.random()}`);
		await repo.create(draft('a', '2026-01-01T00:00:00.000Z'));
		const seen: Array<string | null> = [];
		const stop = watch(
			() => repo.get('a'),
			(i) => seen.push(i ? i.inspector : null),
			(e) => {
				throw e;
			}
		);
		await vi.waitFor(() => expect(seen).toEqual(['A. Officer']));
		await repo.update('a', (i) => ({ ...i, inspector: 'B. Officer' }));
		await vi.waitFor(() => expect(seen).toEqual(['A. Officer', 'B. Officer']));
		await repo.delete('a');
		await vi.waitFor(() => expect(seen.at(-1)).toBeNull());
		stop();
	});
});
