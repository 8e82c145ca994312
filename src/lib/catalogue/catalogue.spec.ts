import { describe, expect, it } from 'vitest';
import {
	catalogue,
	CATALOGUE_VERSION,
	checksAnswering,
	checksForBundle,
	frameworkProvisions,
	getBundle,
	getCheck,
	getProvision,
	mappingsFrom,
	provisionKey,
	pstiFacts
} from './index';
import type {
	FrameworkId,
	InspectionContext,
	ProvisionRef,
	ScopeQuestionId,
	Verdict
} from './types';

/*
 * Expected facts are written out here from the crosswalk (section 1.2, Table B.1) and the seed
 * files, independently of the data files, so a slip in either shows up as a failure.
 */

const EN_IDS = [
	'4-1',
	...['5.1-1', '5.1-2', '5.1-3', '5.1-4', '5.1-5'],
	...['5.2-1', '5.2-2', '5.2-3'],
	...['5.3-1', '5.3-2', '5.3-3', '5.3-4', '5.3-5', '5.3-6', '5.3-7', '5.3-8'],
	...['5.3-9', '5.3-10', '5.3-11', '5.3-12', '5.3-13', '5.3-14', '5.3-15', '5.3-16'],
	...['5.4-1', '5.4-2', '5.4-3', '5.4-4'],
	...['5.5-1', '5.5-2', '5.5-3', '5.5-4', '5.5-5', '5.5-6', '5.5-7', '5.5-8'],
	...['5.6-1', '5.6-2', '5.6-3', '5.6-4', '5.6-5', '5.6-6', '5.6-7', '5.6-8', '5.6-9'],
	...['5.7-1', '5.7-2'],
	...['5.8-1', '5.8-2', '5.8-3'],
	...['5.9-1', '5.9-2', '5.9-3'],
	'5.10-1',
	...['5.11-1', '5.11-2', '5.11-3', '5.11-4'],
	...['5.12-1', '5.12-2', '5.12-3'],
	'5.13-1',
	...['6-1', '6-2', '6-3', '6-4', '6-5']
];

// Table B.1 "M" rows.
const EN_SHALL = [
	'4-1',
	...['5.1-1', '5.1-2', '5.1-3', '5.1-4', '5.1-5'],
	'5.2-1',
	...['5.3-2', '5.3-3', '5.3-7', '5.3-8', '5.3-10', '5.3-13', '5.3-16'],
	...['5.4-1', '5.4-2', '5.4-3', '5.4-4'],
	...['5.5-1', '5.5-5', '5.5-7', '5.5-8'],
	...['5.6-1', '5.6-2', '5.6-4'],
	...['5.8-2', '5.8-3'],
	'5.11-1',
	'5.13-1',
	...['6-1', '6-2', '6-3', '6-5']
];

// Tick boxes per item in the CI seed checklist.
const CI_SUBQUESTION_COUNTS = [2, 2, 2, 2, 1, 3, 1, 1, 1, 1, 1, 1, 5];

const VERDICTS: Verdict[] = ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'];
const SCOPE_IDS: ScopeQuestionId[] = [
	'usesPasswords',
	'forChildren',
	'updatable',
	'companionApp',
	'networkConnected',
	'pstiExcepted'
];

const en = (id: string): ProvisionRef => ({ framework: 'EN303645', id });
const ids = (framework: FrameworkId) => frameworkProvisions(framework).map((p) => p.id);
const dupes = (list: string[]) => list.filter((x, i) => list.indexOf(x) !== i);
const answersKeys = (checkId: string) =>
	(getCheck(checkId)?.answers ?? []).map((a) => provisionKey(a));

