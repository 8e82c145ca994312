import type { ScopeQuestion } from './types';

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
		help: 'Yes only for EV charge points, medical devices, smart meters, vehicles, computers without mobile data (unless made for under-14s), or Northern Ireland supply under EU rules.'
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
