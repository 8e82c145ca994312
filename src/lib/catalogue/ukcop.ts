import { UKCOP_SOURCE } from './frameworks';
import type { AssessmentMode, Provision } from './types';

/*
 * The 13 guidelines of the UK Code of Practice for Consumer IoT Security. Guideline n became clause
 * 5.n of EN 303 645, which is why the mappings point each one at that clause.
 */

const rows: [title: string, text: string, modes: AssessmentMode[]][] = [
	[
		'No default passwords',
		'Device passwords are unique and cannot be reset to a default value shared by every unit.',
		['setup', 'physical']
	],
	[
		'Vulnerability disclosure policy',
		'Companies that offer connected devices and services give a public contact for reporting vulnerabilities, and act on reports promptly.',
		['documents']
	],
	[
		'Keep software updated',
		'Software can be updated securely and easily without harming how the device works. Updates are timely and follow an end-of-life policy that states the minimum update period and why; they are made clear to users; and devices that cannot be updated can be isolated and replaced.',
		['setup', 'documents', 'lab']
	],
	[
		'Store credentials and security-sensitive data securely',
		'Credentials are stored securely on devices and in services; credentials hard-coded into device software are not acceptable.',
		['lab']
	],
	[
		'Communicate securely',
		'Security-sensitive data is encrypted in transit in a way that suits the technology and its use, and keys are managed securely.',
		['lab']
	],
	[
		'Minimise exposed attack surfaces',
		'Devices and services run with the least privilege they need: unused ports closed, hardware not exposed when not in use, and code limited to what is needed.',
		['physical', 'setup', 'lab']
	],
	[
		'Ensure software integrity',
		'Device software is checked with secure boot; if an unauthorised change is found, the device alerts the user or administrator and connects no more widely than it must.',
		['lab']
	],
	[
		'Protect personal data',
		'Personal data is handled in line with data protection law such as the GDPR; people are told clearly how their data is used, including by third parties, and consent is obtained validly.',
		['documents', 'setup', 'lab']
	],
	[
		'Make systems resilient to outages',
		'Devices and services allow for network and power outages and, as far as reasonably possible, return to the network in a sensible state and an orderly way.',
		['setup']
	],
	[
		'Monitor system telemetry',
		'Where usage and measurement data is collected, it is monitored for security anomalies.',
		['documents']
	],
	[
		'Make it easy to delete personal data',
		'Personal data can easily be removed from devices and services when ownership changes, when the user asks, or when the device is thrown away, with clear instructions on how.',
		['setup', 'documents']
	],
	[
		'Make installation and maintenance easy',
		'Installing and maintaining devices takes few steps and follows good usability practice for security, and users get guidance on setting the device up securely.',
		['setup', 'documents']
	],
	[
		'Validate input data',
		'Data entered through user interfaces, or passed through APIs or between networks, is validated.',
		['lab', 'setup']
	]
];

export const ukcopProvisions: Provision[] = rows.map(([title, text, modes], i) => ({
	framework: 'UKCOP',
	id: `CoP-${i + 1}`,
	title,
	text,
	modes,
	source: { ...UKCOP_SOURCE, reference: `guideline ${i + 1}` }
}));
