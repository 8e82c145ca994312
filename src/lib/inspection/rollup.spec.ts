import { describe, expect, it } from 'vitest';
import { pstiFacts } from '$lib/catalogue/psti';
import type {
	Catalogue,
	Check,
	CheckAnswerRef,
	FrameworkId,
	Provision,
	ProvisionRef,
	Verdict
} from '$lib/catalogue/types';
import {
	answerCheck,
	createInspection,
	indicationLabels,
	pstiSummary,
	rollup,
	setScopeAnswer,
	setScopeDetail,
	type FrameworkRollup,
	type Inspection,
	type ProvisionRollup
} from './index';

// ---------------------------------------------------------------------------------------------
// Fixture: three frameworks, a handful of provisions, mappings from PSTI and CI to EN 303 645,
// and one bundle. Made for these tests, independent of the real catalogue data.

const source = { document: 'Test source', version: '1' };

function provision(framework: FrameworkId, id: string): Provision {
	return { framework, id, title: `Title of ${id}`, text: '', modes: [], source };
}

function ref(framework: FrameworkId, id: string): ProvisionRef {
	return { framework, id };
}

/** A direct answer (the default for a bare reference) or a partial one. */
function partial(
	ref: ProvisionRef,
	notCovered = `what ${ref.id} asks beyond this`
): CheckAnswerRef {
	return { ...ref, strength: 'partial', why: 'A part of it.', notCovered };
}

function check(
	id: string,
	answers: (ProvisionRef | CheckAnswerRef)[],
	overrides: Partial<Check> = {}
): Check {
	return {
		id,
		kind: 'shows',
		title: `Title of ${id}`,
		question: '',
		why: '',
		how: [],
		evidence: { photo: 'none', minPhotos: 0, hint: '', shows: [] },
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: {},
		contexts: ['shop'],
		answers: answers.map((answer) =>
			'strength' in answer ? answer : { ...answer, strength: 'direct', why: 'It shows it.' }
		),
		...overrides
	};
}

const catalogue: Catalogue = {
	version: 'test-rollup-1',
	frameworks: [
		{ id: 'EN303645', name: 'ETSI EN 303 645', shortName: 'EN 303 645', version: '2.1.1', source },
		{ id: 'PSTI', name: 'UK PSTI regime', shortName: 'PSTI', version: '2023', source },
		{ id: 'CI', name: 'CI retailer checklist', shortName: 'CI', version: '2021', source }
	],
	provisions: [
		{ ...provision('EN303645', '5.1-1'), obligation: 'shall' },
		{ ...provision('EN303645', '5.1-2'), obligation: 'shall' },
		{ ...provision('EN303645', '5.2-1'), obligation: 'shall' },
		{ ...provision('EN303645', '5.3-13'), obligation: 'shall' },
		// Lab only: no check answers it.
		{ ...provision('EN303645', '5.4-1'), obligation: 'shall' },
		provision('PSTI', 'PSTI-1'),
		provision('PSTI', 'PSTI-2'),
		provision('PSTI', 'PSTI-3'),
		provision('PSTI', 'PSTI-SOC'),
		provision('CI', 'CI-2'),
		provision('CI', 'CI-3'),
		provision('CI', 'CI-4'),
		// A framework the catalogue does not list is not rolled up.
		provision('MOZ', 'MZ-3')
	],
	scopeQuestions: [],
	scopeRules: [],
	pstiFacts,
	checks: [
		check('DOC-01', [ref('PSTI', 'PSTI-SOC')]),
		check('PHY-01', [ref('EN303645', '5.1-1'), ref('EN303645', '5.1-2')], {
			appliesWhen: { usesPasswords: 'yes' }
		}),
		// Answers PSTI-1 directly and 5.1-1 too, so it reaches PSTI-1 both ways.
		check('SET-01', [ref('EN303645', '5.1-1'), ref('PSTI', 'PSTI-1')], {
			appliesWhen: { networkConnected: 'yes' }
		}),
		check('DOC-07', [ref('EN303645', '5.2-1')]),
		check('DOC-03', [ref('EN303645', '5.3-13')]),
		check('DOC-06', [ref('EN303645', '5.3-13')]),
		// In the catalogue but not in the bundle: its provision stays unassessed.
		check('LAB-01', [ref('EN303645', '5.4-1')])
	],
	bundles: [
		{
			id: 'shop-visit',
			name: 'Shop visit',
			summary: '',
			minutes: 10,
			context: 'shop',
			checks: ['DOC-01', 'PHY-01', 'SET-01', 'DOC-07', 'DOC-03', 'DOC-06']
		}
	],
	mappings: [
		{
			from: ref('PSTI', 'PSTI-1'),
			to: ref('EN303645', '5.1-1'),
			strength: 'direct',
			note: 'Test row.'
		},
		{
			from: ref('PSTI', 'PSTI-1'),
			to: ref('EN303645', '5.1-2'),
			strength: 'direct',
			note: 'Test row.'
		},
		{
			from: ref('PSTI', 'PSTI-2'),
			to: ref('EN303645', '5.2-1'),
			strength: 'direct',
			note: 'Test row.'
		},
		{
			from: ref('PSTI', 'PSTI-3'),
			to: ref('EN303645', '5.3-13'),
			strength: 'partial',
			note: 'Test row.'
		},
		{
			from: ref('CI', 'CI-2'),
			to: ref('EN303645', '5.1-1'),
			strength: 'partial',
			note: 'Test row.'
		},
		// CI-3 maps to PSTI-2, which itself only maps on: mappings are not chained.
		{ from: ref('CI', 'CI-3'), to: ref('PSTI', 'PSTI-2'), strength: 'partial', note: 'Test row.' },
		// Context only: a neighbouring provision's failure is no evidence on CI-4.
		{
			from: ref('CI', 'CI-4'),
			to: ref('EN303645', '5.2-1'),
			strength: 'related',
			note: 'Test row.'
		}
	]
};

