import { describe, expect, it } from 'vitest';
import { createInspection } from '$lib/inspection';
import type { Catalogue } from '$lib/catalogue/types';
import {
	assessScannedCode,
	assessTypedCode,
	describeStart,
	emptyCardFields,
	identifiedProduct,
	startStateFromParams,
	startStateToParams,
	validateSkipReason,
	type StartState
} from './identification';

const GS = '\u001d';

describe('taking a scanned code', () => {
	it('takes an EAN-13 with its GTIN', () => {
		const result = assessScannedCode({ method: 'camera', text: '5012345678900', format: 'ean_13' });
		expect(result).toMatchObject({ accept: true, identity: { gtin14: '05012345678900' } });
	});

	it('takes a GS1 DataMatrix as ZXing reports it (no leading FNC1, GS separators)', () => {
		const result = assessScannedCode({
			method: 'camera',
			text: `010501234567890021SC12345${GS}10LOT42`,
			format: 'data_matrix'
		});
		expect(result).toMatchObject({
			accept: true,
			identity: { gtin14: '05012345678900', serial: 'SC12345', batch: 'LOT42' }
		});
	});

	it('takes a GS1 Digital Link QR code', () => {
		const result = assessScannedCode({
			method: 'photo',
			text: 'https://id.gs1.org/01/05012345678900/21/SC12345',
			format: 'qr_code'
		});
		expect(result).toMatchObject({
			accept: true,
			identity: { gtin14: '05012345678900', serial: 'SC12345' }
		});
	});

	it('takes a code that is not GS1 as read, saying so', () => {
		const result = assessScannedCode({ method: 'camera', text: 'SN-778812', format: 'code_128' });
		expect(result.accept).toBe(true);
		expect(result.accept && result.identity).toBeUndefined();
		expect(result.accept && result.notice).toMatch(/not a product number/);
	});

	it('refuses broken GS1 data and GS1 codes that name no product', () => {
		const broken = assessScannedCode({
			method: 'keyboard-scanner',
			text: '0105012345678901'
		});
		expect(broken).toEqual({ accept: false, reason: expect.stringMatching(/check digit/) });
		const pallet = assessScannedCode({
			method: 'camera',
			text: ']C100106141411234567897',
			format: 'code_128'
		});
		expect(pallet).toMatchObject({ accept: false });
		expect(assessScannedCode({ method: 'camera', text: '  ' })).toMatchObject({ accept: false });
	});
});

describe('a code typed on Identify', () => {
	it('takes a GTIN with spaces and hyphens and records the digits', () => {
		expect(assessTypedCode(' 5 012345-678900 ')).toMatchObject({
			accept: true,
			entry: { method: 'typed', text: '5012345678900' },
			identity: { gtin14: '05012345678900' }
		});
	});

	it('names the wrong check digit', () => {
		expect(assessTypedCode('5012345678901')).toEqual({
			accept: false,
			reason: 'The check digit should be 0, not 1.'
		});
	});

	it('names letters, wrong lengths and an empty field', () => {
		expect(assessTypedCode('SC-CAM-200')).toEqual({
			accept: false,
			reason: 'A GTIN contains only digits; remove letters and try again.'
		});
		expect(assessTypedCode('501234567')).toEqual({
			accept: false,
			reason: 'A GTIN has 8, 12, 13 or 14 digits; you entered 9.'
		});
		expect(assessTypedCode('')).toMatchObject({ accept: false, reason: /Enter the number/ });
	});

	it('reads a bracketed element string or a Digital Link typed on a keyboard', () => {
		expect(assessTypedCode('(01)05012345678900(21)SC1')).toMatchObject({
			accept: true,
			identity: { gtin14: '05012345678900', serial: 'SC1' }
		});
		expect(assessTypedCode('https://id.gs1.org/01/05012345678901')).toMatchObject({
			accept: false
		});
	});

	it('reads eight digits as a UPC-E where GS1 says so', () => {
		expect(assessTypedCode('01234565')).toMatchObject({
			accept: true,
			identity: { gtin14: '00012345000065', upcE: '01234565' }
		});
	});
});

describe('the start flow’s state in the URL', () => {
	const scanned: StartState = {
		code: {
			method: 'camera',
			text: `010501234567890021SC12345${GS}10LOT42`,
			format: 'data_matrix'
		},
		card: { ...emptyCardFields, model: 'SC-CAM-200', brand: 'Shelf & Co' }
	};

	it('survives the round trip, control characters and all', () => {
		const params = startStateToParams(scanned);
		expect(startStateFromParams(new URLSearchParams(params.toString()))).toEqual(scanned);
	});

	it('keeps a skip and its reason', () => {
		const skipped: StartState = { skipReason: 'Label torn off', card: emptyCardFields };
		expect(startStateFromParams(startStateToParams(skipped))).toEqual(skipped);
	});

	it('asks to start again when the URL names no code and no reasoned skip', () => {
		expect(startStateFromParams(new URLSearchParams(''))).toBeNull();
		expect(startStateFromParams(new URLSearchParams('via=skipped&skip=%20'))).toBeNull();
		expect(startStateFromParams(new URLSearchParams('via=teleport&code=1'))).toBeNull();
	});

	it('needs a reason that says something to skip', () => {
		expect(validateSkipReason('  ')).toMatch(/Say why/);
		expect(validateSkipReason('No barcode on the product')).toBeNull();
	});
});

