import { describe, expect, it } from 'vitest';
import { hashToken, isTokenShaped, newToken } from './tokens';

describe('tokens', () => {
	it('are 256 random bits in base64url, different each time', () => {
		const tokens = new Set(Array.from({ length: 100 }, newToken));
		expect(tokens.size).toBe(100);
		for (const token of tokens) expect(isTokenShaped(token)).toBe(true);
	});

	it('are stored as their SHA-256, which does not contain the token', () => {
		const token = newToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).toBe(hashToken(token));
		expect(hashToken(token)).not.toContain(token);
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('refuses strings that are not token-shaped', () => {
		for (const value of ['', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, 42, null])
			expect(isTokenShaped(value)).toBe(false);
	});
});