const T0 = '2026-11-03T10:00:00.000Z';
const T1 = '2026-11-03T10:05:00.000Z';

function inspectionWith(verdicts: Record<string, Verdict>): Inspection {
	let inspection = createInspection({
		id: 'insp-r',
		now: T0,
		catalogue,
		bundleId: 'shop-visit',
		place: { kind: 'shop', name: 'Electro Mart' },
		inspector: 'A. Officer'
	});
	for (const [checkId, verdict] of Object.entries(verdicts)) {
		const reason = verdict === 'PASS' ? '' : `Reason for ${verdict}`;
		inspection = answerCheck(inspection, catalogue, checkId, verdict, reason, T1);
	}
	return inspection;
}

const allPass: Record<string, Verdict> = {
	'DOC-01': 'PASS',
	'PHY-01': 'PASS',
	'SET-01': 'PASS',
	'DOC-07': 'PASS',
	'DOC-03': 'PASS',
	'DOC-06': 'PASS'
};

function find(result: FrameworkRollup[], framework: FrameworkId, id: string): ProvisionRollup {
	const found = result
		.find((entry) => entry.framework === framework)
		?.provisions.find((entry) => entry.id === id);
	if (!found) throw new Error(`no roll-up for ${framework} ${id}`);
	return found;
}

/** Outcome and the checks behind it, for one provision. */
function outcomeOf(inspection: Inspection, framework: FrameworkId, id: string) {
	const { outcome, checkIds } = find(rollup(catalogue, inspection), framework, id);
	return { outcome, checkIds };
}

// ---------------------------------------------------------------------------------------------

describe('rollup: shape', () => {
	it('lists the catalogue frameworks in order, each with its provisions in catalogue order', () => {
		const result = rollup(catalogue, inspectionWith({}));
		expect(result.map((entry) => entry.framework)).toEqual(['EN303645', 'PSTI', 'CI']);
		expect(result.map((entry) => entry.provisions.map((p) => p.id))).toEqual([
			['5.1-1', '5.1-2', '5.2-1', '5.3-13', '5.4-1'],
			['PSTI-1', 'PSTI-2', 'PSTI-3', 'PSTI-SOC'],
			['CI-2', 'CI-3', 'CI-4']
		]);
		expect(result[0]).toMatchObject({
			name: 'ETSI EN 303 645',
			shortName: 'EN 303 645',
			version: '2.1.1'
		});
	});

	it('carries title, obligation, outcome and the evidence checks for a provision', () => {
		const result = rollup(catalogue, inspectionWith({ 'PHY-01': 'FAIL', 'SET-01': 'PASS' }));
		expect(find(result, 'EN303645', '5.1-1')).toEqual({
			framework: 'EN303645',
			id: '5.1-1',
			title: 'Title of 5.1-1',
			obligation: 'shall',
			outcome: 'FAIL',
			checkIds: ['PHY-01'],
			evidenceCheckIds: ['PHY-01', 'SET-01']
		});
		expect('obligation' in find(result, 'PSTI', 'PSTI-1')).toBe(false);
	});

	it('survives a round trip through JSON', () => {
		const result = rollup(catalogue, inspectionWith({ 'DOC-07': 'REFER' }));
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});
});

