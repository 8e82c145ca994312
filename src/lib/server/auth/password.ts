import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it is no denial of service. */
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score 0-4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_SCORE = 3;

export type PasswordCheck = { ok: true } | { ok: false; problems: string[] };

let zxcvbn: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
	zxcvbn ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...en.dictionary },
		graphs: common.adjacencyGraphs,
		translations: en.translations
	});
	return zxcvbn;
}

/**
 * The password policy: at least 12 characters, not a common password, and strong enough by
 * zxcvbn (which also counts the person's own name, e-mail and organisation as guessable).
 * Says what is wrong and what would help, in plain words.
 */
export function checkPassword(password: string, userInputs: string[] = []): PasswordCheck {
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH)
		return {
			ok: false,
			problems: [
				`Use at least ${MIN_PASSWORD_LENGTH} characters (this has ${length}). A few unrelated words make a good one.`
			]
		};
	if (length > MAX_PASSWORD_LENGTH)
		return { ok: false, problems: [`Use at most ${MAX_PASSWORD_LENGTH} characters.`] };
	const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s]+/)]).filter(Boolean);
	const result = estimator().check(password, inputs);
	// Common: made only of entries from the common-password lists and trivial patterns
	// (password1234, iloveyou12345, qwertyuiop123), whatever zxcvbn's score says.
	const fromList = (match: (typeof result.sequence)[number]) =>
		match.pattern === 'dictionary' && match.dictionaryName.startsWith('passwords');
	const common =
		result.sequence.some(fromList) &&
		result.sequence.every(
			(match) =>
				fromList(match) || ['sequence', 'repeat', 'spatial', 'date'].includes(match.pattern)
		);
	if (common)
		return {
			ok: false,
			problems: ['This is a commonly used password. Choose one that is not on any list.']
		};
	if (result.score >= MIN_SCORE) return { ok: true };
	const problems = [
		result.feedback.warning || 'This password would be easy to guess.',
		...result.feedback.suggestions
	].filter((text): text is string => Boolean(text));
	return { ok: false, problems };
}

/** OWASP's Argon2id parameters (19 MiB, 2 passes, 1 lane); the PHC string records them. */
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	// @node-rs/argon2's default algorithm is Argon2id (a unit test checks the PHC prefix).
	return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
	dummy ??= hashPassword('not a real password, only for timing');
	return dummy;
}