describe('frameworks and provisions', () => {
	it('has the five frameworks, each with a named source and version', () => {
		expect(catalogue.frameworks.map((f) => f.id)).toEqual([
			'EN303645',
			'PSTI',
			'CI',
			'MOZ',
			'UKCOP'
		]);
		for (const f of catalogue.frameworks) {
			expect(f.name.length).toBeGreaterThan(10);
			expect(f.version).not.toBe('');
			expect(f.source.document).not.toBe('');
		}
		expect(catalogue.frameworks.find((f) => f.id === 'EN303645')?.version).toContain('V2.1.1');
	});

	it('has unique provision ids within each framework', () => {
		for (const f of catalogue.frameworks) expect(dupes(ids(f.id))).toEqual([]);
	});

	it('has exactly the 68 EN 303 645 V2.1.1 provisions, in clause order', () => {
		expect(EN_IDS).toHaveLength(68);
		expect(ids('EN303645')).toEqual(EN_IDS);
	});

	it('includes 5.12-2, which the seed file lacks', () => {
		const p = getProvision(en('5.12-2'));
		expect(p?.obligation).toBe('should');
		expect(p?.text).toMatch(/set.*up securely/i);
	});

	it('has 33 shall and 35 should provisions, matching Table B.1 row by row', () => {
		expect(EN_SHALL).toHaveLength(33);
		const en303645 = frameworkProvisions('EN303645');
		const shall = en303645.filter((p) => p.obligation === 'shall').map((p) => p.id);
		const should = en303645.filter((p) => p.obligation === 'should').map((p) => p.id);
		expect(shall).toEqual(EN_SHALL);
		expect(should).toHaveLength(35);
		expect(should).toEqual(EN_IDS.filter((id) => !EN_SHALL.includes(id)));
	});

	it('gives every EN provision a paraphrase, modes, a source and an unverified V3 mapping', () => {
		for (const p of frameworkProvisions('EN303645')) {
			expect(p.title.length, p.id).toBeGreaterThan(3);
			expect(p.text.length, p.id).toBeGreaterThan(20);
			expect(p.modes.length, p.id).toBeGreaterThan(0);
			expect(dupes(p.modes), p.id).toEqual([]);
			expect(p.source.version).toBe('V2.1.1 (2020-06)');
			expect(p.source.reference).toContain(p.id);
			expect(p.v3Ids?.length, p.id).toBeGreaterThan(0);
			expect(p.v3Verified, p.id).toBe(false);
		}
	});

	it('maps V2 ids to the V3.1.3 renumbering and splits', () => {
		expect(getProvision(en('4-1'))?.v3Ids).toEqual(['5.0-1']);
		expect(getProvision(en('5.3-4'))?.v3Ids).toEqual(['5.3-4A', '5.3-4B']);
		expect(getProvision(en('5.6-4'))?.v3Ids).toEqual(['5.6-4A', '5.6-4B']);
		expect(getProvision(en('5.13-1'))?.v3Ids).toEqual(['5.13-1A', '5.13-1B']);
		expect(getProvision(en('6-3'))?.v3Ids).toEqual(['6-3A', '6-3B']);
		expect(getProvision(en('5.1-1'))?.v3Ids).toEqual(['5.1-1']);
	});

	it('puts the primary assessment mode first where the crosswalk says so', () => {
		expect(getProvision(en('5.3-16'))?.modes).toEqual(['physical', 'setup']);
		expect(getProvision(en('5.1-1'))?.modes[0]).toBe('setup');
		expect(getProvision(en('5.1-2'))?.modes).toContain('physical');
		expect(getProvision(en('5.4-1'))?.modes).toEqual(['lab']);
		expect(getProvision(en('4-1'))?.modes).toEqual(['documents']);
	});

	it('states a condition exactly for the provisions Table B.1 marks conditional', () => {
		const conditional = frameworkProvisions('EN303645')
			.filter((p) => p.condition)
			.map((p) => p.id);
		expect(conditional).toEqual([
			'5.1-1',
			'5.1-2',
			'5.1-4',
			'5.1-5',
			'5.3-2',
			'5.3-3',
			'5.3-4',
			'5.3-5',
			'5.3-6',
			'5.3-7',
			'5.3-8',
			'5.3-9',
			'5.3-10',
			'5.3-11',
			'5.3-12',
			'5.3-14',
			'5.3-15',
			'5.4-2',
			'5.6-4',
			'5.10-1',
			'6-2',
			'6-3',
			'6-4',
			'6-5'
		]);
	});

	it('has the PSTI requirements and the statement of compliance', () => {
		expect(ids('PSTI')).toEqual(['PSTI-1', 'PSTI-2', 'PSTI-3', 'PSTI-SOC']);
		expect(getProvision({ framework: 'PSTI', id: 'PSTI-1' })?.source.reference).toBe(
			'Schedule 1 paragraph 1'
		);
	});

	it('has the seed items of CI, MOZ and UKCOP', () => {
		expect(ids('CI')).toEqual(Array.from({ length: 13 }, (_, i) => `CI-${i + 1}`));
		expect(ids('MOZ')).toEqual(['MZ-1', 'MZ-2', 'MZ-3', 'MZ-4', 'MZ-5']);
		expect(ids('UKCOP')).toEqual(Array.from({ length: 13 }, (_, i) => `CoP-${i + 1}`));
	});

	it('gives each CI item its sub-questions, as many as the checklist has tick boxes', () => {
		const counts = frameworkProvisions('CI').map((p) => p.subQuestions?.length ?? 0);
		expect(counts).toEqual(CI_SUBQUESTION_COUNTS);
		for (const p of frameworkProvisions('CI')) {
			for (const q of p.subQuestions ?? []) expect(q.endsWith('?'), `${p.id}: ${q}`).toBe(true);
		}
	});

	it('keeps shall/should to EN 303 645 only', () => {
		const others = catalogue.provisions.filter((p) => p.framework !== 'EN303645');
		expect(others.filter((p) => p.obligation !== undefined).map((p) => p.id)).toEqual([]);
	});
});

