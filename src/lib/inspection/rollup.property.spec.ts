import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import type { BundleId, Check, ScopeAnswer, ScopeQuestionId } from '$lib/catalogue/types';
import {
	answerCheck,
	applicableChecks,
	createInspection,
	isCheckApplicable,
	outcomeWords,
	rollup,
	setScopeAnswer,
	setScopeDetail,
	type Inspection
} from './index';

/*
 * Property tests over random inspections of the real catalogue: any bundle, any scope answers
 * (or none), any allowed verdict on any applicable check, or none. Whatever the answers, the
 * roll-up must never claim more than its checks can show.
 */

const T = '2026-12-02T10:00:00.000Z';
const bundleIds = catalogue.bundles.map((b) => b.id) as BundleId[];
const questionIds = catalogue.scopeQuestions.map((q) => q.id);
const exceptions = catalogue.scopeQuestions.find((q) => q.id === 'pstiExcepted')!.detail!.options;
const checksById = new Map(catalogue.checks.map((c) => [c.id, c]));

const arbitraryInspection = fc
	.record({
		bundle: fc.constantFrom(...bundleIds),
		scope: fc.record(
			Object.fromEntries(
				questionIds.map((id) => [
					id,
					fc.option(fc.constantFrom<ScopeAnswer>('yes', 'no', 'unsure'))
				])
			) as Record<ScopeQuestionId, fc.Arbitrary<ScopeAnswer | null>>
		),
		exception: fc.option(fc.nat({ max: exceptions.length - 1 })),
		// One pick per check: an allowed verdict, or (the last value) no answer yet.
		picks: fc.array(fc.nat({ max: 5 }), {
			minLength: catalogue.checks.length,
			maxLength: catalogue.checks.length
		})
	})
	.map(({ bundle, scope, exception, picks }) => {
		let inspection: Inspection = createInspection({
			id: 'prop',
			now: T,
			catalogue,
			bundleId: bundle,
			place: { kind: 'shop', name: 'Anywhere' },
			inspector: 'Property'
		});
		for (const [question, answer] of Object.entries(scope)) {
			if (answer) inspection = setScopeAnswer(inspection, question as ScopeQuestionId, answer, T);
		}
		if (scope.pstiExcepted === 'yes' && exception !== null) {
			inspection = setScopeDetail(
				inspection,
				catalogue,
				'pstiExcepted',
				exceptions[exception]!.id,
				T
			);
		}
		for (const check of applicableChecks(catalogue, inspection)) {
			const pick = picks[catalogue.checks.indexOf(check)]! % (check.verdicts.length + 1);
			if (pick === check.verdicts.length) continue;
			const verdict = check.verdicts[pick]!;
			inspection = answerCheck(inspection, catalogue, check.id, verdict, 'Seen.', T);
		}
		return inspection;
	});

const answersDirectly = (check: Check, framework: string, id: string) =>
	check.answers.some((a) => a.framework === framework && a.id === id && a.strength === 'direct');

const runs = { numRuns: 150 };

/** Outcomes the properties met, so a property that only ever saw empty roll-ups fails. */
const seen = new Set<string>();

