import { describe, expect, it } from 'vitest';
import { analyseCredential, fingerprint, newCredentialKey } from './credentials';
import { BLUETOOTH_PIN_NOTE, credentialIndication, describeShape } from './indications';
import { acceptIntoProduct, nextUnit, readFromLabel, type LabelReading } from './reading';

const key = await newCredentialKey();

async function reading(
	unit: number,
	value: string,
	at: string,
	serial = '5C0A12345'
): Promise<LabelReading> {
	return {
		id: `r${unit}${at}`,
		photoId: `p${unit}`,
		checkId: unit === 1 ? 'identify' : 'PHY-02',
		unit,
		readAt: at,
		engine: 'tesseract.js 7.0.0 · eng-4.0.0_best_int',
		confidence: 90,
		credentials: [
			{
				kind: 'password',
				analysis: analyseCredential('password', value, { serial }),
				...(await fingerprint(key, 'password', value))
			}
		]
	};
}

describe('indications for the printed-credential checks', () => {
	it('PHY-01: a common default points to Refer; a long random one to Pass', async () => {
		const generic = credentialIndication('PHY-01', [await reading(1, 'admin1234', '1')]);
		expect(generic?.points).toBe('REFER');
		expect(generic?.findings[0]).toContain('on the list of common default passwords');
		const unique = credentialIndication('PHY-01', [await reading(1, 'Xk7p-QQ2m-r8Tz', '1')]);
		expect(unique?.points).toBe('PASS');
		expect(credentialIndication('PHY-01', [])).toBeNull();
	});

	it('PHY-01: a generic PIN is a referral that says a Bluetooth pairing PIN is no password', async () => {
		const pin = credentialIndication('PHY-01', [
			{
				...(await reading(1, 'x', '1')),
				credentials: [
					{
						kind: 'pin',
						analysis: analyseCredential('pin', '0000', {}),
						...(await fingerprint(key, 'pin', '0000'))
					}
				]
			}
		]);
		expect(pin?.points).toBe('REFER');
		expect(pin?.findings).toContain(BLUETOOTH_PIN_NOTE);
		const password = credentialIndication('PHY-01', [await reading(1, 'admin1234', '1')]);
		expect(password?.findings).not.toContain(BLUETOOTH_PIN_NOTE);
	});

	it('PHY-03: derived from the serial points to Refer, naming how', async () => {
		const derived = credentialIndication('PHY-03', [await reading(1, 'cam12345', '1')]);
		expect(derived?.points).toBe('REFER');
		expect(derived?.findings.join(' ')).toMatch(/serial number/);
		const not = credentialIndication('PHY-03', [await reading(1, 'Xk7p-QQ2m-r8Tz', '1')]);
		expect(not?.points).toBe('PASS');
	});

	it('PHY-02: one unit is inconclusive; equal values and counting values point to Refer', async () => {
		expect(credentialIndication('PHY-02', [await reading(1, 'admin1234', '1')])?.points).toBe(
			'INCONCLUSIVE'
		);
		const same = credentialIndication('PHY-02', [
			await reading(1, 'admin1234', '1'),
			await reading(2, 'admin1234', '2')
		]);
		expect(same?.points).toBe('REFER');
		expect(same?.findings[0]).toContain('universal default');
		const counting = credentialIndication('PHY-02', [
			await reading(1, 'SC-00412', '1'),
			await reading(2, 'SC-00415', '2')
		]);
		expect(counting?.findings[0]).toContain('incremental counter');
		const differ = credentialIndication('PHY-02', [
			await reading(1, 'Xk7p-QQ2m', '1'),
			await reading(2, 'r8Tz-Wn4c', '2'),
			// A later reading of unit 2 replaces its earlier one.
			await reading(2, 'Xk7p-QQ2m', '0')
		]);
		expect(differ?.points).toBe('PASS');
	});

	it('describes a credential by its shape only', () => {
		expect(describeShape(analyseCredential('pin', '4711', {}))).toBe('4 characters: digits');
	});
});

describe('what was read from the label', () => {
	it('counts a field as read only while it keeps the accepted value', () => {
		expect(
			readFromLabel(
				{ model: 'SC-CAM-200', serial: '5C0A12345', brand: 'ACME' },
				{ model: 'SC-CAM-200', serial: '5C0A12346', brand: ' ACME ' }
			)
		).toEqual(['brand', 'model']);
	});

	it('accepts a value into a product on a check screen, and numbers the next unit', async () => {
		expect(
			acceptIntoProduct({ model: 'SC-CAM', readFromLabel: ['serial'] }, 'model', 'SC-CAM-200')
		).toEqual({
			model: 'SC-CAM-200',
			readFromLabel: ['model', 'serial']
		});
		expect(nextUnit([])).toBe(2);
		expect(nextUnit([await reading(1, 'a', '1'), await reading(3, 'b', '2')])).toBe(4);
	});
});