describe('mappings', () => {
	const keys = new Set(catalogue.provisions.map((p) => provisionKey(p)));

	it('runs from a non-EN item to an existing EN 303 645 provision', () => {
		for (const m of catalogue.mappings) {
			expect(m.from.framework).not.toBe('EN303645');
			expect(m.to.framework).toBe('EN303645');
			expect(keys.has(provisionKey(m.from)), provisionKey(m.from)).toBe(true);
			expect(keys.has(provisionKey(m.to)), provisionKey(m.to)).toBe(true);
		}
	});

	it('has no duplicate rows', () => {
		const rows = catalogue.mappings.map((m) => `${provisionKey(m.from)}>${provisionKey(m.to)}`);
		expect(dupes(rows)).toEqual([]);
	});

	it('maps every CI, MOZ, UKCOP item and PSTI requirement to at least one EN provision', () => {
		for (const framework of ['CI', 'MOZ', 'UKCOP'] as const) {
			for (const p of frameworkProvisions(framework)) {
				expect(mappingsFrom(p).length, `${framework} ${p.id}`).toBeGreaterThan(0);
			}
		}
		for (const id of ['PSTI-1', 'PSTI-2', 'PSTI-3']) {
			expect(mappingsFrom({ framework: 'PSTI', id }).length, id).toBeGreaterThan(0);
		}
		// The statement of compliance is a legal document with no EN 303 645 counterpart.
		expect(mappingsFrom({ framework: 'PSTI', id: 'PSTI-SOC' })).toEqual([]);
	});

	it('maps the PSTI requirements to their deemed-compliance provisions', () => {
		const targets = (id: string) =>
			mappingsFrom({ framework: 'PSTI', id }).map((m) => `${m.to.id}:${m.strength}`);
		expect(targets('PSTI-1')).toEqual(expect.arrayContaining(['5.1-1:direct', '5.1-2:direct']));
		expect(targets('PSTI-2')).toEqual(['5.2-1:direct']);
		// No deemed-compliance route for the support period, so never "direct".
		expect(targets('PSTI-3')).toEqual(['5.3-13:partial']);
	});

	it('never lets a PSTI outcome rest on a check that does not name the PSTI item itself', () => {
		for (const m of catalogue.mappings.filter((row) => row.from.framework === 'PSTI')) {
			for (const c of checksAnswering(m.to)) {
				expect(answersKeys(c.id), `${c.id} via ${m.to.id}`).toContain(provisionKey(m.from));
			}
		}
	});

	it('maps each UK Code of Practice guideline n into EN 303 645 clause 5.n', () => {
		for (let n = 1; n <= 13; n++) {
			const direct = mappingsFrom({ framework: 'UKCOP', id: `CoP-${n}` }).filter(
				(m) => m.strength === 'direct'
			);
			expect(direct.length, `CoP-${n}`).toBeGreaterThan(0);
			// Guideline 8 (personal data) also covers clause 6.
			const allowed = n === 8 ? [`5.${n}-`, '6-'] : [`5.${n}-`];
			for (const m of direct) {
				expect(
					allowed.some((prefix) => m.to.id.startsWith(prefix)),
					`CoP-${n} → ${m.to.id}`
				).toBe(true);
			}
		}
	});
});

describe('scope questions', () => {
	it('asks exactly the six fixed questions, each with one line of help', () => {
		expect(catalogue.scopeQuestions.map((q) => q.id).sort()).toEqual([...SCOPE_IDS].sort());
		for (const q of catalogue.scopeQuestions) {
			expect(q.text.endsWith('?'), q.id).toBe(true);
			expect(q.help.length, q.id).toBeGreaterThan(10);
			expect(q.help.includes('\n'), q.id).toBe(false);
		}
	});

	it('is used: every question switches at least one check', () => {
		for (const id of SCOPE_IDS) {
			const used = catalogue.checks.some((c) => c.appliesWhen[id] !== undefined);
			expect(used, id).toBe(true);
		}
	});
});

