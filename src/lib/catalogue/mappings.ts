import { ref } from './frameworks';
import type { FrameworkId, Mapping } from './types';

/*
 * Crosswalk section 5 as rows: each CI, MOZ, UKCOP and PSTI item points at the EN 303 645 V2.1.1
 * provisions it corresponds to.
 *   direct  – the EN provision carries the item's core requirement;
 *   partial – it covers part of the item, or the item asks for more (a deadline, a minimum);
 *   related – it touches the item, often only by analogy (EN 303 645 covers the device, not the
 *             supplier's servers, apps or retail processes). A verdict on the EN provision says
 *             little about the item, so a roll-up should not count it as evidence.
 * PSTI rows are kept to what a PSTI outcome can honestly rest on, because those outcomes can end
 * up in a referral.
 */

type Strength = Mapping['strength'];
type Target = [enId: string, strength: Strength, note?: string];

const table: [FrameworkId, string, Target[]][] = [
	// PSTI: the direct rows are the Schedule 2 deemed-compliance routes.
	[
		'PSTI',
		'PSTI-1',
		[
			['5.1-1', 'direct', 'Deemed compliance route (Schedule 2).'],
			['5.1-2', 'direct', 'Deemed compliance route, where pre-installed unique passwords are used.']
		]
	],
	[
		'PSTI',
		'PSTI-2',
		[['5.2-1', 'direct', 'Deemed compliance route; ISO/IEC 29147:2018 is the alternative.']]
	],
	[
		'PSTI',
		'PSTI-3',
		[
			[
				'5.3-13',
				'partial',
				"No deemed compliance route: PSTI adds an end date, access conditions, companion software and the manufacturer's own sales pages."
			]
		]
	],
	// PSTI-SOC has no EN 303 645 counterpart: the statement is a legal document, not a provision.

	// Consumers International retailer checklist.
	[
		'CI',
		'CI-1',
		[
			['5.5-1', 'partial', 'EN 303 645 covers the device side only.'],
			['5.5-4', 'partial'],
			['5.5-5', 'partial'],
			['5.1-5', 'partial'],
			['5.6-1', 'partial'],
			['5.6-2', 'partial'],
			['5.13-1', 'partial']
		]
	],
	[
		'CI',
		'CI-2',
		[
			['5.1-1', 'partial', 'CI asks for strong, age-appropriate account sign-in.'],
			['5.1-4', 'related', 'CI footnote: changing the password needs the old one.'],
			['5.1-3', 'related'],
			['5.1-5', 'related']
		]
	],
	[
		'CI',
		'CI-3',
		[
			['5.2-1', 'direct', 'First sub-question.'],
			['5.2-2', 'partial', 'CI sets a 90-day fix target.'],
			['5.3-8', 'partial'],
			['5.2-3', 'related']
		]
	],
	[
		'CI',
		'CI-4',
		[
			['5.3-1', 'related', 'Apps are associated services, largely outside EN 303 645.'],
			['5.3-8', 'related'],
			['5.5-1', 'related'],
			['5.13-1', 'related']
		]
	],
	[
		'CI',
		'CI-5',
		[
			[
				'5.6-5',
				'related',
				'Server hardening is outside EN 303 645; nearest device-side analogues.'
			],
			['5.6-7', 'related'],
			['5.10-1', 'related']
		]
	],
	[
		'CI',
		'CI-6',
		[
			['5.2-2', 'related', 'A retailer process; EN 303 645 has no withdrawal duty.'],
			['5.3-8', 'related'],
			['5.3-11', 'related']
		]
	],
	[
		'CI',
		'CI-7',
		[
			['5.3-11', 'partial'],
			['5.3-12', 'partial'],
			['5.3-6', 'related']
		]
	],
	[
		'CI',
		'CI-8',
		[
			[
				'5.3-13',
				'partial',
				'EN 303 645 requires the period to be published, with no minimum length.'
			],
			['5.2-3', 'related'],
			['5.3-8', 'related']
		]
	],
	[
		'CI',
		'CI-9',
		[
			['5.5-1', 'partial'],
			['5.5-6', 'partial'],
			['5.5-7', 'partial'],
			['5.5-8', 'partial'],
			['5.4-4', 'related']
		]
	],
	[
		'CI',
		'CI-10',
		[
			['5.5-1', 'partial'],
			['5.5-6', 'partial'],
			['5.5-7', 'partial'],
			['5.8-1', 'partial'],
			['5.8-2', 'partial'],
			['5.4-1', 'partial', 'Data at rest.']
		]
	],
	[
		'CI',
		'CI-11',
		[
			['5.8-1', 'partial'],
			['5.8-2', 'partial'],
			['6-1', 'related']
		]
	],
	[
		'CI',
		'CI-12',
		[
			['5.4-1', 'partial'],
			['5.4-2', 'partial'],
			['5.6-8', 'partial'],
			['5.4-4', 'related'],
			['5.5-2', 'related'],
			['5.7-1', 'related']
		]
	],
	[
		'CI',
		'CI-13',
		[
			['6-1', 'partial', 'Sub-question 1: accessible, plain privacy information.'],
			['6-3', 'partial', 'Sub-question 2: changes and withdrawal.'],
			['6-2', 'partial', 'Sub-question 3: opt-in consent.'],
			['5.11-2', 'partial', 'Sub-question 4: delete data and account.'],
			['5.11-1', 'related'],
			['5.11-3', 'related'],
			['5.11-4', 'related'],
			[
				'6-4',
				'related',
				'Sub-question 5 (retention) has no direct V2.1.1 counterpart; V3 adds 6-6.'
			],
			['5.8-3', 'related']
		]
	],

	// Mozilla / Internet Society / Consumers International minimum standards.
	[
		'MOZ',
		'MZ-1',
		[
			['5.5-1', 'direct'],
			['5.5-6', 'partial'],
			['5.5-7', 'partial'],
			['5.8-1', 'partial'],
			['5.8-2', 'partial']
		]
	],
	[
		'MOZ',
		'MZ-2',
		[
			['5.3-4', 'direct', 'Automatic updates.'],
			['5.3-6', 'partial', 'On by default.'],
			['5.3-2', 'partial'],
			['5.3-5', 'partial'],
			['5.3-9', 'partial', 'Cryptographically verified.'],
			['5.3-10', 'partial'],
			['5.3-12', 'related', 'Little downtime.'],
			['5.3-13', 'related', 'A reasonable period after sale.']
		]
	],
	[
		'MOZ',
		'MZ-3',
		[
			['5.1-1', 'direct', 'Shared defaults replaced at setup.'],
			['5.1-2', 'partial'],
			['5.1-5', 'partial'],
			['5.1-3', 'related'],
			['5.1-4', 'related']
		]
	],
	[
		'MOZ',
		'MZ-4',
		[
			['5.2-1', 'direct'],
			['5.2-2', 'partial'],
			['5.2-3', 'partial'],
			['5.3-8', 'related']
		]
	],
	[
		'MOZ',
		'MZ-5',
		[
			['6-1', 'direct'],
			['6-2', 'partial', 'Marketing opt-out.'],
			['6-3', 'partial'],
			['5.11-2', 'partial', 'Delete data and account.'],
			['5.11-1', 'related'],
			['5.11-3', 'related'],
			['5.11-4', 'related']
		]
	],

	// UK Code of Practice: guideline n became EN 303 645 clause 5.n (guideline 8 also clause 6).
	[
		'UKCOP',
		'CoP-1',
		[
			['5.1-1', 'direct'],
			['5.1-2', 'direct'],
			['5.1-3', 'related'],
			['5.1-4', 'related'],
			['5.1-5', 'related']
		]
	],
	[
		'UKCOP',
		'CoP-2',
		[
			['5.2-1', 'direct'],
			['5.2-2', 'direct'],
			['5.2-3', 'partial']
		]
	],
	[
		'UKCOP',
		'CoP-3',
		[
			['5.3-1', 'direct'],
			['5.3-3', 'direct'],
			['5.3-8', 'direct'],
			['5.3-11', 'direct'],
			['5.3-13', 'direct'],
			['5.3-14', 'direct'],
			['5.3-15', 'direct'],
			['5.3-2', 'partial'],
			['5.3-4', 'partial'],
			['5.3-5', 'partial'],
			['5.3-6', 'partial'],
			['5.3-7', 'partial'],
			['5.3-9', 'partial'],
			['5.3-10', 'partial'],
			['5.3-12', 'partial'],
			['5.3-16', 'related']
		]
	],
	[
		'UKCOP',
		'CoP-4',
		[
			['5.4-1', 'direct'],
			['5.4-3', 'direct'],
			['5.4-2', 'partial'],
			['5.4-4', 'partial']
		]
	],
	[
		'UKCOP',
		'CoP-5',
		[
			['5.5-6', 'direct'],
			['5.5-8', 'direct'],
			['5.5-1', 'partial'],
			['5.5-7', 'partial'],
			['5.5-2', 'related'],
			['5.5-3', 'related'],
			['5.5-4', 'related'],
			['5.5-5', 'related']
		]
	],
	[
		'UKCOP',
		'CoP-6',
		[
			['5.6-1', 'direct'],
			['5.6-3', 'direct'],
			['5.6-6', 'direct'],
			['5.6-7', 'direct'],
			['5.6-2', 'partial'],
			['5.6-4', 'partial'],
			['5.6-5', 'partial'],
			['5.6-8', 'related'],
			['5.6-9', 'related']
		]
	],
	[
		'UKCOP',
		'CoP-7',
		[
			['5.7-1', 'direct'],
			['5.7-2', 'direct']
		]
	],
	[
		'UKCOP',
		'CoP-8',
		[
			['6-1', 'direct'],
			['6-2', 'direct'],
			['5.8-1', 'partial'],
			['5.8-2', 'partial'],
			['5.8-3', 'partial'],
			['6-3', 'partial'],
			['6-5', 'partial'],
			['6-4', 'related']
		]
	],
	[
		'UKCOP',
		'CoP-9',
		[
			['5.9-1', 'direct'],
			['5.9-2', 'direct'],
			['5.9-3', 'direct']
		]
	],
	[
		'UKCOP',
		'CoP-10',
		[
			['5.10-1', 'direct'],
			['6-4', 'related'],
			['6-5', 'related']
		]
	],
	[
		'UKCOP',
		'CoP-11',
		[
			['5.11-1', 'direct'],
			['5.11-2', 'direct'],
			['5.11-3', 'direct'],
			['5.11-4', 'partial']
		]
	],
	[
		'UKCOP',
		'CoP-12',
		[
			['5.12-1', 'direct'],
			['5.12-2', 'direct'],
			['5.12-3', 'partial']
		]
	],
	['UKCOP', 'CoP-13', [['5.13-1', 'direct']]]
];

export const mappings: Mapping[] = table.flatMap(([framework, id, targets]) =>
	targets.map(([enId, strength, note]) => {
		const row: Mapping = { from: ref(framework, id), to: ref('EN303645', enId), strength };
		if (note) row.note = note;
		return row;
	})
);
