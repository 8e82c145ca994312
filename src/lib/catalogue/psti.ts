import { en, PSTI_ACT_SOURCE, PSTI_REGS_SOURCE } from './frameworks';
import { deepFreeze } from './freeze';
import type { Provision, ProvisionRef, SourceRef } from './types';

/*
 * The UK PSTI regime as the app checks it: the three security requirements of SI 2023/1007
 * Schedule 1 and the statement of compliance (Act s. 9, Regulations Schedule 4). Where the
 * crosswalk says a detail comes only from secondary summaries, the fact is marked unverified here
 * rather than left out, so the app can show it with a caution.
 */

const IN_SCOPE =
	'The product is a relevant connectable product made available to UK consumers and not in an excepted category';

export const pstiProvisions: Provision[] = [
	{
		framework: 'PSTI',
		id: 'PSTI-1',
		title: 'Passwords unique per product or set by the user',
		text: 'Outside the factory default state, passwords in the product, its pre-installed software and software needed to use it are either unique to each product or chosen by the user. Unique passwords are not built on counters, public information or product identifiers such as serial numbers (unless through a recognised encryption method or keyed hash), and are not otherwise easy to guess. Cryptographic keys, pairing PINs for non-IP links such as Bluetooth, and API keys do not count as passwords here.',
		condition: `${IN_SCOPE}, and it or software it needs uses passwords.`,
		modes: ['setup', 'physical', 'lab'],
		source: { ...PSTI_REGS_SOURCE, reference: 'Schedule 1 paragraph 1' }
	},
	{
		framework: 'PSTI',
		id: 'PSTI-2',
		title: 'Published way to report security issues',
		text: 'The manufacturer publishes at least one contact point for reporting security issues, and says when a reporter will get an acknowledgement and status updates until the issue is resolved. The information is accessible, clear and open, in English, free of charge and available without anyone having to ask for it.',
		condition: `${IN_SCOPE}.`,
		modes: ['documents', 'physical'],
		source: { ...PSTI_REGS_SOURCE, reference: 'Schedule 1 paragraph 2' }
	},
	{
		framework: 'PSTI',
		id: 'PSTI-3',
		title: 'Published minimum security update period',
		text: 'The manufacturer publishes the defined support period: the minimum time, with an end date, for which security updates will be provided for the product and for software it makes or has made for use with it, such as a companion app. Any extension is published as soon as practicable. The information is accessible, clear and open, in English, free, understandable without technical knowledge, and available without asking for it or giving personal data. Where the manufacturer invites people to buy the product on its own website, the support period appears alongside the main product details.',
		condition: `${IN_SCOPE}.`,
		modes: ['documents', 'physical'],
		source: { ...PSTI_REGS_SOURCE, reference: 'Schedule 1 paragraph 3' }
	},
	{
		framework: 'PSTI',
		id: 'PSTI-SOC',
		title: 'Statement of compliance accompanies the product',
		text: "The product may only be made available in the UK with a statement of compliance, or a summary statement, prepared by or for the manufacturer. It states that in the manufacturer's opinion the security requirements are met and gives the details listed in Schedule 4 of the Regulations, including the defined support period. Importers and distributors must make sure it accompanies the product.",
		condition: `${IN_SCOPE}.`,
		modes: ['documents', 'physical'],
		source: { ...PSTI_ACT_SOURCE, reference: 'section 9, with SI 2023/1007 Schedule 4' }
	}
];

export type PstiRequirementId = 'PSTI-1' | 'PSTI-2' | 'PSTI-3';

/** One way a manufacturer can be treated as meeting a PSTI security requirement (Schedule 2). */
export interface DeemedComplianceRoute {
	requirement: PstiRequirementId;
	/** Provisions that must all be met. */
	provisions: ProvisionRef[];
	/** Provisions that must also be met, but only where they apply to the product. */
	whereRelevant: ProvisionRef[];
	/** A route through a standard other than EN 303 645, instead of provisions. */
	otherStandard?: { document: string; version: string; paragraphs: string[] };
	/** Conditions of the route the catalogue has not read; shown with the route as unverified. */
	unreadConditions?: string;
	source: SourceRef;
}

