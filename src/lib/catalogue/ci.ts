import { CI_SOURCE } from './frameworks';
import type { AssessmentMode, Provision } from './types';

/*
 * Consumers International checklist for retailers of connected products for children. Each item's
 * sub-questions are the checklist's own tick boxes, so their count per item matches the seed
 * (23 in all). Most items are questions a retailer puts to its supplier, hence "documents" and
 * "lab" modes for the technical ones.
 */

interface Row {
	n: number;
	section: 'Security' | 'Consumer rights' | 'Encryption' | 'Data privacy';
	title: string;
	text: string;
	subQuestions: string[];
	modes: AssessmentMode[];
}

const rows: Row[] = [
	{
		n: 1,
		section: 'Security',
		title: 'Online services meet a recognised web security baseline',
		text: 'Everything reachable over the internet that the device depends on meets the OWASP Application Security Verification Standard at level 1 or higher, and the supplier keeps up with new versions of that standard.',
		subQuestions: [
			'Does every internet-facing part connected to the device meet OWASP ASVS (V1 to V20) at level 1 or above?',
			'Does the supplier have an established way to adopt updates to that standard promptly?'
		],
		modes: ['lab', 'documents']
	},
	{
		n: 2,
		section: 'Security',
		title: 'Strong, age-appropriate account sign-in',
		text: "Users must add a suitable way of signing in, such as a unique strong password, when an account is created, and the method chosen takes the user's age into account.",
		subQuestions: [
			'Must users add a suitable authentication method, such as a unique strong password, when they first create an account?',
			"Does that method allow for the user's age and use the approach that protects them best?"
		],
		modes: ['setup']
	},
	{
		n: 3,
		section: 'Security',
		title: 'Disclosure programme and fixes within 90 days',
		text: 'The vendor publishes a responsible disclosure programme with a named contact for security researchers, and commits to fixing, within 90 days of a report, flaws that leave user data or other information exposed.',
		subQuestions: [
			'Is there a published responsible disclosure programme, with a named contact where researchers can report security issues?',
			'Has the vendor committed to fix, within 90 days of a report, flaws that leave user data or other information exposed?'
		],
		modes: ['documents']
	},
	{
		n: 4,
		section: 'Security',
		title: 'Companion apps secured and updated',
		text: 'Every mobile app connected to the device has procedures to find and fix OWASP mobile security risks before they are exploited, and affected apps are updated promptly.',
		subQuestions: [
			'Do the connected mobile apps have procedures to detect and fix OWASP mobile security risks proactively?',
			'Are affected apps updated promptly?'
		],
		modes: ['setup', 'lab']
	},
	{
		n: 5,
		section: 'Security',
		title: 'Servers hardened',
		text: 'The servers that the device and its apps talk to over the internet are protected against the threats described in the Center for Internet Security (CIS) Benchmarks.',
		subQuestions: [
			'Is the server infrastructure behind the device and its apps safeguarded against the threats set out in the CIS Benchmarks?'
		],
		modes: ['documents']
	},
	{
		n: 6,
		section: 'Consumer rights',
		title: 'Action on critical flaws that cannot be fixed',
		text: 'Where a critical vulnerability seriously threatens the product or other devices on the network and cannot be fixed by an update within 90 days, the retailer withdraws the product, warns owners and offers a return, exchange or compensation.',
		subQuestions: [
			'Is the product withdrawn from sale straight away?',
			'Are existing owners warned and allowed to return the product?',
			'Are existing owners offered compensation or an exchange for a secure version?'
		],
		modes: ['documents']
	},
	{
		n: 7,
		section: 'Consumer rights',
		title: 'Updates explained in advance',
		text: 'All software updates are explained clearly before they happen.',
		subQuestions: ['Have all software updates been explained and made clear in advance?'],
		modes: ['setup', 'documents']
	},
	{
		n: 8,
		section: 'Consumer rights',
		title: 'At least three years of security updates',
		text: 'Security updates keep coming for at least three years, counted from the day the user buys the product.',
		subQuestions: [
			'Will security updates keep coming for at least three years from the day the user buys the product?'
		],
		modes: ['physical', 'documents']
	},
	{
		n: 9,
		section: 'Encryption',
		title: 'Key management for every connection',
		text: 'Each wired or wireless link the device uses (Wi-Fi, Bluetooth, Zigbee, Z-Wave and others) follows the cryptographic key-management guidance for that technology.',
		subQuestions: [
			'Does each wired or wireless link follow the key-management guidance for its technology?'
		],
		modes: ['lab']
	},
	{
		n: 10,
		section: 'Encryption',
		title: 'Strong encryption in transit and at rest',
		text: 'All data, whether in transit or stored, is strongly encrypted, for example with TLS 1.2 or 1.3, SSH 2 or IPsec.',
		subQuestions: ['Is data strongly encrypted both in transit and when stored?'],
		modes: ['lab', 'setup']
	},
	{
		n: 11,
		section: 'Encryption',
		title: 'Data accessed by third parties encrypted',
		text: 'All data that third parties access is encrypted.',
		subQuestions: ['Is data that third parties can access encrypted?'],
		modes: ['lab', 'documents']
	},
	{
		n: 12,
		section: 'Encryption',
		title: 'Trusted execution, secure key storage and entropy',
		text: 'The device has a trusted execution environment, keeps keys and other sensitive data in secure storage, and seeds its cryptography from a source of randomness.',
		subQuestions: [
			'Does the device have a trusted execution environment, keep keys and other sensitive data in secure storage, and seed its cryptography from an entropy source?'
		],
		modes: ['lab', 'documents']
	},
	{
		n: 13,
		section: 'Data privacy',
		title: 'Privacy by design and control over data',
		text: 'The privacy policy and terms are easy to find and understand for the person using the product; changes are announced in advance; anything not needed for the service is off unless the user opts in; users can see and delete their data and account; and data is erased after a set maximum retention period.',
		subQuestions: [
			'Are the privacy policy and terms easy to find and written in language the user can understand?',
			'Are users told about changes to the terms or privacy policy in advance and given the chance to withdraw from the contract?',
			'Do settings not needed for the service follow privacy by design, with opt-in consent for collecting, sending and sharing data and for marketing?',
			'Can users easily see and delete their data and close their account?',
			'Is data erased automatically after a set maximum retention period?'
		],
		modes: ['documents', 'setup', 'physical']
	}
];

export const ciProvisions: Provision[] = rows.map((row) => ({
	framework: 'CI',
	id: `CI-${row.n}`,
	title: row.title,
	text: row.text,
	modes: row.modes,
	subQuestions: row.subQuestions,
	source: { ...CI_SOURCE, reference: `item ${row.n} (${row.section})` }
}));
