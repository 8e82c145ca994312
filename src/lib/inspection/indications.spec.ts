import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import { pstiFacts } from '$lib/catalogue/psti';
import {
	answerCounts,
	answerIndication,
	answerWords,
	obligationWords,
	outcomeCounts,
	outcomeLine,
	pstiFactLines,
	pstiScopeOf,
	scopeReason,
	sharedReason
} from './indications';

describe('the words of an indication', () => {
	it('reads a screening Pass as No issue seen, and everything else by its verdict', () => {
		expect(answerWords('PASS', 'screens')).toBe('No issue seen');
		expect(answerIndication('PASS', 'screens')).toBe('NO_ISSUE');
		expect(answerWords('FAIL', 'screens')).toBe('Fail');
		expect(answerWords('PASS', 'shows')).toBe('Pass');
		// A report signed before kinds existed: the word it was signed with.
		expect(answerWords('PASS')).toBe('Pass');
	});

	it('counts answers by how they read, findings first', () => {
		expect(
			answerCounts([
				{ verdict: 'PASS', kind: 'screens' },
				{ verdict: 'PASS', kind: 'shows' },
				{ verdict: 'PASS' },
				{ verdict: 'FAIL', kind: 'screens' }
			])
		).toEqual(['1 Fail', '2 Pass', '1 No issue seen']);
	});

	it('says outcomes as the UX contract words them, and counts only what is there', () => {
		expect(outcomeLine('FAIL', '5.1-1')).toBe('Indication: fails 5.1-1');
		expect(outcomeLine('NO_ISSUE', 'PSTI-1')).toBe('No issue seen PSTI-1');
		expect(outcomeLine('PARTLY', 'CI-8')).toBe('Partly indicated CI-8');
		expect(outcomeCounts({ PASS: 2, NO_ISSUE: 1, FAIL: 0 })).toEqual([
			{ outcome: 'PASS', words: 'Indication: meets', count: 2 },
			{ outcome: 'NO_ISSUE', words: 'No issue seen', count: 1 }
		]);
	});

	it('marks shall, should and conditional', () => {
		expect(obligationWords('shall')).toBe('(shall)');
		expect(obligationWords('should', true)).toBe('(should, conditional)');
		expect(obligationWords(undefined)).toBe('');
	});

	it('records a scope reason with the question, the answer and the choice', () => {
		expect(
			scopeReason({ question: 'Excepted?', answer: 'yes', detail: 'Smart meters', because: 'Out.' })
		).toBe('Scope answer: “Excepted?” Yes (Smart meters). Out.');
		expect(
			sharedReason([
				{ outcome: 'NA', reason: 'R' },
				{ outcome: 'NA', reason: 'R' }
			])
		).toBe('R');
		expect(sharedReason([{ outcome: 'NA', reason: 'R' }, { outcome: 'PASS' }])).toBeUndefined();
		expect(sharedReason([])).toBeUndefined();
	});
});

describe('PSTI facts', () => {
	const lines = (scope: Record<string, 'yes' | 'no' | 'unsure'>, detail?: Record<string, string>) =>
		pstiFactLines(pstiFacts, pstiScopeOf(catalogue.scopeQuestions, scope, detail));

	it('states the in-force date, the routes the findings speak to and what is not verified', () => {
		const facts = lines({ pstiExcepted: 'no' });
		expect(facts[0]).toBe(
			'The UK PSTI security requirements apply from 29 April 2024 (SI 2023/1007).'
		);
		expect(facts[1]).toMatch(/^PSTI-1 \(passwords\): deemed met through EN 303 645 V2\.1\.1/);
		expect(facts[2]).toMatch(
			/or ISO\/IEC 29147:2018 paragraphs 6\.2\.2, 6\.2\.5 and 6\.5 \(Schedule 2\)\. These findings speak to the EN 303 645 route only\. Not verified:/
		);
		expect(facts[3]).toMatch(
			/^PSTI-3 \(support period\): no deemed-compliance route in the 2023 Regulations; routes added later .* are not verified\.$/
		);
		expect(facts[4]).toMatch(/Schedule 4 and is not verified/);
	});

	it('names the exception the inspector chose, unverified, and nothing about routes then', () => {
		const facts = lines({ pstiExcepted: 'yes' }, { pstiExcepted: 'smart-meters' });
		expect(facts).toEqual([
			'The UK PSTI security requirements apply from 29 April 2024 (SI 2023/1007).',
			'Excepted category recorded by the inspector: Smart meter products; the category list is not verified against the Regulations’ text. The PSTI requirements are not applicable.'
		]);
		expect(lines({ pstiExcepted: 'yes' })[1]).toMatch(/without naming the category/);
		expect(lines({ pstiExcepted: 'unsure' })[1]).toMatch(/“Not sure”, so it is treated as within/);
		// A choice is named only with a Yes.
		expect(
			pstiScopeOf(
				catalogue.scopeQuestions,
				{ pstiExcepted: 'no' },
				{ pstiExcepted: 'smart-meters' }
			)
		).toEqual({ excepted: 'no' });
	});
});
