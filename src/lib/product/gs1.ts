/**
 * GS1 element strings: the AI data carried by GS1-128, GS1 DataMatrix, GS1 QR Code, GS1 DataBar
 * and DotCode, either raw (`^0109520123456788^10ABC`, where `^` or ASCII 29 GS stands for FNC1)
 * or in the bracketed human-readable form (`(01)09520123456788(10)ABC`).
 *
 * Scope and choices:
 * - Every AI in the GS1 Barcode Syntax Dictionary is supported (table in ai-dictionary.ts): its
 *   lengths, character set and FNC1 rule, and its content checks except the few listed in
 *   ai-validate.ts (code-list lookups). Real labels mix the AIs we care about with others, e.g.
 *   (01)(17)(10)(21) plus (3103) net weight or (91)-(99) company-internal data; rejecting the
 *   whole scan because of one such AI would leave the inspector unable to identify the product.
 * - AIs that are not in the dictionary are rejected with a reason: without a definition we
 *   cannot know where their value ends, so nothing after them could be trusted.
 * - A repeated AI must carry the same value each time (GS1 General Specifications); otherwise
 *   the data is rejected because we could not tell which value is meant.
 * - Other cross-AI rules of the dictionary (req=/ex=, e.g. (02) needs (37)) are not enforced:
 *   they police label design, and a product identity only needs a valid (01), which
 *   identity.ts requires.
 */

import { getAiDefinition, matchAiPrefix, type AiDefinition } from './ai-dictionary';
import { validateAiValue } from './ai-validate';

export interface AiElement {
	ai: string;
	value: string;
}

export type AiDataResult = { ok: true; ais: AiElement[] } | { ok: false; reason: string };

/** ASCII 29, Group Separator: how scanners transmit an FNC1 separator. */
export const GS = '\u001d';

const isFnc1 = (ch: string | undefined): boolean => ch === '^' || ch === GS;

function fixedLength(def: AiDefinition): number {
	return def.components.reduce((n, c) => n + c.max, 0);
}

export interface ElementStringOptions {
	/**
	 * The data is known to be GS1 AI data (e.g. it came with symbology identifier `]C1`), so the
	 * leading FNC1 is implied and not present in the text. Without this, the text must start
	 * with `^` or GS, which is what marks GS1 data when nothing else does.
	 */
	implicitLeadingFnc1?: boolean;
}

/**
 * Parses an unbracketed element string. FNC1 may be written `^` or be the GS character; a
 * superfluous FNC1 after a predefined-length AI or at the very end is tolerated, as scanners
 * and encoders commonly emit one.
 */
export function parseElementString(data: string, options: ElementStringOptions = {}): AiDataResult {
	let rest = data;
	if (!options.implicitLeadingFnc1) {
		if (!isFnc1(rest[0])) {
			return { ok: false, reason: 'GS1 data must start with FNC1 (shown as ^ or GS).' };
		}
		rest = rest.slice(1);
	}
	if (rest === '') return { ok: false, reason: 'The GS1 data contains no AIs.' };
	const ais: AiElement[] = [];
	let pos = 0;
	while (pos < rest.length) {
		const def = matchAiPrefix(rest.slice(pos));
		if (!def) {
			const shown = rest
				.slice(pos, pos + 4)
				.split(/[\^]/)[0]!
				.split(GS)[0];
			return {
				ok: false,
				reason: `Unknown AI at position ${pos + 1} ("${shown}"): not in the GS1 Barcode Syntax Dictionary.`
			};
		}
		pos += def.ai.length;
		let value: string;
		if (def.predefinedLength) {
			const len = fixedLength(def);
			value = rest.slice(pos, pos + len);
			const sep = [...value].findIndex(isFnc1);
			if (sep >= 0) value = value.slice(0, sep);
			// A short value is caught by validateAiValue; it must not swallow the separator.
			pos += value.length;
		} else {
			let end = pos;
			while (end < rest.length && !isFnc1(rest[end])) end++;
			value = rest.slice(pos, end);
			pos = end;
		}
		const problem = validateAiValue(def, value);
		if (problem) return { ok: false, reason: problem };
		ais.push({ ai: def.ai, value });
		if (isFnc1(rest[pos])) pos++;
	}
	return checkRepeats(ais);
}

/**
 * Parses the bracketed form `(01)09520123456788(10)ABC`. A literal "(" inside a value is written
 * `\(`. Lengths, character sets and check digits are checked as for raw element strings.
 */
export function parseBracketed(text: string): AiDataResult {
	if (!text.startsWith('(')) {
		return {
			ok: false,
			reason: 'Bracketed GS1 data must start with an AI in brackets, e.g. (01).'
		};
	}
	const ais: AiElement[] = [];
	let pos = 0;
	while (pos < text.length) {
		const close = text.indexOf(')', pos);
		if (text[pos] !== '(' || close < 0) {
			return { ok: false, reason: `Expected an AI in brackets at position ${pos + 1}.` };
		}
		const ai = text.slice(pos + 1, close);
		if (!/^\d{2,4}$/.test(ai)) {
			return { ok: false, reason: `"(${ai})" is not an AI: an AI is 2 to 4 digits.` };
		}
		const def = getAiDefinition(ai);
		if (!def) {
			return { ok: false, reason: `Unknown AI (${ai}): not in the GS1 Barcode Syntax Dictionary.` };
		}
		let value = '';
		pos = close + 1;
		while (pos < text.length && text[pos] !== '(') {
			if (text[pos] === '\\' && text[pos + 1] === '(') {
				value += '(';
				pos += 2;
			} else {
				value += text[pos];
				pos++;
			}
		}
		const problem = validateAiValue(def, value);
		if (problem) return { ok: false, reason: problem };
		ais.push({ ai, value });
	}
	return checkRepeats(ais);
}

function checkRepeats(ais: AiElement[]): AiDataResult {
	const seen = new Map<string, string>();
	for (const { ai, value } of ais) {
		const before = seen.get(ai);
		if (before !== undefined && before !== value) {
			return {
				ok: false,
				reason: `AI (${ai}) appears more than once with different values ("${before}", "${value}").`
			};
		}
		seen.set(ai, value);
	}
	return { ok: true, ais };
}

/**
 * Serialises AIs as an unbracketed element string with `^` for FNC1 (the notation of the GS1
 * test vectors): a separator follows every AI that is not of predefined length, except the last.
 * Pass `GS` as `fnc1` to get what a scanner would transmit (without the leading FNC1).
 */
export function toElementString(ais: readonly AiElement[], fnc1 = '^'): string {
	let out = fnc1 === '^' ? '^' : '';
	ais.forEach(({ ai, value }, i) => {
		out += ai + value;
		const predefined = getAiDefinition(ai)?.predefinedLength ?? false;
		if (!predefined && i < ais.length - 1) out += fnc1;
	});
	return out;
}

/** Serialises AIs in bracketed form, escaping "(" in values as `\(`. */
export function toBracketed(ais: readonly AiElement[]): string {
	return ais.map(({ ai, value }) => `(${ai})${value.replaceAll('(', '\\(')}`).join('');
}

/**
 * Human-readable interpretation lines as printed under a barcode: `(01) 09520123456788`, or
 * with `titles`, prefixed by the dictionary's data title: `GTIN (01) 09520123456788`.
 */
export function toHri(ais: readonly AiElement[], options: { titles?: boolean } = {}): string[] {
	return ais.map(({ ai, value }) => {
		const title = options.titles ? getAiDefinition(ai)?.title : undefined;
		return `${title ? title + ' ' : ''}(${ai}) ${value}`;
	});
}
