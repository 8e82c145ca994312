import { describe, expect, it } from 'vitest';
import { pstiFacts } from '$lib/catalogue/psti';
import type { Catalogue, Check, Verdict } from '$lib/catalogue/types';
import {
	InspectionError,
	InspectionIncompleteError,
	answerCheck,
	applicableChecks,
	checkPosition,
	clearAnswer,
	completeness,
	createInspection,
	finishInspection,
	isCheckApplicable,
	nextUnanswered,
	progress,
	reasonRequired,
	setScopeAnswer,
	setScopeDetail,
	type Inspection
} from './index';

// ---------------------------------------------------------------------------------------------
// Fixture: a tiny catalogue made for these tests, independent of the real catalogue data.

const source = { document: 'Test source', version: '1' };
const allVerdicts: Verdict[] = ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'];

function check(id: string, overrides: Partial<Check> = {}): Check {
	return {
		id,
		kind: 'shows',
		title: `Title of ${id}`,
		question: `Question of ${id}?`,
		why: 'Because.',
		how: ['Look.'],
		evidence: { photo: 'none', minPhotos: 0, hint: '', shows: [] },
		verdicts: allVerdicts,
		appliesWhen: {},
		contexts: ['shop', 'goods-in', 'home'],
		answers: [{ framework: 'EN303645', id: '5.1-1', strength: 'direct', why: 'Test.' }],
		...overrides
	};
}

const catalogue: Catalogue = {
	version: 'test-2026.1',
	frameworks: [
		{ id: 'EN303645', name: 'ETSI EN 303 645', shortName: 'EN 303 645', version: '2.1.1', source }
	],
	provisions: [
		{ framework: 'EN303645', id: '5.1-1', title: 'Unique passwords', text: '', modes: [], source }
	],
	scopeQuestions: [],
	scopeRules: [],
	pstiFacts,
	checks: [
		// Always applies; a label photo is required; no NA or REFER allowed.
		check('ID-01', {
			evidence: { photo: 'required', minPhotos: 1, hint: 'The label', shows: ['label'] },
			verdicts: ['PASS', 'FAIL', 'INCONCLUSIVE']
		}),
		// Only for products that use passwords; two photos required.
		check('PHY-01', {
			evidence: { photo: 'required', minPhotos: 2, hint: 'Label of two units', shows: ['label'] },
			appliesWhen: { usesPasswords: 'yes' }
		}),
		// Needs passwords and a network connection; photos optional.
		check('SET-01', {
			evidence: { photo: 'optional', minPhotos: 0, hint: '', shows: ['label'] },
			appliesWhen: { usesPasswords: 'yes', networkConnected: 'yes' }
		}),
		// Only for products that cannot be updated.
		check('DOC-13', { verdicts: ['PASS', 'FAIL', 'NA'], appliesWhen: { updatable: 'no' } }),
		check('OTHER-01')
	],
	bundles: [
		{
			id: 'shop-visit',
			name: 'Shop visit',
			summary: '',
			minutes: 10,
			context: 'shop',
			checks: ['ID-01', 'PHY-01', 'SET-01', 'DOC-13']
		},
		{
			id: 'home-setup',
			name: 'Home setup test',
			summary: '',
			minutes: 60,
			context: 'home',
			checks: ['OTHER-01']
		}
	],
	mappings: []
};

const T0 = '2026-11-03T10:00:00.000Z';
const T1 = '2026-11-03T10:05:00.000Z';
const T2 = '2026-11-03T10:10:00.000Z';
const T3 = '2026-11-03T10:15:00.000Z';

function newInspection(): Inspection {
	return createInspection({
		id: 'insp-1',
		now: T0,
		catalogue,
		bundleId: 'shop-visit',
		place: { kind: 'shop', name: 'Electro Mart', address: '1 High Street' },
		inspector: 'A. Officer'
	});
}

function ids(checks: Check[]): string[] {
	return checks.map((c) => c.id);
}