export interface StatementOfComplianceItem {
	id: string;
	/** What the statement must contain, in plain words. */
	text: string;
}

export interface ExceptedCategory {
	id: string;
	name: string;
	note?: string;
	/**
	 * False where the crosswalk had only a secondary summary or an amendment it could not read. Every
	 * category is false today: Schedule 3 was read only in the gov.uk summary (crosswalk 3.2).
	 */
	verified: boolean;
	source: SourceRef;
}

export interface PstiDate {
	id: string;
	/** ISO 8601 date. */
	date: string;
	label: string;
	source: SourceRef;
}

export interface PstiFacts {
	/** The date the security requirements came into force (ISO 8601). */
	inForce: string;
	keyDates: PstiDate[];
	/** The EN 303 645 edition the Regulations cite; deemed compliance is judged against it. */
	citedEnEdition: SourceRef & { date: string };
	deemedCompliance: DeemedComplianceRoute[];
	/** Requirements with no deemed-compliance route in the material read. */
	noDeemedComplianceRoute: PstiRequirementId[];
	/**
	 * False: only the 2023 text was read; a later instrument (the "(No. 2) Regulations 2025") may add
	 * routes for every requirement.
	 */
	noDeemedComplianceRouteVerified: boolean;
	/** Things the password requirement does not treat as passwords. */
	notPasswords: string[];
	/** Conditions the published information (requirements 2 and 3) must meet. */
	informationConditions: { requirement: PstiRequirementId; conditions: string[] }[];
	statementOfCompliance: {
		contents: StatementOfComplianceItem[];
		/** False until the list is checked against the text of Schedule 4. */
		contentsVerified: boolean;
		summaryStatementAllowed: boolean;
		digitalStatementAccepted: boolean;
		notes: string[];
		source: SourceRef;
	};
	exceptedProducts: ExceptedCategory[];
	pointOfSale: string[];
	enforcement: { authority: string; notes: string[] };
	/** Years a manufacturer keeps records of investigations and compliance failures. */
	recordKeepingYears: number;
	laterInstruments: { name: string; note: string; verified: boolean }[];
}

const SCH2: SourceRef = { ...PSTI_REGS_SOURCE, reference: 'Schedule 2' };
const SCH3: SourceRef = { ...PSTI_REGS_SOURCE, reference: 'Schedule 3' };

