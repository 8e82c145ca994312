import { bundles } from './bundles';
import { checks } from './checks';
import { ciProvisions } from './ci';
import { en303645Provisions } from './en303645';
import { frameworks } from './frameworks';
import { deepFreeze } from './freeze';
import { mappings } from './mappings';
import { mozProvisions } from './mozilla';
import { pstiFacts, pstiProvisions } from './psti';
import { scopeQuestions, scopeRules } from './scope';
import type {
	Bundle,
	Catalogue,
	Check,
	Framework,
	FrameworkId,
	Mapping,
	Provision,
	ProvisionRef
} from './types';
import { ukcopProvisions } from './ukcop';

export type * from './types';
export { pstiFacts } from './psti';
export type {
	DeemedComplianceRoute,
	ExceptedCategory,
	PstiDate,
	PstiFacts,
	PstiRequirementId,
	StatementOfComplianceItem
} from './psti';

/**
 * Content version, recorded by every inspection and report. Bump it whenever any text, id, verdict
 * set or mapping changes, so a report can always be read against the catalogue it was made with.
 * 2026.12.1: check kinds (shows / screens), direct and partial answers with reasons, scope rules,
 * the audit's mapping fixes and the claims, fix-time, telemetry and supplier-evidence checks.
 */
export const CATALOGUE_VERSION = '2026.12.1';

export const catalogue: Catalogue = deepFreeze({
	version: CATALOGUE_VERSION,
	frameworks,
	provisions: [
		...en303645Provisions,
		...pstiProvisions,
		...ciProvisions,
		...mozProvisions,
		...ukcopProvisions
	],
	scopeQuestions,
	scopeRules,
	checks,
	bundles,
	mappings,
	pstiFacts
});

/** "EN303645:5.1-1": the key used wherever a provision is stored or indexed. */
export function provisionKey(ref: ProvisionRef): string {
	return `${ref.framework}:${ref.id}`;
}

const provisionsByKey = new Map(catalogue.provisions.map((p) => [provisionKey(p), p]));
const checksById = new Map(catalogue.checks.map((c) => [c.id, c]));
const bundlesById = new Map(catalogue.bundles.map((b) => [b.id as string, b]));

export function getFramework(id: FrameworkId): Framework | undefined {
	return catalogue.frameworks.find((f) => f.id === id);
}

export function getProvision(ref: ProvisionRef): Provision | undefined {
	return provisionsByKey.get(provisionKey(ref));
}

export function getCheck(id: string): Check | undefined {
	return checksById.get(id);
}

export function getBundle(id: string): Bundle | undefined {
	return bundlesById.get(id);
}

/** The bundle's checks in walking order; empty for an unknown bundle. */
export function checksForBundle(bundleId: string): Check[] {
	const bundle = getBundle(bundleId);
	if (!bundle) return [];
	return bundle.checks.flatMap((id) => {
		const check = checksById.get(id);
		return check ? [check] : [];
	});
}

/** A framework's provisions in the framework's own order. */
export function frameworkProvisions(frameworkId: FrameworkId): Provision[] {
	return catalogue.provisions.filter((p) => p.framework === frameworkId);
}

/** The checks that give an indication on a provision. */
export function checksAnswering(ref: ProvisionRef): Check[] {
	const key = provisionKey(ref);
	return catalogue.checks.filter((c) => c.answers.some((a) => provisionKey(a) === key));
}

/** Crosswalk rows from a CI, MOZ, UKCOP or PSTI item to EN 303 645 provisions. */
export function mappingsFrom(ref: ProvisionRef): Mapping[] {
	const key = provisionKey(ref);
	return catalogue.mappings.filter((m) => provisionKey(m.from) === key);
}

/** Crosswalk rows that point at an EN 303 645 provision. */
export function mappingsTo(ref: ProvisionRef): Mapping[] {
	const key = provisionKey(ref);
	return catalogue.mappings.filter((m) => provisionKey(m.to) === key);
}
