import { ci, cop, en, moz, psti } from './frameworks';
import type { Check, CheckAnswerRef, ProvisionRef, ScopeConditions } from './types';

/*
 * Field checks, reviewed from the crosswalk's proposal (section 6). Rules kept throughout:
 *
 * - One verdict per check, rolled up to every provision the check answers. So a check answers only
 *   provisions for which its pass/fail criteria mean the same thing; where the proposal bundled
 *   separable requirements (a "PARTIAL" verdict), the check is split.
 * - Verdicts are the app's five. "Refer" is for an indication a lab or OPSS must confirm, such as a
 *   generic printed password that setup may still replace (the factory default state is exempt).
 * - Every check applies only to connectable products (networkConnected), so every check allows
 *   "Not applicable" for the product that turns out not to connect.
 * - Steps are unnumbered; the app numbers them.
 * - Each check says what a Pass means: `shows` (something was found) or `screens` (a problem was
 *   looked for and not seen, which reads "No issue seen", never "meets").
 * - Each provision it answers says why, and whether the check answers it directly (with the
 *   provision's other direct checks, as far as a field check can) or only in part, naming what it
 *   leaves out. Only direct answers, all passed, can make a provision read "meets".
 */

function direct(ref: ProvisionRef, why: string): CheckAnswerRef {
	return { ...ref, strength: 'direct', why };
}

function partly(ref: ProvisionRef, why: string, notCovered: string): CheckAnswerRef {
	return { ...ref, strength: 'partial', why, notCovered };
}

/** A goods-in answer from the supplier's evidence: never more than partial. */
function supplied(ref: ProvisionRef, what: string): CheckAnswerRef {
	return partly(
		ref,
		`${what} The supplier's conformance statement or test report speaks to it.`,
		"the device itself: this rests on the supplier's evidence only"
	);
}

/** The steps every supplier-evidence check shares, after its own list of what to ask for. */
const SUPPLIER_STEPS = [
	'In its EN 303 645 conformance statement or test report (from RET-01), find what it says on each of these, and on what evidence.',
	'Choose Pass if each is met with evidence, such as a test result or a description of how; a bare tick does not count.',
	'Choose Refer if any is missing, answered only with a tick or a general claim, or marked not met, naming them in the reason: a recommendation may be left unmet only with a written reason (4-1), for a regulator or lab to weigh.',
	'Choose Inconclusive if the supplier sent no statement or report, saying so in the reason.'
];

const SUPPLIER_EVIDENCE: Check['evidence'] = {
	photo: 'optional',
	minPhotos: 0,
	hint: 'Uploads or photos of the pages of the statement or report you relied on.',
	shows: ['supplier-documents']
};

const NET: ScopeConditions = { networkConnected: 'yes' };
const PASSWORDS: ScopeConditions = { ...NET, usesPasswords: 'yes' };
const UPDATES: ScopeConditions = { ...NET, updatable: 'yes' };
const UK_LAW: ScopeConditions = { ...NET, pstiExcepted: 'no' };
const CHILDREN: ScopeConditions = { ...NET, forChildren: 'yes' };

