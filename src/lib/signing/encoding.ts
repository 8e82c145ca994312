/**
 * Small byte/text helpers shared by the signing modules. Internal: not re-exported by index.ts.
 *
 * We decode base64url ourselves instead of using jose's `base64url.decode` because the platform
 * decoders it relies on (`atob`, `Uint8Array.fromBase64`) are forgiving: they skip ASCII
 * whitespace and ignore non-zero bits in the last character. Accepting those would let several
 * different compact strings carry the same signature, and the report hash is taken over the
 * compact string, so every accepted encoding must be the single canonical one.
 */

const B64U_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Each UTF-16 code unit below 128 to its base64url value, or -1 outside the alphabet. */
const B64U_VALUES = new Int8Array(128).fill(-1);
for (let index = 0; index < B64U_ALPHABET.length; index++)
	B64U_VALUES[B64U_ALPHABET.charCodeAt(index)] = index;

/** Unpadded base64url (RFC 7515 section 2). */
export function base64urlEncode(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			out += B64U_ALPHABET[(buffer >> bits) & 63];
		}
		// Keep only the bits not yet written so the accumulator never overflows.
		buffer &= (1 << bits) - 1;
	}
	if (bits > 0) out += B64U_ALPHABET[(buffer << (6 - bits)) & 63];
	return out;
}

/**
 * Strict unpadded base64url: only the 64 alphabet characters, no padding, no whitespace, and the
 * unused low bits of the last character must be zero. Returns null instead of throwing so callers
 * can turn it into their own typed failure.
 */
export function base64urlDecodeStrict(text: string): Uint8Array<ArrayBuffer> | null {
	// A single leftover character carries only 6 bits: never a whole byte.
	if (text.length % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((text.length * 6) / 8));
	let buffer = 0;
	let bits = 0;
	let index = 0;
	// By code unit, through a table: a signed report's payload is several kilobytes of base64url.
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		const value = unit < 128 ? B64U_VALUES[unit]! : -1;
		if (value < 0) return null;
		buffer = (buffer << 6) | value;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[index++] = (buffer >> bits) & 0xff;
		}
		buffer &= (1 << bits) - 1;
	}
	// Non-zero padding bits would make a second spelling of the same bytes.
	if (buffer !== 0) return null;
	return out;
}

/** RFC 4648 base32, upper case, without padding. */
export function base32Encode(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out += B32_ALPHABET[(buffer >> bits) & 31];
		}
		buffer &= (1 << bits) - 1;
	}
	if (bits > 0) out += B32_ALPHABET[(buffer << (5 - bits)) & 31];
	return out;
}

export function toHex(bytes: Uint8Array): string {
	let out = '';
	for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
	return out;
}

/**
 * True when the string has no lone UTF-16 surrogate. Written out by hand because
 * `String.prototype.isWellFormed` is ES2024 and older Safari versions in the field lack it.
 */
export function isWellFormedUnicode(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
			i++;
		} else if (unit >= 0xdc00 && unit <= 0xdfff) {
			return false;
		}
	}
	return true;
}

const encoder = new TextEncoder();

/**
 * UTF-8 encode, refusing lone surrogates: TextEncoder would silently replace them with U+FFFD,
 * so the bytes signed or hashed would not be the string the caller holds.
 */
export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
	if (!isWellFormedUnicode(text)) {
		throw new TypeError('String contains a lone UTF-16 surrogate and has no UTF-8 encoding');
	}
	return encoder.encode(text);
}

/** Strict UTF-8 decode (invalid sequences yield null rather than U+FFFD). */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
}

/** Copies into a fresh ArrayBuffer-backed array: WebCrypto's types refuse SharedArrayBuffer views. */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	const copy = new Uint8Array(bytes.length);
	copy.set(bytes);
	return copy;
}
