import { describe, expect, it } from 'vitest';
import { mergeProductRecord, productRecordId } from './product-record';

describe('the device’s product register', () => {
	it('keys by GTIN, else by brand and model whatever their case', () => {
		expect(productRecordId({ gtin: '05012345678900', model: 'X' })).toBe('gtin:05012345678900');
		expect(productRecordId({ brand: ' Shelf ', model: 'SC-CAM-200' })).toBe(
			productRecordId({ brand: 'shelf', model: 'sc-cam-200 ' })
		);
	});

	it('keeps the first sighting and the latest confirmed details', () => {
		const first = mergeProductRecord(
			undefined,
			{ gtin: '05012345678900', model: 'SC-CAM-200', brand: 'Shelf' },
			'2026-01-01T00:00:00.000Z'
		);
		const second = mergeProductRecord(
			first,
			{ gtin: '05012345678900', model: 'SC-CAM-200B', hardwareVersion: 'rev B' },
			'2026-02-01T00:00:00.000Z'
		);
		expect(second).toEqual({
			id: 'gtin:05012345678900',
			gtin: '05012345678900',
			brand: 'Shelf',
			model: 'SC-CAM-200B',
			hardwareVersion: 'rev B',
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-02-01T00:00:00.000Z'
		});
	});
});
