import { describe, expect, it } from 'vitest';
import { MAX_NEXT_LENGTH, sameOriginPath } from './next-path';

const FALLBACK = '/account';
// What `url.searchParams.get('next')` gives the server: the query value decoded once.
const fromQuery = (encoded: string) => new URLSearchParams(`next=${encoded}`).get('next');

describe('sameOriginPath', () => {
	it.each([
		'/account',
		'/admin',
		'/reports',
		'/reports?brand=Acme',
		'/reports?brand=Caf%C3%A9&verdict=FAIL',
		'/reports/0b6f3c1e-7a4b-4f7e-9a57-3c2b1d0e9f8a',
		'/reports?q=100%25',
		'/reports?q=a%20b#top',
		'/a//b',
		'/.well-known/security.txt'
	])('keeps the same-origin path %s', (path) => {
		expect(sameOriginPath(path, FALLBACK)).toBe(path);
	});

	it('keeps what the reviewer pages send (the path and search, URI-encoded)', () => {
		const sent = encodeURIComponent('/reports?brand=Acme&from=2026-11-01');
		expect(sameOriginPath(fromQuery(sent), FALLBACK)).toBe('/reports?brand=Acme&from=2026-11-01');
	});

	it.each([
		// Another host, spelled plainly.
		['//evil.example', '//evil.example'],
		['///evil.example', '///evil.example'],
		['https://evil.example', 'https://evil.example'],
		['http:evil.example', 'http:evil.example'],
		['javascript:alert(1)', 'javascript:alert(1)'],
		['JavaScript:alert(1)', 'JavaScript:alert(1)'],
		['data:text/html,<script>alert(1)</script>', 'data:text/html,x'],
		['evil.example', 'evil.example'],
		['relative/path', 'relative/path'],
		// Browsers read a backslash as a slash.
		['/\\evil.example', '/\\evil.example'],
		['\\\\evil.example', '\\\\evil.example'],
		['/x\\y', '/x\\y'],
		// Browsers drop tabs and line breaks: /\t/ becomes //.
		['/\t/evil.example/x', 'tab'],
		['/\n/evil.example', 'line feed'],
		['/\r/evil.example', 'carriage return'],
		['/account\r\nSet-Cookie: x=1', 'header injection'],
		['/\u0000/evil', 'NUL'],
		['/\u007f', 'DEL'],
		[' /account', 'leading space'],
		['/account ', 'trailing space'],
		['/account\u00a0', 'no-break space'],
		['/\u0085/evil', 'C1 next line'],
		// Not Latin-1 (or not ASCII): cannot go into a Location header as it is.
		['/caf\u00e9', 'Latin-1 é'],
		['/\u2014', 'em dash'],
		['/\u{1f600}', 'emoji'],
		['/\ud800', 'lone surrogate'],
		['/\uff0f\uff0fevil.example', 'fullwidth solidus'],
		// Encoded forms, once and twice.
		['/%09/evil.example/x', '%09'],
		['/%0d%0a/evil', '%0d%0a'],
		['/%0D%0ASet-Cookie:%20x=1', '%0D%0A header'],
		['/%00', '%00'],
		['/%2F/evil.example', '%2F'],
		['/%2f/evil.example', '%2f'],
		['%2F%2Fevil.example', '%2F%2F without a slash'],
		['/%2F%2Fevil.example', '/%2F%2F'],
		['/%5Cevil.example', '%5C'],
		['/%5cevil.example', '%5c'],
		['/x%5Cy', '%5C later on'],
		['/%252F/evil.example', '%252F (twice)'],
		['/%255Cevil.example', '%255C (twice)'],
		['/%2509/evil.example', '%2509 (twice)'],
		['/%25252F/evil.example', '%25252F (three times)'],
		['', 'empty']
	])('falls back for %j (%s)', (value) => {
		expect(sameOriginPath(value, FALLBACK)).toBe(FALLBACK);
	});

	it('falls back for the attacks as they arrive in a query string', () => {
		for (const encoded of [
			'/%09/evil.example/x',
			'/%5C/evil.example',
			'%2F%2Fevil.example',
			'/%2F/evil.example',
			'/%252F/evil.example',
			'/%0D%0ALocation:%20https://evil.example',
			'/%E2%80%94',
			'https%3A%2F%2Fevil.example',
			'javascript%3Aalert(1)'
		])
			expect(sameOriginPath(fromQuery(encoded), FALLBACK), encoded).toBe(FALLBACK);
	});

	it('falls back for nothing and for a value longer than any real path', () => {
		expect(sameOriginPath(null, FALLBACK)).toBe(FALLBACK);
		expect(sameOriginPath(undefined, FALLBACK)).toBe(FALLBACK);
		const longest = `/${'a'.repeat(MAX_NEXT_LENGTH - 1)}`;
		expect(sameOriginPath(longest, FALLBACK)).toBe(longest);
		expect(sameOriginPath(`${longest}a`, FALLBACK)).toBe(FALLBACK);
	});

	it('falls back for a slash encoded over and over, however deep', () => {
		for (const depth of [3, 8, 9, 20, 300]) {
			const nested = `/%${'25'.repeat(depth)}2F/evil.example`;
			expect(sameOriginPath(nested, FALLBACK), `${depth}`).toBe(FALLBACK);
		}
		// Escapes that are only percent signs side by side decode to nothing dangerous.
		const signs = `/reports?q=${'%25'.repeat(600)}`;
		expect(sameOriginPath(signs, FALLBACK)).toBe(signs);
	});

	it('answers only values a browser resolves to this origin', () => {
		const origin = 'https://shelfcheck.example';
		const tricky = ['/.//evil.example', '/..//evil.example', '/%2e%2e/admin', '/@evil.example'];
		for (const value of tricky) {
			const target = sameOriginPath(value, FALLBACK);
			expect(new URL(target, `${origin}/signin`).origin, value).toBe(origin);
		}
	});
});