describe('checks', () => {
	const provisionKeys = new Set(catalogue.provisions.map((p) => provisionKey(p)));

	it('has at least 40 checks with unique ids', () => {
		expect(catalogue.checks.length).toBeGreaterThanOrEqual(40);
		expect(dupes(catalogue.checks.map((c) => c.id))).toEqual([]);
	});

	it('keeps the crosswalk ids for the checks it carries over', () => {
		for (const id of ['ID-01', 'ID-02', 'DOC-01', 'DOC-03', 'DOC-07', 'PHY-01', 'PHY-05']) {
			expect(getCheck(id), id).toBeDefined();
		}
		for (const id of ['SET-01', 'SET-05', 'SET-17', 'SET-20', 'RET-01', 'RET-02']) {
			expect(getCheck(id), id).toBeDefined();
		}
	});

	it('answers at least one existing provision, without repeats, unless it says why it stands alone', () => {
		for (const c of catalogue.checks) {
			if (c.recordOnly !== undefined) {
				expect(c.answers, c.id).toEqual([]);
				expect(c.recordOnly.length, c.id).toBeGreaterThan(20);
				continue;
			}
			expect(c.answers.length, c.id).toBeGreaterThan(0);
			const keys = c.answers.map((a) => provisionKey(a));
			expect(dupes(keys), c.id).toEqual([]);
			for (const key of keys) expect(provisionKeys.has(key), `${c.id} → ${key}`).toBe(true);
		}
	});

	it('names what its photos show when it asks for any', () => {
		for (const c of catalogue.checks) {
			expect(dupes(c.evidence.shows), c.id).toEqual([]);
			if (c.evidence.photo === 'none') expect(c.evidence.shows, c.id).toEqual([]);
			else expect(c.evidence.shows.length, c.id).toBeGreaterThan(0);
		}
		// One of each where it wants both; either where it wants one.
		expect(getCheck('ID-02')!.evidence).toMatchObject({
			minPhotos: 2,
			shows: ['label', 'packaging']
		});
		expect(getCheck('DOC-03')!.evidence).toMatchObject({ minPhotos: 1 });
	});

	it('offers a valid, non-empty verdict list with PASS and a way to flag a problem', () => {
		for (const c of catalogue.checks) {
			expect(c.verdicts.length, c.id).toBeGreaterThan(0);
			expect(dupes(c.verdicts), c.id).toEqual([]);
			for (const v of c.verdicts) expect(VERDICTS, `${c.id}: ${v}`).toContain(v);
			expect(c.verdicts, c.id).toContain('PASS');
			expect(c.verdicts.includes('FAIL') || c.verdicts.includes('REFER'), c.id).toBe(true);
		}
	});

	it('allows NA on every check that scope answers can switch off', () => {
		for (const c of catalogue.checks) {
			if (Object.keys(c.appliesWhen).length > 0) expect(c.verdicts, c.id).toContain('NA');
		}
	});

	it('uses only known scope questions and values', () => {
		for (const c of catalogue.checks) {
			for (const [key, value] of Object.entries(c.appliesWhen)) {
				expect(SCOPE_IDS, `${c.id}: ${key}`).toContain(key);
				expect(['yes', 'no'], `${c.id}: ${key}`).toContain(value);
			}
		}
	});

	it('is written for a non-expert: a question, a reason and unnumbered steps', () => {
		for (const c of catalogue.checks) {
			expect(c.question.endsWith('?'), c.id).toBe(true);
			expect(c.why.length, c.id).toBeGreaterThan(20);
			expect(c.how.length, c.id).toBeGreaterThan(0);
			for (const step of c.how) {
				expect(step.trim(), c.id).toBe(step);
				expect(/^\d/.test(step), `${c.id}: the app numbers steps`).toBe(false);
			}
			expect(c.contexts.length, c.id).toBeGreaterThan(0);
		}
	});

	it('asks for photos consistently with the evidence spec', () => {
		for (const c of catalogue.checks) {
			const { photo, minPhotos, hint } = c.evidence;
			if (photo === 'required') expect(minPhotos, c.id).toBeGreaterThan(0);
			else expect(minPhotos, c.id).toBe(0);
			expect(hint.length, c.id).toBeGreaterThan(5);
		}
	});

	it('answers every EN shall provision that can be assessed physically or at setup', () => {
		const answered = new Set(catalogue.checks.flatMap((c) => c.answers.map(provisionKey)));
		const needed = frameworkProvisions('EN303645').filter(
			(p) => p.obligation === 'shall' && (p.modes.includes('physical') || p.modes.includes('setup'))
		);
		expect(needed.length).toBeGreaterThanOrEqual(20);
		const missing = needed.filter((p) => !answered.has(provisionKey(p))).map((p) => p.id);
		expect(missing).toEqual([]);
	});

	it('answers every PSTI provision, so the UK roll-up is never empty', () => {
		for (const p of frameworkProvisions('PSTI')) {
			expect(checksAnswering(p).length, p.id).toBeGreaterThan(0);
		}
	});

	it('answers the default-password provisions together with PSTI-1', () => {
		expect(answersKeys('PHY-01')).toEqual(
			expect.arrayContaining(['EN303645:5.1-1', 'PSTI:PSTI-1'])
		);
		expect(answersKeys('SET-01')).toEqual(
			expect.arrayContaining(['EN303645:5.1-1', 'PSTI:PSTI-1'])
		);
		expect(answersKeys('DOC-07')).toEqual(
			expect.arrayContaining(['EN303645:5.2-1', 'PSTI:PSTI-2'])
		);
	});

	it('names only non-EN items that the crosswalk ties to the EN provisions the check answers', () => {
		for (const c of catalogue.checks) {
			const enIds = c.answers.filter((a) => a.framework === 'EN303645').map((a) => a.id);
			if (enIds.length === 0) continue;
			for (const other of c.answers.filter((a) => a.framework !== 'EN303645')) {
				const targets = mappingsFrom(other).map((m) => m.to.id);
				expect(
					targets.some((t) => enIds.includes(t)),
					`${c.id}: ${provisionKey(other)} has no mapping to ${enIds.join(', ')}`
				).toBe(true);
			}
		}
	});

	it('switches password checks on usesPasswords', () => {
		const passwordRefs = ['EN303645:5.1-1', 'EN303645:5.1-2', 'EN303645:5.1-4', 'PSTI:PSTI-1'];
		const passwordChecks = catalogue.checks.filter((c) =>
			c.answers.some((a) => passwordRefs.includes(provisionKey(a)))
		);
		expect(passwordChecks.length).toBeGreaterThanOrEqual(5);
		for (const c of passwordChecks) expect(c.appliesWhen.usesPasswords, c.id).toBe('yes');
	});

	it('switches update-behaviour checks on updatable, but never the update-mechanism check', () => {
		const behaviour = ['5.3-3', '5.3-4', '5.3-5', '5.3-6', '5.3-11', '5.3-12'];
		for (const id of behaviour) {
			const found = checksAnswering(en(id));
			expect(found.length, id).toBeGreaterThan(0);
			for (const c of found) expect(c.appliesWhen.updatable, `${c.id} (${id})`).toBe('yes');
		}
		// A device without an update mechanism is exactly what 5.3-2 must catch.
		for (const c of checksAnswering(en('5.3-2'))) expect(c.appliesWhen.updatable).toBeUndefined();
		for (const c of checksAnswering(en('5.3-14'))) expect(c.appliesWhen.updatable).toBe('no');
	});

	it('switches checks that answer only PSTI items off for excepted products', () => {
		const pstiOnly = catalogue.checks.filter(
			(c) => c.answers.length > 0 && c.answers.every((a) => a.framework === 'PSTI')
		);
		expect(pstiOnly.length).toBeGreaterThan(0);
		for (const c of pstiOnly) expect(c.appliesWhen.pstiExcepted, c.id).toBe('no');
	});

	it('keeps children-only checks behind forChildren and app checks behind companionApp', () => {
		for (const id of ['CHD-01', 'CHD-02', 'CHD-03', 'RET-03', 'RET-04']) {
			expect(getCheck(id)?.appliesWhen.forChildren, id).toBe('yes');
		}
		for (const id of ['DOC-14', 'SET-18', 'CHD-02']) {
			expect(getCheck(id)?.appliesWhen.companionApp, id).toBe('yes');
		}
	});

	it('uses honest words and British spelling in what the inspector reads', () => {
		const texts = catalogue.checks.flatMap((c) => [
			c.title,
			c.question,
			c.why,
			c.evidence.hint,
			...c.how
		]);
		const more = catalogue.provisions.flatMap((p) => [p.title, p.text, ...(p.subQuestions ?? [])]);
		for (const t of [...texts, ...more, ...catalogue.scopeQuestions.map((q) => q.help)]) {
			expect(/non-?compliant/i.test(t), t).toBe(false);
			expect(/\b(color|minimiz|recogniz|initializ|authoriz|behavior|organiz)/i.test(t), t).toBe(
				false
			);
		}
	});
});