export const pstiFacts: PstiFacts = deepFreeze({
	inForce: '2024-04-29',
	keyDates: [
		{
			id: 'in-force',
			date: '2024-04-29',
			label: 'Security requirements and statement of compliance duties apply',
			source: { ...PSTI_REGS_SOURCE, reference: 'regulation 1 (commencement)' }
		}
	],
	citedEnEdition: {
		document: 'ETSI EN 303 645',
		version: 'V2.1.1 (2020-06)',
		reference: 'regulation 2 (interpretation)',
		date: '2020-06-19'
	},
	deemedCompliance: [
		{
			requirement: 'PSTI-1',
			provisions: [en('5.1-1')],
			whereRelevant: [en('5.1-2')],
			source: { ...SCH2, reference: 'Schedule 2 (password requirement)' }
		},
		{
			requirement: 'PSTI-2',
			provisions: [en('5.2-1')],
			whereRelevant: [],
			source: { ...SCH2, reference: 'Schedule 2 (reporting security issues)' }
		},
		{
			requirement: 'PSTI-2',
			provisions: [],
			whereRelevant: [],
			otherStandard: {
				document: 'ISO/IEC 29147',
				version: '2018',
				paragraphs: ['6.2.2', '6.2.5', '6.5']
			},
			unreadConditions:
				'Schedule 2 makes this route subject to further sub-paragraphs (3) and (4), which the catalogue has not read.',
			source: { ...SCH2, reference: 'Schedule 2 (reporting security issues)' }
		}
	],
	noDeemedComplianceRoute: ['PSTI-3'],
	noDeemedComplianceRouteVerified: false,
	notPasswords: [
		'Cryptographic keys',
		'Pairing PINs for links that do not use IP, such as Bluetooth',
		'API keys'
	],
	informationConditions: [
		{
			requirement: 'PSTI-2',
			conditions: [
				'Accessible, clear and transparent',
				'Available without a prior request',
				'In English',
				'Free of charge'
			]
		},
		{
			requirement: 'PSTI-3',
			conditions: [
				'Accessible, clear and transparent',
				'Available without a prior request',
				'In English',
				'Free of charge',
				'No personal information asked for',
				'Understandable without technical knowledge'
			]
		}
	],
	statementOfCompliance: {
		contents: [
			{ id: 'product', text: 'Product type and the batch the statement covers' },
			{ id: 'manufacturer', text: "Manufacturer's name and address" },
			{ id: 'prepared-by', text: 'That it was prepared by or on behalf of the manufacturer' },
			{
				id: 'opinion',
				text: "That in the manufacturer's opinion the applicable security requirements are met"
			},
			{ id: 'support-period', text: 'The defined support period, with its end date' },
			{ id: 'signatory', text: 'Signature, name and function of the person signing' },
			{ id: 'place-date', text: 'Place and date of issue' }
		],
		contentsVerified: false,
		summaryStatementAllowed: true,
		digitalStatementAccepted: true,
		notes: [
			'The contents list comes from secondary summaries of Schedule 4; check it against legislation.gov.uk before relying on an item.',
			'OPSS has said a digital statement, for example through a link that accompanies the product, is acceptable.',
			'Importers and distributors have their own duty to make sure the statement accompanies the product.'
		],
		source: { ...PSTI_REGS_SOURCE, reference: 'Schedule 4' }
	},
	exceptedProducts: [
		{
			id: 'ni-eu-supply',
			name: 'Products supplied in Northern Ireland under the listed EU legislation',
			note: 'Windsor Framework arrangements.',
			verified: false,
			source: SCH3
		},
		{
			id: 'ev-charge-points',
			name: 'Charge points for electric vehicles',
			verified: false,
			source: SCH3
		},
		{ id: 'medical-devices', name: 'Medical devices', verified: false, source: SCH3 },
		{ id: 'smart-meters', name: 'Smart meter products', verified: false, source: SCH3 },
		{
			id: 'computers',
			name: 'Desktop, laptop and tablet computers without mobile network (cellular) capability',
			note: 'Not excepted if designed for children under 14.',
			verified: false,
			source: SCH3
		},
		{
			id: 'vehicles',
			name: 'Motor vehicles, two- and three-wheel vehicles, and agricultural and forestry vehicles',
			note: 'Added for Great Britain by the 2024 amendment (mirroring Northern Ireland); amended text not read.',
			verified: false,
			source: { ...SCH3, reference: 'Schedule 3 as amended (amendment regulations 2024/2025)' }
		}
	],
	pointOfSale: [
		'The manufacturer must show the support period alongside the main product details where it invites purchase on its own website.',
		'Third-party retailers are not required to show the support period at the point of sale; the Government encourages it.',
		'A missing support period on a retailer shelf label is not on its own a breach.'
	],
	enforcement: {
		authority: 'Office for Product Safety and Standards (OPSS), for the Secretary of State',
		notes: [
			'Tools include compliance, stop, recall and monetary penalty notices.',
			'Field findings support evidence gathering and referral to OPSS; they are indications, not enforcement decisions.'
		]
	},
	recordKeepingYears: 10,
	laterInstruments: [
		{
			name: 'PSTI (Security Requirements for Relevant Connectable Products) (Amendment) Regulations (2024 draft, made 2025)',
			note: 'Clarifies the support-period information and adds the vehicle exceptions for Great Britain.',
			verified: false
		},
		{
			name: 'PSTI (Security Requirements for Relevant Connectable Products) (Amendment) (No. 2) Regulations 2025',
			note: 'Deemed compliance through Japan JC-STAR STAR-1 or the Singapore Cybersecurity Labelling Scheme; conditions not read.',
			verified: false
		}
	]
});