export const checks: Check[] = [
	// Identification
	{
		id: 'ID-01',
		kind: 'shows',
		title: 'Model designation on the device',
		question: 'Is the model name or number printed clearly on the device itself?',
		why: "Buyers, officers and the maker's support pages all rely on the model designation to tell which product this is, so it must be clearly recognisable on the device.",
		how: [
			'Find the rating or identification label on the device: look underneath, on the back, in the battery bay or under the stand.',
			'Read the brand, the model designation and any hardware version.',
			"Check the model is printed in characters you can read, not only inside a barcode or QR code. A model shown on the device's own screen also counts.",
			'If the device is sealed in its box, use a display unit, or choose Inconclusive and say why.'
		],
		evidence: {
			photo: 'required',
			shows: ['label'],
			minPhotos: 1,
			hint: 'Close-up of the label with the model designation readable; a photo of the whole device helps.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				en('5.3-16'),
				'Reads the model designation on the device itself, which is what 5.3-16 asks.'
			)
		]
	},
	{
		id: 'ID-02',
		kind: 'screens',
		title: 'Same model designation everywhere',
		question: 'Does the model designation match on the device, the packaging and the paperwork?',
		why: 'A mismatch means the statement of compliance, support period or security information you find may belong to a different product. It says nothing on whether the label itself is clear (ID-01).',
		how: [
			'Take the model designation from the device label (ID-01).',
			'Compare it with the packaging, the manual and the statement of compliance, if you have them.',
			'If the device is switched on, compare it with the app\'s "About" or device information screen too.',
			'Small suffix differences such as colour codes are common: note them in the reason.',
			'Choose Refer if the designations point to different products, or if you cannot tell: the documents you found may belong to another product, and the maker or OPSS can settle it.'
		],
		evidence: {
			photo: 'required',
			shows: ['label', 'packaging'],
			minPhotos: 2,
			hint: 'The device label and the packaging panel that shows the model; add the statement or app screen if you compared them.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...UK_LAW },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				psti('PSTI-SOC'),
				'A statement of compliance names the product type it covers; a mismatch puts the statement found in doubt.',
				'whether a statement accompanies the product and what it contains (DOC-01, DOC-02)'
			)
		]
	},

	// Claims and marks: a record for false-claim work, not rolled up.
	{
		id: 'CLM-01',
		kind: 'screens',
		title: 'Security claims and marks',
		question:
			'Does the pack make a security claim or carry a security mark, and does each one check out?',
		why: 'A claim such as "PSTI compliant" or a security label influences buyers. A claim nothing backs up, or a mark the scheme does not list for this model, is a matter for trading standards in its own right.',
		how: [
			'Look on the packaging, the device and the manual for security claims and marks: "secure", "PSTI compliant", "EN 303 645", a Kitemark, IASME, the Singapore or Finnish label, a German IT security label, JC-STAR, the US Cyber Trust Mark.',
			'Photograph each claim and mark.',
			'Where a mark names a scheme with a public register, look the model up in the register when you have a connection, and take a screenshot of the entry or of the search that finds none.',
			'Choose Not applicable if the pack makes no security claim and carries no security mark.',
			'Choose Pass if every claim is backed: each mark is listed for this model, and a "PSTI compliant" claim comes with a statement of compliance (DOC-01).',
			'Choose Fail if a register does not list the model for its mark, or lists a different product.',
			'Choose Refer if you cannot check a claim, such as "secure" with nothing behind it or a mark with no register, and name it in the reason.'
		],
		evidence: {
			photo: 'required',
			shows: ['packaging'],
			minPhotos: 1,
			hint: 'Each claim or mark, readable, and the register entry or search result.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [],
		recordOnly:
			'No framework here has a provision on claims and marks: the finding is recorded in the report for its own sake (false-claim work), not rolled up.'
	},

	// Physical inspection, unpowered
	{
		id: 'PHY-01',
		kind: 'screens',
		title: 'Printed passwords',
		question:
			'Is a password, PIN or Wi-Fi key printed on the device or box, and does it look generic?',
		why: 'A password shared by every unit, such as admin or 12345678, lets anyone who knows the model log in. A printed password can be fine if it is unique or setup replaces it, so this gives an indication to confirm at setup.',
		how: [
			'Look on the device label, the packaging, any card or sticker in the box and the quick-start guide for a password, PIN, Wi-Fi key or "default login".',
			'If none is printed, choose Pass.',
			'If one is printed and looks long and random, choose Pass; PHY-02 compares units.',
			'If it looks generic (admin, password, user, 0000, 1234, 12345678), choose Refer: setup may still replace it, and SET-01 or a lab can confirm.',
			'Choose Fail only if the pack or manual itself says the generic password stays in use after setup.',
			'A PIN used only to pair over Bluetooth (or another link that does not use IP) is not a password under UK law: note it in the reason, but judge it under SET-08, not here.',
			'Never type the password into the reason.'
		],
		evidence: {
			photo: 'required',
			shows: ['label'],
			minPhotos: 1,
			hint: 'The label or card with the password. The app keeps printed credentials hashed or redacted; redact before sharing.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				en('5.1-1'),
				'A generic printed password points to a default shared by every unit.',
				'whether setup replaces a printed password, and passwords that are not printed (SET-01)'
			),
			partly(
				psti('PSTI-1'),
				'A generic printed password points to one that is neither unique nor set by the user.',
				'whether setup replaces it (the factory default state is exempt), and passwords that are not printed (SET-01)'
			),
			partly(
				cop('CoP-1'),
				'A generic printed password points to a shared default.',
				'whether setup replaces it, and resetting to a universal default (SET-01)'
			),
			partly(
				moz('MZ-3'),
				'A generic printed password points to a shared default that setup must replace.',
				'whether setup replaces it, and the strength rules (SET-01, SET-03)'
			)
		]
	},
	{
		id: 'PHY-02',
		kind: 'screens',
		title: 'Passwords differ between units',
		question: 'Do different units of the same model have different printed passwords?',
		why: 'Identical passwords on several units point to a shared default; values that count up one by one point to a pattern attackers can predict.',
		how: [
			'Take at least two units of the same model, ideally three or more from the same batch.',
			"Photograph each unit's password label.",
			'If the values are identical, or differ only by a counting number (…01, …02), choose Refer.',
			'If every value differs with no visible pattern, choose Pass.',
			'With only one unit to hand, choose Inconclusive.'
		],
		evidence: {
			photo: 'required',
			shows: ['label'],
			minPhotos: 2,
			hint: 'One photo per unit showing its password label; the values are stored hashed.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['shop', 'goods-in'],
		answers: [
			partly(
				en('5.1-1'),
				'Identical printed values on several units point to a shared default.',
				'whether setup replaces the printed value (SET-01)'
			),
			partly(
				en('5.1-2'),
				'Values that count up from unit to unit point to a predictable scheme.',
				'other ways the values could be guessed (a lab)'
			),
			partly(
				psti('PSTI-1'),
				'Schedule 1 rules out shared passwords and passwords based on incremental counters.',
				'whether setup replaces the printed value (SET-01)'
			),
			partly(
				cop('CoP-1'),
				'Identical printed values point to a shared default.',
				'whether setup replaces the printed value (SET-01)'
			)
		]
	},
	{
		id: 'PHY-03',
		kind: 'screens',
		title: 'Password built from public details',
		question:
			'Is the printed password made from details anyone can see, such as the serial number or MAC address?',
		why: 'A password worked out from identifiers printed on the box, or broadcast by the device, can be worked out for every unit. EN 303 645 and the UK law both rule this out.',
		how: [
			'Find the label that shows the password alongside the serial number, MAC address, Wi-Fi network name and model.',
			'Compare the password with each: look for the same run of digits or letters, the end of the MAC address or serial, or the model name.',
			'If the password contains or repeats any of them, choose Refer.',
			'If it shares nothing with them, choose Pass.',
			'If no password is printed at all, choose Not applicable and say so.'
		],
		evidence: {
			photo: 'required',
			shows: ['label'],
			minPhotos: 1,
			hint: 'The label with the password and the identifiers together; redact the password before sharing.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				en('5.1-2'),
				'A password built from the serial, MAC address or Wi-Fi name can be worked out for every unit.',
				'counters and other guessable schemes (PHY-02, a lab)'
			),
			partly(
				psti('PSTI-1'),
				'Schedule 1 rules out passwords based on public information or product identifiers.',
				'whether passwords are unique or set by the user after setup (SET-01)'
			)
		]
	},
	{
		id: 'PHY-04',
		kind: 'screens',
		title: 'Connectors within reach',
		question:
			'Can you reach any connector or contact without opening the case that the product does not need for everyday use?',
		why: 'Every exposed port is a possible way in. Ports for power or charging are expected; spare sockets, pins or test pads reachable without tools deserve a closer look.',
		how: [
			'Without tools, look all over the device, including under covers that open by hand, in the battery bay and through vents.',
			'List each connector: USB (which type), power, network, memory card, audio, rows of pins, gold pads.',
			'For each, check whether the manual explains what it is for.',
			'Choose Pass if every connector you can reach has an obvious everyday use.',
			'Choose Refer if something unexplained is reachable, such as pins, pads or a second USB socket.',
			'Do not open the case or break any seal.'
		],
		evidence: {
			photo: 'required',
			shows: ['device'],
			minPhotos: 1,
			hint: "Each connector close enough to read its markings; with none, one photo of the device's sides."
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				en('5.6-3'),
				'A reachable connector with no everyday use is a physical interface exposed without need.',
				'radio interfaces (SET-08, SET-25) and what a connector gives access to (a lab)'
			),
			partly(
				cop('CoP-6'),
				'Exposed hardware, one part of a small attack surface.',
				'least privilege, closed network ports and minimal code (a lab or the supplier)'
			)
		]
	},
	{
		id: 'PHY-05',
		kind: 'screens',
		title: 'Debug port within reach',
		question:
			'Is there a debug or service port you could use with an ordinary cable, without opening the case?',
		why: 'A working debug port can give full control of the device. A reachable debug interface must be switched off in software; only a lab can test that, so finding one is a reason to refer.',
		how: [
			'Using what you found in PHY-04, look for markings such as UART, TX, RX, GND, JTAG, SWD, DEBUG or SERVICE, a row of 3 to 10 pins, or a USB socket the manual calls a service port or does not explain.',
			'Count it only if a standard cable would fit without opening the case; ports that need probes or clips do not count.',
			'If you find none, choose Pass.',
			'If you find one, photograph it and choose Refer, so a lab can check that it is disabled.',
			'If you cannot see the device properly, for example it is sealed in its box, choose Inconclusive.'
		],
		evidence: {
			photo: 'optional',
			shows: ['device'],
			minPhotos: 0,
			hint: 'Any port you refer, with its markings readable.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				en('5.6-4'),
				'Finds a debug interface reachable with a standard cable, the condition of 5.6-4; a lab checks that it is disabled.'
			),
			partly(
				cop('CoP-6'),
				'Exposed hardware, one part of a small attack surface.',
				'least privilege, closed network ports and minimal code (a lab or the supplier)'
			)
		]
	},
	{
		id: 'PHY-06',
		kind: 'shows',
		title: 'A way to wipe the device',
		question:
			'Is there a simple way to wipe the device, such as a reset button or a reset described in the manual?',
		why: 'Owners need to remove their data before selling, returning or throwing a device away, so there must be a simple way to erase it.',
		how: [
			'Look for a reset button or pinhole on the device.',
			"Look in the quick-start guide, the manual or the maker's help pages for how to reset to factory settings or erase data.",
			'Choose Pass if there is a reset control or a described reset that an ordinary user could follow.',
			'Choose Fail if you can find neither.',
			'Choose Not applicable only if the device keeps no user data at all (no account, Wi-Fi details, recordings or settings), and say how you know.'
		],
		evidence: {
			photo: 'optional',
			shows: ['device', 'packaging'],
			minPhotos: 0,
			hint: 'The reset button or pinhole, and the manual page that describes the reset.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				en('5.11-1'),
				'A reset control or a described reset is the way to erase user data.',
				'whether the reset really erases the user data (SET-17)'
			),
			partly(
				cop('CoP-11'),
				'A way to wipe the device, one part of easy deletion.',
				"whether the reset erases the data (SET-17), data on the maker's services (SET-18)"
			)
		]
	},

	// Published information and documents
	{
		id: 'DOC-01',
		kind: 'shows',
		title: 'Statement of compliance with the product',
		question: 'Does a statement of compliance, or a link to one, come with the product?',
		why: 'UK law does not allow a connectable product to be made available without a statement of compliance, and importers and retailers must make sure it accompanies the product.',
		how: [
			'Look on the packaging, on any leaflet in the box and in the manual for a statement of compliance, a summary statement, or a web link or QR code to one.',
			'Follow any link or QR code and check it opens a statement for this product.',
			'A "PSTI compliant" claim or a security mark on the box is not a statement: photograph it, but keep looking.',
			'If the box is sealed and nothing shows on the outside, choose Inconclusive and note that a test purchase would settle it.',
			'Choose Fail if you have the whole package and find neither a statement nor a link.'
		],
		evidence: {
			photo: 'required',
			shows: ['packaging'],
			minPhotos: 1,
			hint: 'The statement or the link/QR code, and a screenshot of the page it opens.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...UK_LAW },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				psti('PSTI-SOC'),
				'Finds the statement of compliance, or a link to it, with the product (Act section 9).'
			)
		]
	},
	{
		id: 'DOC-02',
		kind: 'shows',
		title: 'What the statement of compliance says',
		question: 'Does the statement of compliance contain everything it should?',
		why: "A statement without the support period, the manufacturer's details or a signature cannot do its job, and is an indication worth referring to OPSS.",
		how: [
			'Open the statement found in DOC-01.',
			"Tick off: product type and batch; manufacturer's name and address; that it was prepared by or for the manufacturer; that in the manufacturer's opinion the security requirements are met; the support period with its end date; signatory's name, role and signature; place and date of issue.",
			'Check the product type matches the model on the device.',
			'Choose Pass if everything is there, or Fail and list what is missing in the reason.',
			'This list comes from summaries of Schedule 4 still to be checked against the Regulations: if the only gap is an item you are unsure is required, choose Refer.'
		],
		evidence: {
			photo: 'required',
			shows: ['packaging'],
			minPhotos: 1,
			hint: 'Every page of the statement, readable.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...UK_LAW },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				psti('PSTI-SOC'),
				"Ticks the statement's contents against the Schedule 4 list (a list not yet verified against the text)."
			)
		]
	},
	{
		id: 'DOC-03',
		kind: 'shows',
		title: 'Support period with an end date',
		question: 'Is the support period for security updates given with a clear end date?',
		why: 'UK law defines the support period as a minimum time with an end date. "Lifetime" or "two years from purchase" does not tell a buyer when updates stop.',
		how: [
			"Find the support period on the packaging, in the statement of compliance or on the maker's website (DOC-06).",
			'Check it names an end date, for example "security updates until 31 December 2029".',
			'Choose Fail if it says "lifetime" or "as long as reasonable", counts from an unknown event such as purchase or first use, or no support period can be found at all.',
			'Choose Refer if the end date has already passed: the product may be on sale without security updates.',
			'If you have only the packaging and it gives no period, choose Inconclusive until you have done DOC-06.',
			'Say in the reason where you found it.'
		],
		evidence: {
			photo: 'required',
			shows: ['packaging', 'maker-site'],
			minPhotos: 1,
			hint: 'The text that gives the support period, with the end date readable.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...UK_LAW },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				psti('PSTI-3'),
				'The defined support period must be a period with an end date (regulation 2).'
			)
		]
	},
	{
		id: 'DOC-04',
		kind: 'shows',
		title: "Support period on the maker's own shop",
		question:
			'If the maker sells this product on its own website, does the product page show the support period?',
		why: 'Where a manufacturer invites people to buy on its own website, UK law wants the support period shown alongside the main product details. Other retailers do not have to show it.',
		how: [
			"Search the maker's website for the model designation.",
			'If the maker does not sell it directly (no price or buy button), choose Not applicable.',
			'On the product page, look for the support period near the price and main details.',
			'Choose Pass if it is there and Fail if it is not; choose Refer if it is only behind a separate link or download.',
			'Take a screenshot with the web address visible.'
		],
		evidence: {
			photo: 'required',
			shows: ['maker-site'],
			minPhotos: 1,
			hint: 'Screenshot of the product page with the web address and the support period (or where it should be).'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...UK_LAW },
		contexts: ['shop', 'goods-in'],
		answers: [
			direct(
				psti('PSTI-3'),
				'Where the maker invites purchase on its own website, the period must appear with the main product details.'
			)
		]
	},
	{
		id: 'DOC-05',
		kind: 'shows',
		title: 'At least three more years of updates',
		question: 'Will security updates continue for at least three more years from today?',
		why: 'The Consumers International retailer checklist asks for security updates for at least three years from sale; a shorter horizon is worth raising with the supplier.',
		how: [
			'Take the end date found in DOC-03.',
			'Count the months from today to that date.',
			'Choose Pass if 36 months or more remain, Fail if fewer.',
			'Choose Inconclusive if there is no end date to count from.'
		],
		evidence: {
			photo: 'none',
			shows: [],
			minPhotos: 0,
			hint: 'No photo needed: the end date and its evidence come from DOC-03.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...CHILDREN },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				ci('CI-8'),
				"Counts the months left to the published end date against the checklist's three years."
			)
		]
	},
	{
		id: 'DOC-06',
		kind: 'shows',
		title: "Support period on the maker's website",
		question:
			"Can you find the support period for this model on the maker's website without signing in?",
		why: 'The manufacturer must publish how long it will provide security updates, for the device and for any app it makes for it, where anyone can find and understand it.',
		how: [
			'Search the web for the brand and model designation with "support period" or "security updates".',
			"Open the maker's page that gives the support period for this model.",
			'Check you did not have to create an account, give personal details or pay, and that the page is in English and understandable without technical knowledge.',
			'Check whether it also covers the companion app, if there is one.',
			'Choose Pass if all of this holds; Fail if there is no support period or it sits behind a sign-in, form or fee; Refer if it leaves out the app; Inconclusive if you have no connection.'
		],
		evidence: {
			photo: 'required',
			shows: ['maker-site'],
			minPhotos: 1,
			hint: 'Screenshot of the page with the support period and the web address, and of any sign-in or form you hit.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				en('5.3-13'),
				'Finds the published support period as a buyer would, without signing in.'
			),
			direct(
				psti('PSTI-3'),
				'Publication, access conditions and companion software, as Schedule 1 paragraph 3 asks.'
			),
			partly(
				cop('CoP-3'),
				'The end-of-life policy with its minimum update period.',
				'the reasons for the period, timely updates and how updating works (setup checks)'
			)
		]
	},
	{
		id: 'DOC-07',
		kind: 'shows',
		title: 'How to report a security problem',
		question:
			'Does the maker publish how to report a security problem, and when you will hear back?',
		why: 'People who find a flaw need a way to tell the maker. A published contact, with timelines for an acknowledgement and for updates, is required by EN 303 645 and by UK law.',
		how: [
			'Look on the packaging, the statement of compliance and the maker\'s website for a "security", "vulnerability disclosure" or "report a vulnerability" page. Also try the website address followed by /.well-known/security.txt.',
			'Check the page gives at least one way to get in touch, such as an email address or a web form.',
			'Check it says when you will get an acknowledgement and that you will get status updates until the problem is resolved; a rough time such as "within 7 days" is enough.',
			'Check you could read it without an account, without paying and in English.',
			'Choose Pass if all of this holds; Fail if the contact or the timelines are missing or the page is behind a sign-in; Inconclusive if you have no connection.'
		],
		evidence: {
			photo: 'required',
			shows: ['maker-site'],
			minPhotos: 1,
			hint: 'Screenshot of the page with the contact and the timelines, and the web address.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(
				en('5.2-1'),
				'Finds the published policy with a contact and the acknowledgement and status-update timelines.'
			),
			direct(
				psti('PSTI-2'),
				'Finds the contact point and timelines Schedule 1 paragraph 2 asks for, free and without asking.'
			),
			partly(
				cop('CoP-2'),
				'The public contact for reports.',
				'whether reports are acted on in a timely manner (DOC-09)'
			),
			partly(
				moz('MZ-4'),
				'The contact point for reports.',
				'the internal process that fixes vulnerabilities (DOC-09)'
			),
			direct(ci('CI-3'), 'The first sub-question: a published disclosure programme with a contact.')
		]
	},
	{
		id: 'DOC-09',
		kind: 'shows',
		title: 'Security fixes in practice',
		question: 'Is there evidence that the maker fixes reported security problems promptly?',
		why: 'A policy only helps if problems get fixed. Security advisories and dated release notes show that reports are acted on; a promise to fix is not evidence that fixes came.',
		how: [
			"On the maker's website, look for security advisories, release notes or a changelog that mention security fixes, with dates.",
			'Search the web for the brand and model with "vulnerability" to see whether a known problem has gone unfixed.',
			'Choose Pass if you find dated security fixes for this model or its software.',
			"A stated fix target on its own is not a fix: for a children's product record it under DOC-18, and here choose Inconclusive if there is nothing else.",
			'Choose Refer if a publicly known security problem in this model has stayed unfixed for more than 90 days.',
			'Choose Inconclusive if you find nothing either way; a new product may simply have no history yet.'
		],
		evidence: {
			photo: 'optional',
			shows: ['maker-site'],
			minPhotos: 0,
			hint: 'Screenshots of advisories, release notes or the fix commitment, with dates.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.2-2'),
				'Dated fixes show reported problems being dealt with.',
				'whether each report was dealt with without undue delay'
			),
			partly(
				en('5.2-3'),
				'Fixes over time show the maker keeps looking for weaknesses.',
				'the continuous watch itself, which release notes cannot show'
			),
			partly(
				en('5.3-8'),
				'Dated security updates show that updates are made available.',
				'whether each one was made available promptly'
			),
			partly(
				moz('MZ-4'),
				'Fixes in practice, the outcome of vulnerability management.',
				'the internal process itself'
			),
			partly(
				cop('CoP-2'),
				'Acting on reports, shown by dated fixes.',
				'whether each report was acted on in a timely manner'
			)
		]
	},
	{
		id: 'DOC-10',
		kind: 'shows',
		title: 'Privacy information',
		question:
			'Can you find clear privacy information that says what data the product and its app collect, who gets it and why?',
		why: 'People should be able to find out, before they buy, what personal data a connected product collects and who it is shared with, advertisers and other third parties included.',
		how: [
			"Find the privacy notice through the packaging (web address or QR code), the maker's website or the app-store listing. Note whether a buyer could find it before buying.",
			"Check it covers the device and its app or online service, not just the maker's website.",
			'Check it says what personal data is collected, how it is used, who receives it (third parties such as advertisers included) and why.',
			'Check it is written in plain language.',
			'Choose Pass if all of these hold, Fail if any is missing, and Inconclusive if you could not reach it.'
		],
		evidence: {
			photo: 'required',
			shows: ['privacy-notice'],
			minPhotos: 1,
			hint: 'Screenshots of the privacy notice showing what is collected and who receives it, with the web address.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(en('6-1'), 'Finds what personal data is processed, how, by whom and why.'),
			partly(
				cop('CoP-8'),
				'Transparency about personal data, one part of protecting it.',
				'valid consent (SET-13) and handling in line with data protection law'
			),
			direct(
				moz('MZ-5'),
				'A privacy policy that is easy to find, in plain language, before buying.'
			),
			partly(
				ci('CI-13'),
				'Sub-question 1: accessible, plain privacy information.',
				'notice of changes, opt-in consent, deletion and retention (DOC-17, SET-13, SET-18)'
			)
		]
	},
	{
		id: 'DOC-11',
		kind: 'screens',
		title: 'Sensors described',
		question:
			'Are all the sensors you can see on the device, such as a camera or microphone, described in the product information?',
		why: 'People need to know whether a product can see, hear or track them, so every sensing capability must be documented clearly.',
		how: [
			'Look over the device for a camera lens, microphone holes, a motion-sensor window or other sensors, and check the pack for claims such as GPS or voice control.',
			'Read the packaging, the manual or the product page for the list of sensors.',
			'Choose Pass if everything you found is described.',
			"Choose Fail if a sensor you can see is described neither on the packaging nor in the manual or on the maker's product page.",
			'If you have only the packaging and it leaves a sensor out, choose Inconclusive: the manual or product page may describe it.',
			'Choose Refer if something looks like a sensor but you cannot tell what it is.'
		],
		evidence: {
			photo: 'required',
			shows: ['device', 'packaging'],
			minPhotos: 1,
			hint: 'The sensor on the device, and the page that describes it or should.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				en('5.8-3'),
				'A sensor you can see that the product information leaves out is an undocumented sensor.',
				'sensors that cannot be seen from the outside'
			),
			partly(
				cop('CoP-8'),
				'Sensors documented, part of transparency about personal data.',
				'how the data is used, consent and its protection (DOC-10, SET-13)'
			)
		]
	},
	{
		id: 'DOC-12',
		kind: 'shows',
		title: 'Secure setup guidance',
		question: 'Does the maker explain how to set the product up securely?',
		why: 'Clear guidance helps people avoid insecure choices during setup, such as skipping a password or turning on remote access they do not need.',
		how: [
			'Read the quick-start guide, the manual or the setup help in the app.',
			'Look for advice on the security choices setup involves: the password, updates, remote access, sharing and privacy settings.',
			'Choose Pass if the guidance covers the security choices setup asks you to make, and Fail if there is none.'
		],
		evidence: {
			photo: 'optional',
			shows: ['packaging', 'app'],
			minPhotos: 0,
			hint: 'The pages or screens that give the guidance.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(en('5.12-2'), 'Finds guidance on the security choices setup asks for.'),
			partly(
				cop('CoP-12'),
				'Secure-setup guidance, one part of easy installation.',
				'how few and safe the setup decisions are (SET-19)'
			)
		]
	},
	{
		id: 'DOC-13',
		kind: 'shows',
		title: 'Product that cannot be updated',
		question:
			'As the product cannot be updated, does the maker explain why, and how long it will support replacing the hardware?',
		why: 'A product that never gets security fixes has to be replaced when a flaw is found; buyers need to know that, and for how long the maker will help.',
		how: [
			"Check the maker's website and documents for a statement that the product's software cannot be updated.",
			'Look for the reason, how long and how the maker supports replacing the hardware, and a support period.',
			'Choose Pass if all three are published, and Fail if any is missing.'
		],
		evidence: {
			photo: 'optional',
			shows: ['maker-site'],
			minPhotos: 0,
			hint: 'Screenshots of the statement, with the web address.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET, updatable: 'no' },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(
				en('5.3-14'),
				'Finds the reason, the hardware replacement support and the support period published.'
			),
			partly(
				cop('CoP-3'),
				'Non-updatable products explained, one part of CoP-3.',
				'whether the device can be isolated and replaced'
			)
		]
	},
	{
		id: 'DOC-14',
		kind: 'screens',
		title: 'Companion app upkeep',
		question: 'Is the companion app published by the maker and kept up to date?',
		why: "The app is part of the product's security. An app left without updates for a long time, or one that asks for more than it needs, is a warning sign.",
		how: [
			"Find the app in the official app store, from the packaging or the maker's website.",
			'Check the developer name matches the brand, the manufacturer or a partner the maker names.',
			'Note the date of the last update.',
			'Check the permissions it asks for fit what the product does; a smart plug has no need for your contacts.',
			'Choose Pass if all of this looks right; Refer if it has not been updated for over a year, the developer is unrelated, or the permissions look excessive.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of the store listing: developer, last update and permissions.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...CHILDREN, companionApp: 'yes' },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				ci('CI-4'),
				'A stale, unrelated or over-demanding app is a warning sign about the app procedures CI-4 asks for.',
				"the supplier's procedures for OWASP mobile risks (RET-03)"
			)
		]
	},
	{
		id: 'DOC-15',
		kind: 'shows',
		title: 'Instructions for deleting your data',
		question: 'Does the maker explain how to delete your personal data?',
		why: "Before selling, returning or throwing away a device, people need to know how to wipe it and remove their data from the maker's services.",
		how: [
			"Look in the manual, the app's help and the maker's support pages for how to delete personal data, reset the device and close the account.",
			'Check the steps are clear enough for someone without technical knowledge.',
			'Choose Pass if clear instructions exist, and Fail if there are none or they are too vague to follow.'
		],
		evidence: {
			photo: 'optional',
			shows: ['privacy-notice', 'app'],
			minPhotos: 0,
			hint: 'The page or screen with the instructions.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('5.11-3'), 'Finds clear instructions for deleting personal data.'),
			direct(cop('CoP-11'), 'The clear instructions CoP-11 asks for.')
		]
	},
	{
		id: 'DOC-16',
		kind: 'shows',
		title: 'Guidance to check the setup',
		question: 'Does the maker tell you how to check that the product is set up securely?',
		why: 'A way to review the security settings after setup, such as a checklist or a security status screen, lets owners spot mistakes later.',
		how: [
			"Look in the manual, the app and the maker's help pages for a checklist or status screen that shows whether the security settings are right.",
			'Choose Pass if there is one an ordinary user could follow, and Fail if there is none.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app', 'packaging'],
			minPhotos: 0,
			hint: 'The checklist or status screen.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [direct(en('5.12-3'), 'Finds guidance on checking that the setup is secure.')]
	},
	{
		id: 'DOC-17',
		kind: 'shows',
		title: 'Data retention and policy changes',
		question:
			'Does the privacy information say how long data is kept, and how you will be told about changes?',
		why: 'Consumers International and Mozilla ask for set retention periods and advance notice of changes, so people are not surprised by how long their data lives or by new terms.',
		how: [
			'In the privacy notice found in DOC-10, look for how long each kind of data is kept, or when it is deleted automatically.',
			'Look for how users are told about changes to the privacy policy or terms, and whether they can withdraw if they disagree.',
			'Choose Pass if both are covered, and Fail if either is missing.'
		],
		evidence: {
			photo: 'optional',
			shows: ['privacy-notice'],
			minPhotos: 0,
			hint: 'The passages on retention and on changes.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				ci('CI-13'),
				'Sub-questions 2 and 5: notice of changes and a retention period.',
				'whether data is really erased after the period, and the other sub-questions'
			),
			direct(moz('MZ-5'), 'Notice of substantial changes and set retention periods.')
		]
	},

	{
		id: 'DOC-18',
		kind: 'shows',
		title: 'A stated time to fix',
		question:
			'Does the maker commit to fixing reported security flaws within a stated time, no longer than 90 days?',
		why: "The CI checklist asks retailers of children's products for a vendor commitment to fix, within 90 days of a report, flaws that leave user data exposed. A commitment is not evidence that fixes come (DOC-09).",
		how: [
			'Read the vulnerability disclosure page found in DOC-07, the security policy and any security advisories.',
			'Look for a stated time to fix reported flaws, such as "within 90 days".',
			'Choose Pass if the maker commits to fixing within 90 days or less, and note the time in the reason.',
			'Choose Fail if there is no commitment, or the stated time is longer than 90 days.'
		],
		evidence: {
			photo: 'optional',
			shows: ['maker-site'],
			minPhotos: 0,
			hint: 'Screenshot of the passage with the commitment, and the web address.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...CHILDREN },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			direct(ci('CI-3'), 'The second sub-question: a commitment to fix within 90 days of a report.')
		]
	},
	{
		id: 'DOC-19',
		kind: 'shows',
		title: 'Usage data watched for security problems',
		question:
			'Does the maker say that the usage data it collects is examined for signs of security problems?',
		why: 'Usage and measurement data can show an attack early, such as many devices failing logins at once. Only the maker can watch it; what the maker or supplier states is the field indication.',
		how: [
			"Read the maker's security and privacy pages, the supplier's documents (at goods-in) and the telemetry explanation found in SET-15.",
			'Look for a statement that usage or diagnostic data is monitored for anomalies or security problems.',
			'Choose Pass if it is stated, and note where; Fail if the maker states it is not examined; Inconclusive if nothing says either way.',
			'Choose Not applicable if the maker states that no usage data is collected.'
		],
		evidence: {
			photo: 'optional',
			shows: ['privacy-notice'],
			minPhotos: 0,
			hint: 'Screenshot of the statement, with the web address or document name.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.10-1'),
				'The maker states that telemetry is examined for security anomalies.',
				"the monitoring itself, which only the maker's records can show"
			),
			partly(
				cop('CoP-10'),
				'The maker states that telemetry is monitored for anomalies.',
				"the monitoring itself, which only the maker's records can show"
			)
		]
	},

	// Children's products
	{
		id: 'CHD-01',
		kind: 'shows',
		title: 'Privacy information a family can follow',
		question: 'Is the privacy information written so that a child, or their parent, can follow it?',
		why: 'Products for children should explain data use at a level their users understand; the CI checklist and the Mozilla guidelines both ask for language suited to the person using the product.',
		how: [
			'Open the privacy information found in DOC-10.',
			'Look for a version or summary for children or parents, in short sentences without legal jargon.',
			"Check it says plainly whether the child's voice, pictures, location or messages are collected, and who sees them.",
			'Choose Pass if a parent could explain it to the child from what is written, and Fail if there is only dense legal text.'
		],
		evidence: {
			photo: 'optional',
			shows: ['privacy-notice'],
			minPhotos: 0,
			hint: 'The child or parent summary, or the opening of the notice if there is none.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...CHILDREN },
		contexts: ['shop', 'goods-in', 'home'],
		answers: [
			partly(
				ci('CI-13'),
				"Sub-question 1 for a child's product: privacy information the family can follow.",
				'notice of changes, opt-in consent, deletion and retention'
			),
			partly(
				moz('MZ-5'),
				'Language suited to the person using the product.',
				'change notice, opt-out, deletion and retention (DOC-17, SET-13, SET-18)'
			)
		]
	},
	{
		id: 'CHD-02',
		kind: 'shows',
		title: "Account protection for a child's product",
		question:
			'Does the account keep the child safe without relying on the child to choose a strong password?',
		why: "Children cannot be expected to manage strong passwords. The CI checklist asks for sign-in that suits the user's age, for example a parent's account that controls the child's profile.",
		how: [
			'Set up the account as a parent would.',
			'Note who creates and holds the account: the parent or the child.',
			"Check the parent's account is protected by its own strong password or another sign-in method.",
			'Check whether the child can change security settings, add contacts or link other accounts without the parent.',
			'Choose Pass if a parent holds the account and approves those changes; Fail if the child holds the only sign-in or can make those changes alone.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of account creation and the parental controls.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...CHILDREN, companionApp: 'yes' },
		contexts: ['goods-in', 'home'],
		answers: [direct(ci('CI-2'), "Sub-question 2: sign-in that allows for the user's age.")]
	},
	{
		id: 'CHD-03',
		kind: 'shows',
		title: "A parent agrees to the child's data use",
		question: "Is a parent asked to agree before the child's data is collected or shared?",
		why: "Where a child's data is used on the basis of consent, a parent should give it for a young child; the CI checklist also asks for opt-in consent for collecting, sharing and marketing.",
		how: [
			'During setup, note who is asked to agree to data collection: the parent or the child.',
			"Check the request goes to the parent, for example through the parent's account or a parental check.",
			'Check that extras not needed for the product to work (marketing, sharing, analytics) stay off unless the parent turns them on.',
			'Note the age the product is made for (from the pack or the listing) in the reason.',
			'Choose Pass if the parent agrees and extras are off by default; Fail if extras are already ticked.',
			"Choose Refer if the child is asked to agree: whether a child's own consent counts depends on the child's age and on the law (in the UK, 13 for online services, a figure still to be checked), so give the age in the reason."
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of each consent request.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...CHILDREN },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('6-2'),
				'Who is asked to agree, and whether extras start off, decide whether consent is valid.',
				'whether the law lets a child of that age consent (for the regulator)'
			),
			partly(
				ci('CI-13'),
				"Sub-question 3: opt-in consent for a child's data.",
				'the other sub-questions (DOC-10, DOC-17, SET-18)'
			),
			partly(
				cop('CoP-8'),
				'Valid consent, one part of protecting personal data.',
				'transparency and handling in line with data protection law'
			)
		]
	},

	// Setup and use, powered
	{
		id: 'SET-01',
		kind: 'shows',
		title: 'Password at first setup',
		question: 'Does setup make you choose a password, or use one that is unique to this unit?',
		why: 'If a shared default password still works after setup, anyone who knows the model can log in. This is the heart of EN 303 645 5.1-1 and the first UK security requirement.',
		how: [
			'Set the product up as the maker describes, taking a screenshot of each step.',
			'Note every password or PIN involved: device login, local web page, app account.',
			'Check setup makes you set your own password, or uses one unique to this unit, and that you cannot skip the step and carry on with a default.',
			'After setup, try the default password from the label or manual, if there is one: it should no longer work.',
			'Choose Pass if every password is your own or unique; Fail if a shared default still works after setup; Not applicable if nothing uses a password (for example Bluetooth pairing through an app only).'
		],
		evidence: {
			photo: 'required',
			shows: ['app'],
			minPhotos: 1,
			hint: 'Screenshots of the password step, and of the default being refused after setup.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(
				en('5.1-1'),
				'Setup makes you choose a password or uses one unique to the unit, and the default stops working: the heart of 5.1-1.'
			),
			direct(
				psti('PSTI-1'),
				'Shows whether passwords outside the factory default state are unique or set by the user.'
			),
			partly(
				cop('CoP-1'),
				'Unique or user-set passwords after setup.',
				'whether a factory reset brings back a default shared by every unit'
			),
			direct(moz('MZ-3'), 'Shows the shared default is replaced during first setup.'),
			direct(ci('CI-2'), 'Shows an account or device password must be set at first use.')
		],
		clears: {
			checks: ['PHY-01', 'PHY-02'],
			why: 'A printed or shared default is an indication only because setup may replace it (the factory default state is exempt); a setup that forces a new password and refuses the default settles it.'
		}
	},
	{
		id: 'SET-02',
		kind: 'screens',
		title: 'Common default logins refused',
		question: 'Does the device refuse common default logins such as admin with admin?',
		why: 'Attackers try a short list of factory logins on every device they find. If one works, the device is open to anyone on the network.',
		how: [
			'Do this only on a unit you own or are authorised to test.',
			"Find the device's own login: a local web page (its address is in your router's list of devices or in the app) or a local login in the app.",
			'Try, one at a time: admin with admin; admin with no password; admin with password; root with root.',
			'Stop at the first one that works.',
			'Choose Pass if all are refused, Fail if one logs in, and Not applicable if the device has no login of its own.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the login page and of the result.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.1-1'),
				'A common factory login that still works is a shared default.',
				'passwords other than the four tried (SET-01)'
			),
			partly(
				psti('PSTI-1'),
				'A common factory login that still works is neither unique nor set by the user.',
				'passwords other than the four tried (SET-01)'
			),
			partly(
				cop('CoP-1'),
				'A common factory login that still works is a shared default.',
				'passwords other than the four tried (SET-01)'
			),
			partly(
				moz('MZ-3'),
				'A common factory login that still works is a shared default.',
				'passwords other than the four tried, and the strength rules (SET-01, SET-03)'
			)
		]
	},
	{
		id: 'SET-03',
		kind: 'shows',
		title: 'Weak passwords refused',
		question: 'Does the product refuse weak passwords when you create one?',
		why: 'The Mozilla guidelines and the CI checklist ask for password strength rules, so that nobody can pick 1234 or password.',
		how: [
			'When creating a device or app password, try 1234, then password.',
			'Note any minimum length, character mix or blocklist, and whether a strength indicator is shown.',
			'Choose Pass if weak passwords are refused, and Fail if 1234 or password is accepted.',
			'Change any weak password you managed to set before carrying on.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the password rules or of a weak password being accepted.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(moz('MZ-3'), 'Shows whether the product insists on strong passwords.'),
			direct(ci('CI-2'), 'Shows whether a strong password is required when the account is created.')
		]
	},
	{
		id: 'SET-04',
		kind: 'shows',
		title: 'Changing the password',
		question: 'Can you change the password in a simple way?',
		why: 'Owners need to change a password when it may have leaked or when the device changes hands, so there must be a simple way to do it.',
		how: [
			'Find how the manual or app says to change the device or account password, and change it that way.',
			'Check the old password no longer works and the new one does.',
			'Note whether you had to enter the old password first.',
			'Choose Pass if the change worked in a few clear steps, and Fail if there is no way to change it or the old one still works.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of the change screen and of the old password being refused.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(
				en('5.1-4'),
				'Changes the password the documented way and checks the old one stops working.'
			)
		]
	},
	{
		id: 'SET-05',
		kind: 'shows',
		title: 'Password guessing slowed down',
		question: 'After several wrong passwords, does the product slow you down or lock you out?',
		why: 'Without a limit, a program can guess passwords very quickly. This field test is only an indication; a lab tests the network interfaces properly.',
		how: [
			"On the device's own login (local web page or app login), enter a wrong password about 10 times.",
			'Watch for growing delays, a temporary lock, a puzzle to solve or a second-step code.',
			'Then log in with the right password to make sure you are not locked out for good.',
			'Choose Pass if guessing was slowed or stopped; Refer if ten quick wrong attempts met no resistance; Not applicable if there is no password login.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot or short screen recording of the attempts.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...PASSWORDS },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.1-5'),
				'Ten quick wrong attempts on one login show whether guessing is slowed down.',
				'the other network interfaces, and the full test (a lab, TS 103 701)'
			)
		]
	},
	{
		id: 'SET-06',
		kind: 'shows',
		title: 'Settings need a login',
		question:
			"Does the device's local settings page or app ask you to log in before anything can be changed?",
		why: 'If anyone on the same network can change security settings without logging in, a visitor or another compromised device can take it over.',
		how: [
			"Find the device's local address in your router's list of devices or in the app's device information.",
			'Open it in a browser on a phone or computer that has never logged in to the device.',
			'Try to reach the settings: network, password, remote access or updates.',
			'Choose Pass if a login is needed first; Fail if you can change settings without one; Not applicable if there is no local page or local control at all.',
			'Note in the reason anything you could see without logging in.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of what the local page shows before logging in.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('5.5-5'), 'Tries to change settings on the local page without logging in.'),
			partly(
				en('5.5-4'),
				'The local settings page is one network function that should need a login.',
				'other functions and interfaces reachable over the network (a lab)'
			)
		]
	},
	{
		id: 'SET-07',
		kind: 'screens',
		title: 'Secure connections',
		question:
			'Do the login pages for the device, the app and the online account use a secure (https) connection?',
		why: 'Passwords and personal data sent without encryption can be read on the way. The padlock is only an indication; a lab capture shows everything the device sends.',
		how: [
			"Open the device's local page, if it has one, and the maker's online account login in a browser.",
			'Check the address starts with https and the browser shows no certificate warning.',
			'Check no page asks for a password over plain http.',
			"Choose Pass if every login uses https without warnings; Fail if a password is asked for over plain http; Refer if you see certificate warnings or want a lab to look at the device's own traffic."
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of the address bar on each login page.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.5-1'),
				'A password form over plain http, or a certificate warning, is evidence of unprotected communication.',
				"the device's own traffic beyond its login pages (a lab capture)"
			),
			partly(
				en('5.8-1'),
				'Personal data typed into a plain http page is sent unprotected.',
				'personal data sent outside the login pages (a lab capture)'
			),
			partly(
				moz('MZ-1'),
				"The login pages are some of the product's communications.",
				'every other communication of the device (a lab capture)'
			),
			partly(
				ci('CI-10'),
				'Encryption in transit on the login pages.',
				'encryption at rest, and traffic beyond the login pages'
			),
			partly(
				cop('CoP-5'),
				'Encryption in transit on the login pages.',
				"key management and the device's other traffic (a lab)"
			)
		]
	},
	{
		id: 'SET-08',
		kind: 'shows',
		title: 'Bluetooth pairing',
		question: 'Does Bluetooth pairing need you to act, and does it stop after a short time?',
		why: 'A device that anyone nearby can pair with at any time, or with a fixed code such as 0000, leaves its Bluetooth link open to a stranger. (UK law does not count a Bluetooth pairing code as a password, so this bears on EN 303 645, not PSTI.)',
		how: [
			'Put the device into pairing mode as the manual says, and pair your phone.',
			'Check pairing needed an action on the device or in the app, such as a button press or a code shown on screen.',
			'Note any fixed PIN such as 0000 or 1234.',
			'Wait five minutes, then try to pair a second phone without touching the device.',
			'Choose Pass if pairing needs an action and closes by itself; Fail if anyone can pair at any time or a fixed code is used; Not applicable if the device has no Bluetooth.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: "Screenshot of the second phone's pairing attempt."
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.6-3'),
				'A device anyone can pair with at any time, or with a fixed code, exposes its Bluetooth air interface without need.',
				'the other radio and physical interfaces (PHY-04, SET-25)'
			),
			partly(
				cop('CoP-6'),
				'An exposed air interface, one part of a small attack surface.',
				'least privilege, closed ports and minimal code'
			)
		]
	},
	{
		id: 'SET-09',
		kind: 'shows',
		title: 'A way to install updates',
		question: 'Does the product show its software version and offer a way to install updates?',
		why: 'Without an update mechanism, security flaws can never be fixed. Only a device too constrained to have one is excused, and that is for a lab or document review to judge.',
		how: [
			'In the app or on the device, find the software or firmware version and note it in the reason.',
			'Look for "check for updates", "firmware update" or an automatic update setting.',
			'Choose Pass if there is a way to install updates.',
			'Choose Refer if you find no way to update it, so a lab or document review can judge whether the device is too constrained for one.',
			'Choose Fail only if the maker states the product will never be updated although it runs an app or a web page of its own.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the version and the update screen.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.3-2'),
				'Shows there is a way to install updates.',
				'whether updates are installed securely (a lab)'
			),
			partly(
				cop('CoP-3'),
				'An update mechanism, one part of keeping software updated.',
				'timely, secure and simple updates and the end-of-life policy'
			)
		]
	},
	{
		id: 'SET-26',
		kind: 'shows',
		title: 'Updating is simple',
		question: 'Can an ordinary user install an update in a few simple steps?',
		why: 'If updating is fiddly, people do not do it, and fixes never reach the device.',
		how: [
			'Use the update route found in SET-09, and install an update if one is offered.',
			'Count the steps, and note anything that needs technical knowledge, such as copying files from a computer or a memory card.',
			'Choose Pass if it takes a few clear steps or happens by itself; Fail if it needs technical knowledge; Inconclusive if no update was available to try.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of the update steps.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...UPDATES },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('5.3-3'), 'Installs an update and counts the steps.'),
			partly(
				cop('CoP-3'),
				'Simple updating, one part of keeping software updated.',
				'timely, secure updates and the end-of-life policy'
			)
		]
	},
	{
		id: 'SET-10',
		kind: 'shows',
		title: 'Automatic updates on',
		question: 'Are automatic security updates switched on once setup is finished?',
		why: 'Most people never check for updates. Automatic updates, on by default, are how fixes actually reach devices; the Mozilla guidelines require them.',
		how: [
			'After setup, open the update settings in the app or on the device.',
			'Check whether updates install automatically, and whether that was on without you turning it on.',
			'Choose Pass if automatic updates are on by default, and Fail if there are none or they start switched off.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the update settings straight after setup.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...UPDATES },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('5.3-4'), 'Shows whether updates install automatically.'),
			partly(
				moz('MZ-2'),
				'Automatic updates, on by default.',
				'the period of support, cryptographic verification and downtime'
			)
		]
	},
	{
		id: 'SET-22',
		kind: 'shows',
		title: 'Update settings you can change',
		question: 'Are update settings on after setup, and can you turn them off or put off an update?',
		why: 'Updates should be on by default, but owners also need control, for example to delay an update that would interrupt a recording.',
		how: [
			'In the update settings, note whether automatic updates and update notifications are on after setup.',
			'Check you can switch them on and off.',
			'Check you can put off an update when one is offered.',
			'Choose Pass if they start on and you can change them; Fail if they start off or cannot be changed; Not applicable if the product has neither automatic updates nor update notifications.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the update settings.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...UPDATES },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(
				en('5.3-6'),
				'Shows whether the update settings start on and can be changed or put off.'
			)
		]
	},
	{
		id: 'SET-11',
		kind: 'shows',
		title: 'Finds updates by itself',
		question: 'After setup, does the device find a waiting update by itself?',
		why: 'A device that never checks for updates stays vulnerable even when a fix exists.',
		how: [
			"Use a unit that is not on the latest version; compare its version with the maker's release notes.",
			'Set it up and leave it connected for a day without pressing "check for updates".',
			'Choose Pass if it finds or offers the update, Fail if it does not, and Inconclusive if the unit was already up to date.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'The version before and after, or the update offer.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...UPDATES },
		contexts: ['goods-in', 'home'],
		answers: [direct(en('5.3-5'), 'Shows whether the device finds a waiting update by itself.')]
	},
	{
		id: 'SET-12',
		kind: 'shows',
		title: 'Update notes explain security fixes',
		question:
			'When an update is offered, does it say that it fixes security problems and what risk it deals with?',
		why: 'People are more likely to install an update when they know it closes a security hole; the CI checklist asks for updates to be explained in advance.',
		how: [
			'When an update is offered, open its notes or message.',
			'Check it says whether it contains security fixes and, in plain words, what risk they deal with.',
			'Choose Pass if it does, Fail if a security update is offered with no explanation, and Inconclusive if no update was offered during your test.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the update message or notes.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...UPDATES },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(
				en('5.3-11'),
				'Shows whether an offered update says it fixes security problems and which.'
			),
			partly(
				ci('CI-7'),
				'Security updates explained before they install.',
				'updates that are not security updates'
			)
		]
	},
	{
		id: 'SET-24',
		kind: 'shows',
		title: 'Warning before an update interrupts use',
		question: 'Does the product warn you before an update stops it working for a while?',
		why: 'An unexpected restart can interrupt a camera recording or a baby monitor; a warning lets people choose a good moment.',
		how: [
			'When an update is offered or starts, note any message saying the device will restart or be unavailable.',
			'Choose Pass if you were warned before it stopped working, Fail if it went offline or restarted without warning, and Inconclusive if no update happened during your test.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the warning, if there was one.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...UPDATES },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('5.3-12'), 'Shows whether the user is warned before an update interrupts use.')
		]
	},
	{
		id: 'SET-13',
		kind: 'shows',
		title: 'Extra data use off unless you agree',
		question:
			'Is data use the product does not need, such as marketing or analytics, off unless you agree to it?',
		why: 'Consent only counts if it is a real choice: not ticked in advance, not bundled with accepting the terms, and easy to refuse.',
		how: [
			'During setup and in the app, take a screenshot of every request to collect, share or use data.',
			'Check that options the product does not need to work (marketing, analytics, sharing with partners) are off until you turn them on.',
			'Check you can refuse them and still use the product, and that agreeing is separate from accepting the terms and conditions.',
			'Choose Pass if all of this holds; Fail if any option is ticked in advance, bundled or cannot be refused, or if the product uses data it does not need (marketing, analytics, sharing) without asking at all.',
			'Choose Not applicable only if the product uses no data beyond what it needs to work, and say how you know.'
		],
		evidence: {
			photo: 'required',
			shows: ['app'],
			minPhotos: 1,
			hint: 'Screenshot of each consent request as first shown.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(
				en('6-2'),
				'Consent that is opt-in, separate from the terms and easy to refuse is what valid consent needs.'
			),
			partly(
				ci('CI-13'),
				'Sub-question 3: opt-in consent, marketing included.',
				'the other sub-questions (DOC-10, DOC-17, SET-18)'
			),
			direct(moz('MZ-5'), 'Marketing use off unless the user agrees.'),
			partly(
				cop('CoP-8'),
				'Valid consent, one part of protecting personal data.',
				'transparency and handling in line with data protection law (DOC-10)'
			)
		]
	},
	{
		id: 'SET-14',
		kind: 'shows',
		title: 'Withdrawing consent',
		question: 'Can you withdraw, at any time, consent you gave earlier?',
		why: 'People change their minds, so anyone who agreed to data use must be able to take that agreement back whenever they want.',
		how: [
			'In the app or device settings, find the options you agreed to in SET-13, such as marketing, analytics or sharing.',
			'Turn one off, then close and reopen the app to check the change was kept.',
			'Choose Pass if you can withdraw consent; Fail if there is no way to; Not applicable if nothing was based on consent. If the only way is to contact the maker, say so in the reason.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the setting before and after.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['home'],
		answers: [
			direct(en('6-3'), 'Withdraws a consent and checks the change is kept.'),
			partly(
				moz('MZ-5'),
				'Opting out later by withdrawing consent.',
				'the privacy policy, notice of changes, deletion and retention'
			)
		]
	},
	{
		id: 'SET-15',
		kind: 'shows',
		title: 'Usage data explained',
		question: 'Does the product tell you what usage data (telemetry) it sends, why and to whom?',
		why: 'Devices often report how they are used. People must be told what is collected, how it is used, by whom and why.',
		how: [
			"Look in the app's privacy or data settings, the privacy notice and the manual for usage, diagnostic or analytics data.",
			'Check it says what is collected, how it is used, who receives it and why.',
			'Choose Pass if it does; Fail if it says usage data is collected but not what, how, by whom or why; Not applicable if the maker states that no usage data is collected.',
			'Choose Refer if you believe the product sends usage data it does not mention: a lab capture can show it.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the telemetry or analytics explanation.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('6-5'), 'Finds what telemetry is collected, how it is used, by whom and why.')
		]
	},
	{
		id: 'SET-16',
		kind: 'shows',
		title: 'Works without the internet',
		question: "If the internet connection drops, do the product's local functions keep working?",
		why: 'An outage should not leave a lock that will not open or a monitor that goes blind; devices should keep working locally.',
		how: [
			'With the product working, unplug the internet cable from your router, leaving the router on so the home network keeps running.',
			'Try the main functions that should not need the internet, such as a switch, a local alarm or a connection from the app on the same network.',
			'Reconnect the internet and check the product reconnects by itself.',
			'Choose Pass if local functions kept working and it reconnected; Fail if it stopped doing things it could do locally; Not applicable if every function needs the internet by design.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Notes or a short video of what still worked.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['home'],
		answers: [
			direct(en('5.9-1'), 'Cuts the internet and sees what keeps working.'),
			direct(en('5.9-2'), 'Shows whether local functions keep working without the internet.'),
			direct(cop('CoP-9'), 'Network outages, one of the two CoP-9 asks about.')
		]
	},
	{
		id: 'SET-23',
		kind: 'shows',
		title: 'Recovers after a power cut',
		question:
			'After a power cut, does the product come back working, with its security settings intact?',
		why: 'When power returns, a device should rejoin the network in an orderly way, without reopening setup or going back to default settings.',
		how: [
			'Unplug the product or take out its battery for a minute, then reconnect it.',
			'Check it rejoins the network by itself and works as before.',
			'Check it has not reopened its setup network, gone back to a default password or lost your security settings.',
			'Choose Pass if it comes back working with its settings intact, and Fail if it needs setting up again or comes back less secure.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Notes or screenshots of the state after power returned.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('5.9-2'), 'Shows whether the device recovers cleanly after a power cut.'),
			direct(en('5.9-3'), 'Shows whether it rejoins the network by itself, in a working state.'),
			direct(cop('CoP-9'), 'Power outages, one of the two CoP-9 asks about.')
		]
	},
	{
		id: 'SET-25',
		kind: 'shows',
		title: 'Setup network switched off afterwards',
		question: "Once setup is finished, does the product's temporary setup Wi-Fi network disappear?",
		why: 'A setup network left running is an open door with no purpose, and interfaces that are not used should be switched off.',
		how: [
			'During setup, note any Wi-Fi network the product creates; it is usually named after the brand or model.',
			"A few minutes after setup, check your phone's list of Wi-Fi networks again.",
			'Choose Pass if the setup network has gone; Fail if it is still there and you can join it; Not applicable if setup used no network of its own.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: "Screenshots of the phone's Wi-Fi list during and after setup."
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.6-1'),
				'The temporary setup network is one interface that is unused once setup is done.',
				'other network services and ports (a lab scan)'
			),
			partly(
				en('5.6-3'),
				'A setup network left running exposes a radio interface without need.',
				'physical connectors and other radio links (PHY-04, SET-08)'
			),
			partly(
				cop('CoP-6'),
				'An unused interface closed, one part of a small attack surface.',
				'least privilege, other ports and minimal code'
			)
		]
	},
	{
		id: 'SET-19',
		kind: 'shows',
		title: 'Few, safe setup decisions',
		question: 'Does setup ask few security decisions, with the safe choice as the default?',
		why: 'Every setup decision is a chance to get security wrong. The safe option should be the default, explained in plain words.',
		how: [
			'While setting up, list each security-related choice: remote access, sharing, guest access, automatic port opening (UPnP), cloud backup, passwords.',
			'For each, note the default and whether it was explained.',
			'Choose Pass if the choices are few and explained and the safe option is the default; Fail if risky options such as remote access or open sharing are on by default or choices are not explained.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of each setup choice as first shown.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(
				en('5.12-1'),
				'Counts the security decisions setup asks for and checks their defaults.'
			),
			partly(
				cop('CoP-12'),
				'Few, safe setup decisions, one part of easy installation.',
				'guidance on secure setup (DOC-12)'
			)
		]
	},
	{
		id: 'SET-20',
		kind: 'screens',
		title: 'Copes with odd input',
		question: 'Does the product cope with very long or unusual text without crashing?',
		why: 'Software that does not check what it is given can crash or be tricked. This is a quick smoke test; a lab does the full test.',
		how: [
			'Find a text field on the device or in the app, such as the device name.',
			'Enter a very long name (about 300 characters), then one with symbols such as < > " \' ; & %.',
			'Check the product refuses or shortens the input politely and keeps working, then put the original name back.',
			'Choose Pass if nothing broke, and Refer if the app or device crashed, froze or showed garbled text.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of what happened.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			partly(
				en('5.13-1'),
				'A crash or garbled text on odd input is an indication of unchecked input.',
				'APIs, data passed between networks and full fuzzing (a lab)'
			),
			partly(
				cop('CoP-13'),
				'A smoke test of input validation.',
				'APIs, data passed between networks and full fuzzing (a lab)'
			)
		]
	},
	{
		id: 'SET-18',
		kind: 'shows',
		title: 'Deleting your account and data',
		question:
			"Can you delete your account and personal data from the maker's service through the app or the device?",
		why: 'Removing the device is not enough if the maker still holds your recordings, location or profile; there should be a simple way to remove personal data from its services.',
		how: [
			'In the app or on the device, look for "delete account", "delete my data" or similar, and use it.',
			'Check you can no longer sign in and your data is no longer shown.',
			'Choose Pass if you could delete them from the app or device, and Fail if deletion needs an email, a form or a phone call, or is not offered.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots of the deletion steps.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET, companionApp: 'yes' },
		contexts: ['home'],
		answers: [
			direct(
				en('5.11-2'),
				'Deletes the account and data through the app or device and checks they are gone.'
			),
			partly(
				ci('CI-13'),
				'Sub-question 4: deleting data and the account.',
				"seeing or exporting one's data, and the other sub-questions"
			),
			direct(moz('MZ-5'), 'Deleting data and the account.'),
			direct(cop('CoP-11'), "Removing personal data from the maker's services.")
		]
	},
	{
		id: 'SET-17',
		kind: 'shows',
		title: 'Factory reset wipes your data',
		question: 'Does a factory reset remove your data from the device?',
		why: "When a device is sold, returned or thrown away, the next person should not find the owner's Wi-Fi password, account or recordings on it.",
		how: [
			'Before resetting, make sure the device holds your data: Wi-Fi connection, account link, device name, recordings or settings.',
			'Reset it the way the manual describes.',
			'Check it asks to be set up again from scratch and no longer shows your data or account, and that the app no longer lists it under your account (or shows it offline).',
			'Choose Pass if your data is gone, and Fail if any of it is still there after the reset.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshots before and after the reset.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['goods-in', 'home'],
		answers: [
			direct(en('5.11-1'), 'Resets the device and checks the user data is gone.'),
			direct(cop('CoP-11'), 'Erasing personal data from the device.')
		]
	},
	{
		id: 'SET-21',
		kind: 'shows',
		title: 'Confirmation of deletion',
		question: 'After deleting, are you told clearly that your data has been deleted?',
		why: 'Without a confirmation, people cannot know whether their data is really gone.',
		how: [
			'After SET-17 or SET-18, look for an on-screen message or an email confirming the data was deleted.',
			'Choose Pass if a clear confirmation came, and Fail if none came or it only said the request was received.',
			'Choose Inconclusive if a confirmation is promised later and has not arrived yet.'
		],
		evidence: {
			photo: 'optional',
			shows: ['app'],
			minPhotos: 0,
			hint: 'Screenshot of the confirmation message or email.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...NET },
		contexts: ['home'],
		answers: [direct(en('5.11-4'), 'Shows whether the user is told clearly that the data is gone.')]
	},

	// Retailer process, goods-in
	{
		id: 'RET-01',
		kind: 'shows',
		title: 'Supplier conformance statement',
		question:
			'Has the supplier given you a conformance statement that explains every recommendation it does not meet?',
		why: 'An EN 303 645 conformance statement (the Table B.1 form, or a test report) shows what the maker claims; the standard requires a recorded reason for every recommendation treated as not applicable or not met.',
		how: [
			'Ask the supplier for its security pack: its role (manufacturer or importer), the statement of compliance, the support period, the vulnerability disclosure web address, and an EN 303 645 conformance statement or third-party test report.',
			'Upload what you receive.',
			'In the conformance statement, find every recommendation ("should" provision) marked not applicable or not met, and check each has a written reason.',
			'Choose Pass if every one has a reason; Fail if any lacks one; Inconclusive if the supplier sent no conformance statement, saying so in the reason.'
		],
		evidence: {
			photo: 'optional',
			shows: ['supplier-documents'],
			minPhotos: 0,
			hint: 'Photos or uploads of the documents the supplier sent.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in'],
		answers: [
			direct(
				en('4-1'),
				"Checks the supplier's conformance statement gives a reason for every recommendation not met."
			)
		]
	},
	{
		id: 'RET-02',
		kind: 'shows',
		title: 'Ready to withdraw and warn',
		question:
			'Does your business have a way to stop selling the product and warn customers if a serious security failure comes to light?',
		why: 'Retailers must not keep supplying a product they know fails the UK security requirements, and the CI checklist asks retailers to withdraw products with critical flaws that cannot be fixed within 90 days and to warn owners.',
		how: [
			'Ask your compliance team for the procedure for security-related withdrawals.',
			'Check it covers stopping sale; telling the supplier and OPSS; warning customers who bought the product; and offering a return, exchange or compensation.',
			'Choose Pass if a written procedure covers all four, and Fail if there is none or parts are missing.'
		],
		evidence: {
			photo: 'optional',
			shows: ['supplier-documents'],
			minPhotos: 0,
			hint: 'The procedure document, if you can attach it.'
		},
		verdicts: ['PASS', 'FAIL', 'NA', 'INCONCLUSIVE'],
		appliesWhen: { ...CHILDREN },
		contexts: ['goods-in'],
		answers: [
			direct(
				ci('CI-6'),
				"Checks the retailer's procedure covers the three actions item 6 asks for."
			)
		]
	},
	{
		id: 'RET-03',
		kind: 'shows',
		title: 'Supplier evidence: apps and online services',
		question:
			"Can the supplier show that the product's apps and online services have been tested against recognised security baselines?",
		why: "For children's products the CI checklist asks retailers to vet what the shop floor cannot see: web services (OWASP ASVS), mobile apps (OWASP mobile risks) and servers (CIS Benchmarks).",
		how: [
			'Ask the supplier for: a test or audit report showing its online services meet OWASP ASVS level 1 or above; a security test of its mobile apps against the OWASP mobile risks, with its app update policy; and how its servers are hardened, for example to the CIS Benchmarks.',
			'Check each document names this product or its service and is recent (about the last two years).',
			'Choose Pass if all three are covered; Refer if any is missing, out of date or only a general statement, naming the gaps in the reason.'
		],
		evidence: {
			photo: 'optional',
			shows: ['supplier-documents'],
			minPhotos: 0,
			hint: 'Uploads of the reports the supplier sent.'
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...CHILDREN },
		contexts: ['goods-in'],
		answers: [
			partly(
				ci('CI-1'),
				"The supplier's OWASP ASVS report on the online services.",
				'whether the supplier adopts new versions of the standard promptly (sub-question 2)'
			),
			direct(ci('CI-4'), "The supplier's mobile app security test and app update policy."),
			direct(ci('CI-5'), "How the supplier's servers are hardened.")
		]
	},
	{
		id: 'RET-04',
		kind: 'shows',
		title: 'Supplier evidence: encryption and key storage',
		question: 'Can the supplier show how the product encrypts data and protects its keys?',
		why: "The CI checklist asks retailers of children's products to confirm strong encryption in transit and at rest, encryption of data third parties access, sound key management for every link, and secure hardware storage for keys.",
		how: [
			'Ask the supplier to state, with evidence such as a test report: the encryption used in transit and at rest (for example TLS 1.2 or 1.3); how data shared with third parties is encrypted; how keys are managed for Wi-Fi, Bluetooth and other links; and whether the device has secure key storage, a trusted execution environment and a good source of randomness.',
			'Choose Pass if each point is answered with evidence; Refer if any is unanswered or answered only with general claims, naming the gaps in the reason.'
		],
		evidence: {
			photo: 'optional',
			shows: ['supplier-documents'],
			minPhotos: 0,
			hint: "Uploads of the supplier's answers and reports."
		},
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...CHILDREN },
		contexts: ['goods-in'],
		answers: [
			direct(ci('CI-9'), "The supplier's key management for each link."),
			direct(ci('CI-10'), "The supplier's encryption in transit and at rest."),
			direct(ci('CI-11'), 'How data shared with third parties is encrypted.'),
			direct(ci('CI-12'), 'Secure key storage, a trusted execution environment and randomness.')
		]
	},
	{
		id: 'RET-05',
		kind: 'shows',
		title: 'Supplier evidence: how the software is built and kept up',
		question:
			"Does the supplier give evidence for how the product's software is developed, kept minimal and kept updatable?",
		why: "Secure development, least privilege, minimal code and updatable software cannot be seen on a shelf or a bench; the supplier's conformance evidence is the only field route to them.",
		how: [
			'Ask the supplier for evidence on: a secure development process; software limited to the code and privileges it needs; hardware memory protection; reviewed security implementations; every software component and the cryptography updatable; how device secrets are managed; and personal data in telemetry kept to what is needed.',
			...SUPPLIER_STEPS
		],
		evidence: SUPPLIER_EVIDENCE,
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in'],
		answers: [
			supplied(en('5.6-9'), 'Secure development process.'),
			supplied(en('5.6-6'), 'Code kept to what is needed.'),
			supplied(en('5.6-7'), 'Least privilege.'),
			supplied(en('5.6-8'), 'Hardware memory access control.'),
			supplied(en('5.5-2'), 'Reviewed security implementations.'),
			supplied(en('5.3-1'), 'All software securely updatable.'),
			supplied(en('5.5-3'), 'Cryptography can be updated.'),
			supplied(en('5.5-8'), 'Device secrets managed securely.'),
			supplied(en('6-4'), 'Minimal personal data in telemetry.'),
			supplied(cop('CoP-6'), 'Least privilege and minimal code.')
		]
	},
	{
		id: 'RET-06',
		kind: 'shows',
		title: 'Supplier evidence: stored credentials and keys',
		question:
			'Does the supplier give evidence that credentials and keys are stored securely and never hard-coded?',
		why: "Hard-coded or poorly stored credentials let one broken unit open every unit. Only a lab or the supplier's evidence can show how secrets are kept.",
		how: [
			'Ask the supplier for evidence on: how passwords, keys and other secrets are stored on the device; that no critical secret is hard-coded in the software; that keys for updates and services are unique per device; that a built-in device identity resists tampering; and the cryptography used to authenticate users.',
			...SUPPLIER_STEPS
		],
		evidence: SUPPLIER_EVIDENCE,
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in'],
		answers: [
			supplied(en('5.4-1'), 'Secrets stored securely.'),
			supplied(en('5.4-2'), 'Tamper-resistant device identity.'),
			supplied(en('5.4-3'), 'No hard-coded critical secrets.'),
			supplied(en('5.4-4'), 'Unique keys per device.'),
			supplied(en('5.1-3'), 'Sound cryptography for user authentication.'),
			supplied(cop('CoP-4'), 'Credentials stored securely, none hard-coded.')
		]
	},
	{
		id: 'RET-07',
		kind: 'shows',
		title: 'Supplier evidence: secure boot and genuine updates',
		question:
			'Does the supplier give evidence that the device checks its own software at start-up and accepts only genuine updates?',
		why: "Secure boot and signed updates stop tampered software from running. They can only be tested in a lab, so the supplier's evidence is the field indication.",
		how: [
			'Ask the supplier for evidence on: secure boot; what the device does when it finds unauthorised software (an alert, and connecting no more widely than it must); and how updates are protected and checked as genuine, over the network included.',
			...SUPPLIER_STEPS
		],
		evidence: SUPPLIER_EVIDENCE,
		verdicts: ['PASS', 'NA', 'INCONCLUSIVE', 'REFER'],
		appliesWhen: { ...NET },
		contexts: ['goods-in'],
		answers: [
			supplied(en('5.7-1'), 'Secure boot.'),
			supplied(en('5.7-2'), 'Alert on an unauthorised software change.'),
			supplied(en('5.3-7'), 'Cryptography protects the update mechanism.'),
			supplied(en('5.3-9'), 'Updates checked as genuine.'),
			supplied(en('5.3-10'), 'Network updates checked through a trust relationship.'),
			supplied(cop('CoP-7'), 'Secure boot and alerts on unauthorised change.')
		]
	}
];
