import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret token: 32 random bytes as unpadded base64url (43 characters). */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a token: its SHA-256 in hex. The token is 256 random bits, so a
 * fast hash is enough (no salt or stretching needed); a leaked table cannot be replayed.
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The shape newToken produces; anything else is refused before touching the database. */
export function isTokenShaped(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Timestamps are stored as ISO 8601 text, which sorts and compares as time on both engines. */
export const iso = (date: Date) => date.toISOString();

/** When something issued at `now` stops working (set-up links, invitations, sessions). */
export const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * 3600_000);
