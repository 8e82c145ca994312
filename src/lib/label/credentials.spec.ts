import { describe, expect, it } from 'vitest';
import {
	analyseCredential,
	characterClasses,
	commonDefault,
	compareUnits,
	counterNeighbours,
	derivations,
	fingerprint,
	keyedHash,
	newCredentialKey,
	trivialPattern,
	type UnitCredential
} from './credentials';

describe('length, classes and defaults', () => {
	it('counts length and character classes', () => {
		const analysis = analyseCredential('password', 'admin1234', {});
		expect(analysis.length).toBe(9);
		expect(analysis.classes).toEqual({ lower: true, upper: false, digit: true, symbol: false });
		expect(analysis.classCount).toBe(2);
		expect(characterClasses('Xk7p-QQ2m')).toEqual({
			lower: true,
			upper: true,
			digit: true,
			symbol: true
		});
	});

	it('knows the common defaults, ignoring case, and default words with digits added', () => {
		for (const value of ['admin', 'Admin', 'PASSWORD', 'password', '0000', '1234', '12345678'])
			expect(commonDefault(value), value).toBe('exact');
		expect(commonDefault('admin1234')).toBe('exact');
		expect(commonDefault('Admin2024!')).toBe('word');
		expect(commonDefault('root_99')).toBe('word');
		expect(commonDefault('quietcoconut123')).toBeNull();
		expect(commonDefault('Xk7p-QQ2m')).toBeNull();
		// A default word inside letters is no longer that default.
		expect(commonDefault('administratorsguild')).toBeNull();
	});

	it('sees plain runs and repeats', () => {
		expect(trivialPattern('4567')).toBe('sequence');
		expect(trivialPattern('9876')).toBe('sequence');
		expect(trivialPattern('abcdef')).toBe('sequence');
		expect(trivialPattern('7777')).toBe('repeat');
		expect(trivialPattern('4711')).toBeNull();
	});
});

describe('derived from printed identifiers', () => {
	const printed = {
		serial: '5C0A12345',
		mac: '00:1A:2B:3C:4D:5E',
		ssid: 'SmartCam-4D5E',
		model: 'SC-CAM-200'
	};

	it('finds the serial in the password, as a suffix, whole, and in another case', () => {
		expect(derivations('5C0A12345', printed)).toContainEqual({
			source: 'serial',
			relation: 'equal',
			shared: 9
		});
		expect(derivations('12345', printed)).toContainEqual({
			source: 'serial',
			relation: 'suffix',
			shared: 5
		});
		expect(derivations('admin5c0a12345', printed)).toContainEqual({
			source: 'serial',
			relation: 'contains',
			shared: 9
		});
		expect(derivations('5C0A', printed)).toContainEqual({
			source: 'serial',
			relation: 'prefix',
			shared: 4
		});
	});

	it('finds the MAC: its end, with or without separators, any case, and its hex as decimal', () => {
		expect(derivations('3c4d5e', printed)).toContainEqual({
			source: 'mac',
			relation: 'suffix',
			shared: 6
		});
		expect(derivations('001A2B3C4D5E', printed)).toContainEqual({
			source: 'mac',
			relation: 'equal',
			shared: 12
		});
		// 0x3C4D5E = 3951966: a decimal rendering of the MAC's last three bytes.
		expect(derivations('3951966', printed)).toContainEqual({
			source: 'mac',
			relation: 'hex',
			shared: 7
		});
	});

	it('finds the SSID and the model, and nothing in an unrelated value', () => {
		const ssid = derivations('smartcam4d5e', printed).map((d) => d.source);
		expect(ssid).toContain('ssid');
		expect(derivations('sccam200', printed)).toContainEqual({
			source: 'model',
			relation: 'equal',
			shared: 8
		});
		expect(derivations('Xk7p-QQ2m', printed)).toEqual([]);
		expect(derivations('admin1234', printed)).toEqual([]);
	});

	it('gives the analysis of the test label: a default word, not derived', () => {
		const analysis = analyseCredential('password', 'admin1234', printed);
		expect(analysis).toEqual({
			kind: 'password',
			length: 9,
			classes: { lower: true, upper: false, digit: true, symbol: false },
			classCount: 2,
			commonDefault: 'exact',
			trivialPattern: null,
			derivedFrom: []
		});
		expect(JSON.stringify(analysis)).not.toContain('admin1234');
	});
});

describe('comparing units with keyed hashes', () => {
	it('steps the last number up and down, keeping width and case', () => {
		const near = counterNeighbours('ABC0041', 2);
		expect(near).toEqual(expect.arrayContaining(['ABC0040', 'ABC0042', 'ABC0039', 'ABC0043']));
		expect(counterNeighbours('K9-00ff', 1)).toEqual(expect.arrayContaining(['K9-00fe', 'K9-0100']));
		expect(counterNeighbours('0000', 1)).toEqual(['0001']);
		expect(counterNeighbours('abc', 3)).toEqual([]);
	});

	it('hashes with a key: the same value gives the same hash, another key another hash', async () => {
		const [a, b] = [await newCredentialKey(), await newCredentialKey()];
		const one = await keyedHash(a, 'password', 'admin1234');
		expect(one).toMatch(/^[0-9a-f]{64}$/);
		expect(await keyedHash(a, 'password', 'admin1234')).toBe(one);
		expect(await keyedHash(b, 'password', 'admin1234')).not.toBe(one);
		expect(await keyedHash(a, 'pin', 'admin1234')).not.toBe(one);
	});

	it('finds equal values (a universal default) and consecutive ones (a counter)', async () => {
		const key = await newCredentialKey();
		const unit = async (n: number, value: string): Promise<UnitCredential> => ({
			unit: n,
			kind: 'password',
			...(await fingerprint(key, 'password', value))
		});
		const same = compareUnits([await unit(1, 'admin1234'), await unit(2, 'admin1234')], 'password');
		expect(same).toEqual({ units: [1, 2], equal: [[1, 2]], consecutive: [] });

		const counter = compareUnits(
			[await unit(1, 'SC-00412'), await unit(2, 'SC-00413'), await unit(3, 'SC-00419')],
			'password'
		);
		expect(counter.equal).toEqual([]);
		expect(counter.consecutive).toEqual([
			[1, 2],
			[1, 3],
			[2, 3]
		]);

		const unique = compareUnits(
			[await unit(1, 'Xk7p-QQ2m'), await unit(2, 'r8Tz-Wn4c'), await unit(3, 'SC-00999')],
			'password'
		);
		expect(unique).toEqual({ units: [1, 2, 3], equal: [], consecutive: [] });
	});

	it('keeps only hashes: the fingerprint does not contain the value', async () => {
		const key = await newCredentialKey();
		const print = await fingerprint(key, 'password', 'admin1234');
		expect(JSON.stringify(print)).not.toContain('admin');
		expect(print.neighbours.length).toBeGreaterThan(0);
		expect(print.neighbours.every((h) => /^[0-9a-f]{16}$/.test(h))).toBe(true);
	});
});