describe('bundles', () => {
	const expected: [string, string, InspectionContext][] = [
		['shop-visit', 'Shop visit', 'shop'],
		['goods-in', 'Goods-in', 'goods-in'],
		['home-setup', 'Home setup test', 'home']
	];

	it('has the three bundles with their names and contexts', () => {
		expect(catalogue.bundles.map((b) => [b.id, b.name, b.context])).toEqual(expected);
		expect(dupes(catalogue.bundles.map((b) => b.id))).toEqual([]);
	});

	it('lists existing checks, once each, that can be done in the bundle context', () => {
		for (const b of catalogue.bundles) {
			expect(b.checks.length, b.id).toBeGreaterThan(0);
			expect(dupes(b.checks), b.id).toEqual([]);
			expect(b.minutes, b.id).toBeGreaterThan(0);
			expect(b.summary.length, b.id).toBeGreaterThan(10);
			for (const id of b.checks) {
				const c = getCheck(id);
				expect(c, `${b.id}: ${id}`).toBeDefined();
				expect(c?.contexts, `${b.id}: ${id}`).toContain(b.context);
			}
		}
	});

	it('keeps the shop visit to checks that need no power', () => {
		const shop = getBundle('shop-visit');
		expect(shop?.checks.filter((id) => id.startsWith('SET-'))).toEqual([]);
		for (const id of ['ID-01', 'PHY-01', 'PHY-05', 'DOC-01', 'DOC-07', 'DOC-11']) {
			expect(shop?.checks, id).toContain(id);
		}
	});

	it('walks the home setup from unboxing to the reset', () => {
		const home = getBundle('home-setup')?.checks ?? [];
		expect(home.indexOf('ID-01')).toBe(0);
		expect(home.indexOf('SET-01')).toBeLessThan(home.indexOf('SET-04'));
		// The reset destroys the state every other check needs.
		expect(home.indexOf('SET-17')).toBeGreaterThan(home.indexOf('SET-23'));
		for (const c of catalogue.checks.filter((c) => c.id.startsWith('SET-'))) {
			expect(home, c.id).toContain(c.id);
		}
	});

	it('returns bundle checks in walking order', () => {
		expect(checksForBundle('goods-in').map((c) => c.id)).toEqual(getBundle('goods-in')?.checks);
		expect(checksForBundle('no-such-bundle')).toEqual([]);
	});
});