describe('rollup: outcomes', () => {
	it('all PASS: every provision with evidence passes; counts add up', () => {
		const result = rollup(catalogue, inspectionWith(allPass));
		const en = result[0]!;
		expect(en.provisions.map((p) => p.outcome)).toEqual([
			'PASS',
			'PASS',
			'PASS',
			'PASS',
			'NOT_ASSESSED'
		]);
		expect(en.counts).toEqual({
			FAIL: 0,
			REFER: 0,
			INCONCLUSIVE: 0,
			INCOMPLETE: 0,
			PASS: 4,
			PARTLY: 0,
			NO_ISSUE: 0,
			NA: 0,
			NOT_ASSESSED: 1
		});
		expect(find(result, 'EN303645', '5.3-13').checkIds).toEqual(['DOC-03', 'DOC-06']);
	});

	it('one FAIL among passes makes the provision FAIL, naming only the failing check', () => {
		const inspection = inspectionWith({ ...allPass, 'DOC-06': 'FAIL' });
		expect(outcomeOf(inspection, 'EN303645', '5.3-13')).toEqual({
			outcome: 'FAIL',
			checkIds: ['DOC-06']
		});
		// Other provisions are unaffected.
		expect(outcomeOf(inspection, 'EN303645', '5.2-1').outcome).toBe('PASS');
	});

	it('all NA gives NA', () => {
		const inspection = inspectionWith({ 'DOC-03': 'NA', 'DOC-06': 'NA' });
		expect(outcomeOf(inspection, 'EN303645', '5.3-13')).toEqual({
			outcome: 'NA',
			checkIds: ['DOC-03', 'DOC-06']
		});
	});

	it('PASS with the rest NA gives PASS, naming the passing check', () => {
		const inspection = inspectionWith({ 'DOC-03': 'NA', 'DOC-06': 'PASS' });
		expect(outcomeOf(inspection, 'EN303645', '5.3-13')).toEqual({
			outcome: 'PASS',
			checkIds: ['DOC-06']
		});
	});

	it('FAIL outranks REFER', () => {
		const inspection = inspectionWith({ 'DOC-03': 'REFER', 'DOC-06': 'FAIL' });
		expect(outcomeOf(inspection, 'EN303645', '5.3-13')).toEqual({
			outcome: 'FAIL',
			checkIds: ['DOC-06']
		});
	});

	it('REFER outranks INCONCLUSIVE and PASS', () => {
		const inspection = inspectionWith({ 'DOC-03': 'INCONCLUSIVE', 'DOC-06': 'REFER' });
		expect(outcomeOf(inspection, 'EN303645', '5.3-13')).toEqual({
			outcome: 'REFER',
			checkIds: ['DOC-06']
		});
		const withPass = inspectionWith({ 'PHY-01': 'PASS', 'SET-01': 'REFER' });
		expect(outcomeOf(withPass, 'EN303645', '5.1-1').outcome).toBe('REFER');
	});

	it('INCONCLUSIVE outranks PASS, NA and a check not yet answered', () => {
		const inspection = inspectionWith({ 'DOC-03': 'PASS', 'DOC-06': 'INCONCLUSIVE' });
		expect(outcomeOf(inspection, 'EN303645', '5.3-13')).toEqual({
			outcome: 'INCONCLUSIVE',
			checkIds: ['DOC-06']
		});
		const withGap = inspectionWith({ 'DOC-06': 'INCONCLUSIVE' });
		expect(outcomeOf(withGap, 'EN303645', '5.3-13').outcome).toBe('INCONCLUSIVE');
	});

	it('a finding outranks a gap: FAIL or REFER while another check is unanswered', () => {
		expect(outcomeOf(inspectionWith({ 'DOC-06': 'FAIL' }), 'EN303645', '5.3-13').outcome).toBe(
			'FAIL'
		);
		expect(outcomeOf(inspectionWith({ 'DOC-03': 'REFER' }), 'EN303645', '5.3-13').outcome).toBe(
			'REFER'
		);
	});

	it('an unanswered check with the rest PASS or NA gives INCOMPLETE, naming the gap', () => {
		const inspection = inspectionWith({ 'DOC-03': 'PASS' });
		expect(outcomeOf(inspection, 'EN303645', '5.3-13')).toEqual({
			outcome: 'INCOMPLETE',
			checkIds: ['DOC-06']
		});
		expect(outcomeOf(inspectionWith({}), 'EN303645', '5.3-13')).toEqual({
			outcome: 'INCOMPLETE',
			checkIds: ['DOC-03', 'DOC-06']
		});
	});

	it('no applicable check gives evidence: NOT_ASSESSED, with no checks behind it', () => {
		// LAB-01 answers 5.4-1 but is not in the bundle.
		expect(outcomeOf(inspectionWith(allPass), 'EN303645', '5.4-1')).toEqual({
			outcome: 'NOT_ASSESSED',
			checkIds: []
		});
	});

	it('ignores checks switched off by scope, and their kept answers', () => {
		let inspection = inspectionWith({ 'PHY-01': 'FAIL', 'SET-01': 'PASS' });
		expect(outcomeOf(inspection, 'EN303645', '5.1-1').outcome).toBe('FAIL');

		inspection = setScopeAnswer(inspection, 'usesPasswords', 'no', T1);
		expect(find(rollup(catalogue, inspection), 'EN303645', '5.1-1')).toMatchObject({
			outcome: 'PASS',
			checkIds: ['SET-01'],
			evidenceCheckIds: ['SET-01']
		});
		// 5.1-2 only had PHY-01.
		expect(outcomeOf(inspection, 'EN303645', '5.1-2').outcome).toBe('NOT_ASSESSED');

		inspection = setScopeAnswer(inspection, 'usesPasswords', 'unsure', T1);
		expect(outcomeOf(inspection, 'EN303645', '5.1-1').outcome).toBe('FAIL');
	});
});

