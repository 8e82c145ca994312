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
 *
 * A row carries evidence only where a failure on the EN provision is a failure of the item too:
 * where the EN provision asks for something the item does not (5.3-6's adjustable settings for
 * MZ-2; 6-3's consent for CI-13's contract withdrawal) or sits on the other side of the service
 * (device-side provisions for CI-1's server security), the row is `related`. Evidence through a
 * row is never more than partial: only a check naming the item itself can make it "meets".
 */

type Strength = Mapping['strength'];
/** Every row says why, in one line; for evidence rows, what the EN provision leaves out. */
type Target = [enId: string, strength: Strength, note: string];

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
			[
				'5.5-1',
				'related',
				'CI-1 is about the internet-facing services; EN 303 645 covers the device side only.'
			],
			['5.5-4', 'related', 'Device-side authentication, an analogue of the ASVS access controls.'],
			['5.5-5', 'related', 'Device-side authentication, an analogue of the ASVS access controls.'],
			['5.1-5', 'related', 'Device-side brute-force protection, an analogue of the ASVS controls.'],
			['5.6-1', 'related', 'Device interfaces, not the services CI-1 asks about.'],
			['5.6-2', 'related', 'Device interfaces, not the services CI-1 asks about.'],
			['5.13-1', 'related', 'Device input validation, an analogue of the ASVS validation controls.']
		]
	],
	[
		'CI',
		'CI-2',
		[
			[
				'5.1-1',
				'partial',
				'Unique or user-set passwords; CI also asks for strong, age-appropriate sign-in.'
			],
			['5.1-4', 'related', 'CI footnote: changing the password needs the old one.'],
			['5.1-3', 'related', 'Sound authentication cryptography, which CI does not ask about.'],
			['5.1-5', 'related', 'Brute-force protection, which CI does not ask about.']
		]
	],
	[
		'CI',
		'CI-3',
		[
			[
				'5.2-1',
				'partial',
				'The first sub-question (a published programme); not the 90-day fix commitment.'
			],
			['5.2-2', 'partial', 'Reports dealt with promptly; CI sets a 90-day fix target.'],
			[
				'5.3-8',
				'partial',
				'Timely security updates; CI asks for a commitment to fix within 90 days.'
			],
			['5.2-3', 'related', 'Watching for vulnerabilities, which CI does not ask about.']
		]
	],
	[
		'CI',
		'CI-4',
		[
			['5.3-1', 'related', 'Apps are associated services, largely outside EN 303 645.'],
			['5.3-8', 'related', 'Device updates, not the app updates CI-4 asks about.'],
			['5.5-1', 'related', 'Device communication, not the app risk procedures.'],
			['5.13-1', 'related', 'Device input validation, one of the OWASP mobile risks at most.']
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
			['5.6-7', 'related', 'Least privilege on the device, an analogue of server hardening.'],
			['5.10-1', 'related', 'Telemetry monitoring, an analogue of server monitoring.']
		]
	],
	[
		'CI',
		'CI-6',
		[
			['5.2-2', 'related', 'A retailer process; EN 303 645 has no withdrawal duty.'],
			['5.3-8', 'related', 'A retailer process; EN 303 645 has no withdrawal duty.'],
			['5.3-11', 'related', 'Telling users about updates, not warning buyers of a withdrawal.']
		]
	],
	[
		'CI',
		'CI-7',
		[
			['5.3-11', 'partial', 'Security updates explained; CI-7 asks it of all software updates.'],
			[
				'5.3-12',
				'partial',
				'Warning of an interruption; CI-7 asks for every update to be explained.'
			],
			['5.3-6', 'related', 'Update settings, which CI-7 does not ask about.']
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
			['5.2-3', 'related', 'Watching for vulnerabilities during the support period.'],
			['5.3-8', 'related', 'Timely updates say nothing on how long they continue.']
		]
	],
	[
		'CI',
		'CI-9',
		[
			['5.5-1', 'related', 'Secure communication in general, not the key management of each link.'],
			[
				'5.5-6',
				'partial',
				'Secrets encrypted in transit; CI asks for key management on every link.'
			],
			[
				'5.5-7',
				'partial',
				'Secrets kept confidential remotely; CI asks for key management on every link.'
			],
			['5.5-8', 'partial', 'Secure management of device secrets; CI names each link technology.'],
			['5.4-4', 'related', 'Unique keys per device, a part of key management at most.']
		]
	],
	[
		'CI',
		'CI-10',
		[
			['5.5-1', 'partial', 'Encryption in transit; CI-10 also asks for encryption at rest.'],
			[
				'5.5-6',
				'partial',
				'Secrets in transit only; CI-10 asks for all data, in transit and at rest.'
			],
			[
				'5.5-7',
				'partial',
				'Secrets in transit only; CI-10 asks for all data, in transit and at rest.'
			],
			['5.8-1', 'partial', 'Personal data in transit; CI-10 also asks for encryption at rest.'],
			['5.8-2', 'partial', 'Sensitive data in transit; CI-10 also asks for encryption at rest.'],
			['5.4-1', 'partial', 'Data at rest: secrets only; CI-10 asks for all data.']
		]
	],
	[
		'CI',
		'CI-11',
		[
			[
				'5.8-1',
				'related',
				'Data between the device and its services, not what third parties access.'
			],
			[
				'5.8-2',
				'related',
				'Data between the device and its services, not what third parties access.'
			],
			['6-1', 'related', 'Saying who receives data, not whether it is encrypted.']
		]
	],
	[
		'CI',
		'CI-12',
		[
			[
				'5.4-1',
				'partial',
				'Secure storage of secrets; CI-12 also asks for a TEE and an entropy source.'
			],
			[
				'5.4-2',
				'partial',
				'Tamper-resistant identity; CI-12 also asks for a TEE and an entropy source.'
			],
			[
				'5.6-8',
				'partial',
				'Hardware memory access control, part of a trusted execution environment.'
			],
			['5.4-4', 'related', 'Unique keys per device, not how they are stored.'],
			['5.5-2', 'related', 'Reviewed implementations, not the hardware CI-12 asks about.'],
			['5.7-1', 'related', 'Secure boot, not the hardware CI-12 asks about.']
		]
	],
	[
		'CI',
		'CI-13',
		[
			[
				'6-1',
				'partial',
				'Sub-question 1: accessible, plain privacy information; not the other four.'
			],
			[
				'6-3',
				'related',
				'Sub-question 2 asks about withdrawing from the contract, not withdrawing consent.'
			],
			['6-2', 'partial', 'Sub-question 3: opt-in consent; not the other four.'],
			['5.11-2', 'partial', 'Sub-question 4: deleting data from services; not seeing it.'],
			['5.11-1', 'related', 'Erasing the device, not the account and service data CI asks about.'],
			['5.11-3', 'related', 'Deletion instructions, not the deletion itself.'],
			['5.11-4', 'related', 'Deletion confirmation, not the deletion itself.'],
			[
				'6-4',
				'related',
				'Sub-question 5 (retention) has no direct V2.1.1 counterpart; V3 adds 6-6.'
			],
			['5.8-3', 'related', 'Sensor documentation, not the privacy terms.']
		]
	],

	// Mozilla / Internet Society / Consumers International minimum standards.
	[
		'MOZ',
		'MZ-1',
		[
			['5.5-1', 'direct', 'Good-practice cryptography for communication; MZ-1 says all of it.'],
			['5.5-6', 'partial', 'Secrets only; MZ-1 asks for all communications.'],
			['5.5-7', 'partial', 'Secrets only; MZ-1 asks for all communications.'],
			['5.8-1', 'partial', 'Personal data only; MZ-1 asks for all communications.'],
			['5.8-2', 'partial', 'Sensitive personal data only; MZ-1 asks for all communications.']
		]
	],
	[
		'MOZ',
		'MZ-2',
		[
			[
				'5.3-4',
				'direct',
				'Automatic updates; MZ-2 also asks for a reasonable period and verification.'
			],
			[
				'5.3-6',
				'related',
				'On by default, but 5.3-6 also asks that settings can be changed, which MZ-2 does not.'
			],
			['5.3-2', 'partial', 'An update mechanism; MZ-2 asks for automatic, verified updates.'],
			['5.3-5', 'partial', 'Regular update checks, part of automatic updating.'],
			['5.3-9', 'partial', 'Cryptographically verified; not automatic or on by default.'],
			['5.3-10', 'partial', 'Verified network updates; not automatic or on by default.'],
			['5.3-12', 'related', 'Little downtime.'],
			['5.3-13', 'related', 'A reasonable period after sale.']
		]
	],
	[
		'MOZ',
		'MZ-3',
		[
			['5.1-1', 'direct', 'Shared defaults replaced at setup; MZ-3 also asks for strength rules.'],
			['5.1-2', 'partial', 'Pre-installed passwords hard to guess; not the strength rules.'],
			['5.1-5', 'partial', 'Guessing slowed down; not the strength rules.'],
			['5.1-3', 'related', 'Authentication cryptography, which MZ-3 does not ask about.'],
			['5.1-4', 'related', 'Changing the password, which MZ-3 does not ask about.']
		]
	],
	[
		'MOZ',
		'MZ-4',
		[
			['5.2-1', 'direct', 'The contact point; not the internal process to fix vulnerabilities.'],
			['5.2-2', 'partial', 'Reports acted on; not the contact point.'],
			['5.2-3', 'partial', 'Watching for vulnerabilities, part of vulnerability management.'],
			['5.3-8', 'related', 'Timely updates, the outcome of vulnerability management at most.']
		]
	],
	[
		'MOZ',
		'MZ-5',
		[
			['6-1', 'direct', 'The privacy information; not change notice, deletion or retention.'],
			['6-2', 'partial', 'Marketing opt-out through valid consent.'],
			['6-3', 'partial', 'Opting out later through withdrawing consent.'],
			['5.11-2', 'partial', 'Delete data and account.'],
			['5.11-1', 'related', 'Erasing the device, not the account MZ-5 asks about.'],
			['5.11-3', 'related', 'Deletion instructions, not the deletion itself.'],
			['5.11-4', 'related', 'Deletion confirmation, not the deletion itself.']
		]
	],

	// UK Code of Practice: guideline n became EN 303 645 clause 5.n (guideline 8 also clause 6).
	[
		'UKCOP',
		'CoP-1',
		[
			[
				'5.1-1',
				'direct',
				'Unique passwords; CoP-1 also rules out resetting to a universal default.'
			],
			['5.1-2', 'direct', 'Pre-installed passwords not guessable; not the reset rule.'],
			['5.1-3', 'related', 'Authentication cryptography, which CoP-1 does not ask about.'],
			['5.1-4', 'related', 'Changing the password, which CoP-1 does not ask about.'],
			['5.1-5', 'related', 'Brute-force protection, which CoP-1 does not ask about.']
		]
	],
	[
		'UKCOP',
		'CoP-2',
		[
			['5.2-1', 'direct', 'The public contact; not acting on reports in a timely manner.'],
			['5.2-2', 'direct', 'Acting on reports without undue delay; not the public contact.'],
			['5.2-3', 'partial', 'Watching for vulnerabilities, part of acting on them.']
		]
	],
	[
		'UKCOP',
		'CoP-3',
		[
			['5.3-1', 'direct', 'Software securely updatable; one of CoP-3 several parts.'],
			['5.3-3', 'direct', 'Updates simple to apply; one of CoP-3 several parts.'],
			['5.3-8', 'direct', 'Timely updates; one of CoP-3 several parts.'],
			['5.3-11', 'direct', 'Updates made clear to users; one of CoP-3 several parts.'],
			[
				'5.3-13',
				'direct',
				'The end-of-life policy; CoP-3 also asks for the reasons for its length.'
			],
			['5.3-14', 'direct', 'Non-updatable devices explained; one of CoP-3 several parts.'],
			['5.3-15', 'direct', 'Non-updatable devices isolable and replaceable; one of CoP-3 parts.'],
			['5.3-2', 'partial', 'An update mechanism, part of keeping software updated.'],
			['5.3-4', 'partial', 'Automatic updates, part of keeping software updated.'],
			['5.3-5', 'partial', 'Regular update checks, part of keeping software updated.'],
			['5.3-6', 'partial', 'Update settings, part of updating without harming the device.'],
			['5.3-7', 'partial', 'Update cryptography, part of updating securely.'],
			['5.3-9', 'partial', 'Updates checked as genuine, part of updating securely.'],
			['5.3-10', 'partial', 'Network updates verified, part of updating securely.'],
			['5.3-12', 'partial', 'Warning of interruptions, part of updating without harm.'],
			['5.3-16', 'related', 'The model designation, needed to find updates but not about them.']
		]
	],
	[
		'UKCOP',
		'CoP-4',
		[
			['5.4-1', 'direct', 'Secrets stored securely on the device; CoP-4 also covers services.'],
			['5.4-3', 'direct', 'No hard-coded critical secrets in the device software.'],
			['5.4-2', 'partial', 'Tamper-resistant device identity, part of secure storage.'],
			['5.4-4', 'partial', 'Unique keys per device, part of not hard-coding credentials.']
		]
	],
	[
		'UKCOP',
		'CoP-5',
		[
			['5.5-6', 'direct', 'Security-sensitive data encrypted in transit.'],
			['5.5-8', 'direct', 'Keys managed securely.'],
			['5.5-1', 'partial', 'Secure communication in general; CoP-5 also asks for key management.'],
			['5.5-7', 'partial', 'Remotely sent secrets confidential; part of CoP-5.'],
			['5.5-2', 'related', 'Reviewed implementations, which CoP-5 does not ask about.'],
			['5.5-3', 'related', 'Updatable cryptography, which CoP-5 does not ask about.'],
			['5.5-4', 'related', 'Authentication on interfaces, not communication security.'],
			['5.5-5', 'related', 'Authentication for settings, not communication security.']
		]
	],
	[
		'UKCOP',
		'CoP-6',
		[
			['5.6-1', 'direct', 'Unused interfaces off; CoP-6 also asks for least privilege.'],
			['5.6-3', 'direct', 'Hardware interfaces not exposed; CoP-6 also asks for least privilege.'],
			['5.6-6', 'direct', 'Code kept to what is needed.'],
			['5.6-7', 'direct', 'Least privilege.'],
			['5.6-2', 'partial', 'Little revealed before login, part of a small attack surface.'],
			['5.6-4', 'partial', 'Debug interfaces off, part of a small attack surface.'],
			['5.6-5', 'partial', 'Only needed services, part of a small attack surface.'],
			['5.6-8', 'related', 'Hardware memory protection, beyond what CoP-6 names.'],
			['5.6-9', 'related', 'Secure development, beyond what CoP-6 names.']
		]
	],
	[
		'UKCOP',
		'CoP-7',
		[
			['5.7-1', 'direct', 'Secure boot.'],
			['5.7-2', 'direct', 'Alert on an unauthorised software change.']
		]
	],
	[
		'UKCOP',
		'CoP-8',
		[
			['6-1', 'direct', 'Telling people how their data is used.'],
			['6-2', 'direct', 'Obtaining consent validly.'],
			['5.8-1', 'partial', 'Personal data protected in transit, part of protecting it.'],
			['5.8-2', 'partial', 'Sensitive personal data protected in transit, part of protecting it.'],
			['5.8-3', 'partial', 'Sensors documented, part of transparency.'],
			['6-3', 'partial', 'Consent withdrawn, part of valid consent.'],
			['6-5', 'partial', 'Telemetry explained, part of transparency.'],
			['6-4', 'related', 'Data minimisation, which CoP-8 does not name.']
		]
	],
	[
		'UKCOP',
		'CoP-9',
		[
			['5.9-1', 'direct', 'Resilience to network and power outages.'],
			['5.9-2', 'direct', 'Working locally and recovering cleanly.'],
			['5.9-3', 'direct', 'Returning to the network in an orderly way.']
		]
	],
	[
		'UKCOP',
		'CoP-10',
		[
			['5.10-1', 'direct', 'Telemetry examined for security anomalies.'],
			['6-4', 'related', 'Minimal personal data in telemetry, not its monitoring.'],
			['6-5', 'related', 'Telling people about telemetry, not monitoring it.']
		]
	],
	[
		'UKCOP',
		'CoP-11',
		[
			['5.11-1', 'direct', 'Erasing data from the device.'],
			['5.11-2', 'direct', 'Removing personal data from services.'],
			['5.11-3', 'direct', 'Clear deletion instructions.'],
			['5.11-4', 'partial', 'Confirmation of deletion, beyond what CoP-11 names.']
		]
	],
	[
		'UKCOP',
		'CoP-12',
		[
			['5.12-1', 'direct', 'Few decisions and usable security in setup and maintenance.'],
			['5.12-2', 'direct', 'Guidance on setting the device up securely.'],
			['5.12-3', 'partial', 'Guidance on checking the setup, beyond what CoP-12 names.']
		]
	],
	['UKCOP', 'CoP-13', [['5.13-1', 'direct', 'Input validated.']]]
];

export const mappings: Mapping[] = table.flatMap(([framework, id, targets]) =>
	targets.map(([enId, strength, note]) => ({
		from: ref(framework, id),
		to: ref('EN303645', enId),
		strength,
		note
	}))
);