describe('lookups', () => {
	it('builds provision keys', () => {
		expect(provisionKey(en('5.1-1'))).toBe('EN303645:5.1-1');
		expect(provisionKey({ framework: 'PSTI', id: 'PSTI-SOC' })).toBe('PSTI:PSTI-SOC');
	});

	it('finds what exists and nothing else', () => {
		expect(getProvision(en('5.6-4'))?.title).toMatch(/debug/i);
		expect(getProvision(en('5.14-1'))).toBeUndefined();
		expect(getProvision({ framework: 'CI', id: '5.1-1' })).toBeUndefined();
		expect(getCheck('PHY-02')?.contexts).toContain('goods-in');
		expect(getCheck('SC-01')).toBeUndefined();
		expect(getBundle('home-setup')?.context).toBe('home');
		expect(getBundle('nope')).toBeUndefined();
	});
});

describe('PSTI facts', () => {
	it('records the in-force date and the cited EN edition', () => {
		expect(pstiFacts.inForce).toBe('2024-04-29');
		expect(pstiFacts.keyDates.map((d) => d.date)).toContain('2024-04-29');
		expect(pstiFacts.citedEnEdition.version).toBe('V2.1.1 (2020-06)');
	});

	it('gives the deemed-compliance routes of Schedule 2', () => {
		const routes = (r: string) => pstiFacts.deemedCompliance.filter((d) => d.requirement === r);
		const passwords = routes('PSTI-1');
		expect(passwords).toHaveLength(1);
		expect(passwords[0]?.provisions.map((p) => p.id)).toEqual(['5.1-1']);
		expect(passwords[0]?.whereRelevant.map((p) => p.id)).toEqual(['5.1-2']);
		const reporting = routes('PSTI-2');
		expect(reporting.flatMap((r) => r.provisions.map((p) => p.id))).toEqual(['5.2-1']);
		expect(reporting.find((r) => r.otherStandard)?.otherStandard).toEqual({
			document: 'ISO/IEC 29147',
			version: '2018',
			paragraphs: ['6.2.2', '6.2.5', '6.5']
		});
		expect(routes('PSTI-3')).toEqual([]);
		expect(pstiFacts.noDeemedComplianceRoute).toEqual(['PSTI-3']);
	});

	it('points only at provisions that exist', () => {
		for (const route of pstiFacts.deemedCompliance) {
			for (const p of [...route.provisions, ...route.whereRelevant]) {
				expect(getProvision(p), provisionKey(p)).toBeDefined();
			}
		}
	});

	it('lists the statement-of-compliance contents and the excepted categories', () => {
		const soc = pstiFacts.statementOfCompliance.contents.map((c) => c.id);
		expect(soc).toEqual(expect.arrayContaining(['support-period', 'manufacturer', 'signatory']));
		expect(dupes(soc)).toEqual([]);
		const excepted = pstiFacts.exceptedProducts.map((e) => e.id);
		expect(excepted).toEqual(
			expect.arrayContaining(['ev-charge-points', 'medical-devices', 'smart-meters', 'computers'])
		);
		expect(dupes(excepted)).toEqual([]);
	});
});

describe('serving as JSON', () => {
	it('round-trips through JSON unchanged', () => {
		const copy: unknown = JSON.parse(JSON.stringify(catalogue));
		expect(copy).toStrictEqual(catalogue);
		expect(JSON.parse(JSON.stringify(pstiFacts))).toStrictEqual(pstiFacts);
	});

	it('carries its content version, bumped past the one the 2026-12 audit read', () => {
		expect(catalogue.version).toBe(CATALOGUE_VERSION);
		expect(CATALOGUE_VERSION).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
		expect(CATALOGUE_VERSION).not.toBe('2026.11.1');
	});

	it('cannot be changed by accident', () => {
		expect(Object.isFrozen(catalogue)).toBe(true);
		expect(Object.isFrozen(catalogue.checks[0]?.answers)).toBe(true);
		expect(() => {
			(catalogue.checks as unknown as unknown[]).push({});
		}).toThrow();
	});
});

// ---------------------------------------------------------------------------------------------
// Honest indications (issue 14): kinds, justified answers and mappings, coverage, scope rules.

const oneLine = (text: string | undefined) =>
	typeof text === 'string' && text.trim() === text && text.length > 10 && !text.includes('\n');