describe('rollup: evidence through mappings', () => {
	it('takes evidence from the provisions a provision maps to', () => {
		// PSTI-2 has no check of its own; it maps to 5.2-1, which DOC-07 answers.
		expect(outcomeOf(inspectionWith({ 'DOC-07': 'FAIL' }), 'PSTI', 'PSTI-2')).toEqual({
			outcome: 'FAIL',
			checkIds: ['DOC-07']
		});
		// A pass through a mapping is never more than partial: PSTI-2 is partly indicated.
		expect(
			find(rollup(catalogue, inspectionWith({ 'DOC-07': 'PASS' })), 'PSTI', 'PSTI-2')
		).toMatchObject({
			outcome: 'PARTLY',
			checkIds: ['DOC-07'],
			notCovered: 'shown only through EN 303 645 5.2-1: Test row.'
		});
	});

	it('joins direct and mapped evidence, counting a check once, in bundle order', () => {
		const result = rollup(catalogue, inspectionWith({ 'SET-01': 'PASS', 'PHY-01': 'FAIL' }));
		// SET-01 answers PSTI-1 directly and through 5.1-1; PHY-01 through 5.1-1 and 5.1-2.
		expect(find(result, 'PSTI', 'PSTI-1')).toMatchObject({
			outcome: 'FAIL',
			checkIds: ['PHY-01'],
			evidenceCheckIds: ['PHY-01', 'SET-01']
		});
		expect(find(result, 'CI', 'CI-2')).toMatchObject({
			outcome: 'FAIL',
			evidenceCheckIds: ['PHY-01', 'SET-01']
		});
	});

	it('does not chain mappings', () => {
		// CI-3 -> PSTI-2 -> 5.2-1: DOC-07 answers 5.2-1, not PSTI-2, so CI-3 has no evidence.
		expect(outcomeOf(inspectionWith({ 'DOC-07': 'FAIL' }), 'CI', 'CI-3').outcome).toBe(
			'NOT_ASSESSED'
		);
	});

	it('takes no evidence through a related mapping', () => {
		expect(outcomeOf(inspectionWith({ 'DOC-07': 'FAIL' }), 'CI', 'CI-4').outcome).toBe(
			'NOT_ASSESSED'
		);
		expect(outcomeOf(inspectionWith({ 'DOC-07': 'FAIL' }), 'EN303645', '5.2-1').outcome).toBe(
			'FAIL'
		);
	});

	it('does not use mappings backwards', () => {
		// SET-01 answers PSTI-1, and PSTI-1 maps to 5.1-2; that gives 5.1-2 no evidence from SET-01.
		const inspection = setScopeAnswer(
			inspectionWith({ 'SET-01': 'FAIL' }),
			'usesPasswords',
			'no',
			T1
		);
		expect(outcomeOf(inspection, 'EN303645', '5.1-2').outcome).toBe('NOT_ASSESSED');
	});
});

