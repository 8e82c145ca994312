import { describe, expect, it } from 'vitest';
import { getCheck } from '$lib/catalogue';
import { analyseCredential, fingerprint, newCredentialKey } from './credentials';
import { proposeFromLabel } from './proposals';
import type { LabelReading } from './reading';

const key = await newCredentialKey();
const check = (id: string) => getCheck(id)!;

async function reading(
	password: string | null,
	readAt: string,
	photoId: string
): Promise<LabelReading> {
	return {
		id: `r-${readAt}`,
		photoId,
		checkId: 'identify',
		unit: 1,
		readAt,
		engine: 'tesseract.js 7.0.0 · eng-4.0.0_best_int',
		confidence: 88,
		credentials: password
			? [
					{
						kind: 'password',
						analysis: analyseCredential('password', password, { serial: '5C0A12345' }),
						...(await fingerprint(key, 'password', password))
					}
				]
			: []
	};
}

describe('answers proposed from the label', () => {
	it('ID-01: proposes Pass only for a model accepted from the label, citing the label photo', async () => {
		const readings = [await reading(null, '2026-12-02T09:00:00Z', 'label-photo')];
		const read = { model: 'SC-CAM-200', readFromLabel: ['model' as const] };
		expect(proposeFromLabel(check('ID-01'), { product: read, labelReadings: readings })).toEqual({
			verdict: 'PASS',
			reason: expect.stringContaining('“SC-CAM-200”'),
			photoId: 'label-photo'
		});
		// Typed, not read: the label may not show it, so nothing is proposed.
		const typed = { model: 'SC-CAM-200', readFromLabel: [] };
		expect(
			proposeFromLabel(check('ID-01'), { product: typed, labelReadings: readings })
		).toBeNull();
		// Accepted, but no reading kept (no photo to cite): nothing.
		expect(proposeFromLabel(check('ID-01'), { product: read, labelReadings: [] })).toBeNull();
	});

	it('PHY-01: a common default password proposes Refer, a long random one Pass, with the findings', async () => {
		const generic = proposeFromLabel(check('PHY-01'), {
			labelReadings: [await reading('admin1234', '2026-12-02T09:00:00Z', 'p1')]
		});
		expect(generic?.verdict).toBe('REFER');
		expect(generic?.reason).toMatch(/common default/);
		expect(generic?.photoId).toBe('p1');
		const unique = proposeFromLabel(check('PHY-01'), {
			labelReadings: [await reading('Xk7p-QQ2m-r8Tz', '2026-12-02T09:00:00Z', 'p1')]
		});
		expect(unique?.verdict).toBe('PASS');
	});

	it('PHY-03: a password built from the serial proposes Refer; the latest reading with a password is cited', async () => {
		const proposal = proposeFromLabel(check('PHY-03'), {
			labelReadings: [
				await reading('cam12345', '2026-12-02T09:00:00Z', 'with-password'),
				await reading(null, '2026-12-02T09:05:00Z', 'later-without')
			]
		});
		expect(proposal).toMatchObject({ verdict: 'REFER', photoId: 'with-password' });
		expect(proposal?.reason).toMatch(/serial number/);
	});

	it('proposes nothing without a printed password, and nothing for checks a label cannot answer', async () => {
		const none = [await reading(null, '2026-12-02T09:00:00Z', 'p1')];
		expect(proposeFromLabel(check('PHY-01'), { labelReadings: none })).toBeNull();
		expect(proposeFromLabel(check('PHY-03'), { labelReadings: none })).toBeNull();
		const withPassword = [await reading('admin1234', '2026-12-02T09:00:00Z', 'p1')];
		expect(proposeFromLabel(check('DOC-03'), { labelReadings: withPassword })).toBeNull();
	});
});
