import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from './password';

describe('checkPassword', () => {
	it('accepts a long unguessable passphrase', () => {
		expect(checkPassword('blue-Kettle-42-Harbour')).toEqual({ ok: true });
		expect(checkPassword('correct horse battery staple')).toEqual({ ok: true });
	});

	it('refuses fewer than 12 characters, counting characters not bytes', () => {
		const result = checkPassword('Xq7#vB2!pL9');
		expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/at least 12.*has 11/)] });
		expect(checkPassword('ÿ'.repeat(11)).ok).toBe(false);
	});

	it.each(['password1234', 'iloveyou12345', 'qwertyuiop123', 'Password123456'])(
		'refuses the common password %s',
		(password) => {
			expect(checkPassword(password)).toEqual({
				ok: false,
				problems: [expect.stringMatching(/commonly used password/)]
			});
		}
	);

	it('refuses a password built from the user’s own details, with feedback', () => {
		const result = checkPassword('shelfcheck2026!', ['Shelfcheck Ltd', 'ann@shelfcheck.org']);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.join(' ')).toMatch(/personal|guess/i);
	});

	it('refuses an absurdly long password', () => {
		expect(checkPassword('a-Long-passphrase '.repeat(20)).ok).toBe(false);
	});
});

describe('hashPassword', () => {
	it('uses Argon2id with a salt, and verifies only the right password', async () => {
		const first = await hashPassword('blue-Kettle-42-Harbour');
		const second = await hashPassword('blue-Kettle-42-Harbour');
		expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(first).not.toBe(second);
		expect(await verifyPassword(first, 'blue-Kettle-42-Harbour')).toBe(true);
		expect(await verifyPassword(first, 'blue-Kettle-42-harbour')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});
});