describe('the product that goes into the inspection', () => {
	it('combines the code’s identity with the card and records how it was identified', () => {
		const result = identifiedProduct({
			code: {
				method: 'camera',
				text: `010501234567890021SC12345${GS}10LOT42`,
				format: 'data_matrix'
			},
			card: { model: ' SC-CAM-200 ', brand: 'Shelf & Co', hardwareVersion: '', serial: 'typed' }
		});
		expect(result).toEqual({
			ok: true,
			product: {
				gtin: '05012345678900',
				model: 'SC-CAM-200',
				brand: 'Shelf & Co',
				batch: 'LOT42',
				serial: 'SC12345',
				identification: {
					method: 'camera',
					text: `010501234567890021SC12345${GS}10LOT42`,
					format: 'data_matrix'
				}
			}
		});
	});

	it('records a skip with its reason and a typed serial, with no empty fields', () => {
		const result = identifiedProduct({
			skipReason: ' No barcode ',
			card: { model: 'SC-CAM-200', brand: '', hardwareVersion: 'rev B', serial: 'A1' }
		});
		expect(result).toEqual({
			ok: true,
			product: {
				model: 'SC-CAM-200',
				hardwareVersion: 'rev B',
				serial: 'A1',
				identification: { method: 'skipped', skipReason: 'No barcode' }
			}
		});
	});

	it('refuses without a model designation', () => {
		expect(
			identifiedProduct({
				code: { method: 'typed', text: '5012345678900' },
				card: { ...emptyCardFields, model: '  ' }
			})
		).toEqual({ ok: false, reason: expect.stringMatching(/model designation/) });
	});

	it('goes into a new inspection as a copy', () => {
		const result = identifiedProduct({
			code: { method: 'typed', text: '5012345678900' },
			card: { ...emptyCardFields, model: 'SC-CAM-200' }
		});
		if (!result.ok) throw new Error(result.reason);
		const catalogue = {
			version: 't',
			bundles: [{ id: 'shop-visit', context: 'shop', checks: [] }]
		} as unknown as Catalogue;
		const inspection = createInspection({
			id: 'a',
			now: '2026-01-01T00:00:00.000Z',
			catalogue,
			bundleId: 'shop-visit',
			place: { kind: 'shop', name: 'Corner' },
			inspector: 'A',
			product: result.product
		});
		expect(inspection.product).toEqual(result.product);
		expect(inspection.product?.identification).not.toBe(result.product.identification);
	});
});

describe('naming the product on the later steps', () => {
	it('gives the model and the GTIN, or says there is no GTIN', () => {
		const card = { ...emptyCardFields, model: 'SC-CAM-200' };
		expect(describeStart({ code: { method: 'typed', text: '5012345678900' }, card })).toBe(
			'SC-CAM-200 · GTIN 05012345678900'
		);
		expect(
			describeStart({ code: { method: 'camera', text: 'SN-1', format: 'code_128' }, card })
		).toBe('SC-CAM-200 · code not a GTIN');
		expect(describeStart({ skipReason: 'Torn', card })).toBe('SC-CAM-200 · no code');
	});
});

describe('a label read in place of a code', () => {
	it('travels in the URL with the accepted values, and records which fields were read', async () => {
		const { startStateFromParams, startStateToParams, identifiedProduct, describeStart } =
			await import('./identification');
		const state = {
			label: true as const,
			card: { model: 'SC-CAM-200', brand: 'ACME', hardwareVersion: '2.2', serial: '5C0A12345' },
			read: { model: 'SC-CAM-200', hardwareVersion: '2.1', serial: '5C0A12345' },
			draftId: '2b1f0c1e-8f6a-4d3c-9b7a-0a1b2c3d4e5f'
		};
		const params = startStateToParams(state);
		expect(params.get('via')).toBe('label');
		expect(startStateFromParams(params)).toEqual(state);
		const identified = identifiedProduct(state);
		expect(identified).toEqual({
			ok: true,
			product: {
				model: 'SC-CAM-200',
				brand: 'ACME',
				hardwareVersion: '2.2',
				serial: '5C0A12345',
				identification: { method: 'label' },
				// The hardware version was typed over, so it no longer counts as read.
				readFromLabel: ['model', 'serial']
			}
		});
		expect(describeStart(state)).toBe('SC-CAM-200 · read from the label');
	});
});