/** Runs fn and returns what it threw, failing the test if it did not throw. */
function thrownBy(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to throw');
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

// ---------------------------------------------------------------------------------------------

describe('createInspection', () => {
	it('starts a draft with the bundle context and the catalogue version', () => {
		expect(newInspection()).toEqual({
			id: 'insp-1',
			createdAt: T0,
			updatedAt: T0,
			status: 'draft',
			bundleId: 'shop-visit',
			catalogueVersion: 'test-2026.1',
			context: 'shop',
			place: { kind: 'shop', name: 'Electro Mart', address: '1 High Street' },
			inspector: 'A. Officer',
			scope: {},
			answers: {}
		});
	});

	it('leaves out optional fields instead of storing undefined, so it survives JSON', () => {
		const inspection = newInspection();
		expect('product' in inspection).toBe(false);
		expect('finishedAt' in inspection).toBe(false);
		expect(JSON.parse(JSON.stringify(inspection))).toEqual(inspection);
	});

	it('copies the product and place rather than sharing the caller objects', () => {
		const place = { kind: 'home' as const, name: 'Kitchen' };
		const product = { gtin: '5012345678900', brand: 'Acme' };
		const inspection = createInspection({
			id: 'insp-2',
			now: T0,
			catalogue,
			bundleId: 'home-setup',
			place,
			inspector: 'T. Tester',
			product
		});
		expect(inspection.context).toBe('home');
		expect(inspection.product).toEqual({ gtin: '5012345678900', brand: 'Acme' });
		expect(inspection.product).not.toBe(product);
		expect(inspection.place).not.toBe(place);
	});

	it('rejects a bundle the catalogue does not have', () => {
		const error = thrownBy(() =>
			createInspection({
				id: 'x',
				now: T0,
				catalogue,
				bundleId: 'goods-in',
				place: { kind: 'goods-in', name: 'Depot' },
				inspector: 'Q. A.'
			})
		);
		expect(error).toBeInstanceOf(InspectionError);
		expect((error as InspectionError).code).toBe('unknown-bundle');
		expect((error as InspectionError).message).toContain('goods-in');
	});
});

describe('reasonRequired', () => {
	it('asks for a reason for every verdict except PASS', () => {
		expect(reasonRequired('PASS')).toBe(false);
		expect(reasonRequired('FAIL')).toBe(true);
		expect(reasonRequired('NA')).toBe(true);
		expect(reasonRequired('INCONCLUSIVE')).toBe(true);
		expect(reasonRequired('REFER')).toBe(true);
	});
});

describe('answerCheck and clearAnswer', () => {
	it('records the verdict, the reason and when, and bumps updatedAt', () => {
		const answered = answerCheck(newInspection(), catalogue, 'ID-01', 'FAIL', 'No model', T1);
		expect(answered.answers).toEqual({
			'ID-01': { verdict: 'FAIL', reason: 'No model', answeredAt: T1 }
		});
		expect(answered.updatedAt).toBe(T1);
		expect(answered.createdAt).toBe(T0);
	});

	it('changes an earlier answer', () => {
		const first = answerCheck(newInspection(), catalogue, 'ID-01', 'FAIL', 'No model', T1);
		const changed = answerCheck(first, catalogue, 'ID-01', 'PASS', '', T2);
		expect(changed.answers['ID-01']).toEqual({ verdict: 'PASS', reason: '', answeredAt: T2 });
	});

	it('rejects a verdict the check does not offer, naming the allowed ones', () => {
		const error = thrownBy(() =>
			answerCheck(newInspection(), catalogue, 'ID-01', 'NA', 'No label', T1)
		);
		expect(error).toBeInstanceOf(InspectionError);
		expect((error as InspectionError).code).toBe('verdict-not-allowed');
		expect((error as InspectionError).message).toBe(
			'Check ID-01 cannot be answered "Not applicable"; choose one of: Pass, Fail, Inconclusive.'
		);
	});

	it('rejects a check that is not in the bundle, even if the catalogue has it', () => {
		const error = thrownBy(() =>
			answerCheck(newInspection(), catalogue, 'OTHER-01', 'PASS', '', T1)
		);
		expect((error as InspectionError).code).toBe('check-not-in-bundle');
		expect((error as InspectionError).message).toContain('OTHER-01');
	});

	it('rejects a check the catalogue does not know at all', () => {
		const error = thrownBy(() => answerCheck(newInspection(), catalogue, 'NOPE', 'PASS', '', T1));
		expect((error as InspectionError).code).toBe('check-not-in-bundle');
	});

	it('rejects an answer to a check that the scope has switched off', () => {
		const noPasswords = setScopeAnswer(newInspection(), 'usesPasswords', 'no', T1);
		const error = thrownBy(() => answerCheck(noPasswords, catalogue, 'PHY-01', 'PASS', '', T2));
		expect((error as InspectionError).code).toBe('check-out-of-scope');
	});

	it('clears an answer so the check counts as unanswered again', () => {
		const answered = answerCheck(newInspection(), catalogue, 'ID-01', 'PASS', '', T1);
		const cleared = clearAnswer(answered, 'ID-01', T2);
		expect(cleared.answers).toEqual({});
		expect(cleared.updatedAt).toBe(T2);
		expect(progress(catalogue, cleared).answered).toBe(0);
	});
});

describe('isCheckApplicable', () => {
	const phy01 = catalogue.checks[1]!;
	const set01 = catalogue.checks[2]!;

	it('keeps a check with no conditions on whatever the scope', () => {
		expect(isCheckApplicable(catalogue.checks[0]!, { usesPasswords: 'no', updatable: 'no' })).toBe(
			true
		);
	});

	it('switches a check off only when a definite answer contradicts its condition', () => {
		expect(isCheckApplicable(phy01, { usesPasswords: 'yes' })).toBe(true);
		expect(isCheckApplicable(phy01, { usesPasswords: 'no' })).toBe(false);
	});

	it('keeps a check on when the answer is unsure or missing', () => {
		expect(isCheckApplicable(phy01, { usesPasswords: 'unsure' })).toBe(true);
		expect(isCheckApplicable(phy01, {})).toBe(true);
	});

	it('switches a check off when any one of several conditions is contradicted', () => {
		expect(isCheckApplicable(set01, { usesPasswords: 'yes', networkConnected: 'yes' })).toBe(true);
		expect(isCheckApplicable(set01, { usesPasswords: 'yes', networkConnected: 'no' })).toBe(false);
		expect(isCheckApplicable(set01, { usesPasswords: 'unsure', networkConnected: 'unsure' })).toBe(
			true
		);
	});

	it('switches on a check whose condition is a "no" only when the answer is not yes', () => {
		const doc13 = catalogue.checks[3]!;
		expect(isCheckApplicable(doc13, { updatable: 'yes' })).toBe(false);
		expect(isCheckApplicable(doc13, { updatable: 'no' })).toBe(true);
	});
});

describe('scope switching', () => {
	it('keeps all bundle checks, in bundle order, before any scope answer', () => {
		expect(ids(applicableChecks(catalogue, newInspection()))).toEqual([
			'ID-01',
			'PHY-01',
			'SET-01',
			'DOC-13'
		]);
	});

	it('takes a check out with "no", keeps its answer, and restores it when switched back', () => {
		let inspection = newInspection();
		inspection = answerCheck(inspection, catalogue, 'ID-01', 'PASS', '', T1);
		inspection = answerCheck(inspection, catalogue, 'PHY-01', 'FAIL', 'Same password', T1);
		expect(progress(catalogue, inspection)).toMatchObject({ answered: 2, applicable: 4 });

		inspection = setScopeAnswer(inspection, 'usesPasswords', 'no', T2);
		expect(ids(applicableChecks(catalogue, inspection))).toEqual(['ID-01', 'DOC-13']);
		// The answer is kept but does not count while out of scope.
		expect(inspection.answers['PHY-01']).toEqual({
			verdict: 'FAIL',
			reason: 'Same password',
			answeredAt: T1
		});
		expect(progress(catalogue, inspection)).toMatchObject({ answered: 1, applicable: 2 });

		inspection = setScopeAnswer(inspection, 'usesPasswords', 'yes', T3);
		expect(ids(applicableChecks(catalogue, inspection))).toEqual([
			'ID-01',
			'PHY-01',
			'SET-01',
			'DOC-13'
		]);
		expect(progress(catalogue, inspection)).toMatchObject({ answered: 2, applicable: 4 });
		expect(inspection.scope).toEqual({ usesPasswords: 'yes' });
		expect(inspection.updatedAt).toBe(T3);
	});

	it('keeps a check in with "unsure"', () => {
		const inspection = setScopeAnswer(newInspection(), 'usesPasswords', 'unsure', T1);
		expect(ids(applicableChecks(catalogue, inspection))).toContain('PHY-01');
	});

	it('does not ask for anything from an out-of-scope check', () => {
		let inspection = newInspection();
		inspection = answerCheck(inspection, catalogue, 'PHY-01', 'FAIL', '  ', T1);
		inspection = setScopeAnswer(inspection, 'usesPasswords', 'no', T2);
		const checkIds = completeness(catalogue, inspection).missing.map((item) => item.checkId);
		expect(checkIds).toEqual(['ID-01', 'DOC-13']);
	});

	it('rejects a value that is not a scope answer', () => {
		const error = thrownBy(() =>
			setScopeAnswer(newInspection(), 'usesPasswords', 'maybe' as 'yes', T1)
		);
		expect((error as InspectionError).code).toBe('invalid-scope-answer');
	});
});

describe('setScopeDetail', () => {
	const withDetail: Catalogue = {
		...catalogue,
		scopeQuestions: [
			{
				id: 'pstiExcepted',
				text: 'Excepted?',
				help: 'Help.',
				detail: {
					after: 'yes',
					text: 'Which category?',
					options: [{ id: 'meters', name: 'Smart meters', verified: false }]
				}
			}
		]
	};

	it('records the choice after the answer it follows, and refuses anything else', () => {
		const excepted = setScopeAnswer(newInspection(), 'pstiExcepted', 'yes', T1);
		const chosen = setScopeDetail(excepted, withDetail, 'pstiExcepted', 'meters', T1);
		expect(chosen.scopeDetail).toEqual({ pstiExcepted: 'meters' });
		expect(() => setScopeDetail(excepted, withDetail, 'pstiExcepted', 'toasters', T1)).toThrow(
			/not one of the choices for "Which category\?"/
		);
		const notExcepted = setScopeAnswer(newInspection(), 'pstiExcepted', 'no', T1);
		expect(() => setScopeDetail(notExcepted, withDetail, 'pstiExcepted', 'meters', T1)).toThrow(
			/Answer "Yes" first/
		);
		expect(() => setScopeDetail(excepted, withDetail, 'forChildren', 'meters', T1)).toThrow(
			InspectionError
		);
	});

	it('is missing, before signing, while an excepted product has no category', () => {
		const excepted = setScopeAnswer(newInspection(), 'pstiExcepted', 'yes', T1);
		expect(completeness(withDetail, excepted).missing).toContainEqual({
			checkId: 'pstiExcepted',
			kind: 'scope',
			message: 'Scope: answer “Which category?” for “Excepted?”.'
		});
		const chosen = setScopeDetail(excepted, withDetail, 'pstiExcepted', 'meters', T1);
		expect(completeness(withDetail, chosen).missing.filter((m) => m.kind === 'scope')).toEqual([]);
		const notExcepted = setScopeAnswer(newInspection(), 'pstiExcepted', 'no', T1);
		expect(completeness(withDetail, notExcepted).missing.filter((m) => m.kind === 'scope')).toEqual(
			[]
		);
	});

	it('keeps the choice while the answer stays and drops it when the answer changes', () => {
		const excepted = setScopeAnswer(newInspection(), 'pstiExcepted', 'yes', T1);
		const chosen = setScopeDetail(excepted, withDetail, 'pstiExcepted', 'meters', T1);
		expect(setScopeAnswer(chosen, 'pstiExcepted', 'yes', T1).scopeDetail).toEqual({
			pstiExcepted: 'meters'
		});
		const changed = setScopeAnswer(chosen, 'pstiExcepted', 'unsure', T1);
		expect('scopeDetail' in changed).toBe(false);
		expect(chosen.scopeDetail).toEqual({ pstiExcepted: 'meters' });
	});
});

describe('progress and navigation', () => {
	function partlyAnswered(): Inspection {
		let inspection = newInspection();
		inspection = answerCheck(inspection, catalogue, 'ID-01', 'PASS', '', T1);
		inspection = answerCheck(inspection, catalogue, 'SET-01', 'PASS', '', T1);
		return inspection;
	}

	it('counts answered against applicable checks and names the first unanswered', () => {
		expect(progress(catalogue, newInspection())).toEqual({
			answered: 0,
			applicable: 4,
			remaining: 4,
			nextUnanswered: 'ID-01'
		});
		expect(progress(catalogue, partlyAnswered())).toEqual({
			answered: 2,
			applicable: 4,
			remaining: 2,
			nextUnanswered: 'PHY-01'
		});
	});

	it('counts an answer with a missing reason as answered', () => {
		const inspection = answerCheck(newInspection(), catalogue, 'ID-01', 'FAIL', '', T1);
		expect(progress(catalogue, inspection).answered).toBe(1);
	});

	it('has no next unanswered check when all are answered', () => {
		let inspection = partlyAnswered();
		inspection = answerCheck(inspection, catalogue, 'PHY-01', 'PASS', '', T2);
		inspection = answerCheck(inspection, catalogue, 'DOC-13', 'PASS', '', T2);
		const result = progress(catalogue, inspection);
		expect(result).toEqual({ answered: 4, applicable: 4, remaining: 0 });
		expect(nextUnanswered(catalogue, inspection, 'ID-01')).toBeUndefined();
	});

	it('finds the next unanswered check after the current one, wrapping round', () => {
		const inspection = partlyAnswered();
		expect(nextUnanswered(catalogue, inspection)).toBe('PHY-01');
		expect(nextUnanswered(catalogue, inspection, 'PHY-01')).toBe('DOC-13');
		expect(nextUnanswered(catalogue, inspection, 'DOC-13')).toBe('PHY-01');
	});

	it('gives the current check when it is the only one left unanswered', () => {
		let inspection = partlyAnswered();
		inspection = answerCheck(inspection, catalogue, 'DOC-13', 'PASS', '', T2);
		expect(nextUnanswered(catalogue, inspection, 'PHY-01')).toBe('PHY-01');
	});

	it('gives the position "n of total" among applicable checks, with neighbours', () => {
		const inspection = newInspection();
		expect(checkPosition(catalogue, inspection, 'PHY-01')).toEqual({
			index: 1,
			number: 2,
			total: 4,
			label: '2 of 4',
			previousCheckId: 'ID-01',
			nextCheckId: 'SET-01'
		});
		expect(checkPosition(catalogue, inspection, 'ID-01')).toEqual({
			index: 0,
			number: 1,
			total: 4,
			label: '1 of 4',
			nextCheckId: 'PHY-01'
		});
	});

	it('recounts positions when the scope takes checks out', () => {
		const inspection = setScopeAnswer(newInspection(), 'usesPasswords', 'no', T1);
		expect(checkPosition(catalogue, inspection, 'DOC-13')).toMatchObject({
			label: '2 of 2',
			previousCheckId: 'ID-01'
		});
		expect(checkPosition(catalogue, inspection, 'PHY-01')).toBeUndefined();
	});
});

describe('completeness', () => {
	it('lists every unanswered applicable check, in bundle order', () => {
		const result = completeness(catalogue, newInspection());
		expect(result.complete).toBe(false);
		expect(result.missing).toEqual([
			{ checkId: 'ID-01', kind: 'answer', message: 'ID-01 Title of ID-01: no verdict yet.' },
			{ checkId: 'PHY-01', kind: 'answer', message: 'PHY-01 Title of PHY-01: no verdict yet.' },
			{ checkId: 'SET-01', kind: 'answer', message: 'SET-01 Title of SET-01: no verdict yet.' },
			{ checkId: 'DOC-13', kind: 'answer', message: 'DOC-13 Title of DOC-13: no verdict yet.' }
		]);
	});

	it('asks for a reason for every non-PASS verdict, and treats whitespace as missing', () => {
		const cases: [Verdict, string][] = [
			['FAIL', ''],
			['NA', '   '],
			['INCONCLUSIVE', '\n\t'],
			['REFER', '']
		];
		for (const [verdict, reason] of cases) {
			const inspection = answerCheck(newInspection(), catalogue, 'SET-01', verdict, reason, T1);
			const forSet01 = completeness(catalogue, inspection).missing.filter(
				(item) => item.checkId === 'SET-01'
			);
			expect(forSet01).toEqual([
				{
					checkId: 'SET-01',
					kind: 'reason',
					message: expect.stringContaining('SET-01 Title of SET-01: write the reason for')
				}
			]);
		}
	});

	it('does not ask for a reason for PASS, nor when one is written', () => {
		let inspection = answerCheck(newInspection(), catalogue, 'SET-01', 'PASS', '', T1);
		inspection = answerCheck(inspection, catalogue, 'DOC-13', 'FAIL', 'No rationale', T1);
		const checkIds = completeness(catalogue, inspection).missing.map((item) => item.checkId);
		expect(checkIds).toEqual(['ID-01', 'PHY-01']);
	});

	it('says which verdict the reason is for', () => {
		const inspection = answerCheck(newInspection(), catalogue, 'SET-01', 'NA', ' ', T1);
		const item = completeness(catalogue, inspection).missing.find((i) => i.kind === 'reason');
		expect(item?.message).toBe('SET-01 Title of SET-01: write the reason for "Not applicable".');
	});

	it('asks for required photos until minPhotos are taken', () => {
		const inspection = answerCheck(newInspection(), catalogue, 'PHY-01', 'PASS', '', T1);
		const photoItems = (counts?: Record<string, number>) =>
			completeness(catalogue, inspection, counts).missing.filter((item) => item.kind === 'photo');

		expect(photoItems()).toEqual([
			{
				checkId: 'PHY-01',
				kind: 'photo',
				message: 'PHY-01 Title of PHY-01: 2 photos required, 0 taken.'
			}
		]);
		expect(photoItems({ 'PHY-01': 1 })).toEqual([
			{
				checkId: 'PHY-01',
				kind: 'photo',
				message: 'PHY-01 Title of PHY-01: 2 photos required, 1 taken.'
			}
		]);
		expect(photoItems({ 'PHY-01': 2 })).toEqual([]);
	});

	it('lists both a missing reason and missing photos for the same check', () => {
		const inspection = answerCheck(newInspection(), catalogue, 'ID-01', 'FAIL', '', T1);
		const forId01 = completeness(catalogue, inspection).missing.filter(
			(item) => item.checkId === 'ID-01'
		);
		expect(forId01.map((item) => item.kind)).toEqual(['reason', 'photo']);
	});

	it('needs no photo for a check answered NA', () => {
		const inspection = answerCheck(newInspection(), catalogue, 'PHY-01', 'NA', 'No label', T1);
		const forPhy01 = completeness(catalogue, inspection).missing.filter(
			(item) => item.checkId === 'PHY-01'
		);
		expect(forPhy01).toEqual([]);
	});

	it('ignores optional photos', () => {
		const inspection = answerCheck(newInspection(), catalogue, 'SET-01', 'PASS', '', T1);
		const forSet01 = completeness(catalogue, inspection).missing.filter(
			(item) => item.checkId === 'SET-01'
		);
		expect(forSet01).toEqual([]);
	});

	it('is complete when every applicable check has a verdict, reason and photos', () => {
		let inspection = setScopeAnswer(newInspection(), 'updatable', 'yes', T1);
		inspection = answerCheck(inspection, catalogue, 'ID-01', 'PASS', '', T1);
		inspection = answerCheck(inspection, catalogue, 'PHY-01', 'REFER', 'Consecutive', T1);
		inspection = answerCheck(inspection, catalogue, 'SET-01', 'PASS', '', T1);
		expect(completeness(catalogue, inspection, { 'ID-01': 1, 'PHY-01': 2 })).toEqual({
			complete: true,
			missing: []
		});
	});
});

describe('finishInspection', () => {
	function readyToFinish(): Inspection {
		let inspection = setScopeAnswer(newInspection(), 'usesPasswords', 'no', T1);
		inspection = answerCheck(inspection, catalogue, 'ID-01', 'PASS', '', T1);
		inspection = answerCheck(inspection, catalogue, 'DOC-13', 'NA', 'Updatable', T1);
		return inspection;
	}

	it('refuses while something is missing, and says what', () => {
		const error = thrownBy(() => finishInspection(readyToFinish(), catalogue, T2));
		expect(error).toBeInstanceOf(InspectionIncompleteError);
		expect(error).toBeInstanceOf(InspectionError);
		expect((error as InspectionIncompleteError).code).toBe('inspection-incomplete');
		expect((error as InspectionIncompleteError).message).toBe(
			'The inspection cannot be finished yet: 1 thing is missing.'
		);
		expect((error as InspectionIncompleteError).missing).toEqual([
			{
				checkId: 'ID-01',
				kind: 'photo',
				message: 'ID-01 Title of ID-01: 1 photo required, 0 taken.'
			}
		]);
	});

	it('refuses with an unanswered check', () => {
		const inspection = clearAnswer(readyToFinish(), 'DOC-13', T2);
		const error = thrownBy(() => finishInspection(inspection, catalogue, T2, { 'ID-01': 1 }));
		expect((error as InspectionIncompleteError).missing.map((item) => item.kind)).toEqual([
			'answer'
		]);
	});

	it('finishes a complete inspection', () => {
		const finished = finishInspection(readyToFinish(), catalogue, T2, { 'ID-01': 1 });
		expect(finished.status).toBe('finished');
		expect(finished.finishedAt).toBe(T2);
		expect(finished.updatedAt).toBe(T2);
		expect(JSON.parse(JSON.stringify(finished))).toEqual(finished);
	});

	it('does not let a finished inspection change', () => {
		const finished = finishInspection(readyToFinish(), catalogue, T2, { 'ID-01': 1 });
		const attempts = [
			() => answerCheck(finished, catalogue, 'ID-01', 'FAIL', 'Changed my mind', T3),
			() => clearAnswer(finished, 'ID-01', T3),
			() => setScopeAnswer(finished, 'usesPasswords', 'yes', T3),
			() => finishInspection(finished, catalogue, T3, { 'ID-01': 1 })
		];
		for (const attempt of attempts) {
			expect((thrownBy(attempt) as InspectionError).code).toBe('inspection-finished');
		}
	});
});

describe('immutability', () => {
	it('never changes the inspection it is given', () => {
		let base = newInspection();
		base = answerCheck(base, catalogue, 'ID-01', 'PASS', '', T1);
		base = answerCheck(base, catalogue, 'PHY-01', 'FAIL', 'Same on all units', T1);
		base = setScopeAnswer(base, 'updatable', 'yes', T1);
		const snapshot = structuredClone(base);
		deepFreeze(base);

		// Frozen input: any write would throw in strict mode; the results must differ from it.
		expect(answerCheck(base, catalogue, 'SET-01', 'PASS', '', T2)).not.toBe(base);
		expect(answerCheck(base, catalogue, 'ID-01', 'FAIL', 'Changed', T2).answers).not.toBe(
			base.answers
		);
		expect(clearAnswer(base, 'PHY-01', T2).answers).toEqual({
			'ID-01': { verdict: 'PASS', reason: '', answeredAt: T1 }
		});
		expect(setScopeAnswer(base, 'usesPasswords', 'no', T2).scope).toEqual({
			updatable: 'yes',
			usesPasswords: 'no'
		});
		expect(
			finishInspection(answerCheck(base, catalogue, 'SET-01', 'PASS', '', T2), catalogue, T3, {
				'ID-01': 1,
				'PHY-01': 2
			}).status
		).toBe('finished');
		progress(catalogue, base);
		completeness(catalogue, base);
		checkPosition(catalogue, base, 'ID-01');

		expect(base).toEqual(snapshot);
	});
});
