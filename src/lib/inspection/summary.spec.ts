import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import { answerCheck, createInspection } from './rules';
import { summaryLine } from './summary';

const T = '2026-12-02T10:00:00.000Z';
const draft = () =>
	createInspection({
		id: 'i',
		now: T,
		catalogue,
		bundleId: 'shop-visit',
		place: { kind: 'shop', name: 'Corner Electrics' },
		inspector: 'A. Officer'
	});

describe('summaryLine', () => {
	it('says how far a draft has got', () => {
		const inspection = answerCheck(draft(), catalogue, 'ID-01', 'PASS', '', T);
		expect(summaryLine(catalogue, inspection)).toMatch(/^1 of \d+ checks answered$/);
	});

	it('gives a finished inspection’s EN 303 645 outcomes in the report’s words, strongest first', () => {
		let inspection = answerCheck(draft(), catalogue, 'ID-01', 'FAIL', 'No model on the label', T);
		inspection = answerCheck(inspection, catalogue, 'PHY-01', 'PASS', '', T);
		const line = summaryLine(catalogue, { ...inspection, status: 'finished' });
		expect(line).toMatch(/^EN 303 645: Indication: fails 1 · /);
		expect(line).toContain('No issue seen');
		expect(line).not.toContain('Indication: meets 0');
		expect(line).not.toContain('Not assessed');
	});
});
