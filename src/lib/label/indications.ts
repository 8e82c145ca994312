/**
 * What the label readings say for the printed-credential checks, as indications the inspector
 * weighs (never a verdict set for them): PHY-01 generic printed credential (EN 303 645 5.1-1,
 * PSTI Schedule 1 paragraph 1), PHY-02 the same or counting values across units (5.1-1, 5.1-2),
 * PHY-03 derived from printed identifiers (5.1-2, PSTI Sch. 1 para 1(3)). Pure.
 */

import type { Verdict } from '$lib/catalogue/types';
import { fieldNames, type CredentialKind } from './candidates';
import { compareUnits, type CredentialAnalysis, type Derivation } from './credentials';
import { unitCredentials, type LabelReading } from './reading';

export const CREDENTIAL_CHECKS = ['PHY-01', 'PHY-02', 'PHY-03'] as const;
export type CredentialCheckId = (typeof CREDENTIAL_CHECKS)[number];

export function isCredentialCheck(checkId: string): checkId is CredentialCheckId {
	return (CREDENTIAL_CHECKS as readonly string[]).includes(checkId);
}

export interface Indication {
	/** The verdict the readings point to; the inspector decides. */
	points: Verdict;
	/** What was found, one finding a line, in plain words. */
	findings: string[];
}

const classWords = {
	lower: 'lower-case letters',
	upper: 'capitals',
	digit: 'digits',
	symbol: 'other characters'
} as const;

/** "9 characters: lower-case letters and digits". */
export function describeShape(analysis: CredentialAnalysis): string {
	const classes = (Object.keys(classWords) as (keyof typeof classWords)[])
		.filter((c) => analysis.classes[c])
		.map((c) => classWords[c]);
	const list =
		classes.length > 1 ? `${classes.slice(0, -1).join(', ')} and ${classes.at(-1)}` : classes[0];
	return `${analysis.length} character${analysis.length === 1 ? '' : 's'}${list ? `: ${list}` : ''}`;
}

const sourceWords = {
	serial: 'the serial number',
	mac: 'the MAC address',
	ssid: 'the Wi-Fi name',
	model: 'the model designation'
} as const;

const relationWords: Record<Derivation['relation'], string> = {
	equal: 'is',
	contains: 'contains',
	part: 'is a part of',
	prefix: 'is the start of',
	suffix: 'is the end of',
	hex: 'is a hex/decimal form of'
};

export function describeDerivation(kind: CredentialKind, derivation: Derivation): string {
	return `The ${fieldNames[kind].toLowerCase()} ${relationWords[derivation.relation]} ${sourceWords[derivation.source]} (${derivation.shared} characters in common).`;
}

function generic(analysis: CredentialAnalysis): string | null {
	if (analysis.commonDefault === 'exact') return 'is on the list of common default passwords';
	if (analysis.commonDefault === 'word')
		return 'is a common default word with digits or symbols added';
	if (analysis.trivialPattern === 'sequence') return 'is a plain run of characters (like 1234)';
	if (analysis.trivialPattern === 'repeat') return 'repeats one character (like 0000)';
	return null;
}

/** Said beside a generic printed PIN: it may be a Bluetooth pairing code, not a password. */
export const BLUETOOTH_PIN_NOTE =
	'If this PIN is only for pairing over Bluetooth (a link that does not use IP), UK PSTI does not count it as a password: judge it under SET-08 instead.';

/** The latest reading's credentials of the inspected unit (unit 1). */
function unitOne(readings: LabelReading[]): LabelReading | undefined {
	return [...readings]
		.filter((r) => r.unit === 1 && r.credentials.length > 0)
		.sort((a, b) => b.readAt.localeCompare(a.readAt))[0];
}

/** The indication for one credential check, or null when no label reading bears on it. */
export function credentialIndication(
	checkId: CredentialCheckId,
	readings: LabelReading[]
): Indication | null {
	if (checkId === 'PHY-02') return unitsIndication(readings);
	const reading = unitOne(readings);
	if (!reading) return null;
	const findings: string[] = [];
	let refer = false;
	for (const { kind, analysis } of reading.credentials) {
		const name = fieldNames[kind];
		if (checkId === 'PHY-01') {
			const why = generic(analysis);
			const weak = analysis.length < 8 || analysis.classCount < 2;
			findings.push(
				`${name} printed, ${describeShape(analysis)}${why ? `; it ${why}` : weak ? '; short or of one kind of character' : '; it looks unique'}.`
			);
			// A PIN or setup code is short by design; only a generic one is an indication.
			if (why || (weak && kind !== 'pin' && kind !== 'setupCode')) refer = true;
			// PSTI Schedule 1 paragraph 1 does not count a pairing PIN for a non-IP link as a
			// password; a label PIN may be one, which only the inspector can tell.
			if (why && kind === 'pin') findings.push(BLUETOOTH_PIN_NOTE);
		} else {
			if (analysis.derivedFrom.length === 0)
				findings.push(`The ${name.toLowerCase()} shares nothing with the printed identifiers.`);
			for (const derivation of analysis.derivedFrom) {
				findings.push(describeDerivation(kind, derivation));
				refer = true;
			}
		}
	}
	return { points: refer ? 'REFER' : 'PASS', findings };
}

function unitsIndication(readings: LabelReading[]): Indication | null {
	const credentials = unitCredentials(readings);
	if (credentials.length === 0) return null;
	const kinds = [...new Set(credentials.map((c) => c.kind))];
	const findings: string[] = [];
	let points: Verdict = 'PASS';
	for (const kind of kinds) {
		const comparison = compareUnits(credentials, kind);
		const name = fieldNames[kind];
		if (comparison.units.length < 2) {
			findings.push(`${name} read on one unit only: read the label of another unit to compare.`);
			if (points === 'PASS') points = 'INCONCLUSIVE';
			continue;
		}
		const pairs = (list: [number, number][]) => list.map(([a, b]) => `${a} and ${b}`).join(', ');
		if (comparison.equal.length > 0) {
			findings.push(
				`Same ${name.toLowerCase()} on units ${pairs(comparison.equal)}: a universal default indication.`
			);
			points = 'REFER';
		}
		if (comparison.consecutive.length > 0) {
			findings.push(
				`${name}s on units ${pairs(comparison.consecutive)} count up or down: an incremental counter indication.`
			);
			points = 'REFER';
		}
		if (comparison.equal.length === 0 && comparison.consecutive.length === 0)
			findings.push(
				`${name}s differ on units ${comparison.units.join(', ')}, with no counting pattern.`
			);
	}
	return { points, findings };
}
