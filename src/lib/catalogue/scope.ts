import { ci, cop, en, moz, psti } from './frameworks';
import { pstiFacts } from './psti';
import type { ScopeQuestion, ScopeRule } from './types';

/*
 * Asked before the checks. The help line says what counts as "yes"; "not sure" keeps every check
 * on, so the help errs towards catching the product rather than excusing it.
 */
export const scopeQuestions: ScopeQuestion[] = [
	{
		id: 'networkConnected',
		text: 'Can the product connect to the internet, a home network or a phone?',
		help: 'Yes for Wi-Fi, Ethernet, mobile data, or Bluetooth, Zigbee or Thread links to a phone or hub.'
	},
	{
		id: 'pstiExcepted',
		text: 'Is the product in a category the UK product security law leaves out?',
		help: 'Yes only for EV charge points, medical devices, smart meters, computers without mobile data (unless made for under-14s), Northern Ireland supply under EU rules, or vehicles (a later amendment, not verified).',
		detail: {
			after: 'yes',
			text: 'Which excepted category?',
			options: pstiFacts.exceptedProducts.map(({ id, name, verified }) => ({ id, name, verified }))
		}
	},
	{
		id: 'usesPasswords',
		text: 'Does the product, its app or its online account use a password or PIN?',
		help: 'Yes if the label, manual, app or setup mentions a password, PIN or Wi-Fi key; a Bluetooth pairing code alone is no.'
	},
	{
		id: 'updatable',
		text: "Can the product's software be updated?",
		help: 'Yes if the pack, manual or app mentions updates or firmware; no only if the maker says it cannot be updated.'
	},
	{
		id: 'companionApp',
		text: 'Does the product use a phone app or an online account?',
		help: "Yes if the pack says 'app required', shows an app-store badge or QR code, or setup needs an account."
	},
	{
		id: 'forChildren',
		text: 'Is the product made or marketed for children?',
		help: "Yes for smart toys, children's watches and tablets, baby monitors, or an age marking such as 3+ on the pack."
	}
];

/*
 * What a definite scope answer takes out of the roll-up. Only answers that settle a provision's
 * own condition are here: "no passwords" takes out the password provisions, but not 5.1-4 or
 * 5.1-5, which are about any way of logging in; "cannot be updated" takes out how updates behave,
 * but not 5.3-2, because a device without an update mechanism is exactly what 5.3-2 must catch.
 */
export const scopeRules: ScopeRule[] = [
	{
		question: 'networkConnected',
		answer: 'no',
		frameworks: ['EN303645', 'PSTI', 'CI', 'MOZ', 'UKCOP'],
		because:
			'EN 303 645, the UK PSTI regime and the other checklists cover connectable products only.'
	},
	{
		question: 'pstiExcepted',
		answer: 'yes',
		frameworks: ['PSTI'],
		because:
			'The UK PSTI security requirements do not apply to a product in an excepted category (Regulations Schedule 3).'
	},
	{
		question: 'forChildren',
		answer: 'no',
		frameworks: ['CI'],
		because: 'The Consumers International checklist is for connected products marketed to children.'
	},
	{
		question: 'usesPasswords',
		answer: 'no',
		provisions: [en('5.1-1'), en('5.1-2'), psti('PSTI-1'), cop('CoP-1'), moz('MZ-3')],
		because: 'These provisions apply only where the product or its software uses passwords.'
	},
	{
		question: 'updatable',
		answer: 'no',
		provisions: [
			...['5.3-3', '5.3-4', '5.3-5', '5.3-6', '5.3-7', '5.3-8', '5.3-9', '5.3-10'].map(en),
			...['5.3-11', '5.3-12'].map(en),
			ci('CI-7')
		],
		because:
			'These provisions apply only where the software can be updated; 5.3-2, 5.3-14 and 5.3-15 still ask about a product that cannot be.'
	},
	{
		question: 'updatable',
		answer: 'yes',
		provisions: [en('5.3-14'), en('5.3-15')],
		because: 'These provisions are for constrained devices whose software cannot be updated.'
	},
	{
		question: 'companionApp',
		answer: 'no',
		provisions: [ci('CI-4')],
		because: 'The item is about the mobile apps connected to the product.'
	}
];
