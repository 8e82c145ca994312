import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, isTokenShaped, newToken } from './tokens';

describe('tokens', () => {
	it('are 256 random bits in base64url, different each time', () => {
		const tokens = new Set(Array.from({ length: 100 }, newToken));
		expect(tokens.size).toBe(100);
		for (const token of tokens) expect(isTokenShaped(token)).toBe(true);
	});

	it('are stored as the SHA-256 of all their text, nothing of the token itself', () => {
		const token = newToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
		// Every character counts: a token differing only in its last one hashes elsewhere.
		const neighbour = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
		expect(hashToken(neighbour)).not.toBe(hashToken(token));
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('refuses strings that are not token-shaped', () => {
		for (const value of ['', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, 42, null])
			expect(isTokenShaped(value)).toBe(false);
	});
});
