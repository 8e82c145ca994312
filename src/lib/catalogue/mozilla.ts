import { MOZ_SOURCE } from './frameworks';
import type { Provision } from './types';

/*
 * The five minimum guidelines from Mozilla, the Internet Society and Consumers International. The
 * blog post and the open letter differ only in guideline 4 (the post accepts a bug bounty in place
 * of a reporting contact); the text below records both.
 */

export const mozProvisions: Provision[] = [
	{
		framework: 'MOZ',
		id: 'MZ-1',
		title: 'Encrypted communications',
		text: 'The product encrypts all of its network communications, so they cannot be read or changed on the way.',
		modes: ['lab', 'setup'],
		source: { ...MOZ_SOURCE, reference: 'guideline 1' }
	},
	{
		framework: 'MOZ',
		id: 'MZ-2',
		title: 'Automatic security updates',
		text: 'The product supports automatic updates, switched on by default, for a reasonable period after sale. Updates are verified with cryptography, install smoothly and do not leave the product unusable for long.',
		modes: ['setup', 'documents', 'lab'],
		source: { ...MOZ_SOURCE, reference: 'guideline 2' }
	},
	{
		framework: 'MOZ',
		id: 'MZ-3',
		title: 'Strong passwords',
		text: 'If the product uses passwords for remote sign-in, it insists on strong ones with strength rules, and any default password shared between units is replaced during first setup. Strong Bluetooth pairing without a password is acceptable, and products used only in the hand need no password.',
		modes: ['setup', 'physical'],
		source: { ...MOZ_SOURCE, reference: 'guideline 3 (and appendix note 2)' }
	},
	{
		framework: 'MOZ',
		id: 'MZ-4',
		title: 'Vulnerability management',
		text: 'The vendor has a system for managing vulnerabilities in the product, with a contact point for reports and an internal process to fix them. The blog version accepts an equivalent bug bounty programme instead of the contact point.',
		modes: ['documents'],
		source: { ...MOZ_SOURCE, reference: 'guideline 4' }
	},
	{
		framework: 'MOZ',
		id: 'MZ-5',
		title: 'Privacy practices',
		text: 'The product has a privacy policy that is easy to find, in plain language suited to the person using it, and available at the point of sale. Users are told of substantial changes, can see and opt out of marketing use of their data, can delete their data and account, and standard retention periods are set wherever possible.',
		modes: ['documents', 'setup', 'physical'],
		source: { ...MOZ_SOURCE, reference: 'guideline 5' }
	}
];