describe('check kinds and justified answers', () => {
	it('gives every check a kind: it shows something, or screens for a problem', () => {
		for (const c of catalogue.checks) expect(['shows', 'screens'], c.id).toContain(c.kind);
		// The checks the audit found passing on "nothing found" are screening checks.
		for (const id of ['PHY-01', 'PHY-03', 'PHY-05', 'SET-07', 'SET-20', 'ID-02']) {
			expect(getCheck(id)?.kind, id).toBe('screens');
		}
		for (const id of ['ID-01', 'DOC-03', 'DOC-07', 'SET-01', 'SET-17']) {
			expect(getCheck(id)?.kind, id).toBe('shows');
		}
	});

	it('says for every answer why, in one line, and for a partial one what it leaves out', () => {
		for (const c of catalogue.checks) {
			for (const a of c.answers) {
				const at = `${c.id} → ${provisionKey(a)}`;
				expect(['direct', 'partial'], at).toContain(a.strength);
				expect(oneLine(a.why), at).toBe(true);
				if (a.strength === 'partial') expect(oneLine(a.notCovered), at).toBe(true);
				else expect(a.notCovered, at).toBeUndefined();
			}
		}
	});

	it('gives every mapping row a one-line justification', () => {
		for (const m of catalogue.mappings) {
			expect(oneLine(m.note), `${provisionKey(m.from)} → ${provisionKey(m.to)}`).toBe(true);
		}
	});

	it('lets a check clear only referrals of existing checks it answers a provision with', () => {
		for (const c of catalogue.checks.filter((check) => check.clears)) {
			expect(c.kind, c.id).toBe('shows');
			expect(oneLine(c.clears?.why), c.id).toBe(true);
			for (const id of c.clears!.checks) {
				const cleared = getCheck(id);
				expect(cleared?.verdicts, `${c.id} clears ${id}`).toContain('REFER');
				const shared = cleared!.answers.filter((a) =>
					c.answers.some((own) => provisionKey(own) === provisionKey(a))
				);
				expect(shared.length, `${c.id} clears ${id}`).toBeGreaterThan(0);
			}
		}
		expect(getCheck('SET-01')?.clears?.checks).toEqual(['PHY-01', 'PHY-02']);
	});
});

describe('the audit’s mapping fixes', () => {
	const answers = (id: string) => answersKeys(id);
	const evidenceRows = (from: string) =>
		catalogue.mappings
			.filter((m) => provisionKey(m.from) === from && m.strength !== 'related')
			.map((m) => m.to.id);

	it('the https check answers none of key management, third parties or the server-side item', () => {
		expect(answers('SET-07')).not.toEqual(
			expect.arrayContaining([expect.stringMatching(/^CI:CI-(1|9|11)$/)])
		);
		// And no mapping carries its evidence there either.
		for (const item of ['CI:CI-1', 'CI:CI-9', 'CI:CI-11']) {
			for (const enId of evidenceRows(item)) {
				expect(
					checksAnswering(en(enId)).map((c) => c.id),
					`${item} via ${enId}`
				).not.toContain('SET-07');
			}
		}
		// Transit only: its answer to CI-10 is partial, naming encryption at rest as not covered.
		const ci10 = getCheck('SET-07')?.answers.find((a) => a.id === 'CI-10');
		expect(ci10?.strength).toBe('partial');
		expect(ci10?.notCovered).toMatch(/at rest/);
	});

	it('a Bluetooth PIN is not an unused interface; a pack mismatch is not an unclear label', () => {
		expect(answers('SET-08')).not.toContain('EN303645:5.6-1');
		expect(answers('ID-02')).not.toContain('EN303645:5.3-16');
		expect(getCheck('ID-02')?.verdicts).not.toContain('FAIL');
	});

	it('a child asked to consent is a referral that depends on age; extras ticked are a fail', () => {
		const chd03 = getCheck('CHD-03')!;
		expect(chd03.verdicts).toContain('REFER');
		expect(chd03.how.join(' ')).toMatch(/child is asked to agree[^.]*Refer|Refer if the child/i);
		expect(chd03.how.join(' ')).toMatch(/age/);
	});

	it('a fix commitment is not timely updates; collecting extras without asking is a Fail', () => {
		expect(getCheck('DOC-09')?.how.join(' ')).not.toMatch(/Pass if[^.]*commitment/i);
		expect(answers('DOC-18')).toEqual(['CI:CI-3']);
		expect(answers('DOC-18')).not.toContain('EN303645:5.3-8');
		const set13 = getCheck('SET-13')!.how.join(' ');
		expect(set13).toMatch(/Fail[^.]*without asking/);
		expect(set13).not.toMatch(/Not applicable if the product asks for no consent/);
	});

	it('partial rows no longer pass a failure on to items that do not ask for it', () => {
		expect(evidenceRows('MOZ:MZ-2')).not.toContain('5.3-6');
		expect(evidenceRows('CI:CI-13')).not.toContain('6-3');
		expect(evidenceRows('CI:CI-1')).toEqual([]);
	});
});