describe('pstiSummary', () => {
	it('phrases each PSTI outcome as an indication, in the fixed order', () => {
		const inspection = inspectionWith({
			'PHY-01': 'FAIL',
			'SET-01': 'PASS',
			'DOC-07': 'PASS',
			'DOC-03': 'REFER',
			'DOC-06': 'PASS'
		});
		expect(pstiSummary(catalogue, inspection)).toEqual([
			{
				id: 'PSTI-1',
				title: 'Title of PSTI-1',
				outcome: 'FAIL',
				label: 'Indication: fails',
				checkIds: ['PHY-01']
			},
			{
				id: 'PSTI-2',
				title: 'Title of PSTI-2',
				outcome: 'PARTLY',
				label: 'Partly indicated',
				checkIds: ['DOC-07'],
				notCovered: 'shown only through EN 303 645 5.2-1: Test row.'
			},
			{
				id: 'PSTI-3',
				title: 'Title of PSTI-3',
				outcome: 'REFER',
				label: 'Refer',
				checkIds: ['DOC-03']
			},
			{
				id: 'PSTI-SOC',
				title: 'Title of PSTI-SOC',
				outcome: 'INCOMPLETE',
				label: 'Not yet answered',
				checkIds: ['DOC-01']
			}
		]);
	});

	it('labels inconclusive, not applicable and not assessed', () => {
		let inspection = inspectionWith({ 'DOC-07': 'INCONCLUSIVE', 'DOC-01': 'NA' });
		inspection = setScopeAnswer(inspection, 'usesPasswords', 'no', T1);
		inspection = setScopeAnswer(inspection, 'networkConnected', 'no', T1);
		const labels = Object.fromEntries(
			pstiSummary(catalogue, inspection).map((item) => [item.id, item.label])
		);
		expect(labels).toEqual({
			'PSTI-1': 'Not assessed in this inspection',
			'PSTI-2': 'Inconclusive',
			'PSTI-3': 'Not yet answered',
			'PSTI-SOC': 'Not applicable'
		});
	});

	it('reports only the PSTI provisions the catalogue has, in the fixed order', () => {
		const partial: Catalogue = {
			...catalogue,
			provisions: [
				provision('PSTI', 'PSTI-SOC'),
				provision('PSTI', 'PSTI-EXTRA'),
				provision('PSTI', 'PSTI-1'),
				provision('EN303645', '5.1-1')
			]
		};
		const inspection = inspectionWith({});
		expect(pstiSummary(partial, inspection).map((item) => item.id)).toEqual(['PSTI-1', 'PSTI-SOC']);
	});

	it('never calls an outcome compliant or non-compliant', () => {
		for (const label of Object.values(indicationLabels)) {
			expect(label).not.toMatch(/compliant|compliance|conform/i);
		}
	});
});

describe('rollup: immutability', () => {
	it('does not change the inspection or the catalogue', () => {
		const inspection = inspectionWith({ 'PHY-01': 'FAIL', 'DOC-03': 'NA' });
		const inspectionBefore = structuredClone(inspection);
		const catalogueBefore = structuredClone(catalogue);
		rollup(catalogue, inspection);
		pstiSummary(catalogue, inspection);
		expect(inspection).toEqual(inspectionBefore);
		expect(catalogue).toEqual(catalogueBefore);
	});
});

