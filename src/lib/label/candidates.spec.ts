import { describe, expect, it } from 'vitest';
import { extractCandidates, firstOfEach, normaliseMac, type Candidate } from './candidates';

/** field → value of the first candidate of each field. */
function values(text: string) {
	return Object.fromEntries(
		Object.entries(firstOfEach(extractCandidates(text))).map(([field, c]) => [field, c!.value])
	);
}

function highlighted(text: string, candidate: Candidate): string {
	return text.split('\n')[candidate.line]!.slice(candidate.start, candidate.end);
}

describe('candidates from a label', () => {
	it('reads the test label: brand, model, hardware revision, serial and password, with their lines', () => {
		const text = [
			'ACME SmartCam',
			'Model: SC-CAM-200',
			'HW rev 2.1   S/N 5C0A12345',
			'Default password: admin1234',
			'',
			'5 012345 678900'
		].join('\n');
		const found = extractCandidates(text);
		expect(values(text)).toEqual({
			brand: 'ACME',
			model: 'SC-CAM-200',
			hardwareVersion: '2.1',
			serial: '5C0A12345',
			password: 'admin1234'
		});
		for (const candidate of found) expect(highlighted(text, candidate)).toBe(candidate.value);
		expect(found.map((c) => [c.field, c.line])).toEqual([
			['brand', 0],
			['model', 1],
			['hardwareVersion', 2],
			['serial', 2],
			['password', 3]
		]);
		expect(found.find((c) => c.field === 'brand')?.cue).toBe('first line');
	});

	it('knows "S/N:", "SN", "S/N", "Serial No." and "Serial Number"', () => {
		expect(values('S/N: AB12345').serial).toBe('AB12345');
		expect(values('SN AB12346').serial).toBe('AB12346');
		expect(values('SN:AB12347').serial).toBe('AB12347');
		expect(values('Serial No. AB12348').serial).toBe('AB12348');
		expect(values('Serial Number: AB12349').serial).toBe('AB12349');
		expect(values('Ser. No.: AB12350').serial).toBe('AB12350');
		// OCR reads S as 5 now and then.
		expect(values('5/N AB12351').serial).toBe('AB12351');
	});

	it('reads lower case labels and OCR noise around the words', () => {
		const text = [
			'| ~ . _',
			'model no.; hs-100(uk)',
			's/n : 2231a0012345,',
			'mac address 50-c7-bf-0a-1b-2c',
			'‘ wps pin: 12345670 ”',
			'wi-fi password: Xk7p-QQ2m'
		].join('\n');
		const found = values(text);
		expect(found.model).toBe('hs-100(uk)');
		expect(found.serial).toBe('2231a0012345');
		expect(found.mac).toBe('50:C7:BF:0A:1B:2C');
		expect(found.pin).toBe('12345670');
		expect(found.wifiKey).toBe('Xk7p-QQ2m');
		expect(found.password).toBeUndefined();
		// The noise line is not a brand: it has no word.
		expect(found.brand).toBeUndefined();
	});

	it('reads a router-style label in columns, with a Wi-Fi name and key', () => {
		const text = [
			'NETGEAR',
			'Model No.: R6700v3    Type: Router',
			'SSID: NETGEAR42    Wi-Fi Key: quietcoconut123',
			'Default access: http://routerlogin.net',
			'User name: admin   Password: password',
			'MAC 9C3DCF123456',
			'Firmware ver 1.0.4.120   HW Version: 1.0'
		].join('\n');
		const found = extractCandidates(text);
		const first = values(text);
		expect(first.brand).toBe('NETGEAR');
		expect(first.model).toBe('R6700v3');
		expect(first.ssid).toBe('NETGEAR42');
		expect(first.wifiKey).toBe('quietcoconut123');
		expect(first.password).toBe('password');
		expect(first.mac).toBe('9C:3D:CF:12:34:56');
		expect(first.hardwareVersion).toBe('1.0');
		// "Type: Router" is a second model candidate the inspector may ignore; firmware is none.
		expect(found.filter((c) => c.field === 'model').map((c) => c.value)).toEqual([
			'R6700v3',
			'Router'
		]);
		expect(found.filter((c) => c.field === 'hardwareVersion').map((c) => c.value)).toEqual(['1.0']);
	});

	it('finds a MAC address by its shape without a label word, and mends O for 0', () => {
		expect(values('ID 00:1A:2B:3C:4D:5E').mac).toBe('00:1A:2B:3C:4D:5E');
		expect(values('MAC: OO:1A:2B:3C:4D:5E').mac).toBe('00:1A:2B:3C:4D:5E');
		expect(normaliseMac('001a2b3c4d5e')).toBe('00:1A:2B:3C:4D:5E');
		expect(normaliseMac('00:1A:2B')).toBeNull();
	});

	it('reads setup codes, PW and a brand given by a word', () => {
		const found = values(
			['Brand: Globex', 'Type No. GX-9 2', 'HomeKit Setup Code 123-45-678', 'PW: 7Hq9wL2x'].join(
				'\n'
			)
		);
		expect(found.brand).toBe('Globex');
		expect(found.model).toBe('GX-9 2');
		expect(found.setupCode).toBe('123-45-678');
		expect(found.password).toBe('7Hq9wL2x');
	});

	it('proposes nothing for a label word without a value, and a value once', () => {
		const found = extractCandidates(
			['Model:', 'Serial No.', 'Model SC-1', 'model sc-1'].join('\n')
		);
		expect(found.map((c) => `${c.field}=${c.value}`)).toEqual(['model=SC-1']);
		expect(found[0]!.line).toBe(2);
	});

	it('does not take "3-pin plug" for a PIN or "Made in China" for a brand', () => {
		const found = values(['Input: 230V~ 50Hz', '3-pin plug', 'Made in China'].join('\n'));
		expect(found).toEqual({});
	});

	it('takes the lines of the engine with their boxes as they are', () => {
		const found = extractCandidates([
			{ text: 'Model: X-1', box: { x0: 10, y0: 20, x1: 200, y1: 40 } },
			{ text: 'PIN 4711', box: { x0: 10, y0: 50, x1: 200, y1: 70 } }
		]);
		expect(found.map((c) => [c.field, c.value, c.line])).toEqual([
			['model', 'X-1', 0],
			['pin', '4711', 1]
		]);
	});
});