describe('coverage', () => {
	const answered = new Set(
		catalogue.checks.flatMap((c) =>
			c.answers.filter((a) => a.framework === 'EN303645').map((a) => a.id)
		)
	);

	it('answers at least 50 of the 68 EN 303 645 provisions', () => {
		expect(answered.size).toBeGreaterThanOrEqual(50);
	});

	it('has checks for CoP-4, CoP-7 and CoP-10, and for 5.5-4', () => {
		for (const id of ['CoP-4', 'CoP-7', 'CoP-10']) {
			expect(checksAnswering({ framework: 'UKCOP', id }).length, id).toBeGreaterThan(0);
		}
		expect(answered.has('5.5-4')).toBe(true);
	});

	it('checks the supplier’s evidence at goods-in for every documents-mode provision', () => {
		const goodsIn = new Set(getBundle('goods-in')?.checks);
		const documentsMode = ['5.3-1', '5.5-2', '5.5-3', '5.5-8', '5.6-6', '5.6-7', '5.6-8', '5.6-9'];
		for (const id of [...documentsMode, '5.10-1', '6-4']) {
			const there = checksAnswering(en(id)).filter((c) => goodsIn.has(c.id));
			expect(there.length, id).toBeGreaterThan(0);
			// A supplier's word is never more than partial evidence.
			for (const c of there) {
				expect(c.answers.find((a) => a.id === id)?.strength, `${c.id} ${id}`).toBe('partial');
			}
		}
	});

	it('records security claims and marks in every bundle, rolled up nowhere', () => {
		const claims = getCheck('CLM-01')!;
		expect(claims.answers).toEqual([]);
		expect(claims.how.join(' ')).toMatch(/PSTI compliant/);
		for (const bundle of catalogue.bundles) expect(bundle.checks, bundle.id).toContain('CLM-01');
	});

	it('switches checks that answer only the children’s checklist on forChildren', () => {
		for (const c of catalogue.checks) {
			if (c.answers.length > 0 && c.answers.every((a) => a.framework === 'CI')) {
				expect(c.appliesWhen.forChildren, c.id).toBe('yes');
			}
		}
	});
});

describe('scope rules', () => {
	const questionIds = new Set(catalogue.scopeQuestions.map((q) => q.id));
	const frameworkIds = new Set(catalogue.frameworks.map((f) => f.id));
	const keys = new Set(catalogue.provisions.map((p) => provisionKey(p)));

	it('name existing questions, frameworks and provisions, with a one-line reason', () => {
		for (const rule of catalogue.scopeRules) {
			expect(questionIds.has(rule.question), rule.question).toBe(true);
			expect(oneLine(rule.because), rule.question).toBe(true);
			expect((rule.frameworks?.length ?? 0) + (rule.provisions?.length ?? 0)).toBeGreaterThan(0);
			for (const f of rule.frameworks ?? []) expect(frameworkIds.has(f), f).toBe(true);
			for (const p of rule.provisions ?? [])
				expect(keys.has(provisionKey(p)), provisionKey(p)).toBe(true);
		}
	});

	it('carry the four answers the issue names', () => {
		const rule = (question: ScopeQuestionId, answer: 'yes' | 'no') =>
			catalogue.scopeRules.find((r) => r.question === question && r.answer === answer);
		expect(rule('pstiExcepted', 'yes')?.frameworks).toEqual(['PSTI']);
		expect(rule('forChildren', 'no')?.frameworks).toEqual(['CI']);
		expect(rule('usesPasswords', 'no')?.provisions?.map(provisionKey)).toEqual(
			expect.arrayContaining(['EN303645:5.1-1', 'PSTI:PSTI-1', 'UKCOP:CoP-1', 'MOZ:MZ-3'])
		);
		const updates = rule('updatable', 'no')?.provisions?.map((p) => p.id) ?? [];
		expect(updates).toEqual(expect.arrayContaining(['5.3-3', '5.3-4', '5.3-8', '5.3-11']));
		// A device without an update mechanism is what 5.3-2 must catch; 5.3-14 is about it.
		expect(updates).not.toContain('5.3-2');
		expect(updates).not.toContain('5.3-14');
	});

	it('only take out EN 303 645 provisions whose own condition the answer settles', () => {
		const conditional = new Set(
			frameworkProvisions('EN303645')
				.filter((p) => p.condition)
				.map((p) => p.id)
		);
		for (const rule of catalogue.scopeRules.filter((r) => r.provisions)) {
			for (const p of rule.provisions!.filter((p) => p.framework === 'EN303645')) {
				expect(conditional.has(p.id), `${rule.question}: ${p.id}`).toBe(true);
			}
		}
	});

	it('ask which PSTI exception applies, from the catalogue’s list, none marked verified', () => {
		const detail = catalogue.scopeQuestions.find((q) => q.id === 'pstiExcepted')?.detail;
		expect(detail?.after).toBe('yes');
		expect(detail?.options.map((o) => o.id)).toEqual(pstiFacts.exceptedProducts.map((e) => e.id));
		// Schedule 3 was read only in summary (crosswalk 3.2): nothing there is verified.
		for (const e of pstiFacts.exceptedProducts) expect(e.verified, e.id).toBe(false);
		expect(pstiFacts.statementOfCompliance.contentsVerified).toBe(false);
		expect(pstiFacts.noDeemedComplianceRouteVerified).toBe(false);
		expect(pstiFacts.deemedCompliance.find((r) => r.otherStandard)?.unreadConditions).toMatch(
			/sub-paragraphs \(3\) and \(4\)/
		);
	});
});
