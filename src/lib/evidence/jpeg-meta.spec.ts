import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJpegMeta } from './jpeg-meta';
import { testdataUrl } from '../../../tests/testdata';

const photo = (name: string) => new Uint8Array(readFileSync(testdataUrl(`photos/${name}`)));

describe('readJpegMeta on the test photos', () => {
	it('reads a 12 MP phone photo stored sideways with orientation 6 and GPS', () => {
		expect(readJpegMeta(photo('label-12mp-orientation6-gps.jpg'))).toEqual({
			width: 4000,
			height: 3000,
			orientation: 6,
			hasExif: true,
			hasGps: true
		});
	});

	it('reads the 48 MP photo, upright, with GPS', () => {
		expect(readJpegMeta(photo('label-48mp-gps.jpg'))).toMatchObject({
			width: 8000,
			height: 6000,
			orientation: 1,
			hasGps: true
		});
	});

	it('reads a small photo with no EXIF at all', () => {
		expect(readJpegMeta(photo('label-small-upright.jpg'))).toEqual({
			width: 750,
			height: 1000,
			orientation: 1,
			hasExif: false,
			hasGps: false
		});
	});
});

describe('readJpegMeta on what is not a readable JPEG', () => {
	it('returns null for a PNG, a HEIC-like box, empty and truncated input', () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const heic = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]);
		const truncated = photo('label-small-upright.jpg').slice(0, 40);
		for (const bytes of [png, heic, new Uint8Array(), truncated]) {
			expect(readJpegMeta(bytes)).toBeNull();
		}
	});

	it('takes a little-endian EXIF orientation from a hand-built segment', () => {
		// SOI, APP1 "Exif" with an Intel TIFF header and one IFD0 entry (orientation 8), SOF0 2x3.
		const tiff = [
			0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0
		];
		const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff, 0, 0, 0, 0];
		const sof = [8, 0, 3, 0, 2, 3, 1, 0x11, 0];
		const bytes = new Uint8Array([
			0xff,
			0xd8,
			0xff,
			0xe1,
			0,
			app1.length + 2,
			...app1,
			0xff,
			0xc0,
			0,
			sof.length + 2,
			...sof,
			0xff,
			0xd9
		]);
		expect(readJpegMeta(bytes)).toEqual({
			width: 2,
			height: 3,
			orientation: 8,
			hasExif: true,
			hasGps: false
		});
	});
});
