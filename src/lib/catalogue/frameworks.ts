import type { Framework, FrameworkId, ProvisionRef, SourceRef } from './types';

/*
 * Sources shared by the data files. EN 303 645 V2.1.1 is the primary edition because the UK PSTI
 * Regulations cite it by version; V3.1.3 ids are carried only as an unverified mapping.
 */

export const EN303645_SOURCE: SourceRef = {
	document: 'ETSI EN 303 645',
	version: 'V2.1.1 (2020-06)'
};

export const PSTI_ACT_SOURCE: SourceRef = {
	document: 'Product Security and Telecommunications Infrastructure Act 2022 (c. 46)',
	version: '2022, Part 1'
};

export const PSTI_REGS_SOURCE: SourceRef = {
	document:
		'Product Security and Telecommunications Infrastructure (Security Requirements for Relevant Connectable Products) Regulations 2023 (SI 2023/1007)',
	version: '2023, in force 29 April 2024'
};

export const CI_SOURCE: SourceRef = {
	document:
		'Consumers International: Checklist for retailers of connected products and services marketed to children',
	version: 'Undated edition (cites 2017–2018 sources)'
};

export const MOZ_SOURCE: SourceRef = {
	document:
		'Mozilla, Internet Society and Consumers International: minimum security standards for connected products',
	version: 'Blog post "Minimum Standards for Tackling IoT Security" and open letter to retailers'
};

export const UKCOP_SOURCE: SourceRef = {
	document: 'UK Code of Practice for Consumer IoT Security (DCMS), as summarised by BSI',
	version: '2018 (13 guidelines)'
};

export const frameworks: Framework[] = [
	{
		id: 'EN303645',
		name: 'ETSI EN 303 645 Cyber Security for Consumer Internet of Things: Baseline Requirements',
		shortName: 'EN 303 645',
		version: 'V2.1.1 (2020-06)',
		source: { ...EN303645_SOURCE, reference: 'clauses 4 to 6 and Annex B, Table B.1' }
	},
	{
		id: 'PSTI',
		name: 'UK product security regime (Product Security and Telecommunications Infrastructure)',
		shortName: 'PSTI',
		version: 'Act 2022 Part 1 and SI 2023/1007 (in force 29 April 2024)',
		source: { ...PSTI_REGS_SOURCE, reference: 'Schedules 1 to 4' }
	},
	{
		id: 'CI',
		name: "Consumers International retailer checklist for children's connected products",
		shortName: 'CI checklist',
		version: CI_SOURCE.version,
		source: { ...CI_SOURCE, reference: 'items 1 to 13' }
	},
	{
		id: 'MOZ',
		name: 'Mozilla, Internet Society and Consumers International minimum security standards',
		shortName: 'Mozilla minimum standards',
		version: 'Five guidelines (blog post and open letter)',
		source: { ...MOZ_SOURCE, reference: 'guidelines 1 to 5' }
	},
	{
		id: 'UKCOP',
		name: 'UK Code of Practice for Consumer IoT Security',
		shortName: 'UK Code of Practice',
		version: '2018',
		source: { ...UKCOP_SOURCE, reference: 'guidelines 1 to 13' }
	}
];

/* Short constructors keep the checks and mappings tables readable. */

export function ref(framework: FrameworkId, id: string): ProvisionRef {
	return { framework, id };
}

export const en = (id: string): ProvisionRef => ref('EN303645', id);
export const psti = (id: string): ProvisionRef => ref('PSTI', id);
export const ci = (id: string): ProvisionRef => ref('CI', id);
export const moz = (id: string): ProvisionRef => ref('MOZ', id);
export const cop = (id: string): ProvisionRef => ref('UKCOP', id);