// ---------------------------------------------------------------------------------------------
// Kinds, partial answers, missing direct checks, cleared referrals and scope reasons, on a small
// catalogue of their own: 5.1-1 is answered directly by a setup check (SETUP, shows) and a second
// direct check outside the bundle (LAB-02), and partly by a screening label check (LABEL).

const kinds: Catalogue = {
	...catalogue,
	scopeQuestions: [
		{
			id: 'pstiExcepted',
			text: 'Excepted from PSTI?',
			help: 'Test help.',
			detail: {
				after: 'yes',
				text: 'Which category?',
				options: [
					{ id: 'medical', name: 'Medical devices', verified: false },
					{ id: 'meter', name: 'Smart meters', verified: true }
				]
			}
		}
	],
	scopeRules: [
		{ question: 'pstiExcepted', answer: 'yes', frameworks: ['PSTI'], because: 'Outside PSTI.' },
		{
			question: 'usesPasswords',
			answer: 'no',
			provisions: [ref('EN303645', '5.1-2')],
			because: 'Only where passwords are used.'
		}
	],
	checks: [
		check('LABEL', [partial(ref('EN303645', '5.1-1'), 'whether setup replaces it')], {
			kind: 'screens'
		}),
		check('SCREEN', [ref('EN303645', '5.1-2')], { kind: 'screens' }),
		check('SETUP', [ref('EN303645', '5.1-1'), ref('PSTI', 'PSTI-1')], {
			clears: { checks: ['LABEL'], why: 'Setup settles what the label suggests.' }
		}),
		check('DOC', [partial(ref('EN303645', '5.2-1'), 'the timelines')]),
		check('LAB-02', [ref('EN303645', '5.2-1')], { appliesWhen: { networkConnected: 'yes' } })
	],
	bundles: [
		{
			id: 'goods-in',
			name: 'Goods-in',
			summary: '',
			minutes: 10,
			context: 'goods-in',
			checks: ['LABEL', 'SCREEN', 'SETUP', 'DOC']
		}
	]
};

function kindsWith(
	verdicts: Record<string, Verdict>,
	scope: Partial<Record<'pstiExcepted' | 'usesPasswords' | 'networkConnected', 'yes' | 'no'>> = {}
): Inspection {
	let inspection = createInspection({
		id: 'insp-k',
		now: T0,
		catalogue: kinds,
		bundleId: 'goods-in',
		place: { kind: 'goods-in', name: 'Depot' },
		inspector: 'Q. A.'
	});
	for (const [question, answer] of Object.entries(scope)) {
		inspection = setScopeAnswer(inspection, question as 'pstiExcepted', answer, T1);
	}
	for (const [checkId, verdict] of Object.entries(verdicts)) {
		inspection = answerCheck(inspection, kinds, checkId, verdict, `Reason ${verdict}`, T1);
	}
	return inspection;
}

const provisionIn = (inspection: Inspection, framework: FrameworkId, id: string) =>
	find(rollup(kinds, inspection), framework, id);

describe('rollup: what a pass can say', () => {
	it('a Pass on a screening check alone reads No issue seen; its Fail still fails', () => {
		expect(provisionIn(kindsWith({ SCREEN: 'PASS' }), 'EN303645', '5.1-2')).toMatchObject({
			outcome: 'NO_ISSUE',
			checkIds: ['SCREEN']
		});
		expect(provisionIn(kindsWith({ SCREEN: 'FAIL' }), 'EN303645', '5.1-2').outcome).toBe('FAIL');
	});

	it('meets needs a direct showing check passed; a screening check beside it does not stop it', () => {
		expect(
			provisionIn(kindsWith({ LABEL: 'PASS', SETUP: 'PASS' }), 'EN303645', '5.1-1')
		).toMatchObject({ outcome: 'PASS', checkIds: ['LABEL', 'SETUP'] });
		expect(
			provisionIn(kindsWith({ LABEL: 'PASS', SETUP: 'NA' }), 'EN303645', '5.1-1').outcome
		).toBe('NO_ISSUE');
	});

	it('a partial pass reads Partly indicated, naming what it did not cover', () => {
		// DOC answers 5.2-1 in part; LAB-02, its direct check, is not in the bundle.
		expect(provisionIn(kindsWith({ DOC: 'PASS' }), 'EN303645', '5.2-1')).toMatchObject({
			outcome: 'PARTLY',
			checkIds: ['DOC'],
			notCovered: 'LAB-02 Title of LAB-02 is not part of this inspection'
		});
		// Where the missing direct check does not apply, the partial answer's own gap is named.
		const offline = kindsWith({ DOC: 'PASS' }, { networkConnected: 'no' });
		expect(provisionIn(offline, 'EN303645', '5.2-1')).toMatchObject({
			outcome: 'PARTLY',
			notCovered: 'the timelines'
		});
	});

	it('Partly indicated outranks No issue seen', () => {
		const both: Catalogue = {
			...kinds,
			checks: kinds.checks.map((c) =>
				c.id === 'DOC' ? { ...c, answers: [...c.answers, partial(ref('EN303645', '5.1-2'))] } : c
			)
		};
		const inspection = kindsWith({ SCREEN: 'PASS', DOC: 'PASS' });
		expect(find(rollup(both, inspection), 'EN303645', '5.1-2').outcome).toBe('PARTLY');
	});
});