describe('roll-up properties over random answer sets', () => {
	it('no provision reads meets unless a direct, showing check answered it with Pass', () => {
		fc.assert(
			fc.property(arbitraryInspection, (inspection) => {
				for (const framework of rollup(catalogue, inspection)) {
					for (const p of framework.provisions.filter((p) => p.outcome === 'PASS')) {
						seen.add('PASS');
						const behind = p.checkIds.map((id) => checksById.get(id)!);
						const shown = behind.filter(
							(c) =>
								c.kind === 'shows' &&
								answersDirectly(c, p.framework, p.id) &&
								inspection.answers[c.id]?.verdict === 'PASS'
						);
						expect(shown.length, `${p.framework} ${p.id}`).toBeGreaterThan(0);
						// And every direct check the catalogue has for it, in scope, was in the inspection.
						const bundle = new Set(applicableChecks(catalogue, inspection).map((c) => c.id));
						for (const c of catalogue.checks) {
							if (answersDirectly(c, p.framework, p.id) && isCheckApplicable(c, inspection.scope)) {
								expect(bundle.has(c.id), `${p.id} needs ${c.id}`).toBe(true);
							}
						}
					}
				}
			}),
			runs
		);
	});

	it('No issue seen rests only on screening passes; Partly indicated says what it lacks', () => {
		fc.assert(
			fc.property(arbitraryInspection, (inspection) => {
				for (const framework of rollup(catalogue, inspection)) {
					for (const p of framework.provisions) {
						const behind = p.checkIds.map((id) => checksById.get(id)!);
						if (p.outcome === 'NO_ISSUE') {
							seen.add('NO_ISSUE');
							expect(behind.length).toBeGreaterThan(0);
							for (const c of behind) {
								expect(c.kind, `${p.id} ${c.id}`).toBe('screens');
								expect(inspection.answers[c.id]?.verdict).toBe('PASS');
							}
						}
						if (p.outcome === 'PARTLY') {
							seen.add('PARTLY');
							expect(p.notCovered?.trim().length, p.id).toBeGreaterThan(0);
							expect(p.notCovered).not.toContain('\n');
							expect(behind.some((c) => c.kind === 'shows')).toBe(true);
						} else {
							expect(p.notCovered, p.id).toBeUndefined();
						}
					}
				}
			}),
			runs
		);
	});

	it('a scope answer that takes a provision out always wins, with its answer as the reason', () => {
		fc.assert(
			fc.property(arbitraryInspection, (inspection) => {
				for (const framework of rollup(catalogue, inspection)) {
					for (const p of framework.provisions) {
						const rule = catalogue.scopeRules.find(
							(r) =>
								inspection.scope[r.question] === r.answer &&
								(r.frameworks?.includes(p.framework) ||
									r.provisions?.some((ref) => ref.framework === p.framework && ref.id === p.id))
						);
						if (rule) {
							seen.add('scope NA');
							const question = catalogue.scopeQuestions.find((q) => q.id === rule.question)!;
							expect(p.outcome, p.id).toBe('NA');
							expect(p.checkIds).toEqual([]);
							expect(p.reason).toContain(`“${question.text}”`);
							expect(p.reason).toContain(rule.because);
						} else {
							expect(p.reason, p.id).toBeUndefined();
						}
					}
				}
			}),
			runs
		);
	});

	it('any Fail among the evidence fails the provision, and nothing else does', () => {
		fc.assert(
			fc.property(arbitraryInspection, (inspection) => {
				for (const framework of rollup(catalogue, inspection)) {
					for (const p of framework.provisions.filter((p) => !p.reason)) {
						const failed = p.evidenceCheckIds.filter(
							(id) => inspection.answers[id]?.verdict === 'FAIL'
						);
						expect(p.outcome === 'FAIL', p.id).toBe(failed.length > 0);
						if (p.outcome === 'FAIL') {
							seen.add('FAIL');
							expect(p.checkIds).toEqual(failed);
						}
					}
				}
			}),
			runs
		);
	});

	it('a Refer stands unless a passing check that settles it answers the provision', () => {
		fc.assert(
			fc.property(arbitraryInspection, (inspection) => {
				for (const framework of rollup(catalogue, inspection)) {
					for (const p of framework.provisions.filter((p) => p.outcome === 'REFER')) {
						for (const id of p.checkIds) {
							expect(inspection.answers[id]?.verdict).toBe('REFER');
							const settledBy = p.evidenceCheckIds.filter(
								(other) =>
									checksById.get(other)!.clears?.checks.includes(id) &&
									inspection.answers[other]?.verdict === 'PASS' &&
									checksById
										.get(other)!
										.answers.some((a) => a.framework === p.framework && a.id === p.id)
							);
							expect(settledBy, `${p.id}: ${id}`).toEqual([]);
						}
					}
				}
			}),
			runs
		);
	});

	it('met every outcome it reasons about (the properties were not vacuous)', () => {
		expect([...seen].sort()).toEqual(['FAIL', 'NO_ISSUE', 'PARTLY', 'PASS', 'scope NA']);
	});

	it('says "Indication: meets" for PASS alone, and never calls anything compliant', () => {
		expect(
			Object.entries(outcomeWords)
				.filter(([, words]) => /meets/.test(words))
				.map(([o]) => o)
		).toEqual(['PASS']);
		for (const words of Object.values(outcomeWords)) expect(words).not.toMatch(/complian/i);
	});
});