describe('rollup: referrals cleared', () => {
	it('a Refer is cleared by a passing direct check that names it as one it settles', () => {
		expect(
			provisionIn(kindsWith({ LABEL: 'REFER', SETUP: 'PASS' }), 'EN303645', '5.1-1')
		).toMatchObject({ outcome: 'PASS', checkIds: ['SETUP'] });
	});

	it('stands while the settling check is not a pass, and is not cleared by other checks', () => {
		for (const verdict of ['NA', 'INCONCLUSIVE'] as const) {
			expect(
				provisionIn(kindsWith({ LABEL: 'REFER', SETUP: verdict }), 'EN303645', '5.1-1').outcome
			).toBe('REFER');
		}
		const noClear: Catalogue = {
			...kinds,
			checks: kinds.checks.map((c) => (c.id === 'SETUP' ? { ...c, clears: undefined } : c))
		};
		const inspection = kindsWith({ LABEL: 'REFER', SETUP: 'PASS' });
		expect(find(rollup(noClear, inspection), 'EN303645', '5.1-1').outcome).toBe('REFER');
	});
});

describe('rollup: scope answers carry through', () => {
	it('a scope answer that takes a framework out gives NA with the answer and the choice as reason', () => {
		let inspection = kindsWith({ SETUP: 'FAIL' }, { pstiExcepted: 'yes' });
		inspection = setScopeDetail(inspection, kinds, 'pstiExcepted', 'meter', T1);
		expect(provisionIn(inspection, 'PSTI', 'PSTI-1')).toMatchObject({
			outcome: 'NA',
			checkIds: [],
			reason: 'Scope answer: “Excepted from PSTI?” Yes (Smart meters). Outside PSTI.'
		});
		// EN 303 645 is not affected.
		expect(provisionIn(inspection, 'EN303645', '5.1-1').outcome).toBe('FAIL');
		const unverified = setScopeDetail(inspection, kinds, 'pstiExcepted', 'medical', T1);
		expect(provisionIn(unverified, 'PSTI', 'PSTI-SOC').reason).toContain(
			'Medical devices; the category list is not verified'
		);
	});

	it('names a missing choice, and drops the choice when the answer changes', () => {
		const inspection = kindsWith({}, { pstiExcepted: 'yes' });
		expect(provisionIn(inspection, 'PSTI', 'PSTI-2').reason).toContain('(category not recorded)');
		const chosen = setScopeDetail(inspection, kinds, 'pstiExcepted', 'meter', T1);
		const changed = setScopeAnswer(chosen, 'pstiExcepted', 'no', T1);
		expect(changed.scopeDetail).toBeUndefined();
		expect(provisionIn(changed, 'PSTI', 'PSTI-2')).toMatchObject({ outcome: 'INCOMPLETE' });
		expect(provisionIn(changed, 'PSTI', 'PSTI-2').reason).toBeUndefined();
	});

	it('takes out single provisions, leaving the rest of the framework', () => {
		const inspection = kindsWith({}, { usesPasswords: 'no' });
		expect(provisionIn(inspection, 'EN303645', '5.1-2')).toMatchObject({
			outcome: 'NA',
			reason: 'Scope answer: “usesPasswords” No. Only where passwords are used.'
		});
		expect(provisionIn(inspection, 'EN303645', '5.1-1').outcome).toBe('INCOMPLETE');
	});
});
