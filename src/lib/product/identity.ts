/**
 * The product identity that a scan resolves to: a GTIN plus whatever instance data the code
 * carried (serial, batch, dates, ...), with the raw AIs kept for display and audit.
 */

import type { AiElement } from './gs1';
import type { Gtin } from './gtin';

export type IdentitySource = 'gtin' | 'element-string' | 'digital-link';

export interface ProductIdentity {
	/** How the identity was read: a plain GTIN barcode, GS1 AI data, or a Digital Link URI. */
	source: IdentitySource;
	/** The GTIN as 14 digits: the form to store, compare and look up. */
	gtin14: string;
	/** The GTIN as carried by the code (8, 12, 13 or 14 digits; UPC-E expanded to UPC-A). */
	gtin: string;
	/** The original 8-digit UPC-E, when the code was one. */
	upcE?: string;
	/** (21) serial number. */
	serial?: string;
	/** (10) batch or lot number. */
	batch?: string;
	/** (22) consumer product variant. */
	cpv?: string;
	/** (17) expiration / use-by date, ISO `YYYY-MM-DD`. */
	expiry?: string;
	/** (15) best-before date, ISO `YYYY-MM-DD`. */
	bestBefore?: string;
	/** (16) sell-by date, ISO `YYYY-MM-DD`. */
	sellBy?: string;
	/** (11) production date, ISO `YYYY-MM-DD`. */
	productionDate?: string;
	/** (13) packaging date, ISO `YYYY-MM-DD`. */
	packagingDate?: string;
	/** (00) SSCC of the logistic unit, when a label carries one next to the GTIN. */
	sscc?: string;
	/** (240) additional product identification assigned by the manufacturer. */
	additionalId?: string;
	/** (241) customer part number. */
	customerPartNumber?: string;
	/** (250) secondary serial number (e.g. of a component). */
	secondarySerial?: string;
	/** Every AI read, in the order of the code (for a plain GTIN: just (01)). */
	ais: AiElement[];
	/** For Digital Links: the part before the primary key, and non-AI query parameters. */
	digitalLink?: { uri: string; stem: string; ignoredQueryParams: string[] };
}

/**
 * Why a scan did not give a product identity:
 * - `empty`: nothing was read;
 * - `not-gs1`: not a GS1 code at all (ordinary URL, text, unknown barcode content);
 * - `invalid`: GS1 data that is malformed (bad check digit, wrong length, bad date, ...);
 * - `not-a-product`: valid GS1 data without a GTIN (01), e.g. a pallet label's SSCC.
 */
export type ScanFailureCode = 'empty' | 'not-gs1' | 'invalid' | 'not-a-product';

export type IdentityResult =
	{ ok: true; identity: ProductIdentity } | { ok: false; reason: string; code: ScanFailureCode };

export interface DateOptions {
	/** "Today" for the GS1 century rule; defaults to the current date. */
	today?: Date;
}

/**
 * Converts a GS1 YYMMDD date to ISO `YYYY-MM-DD`. The century follows the GS1 General
 * Specifications (section 7.12): if YY is 51 to 99 years ahead of this year it is in the
 * previous century, if 50 to 99 years behind it is in the next, otherwise this century. DD 00
 * means the last day of the month. Assumes `yymmdd` already passed validation.
 */
export function gs1DateToIso(yymmdd: string, options: DateOptions = {}): string {
	const today = options.today ?? new Date();
	const thisYear = today.getUTCFullYear();
	const yy = Number(yymmdd.slice(0, 2));
	const diff = yy - (thisYear % 100);
	let century = Math.floor(thisYear / 100);
	if (diff >= 51) century--;
	else if (diff <= -50) century++;
	const year = century * 100 + yy;
	const month = Number(yymmdd.slice(2, 4));
	let day = Number(yymmdd.slice(4, 6));
	if (day === 0) day = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

const TEXT_FIELDS = {
	'21': 'serial',
	'10': 'batch',
	'22': 'cpv',
	'00': 'sscc',
	'240': 'additionalId',
	'241': 'customerPartNumber',
	'250': 'secondarySerial'
} as const;

const DATE_FIELDS = {
	'17': 'expiry',
	'15': 'bestBefore',
	'16': 'sellBy',
	'11': 'productionDate',
	'13': 'packagingDate'
} as const;

/**
 * Builds a product identity from validated AI data. Requires (01): a code without a GTIN
 * identifies something other than a product (a logistic unit, a location, an asset).
 */
export function identityFromAis(
	ais: AiElement[],
	source: IdentitySource,
	options: DateOptions = {}
): IdentityResult {
	const gtin = ais.find((e) => e.ai === '01')?.value;
	if (gtin === undefined) {
		const contained = ais.some((e) => e.ai === '02');
		return {
			ok: false,
			code: 'not-a-product',
			reason: contained
				? 'This is a logistic label: (02) names the products inside, not this item, and there is no GTIN (01).'
				: `This GS1 code has no GTIN (01), so it does not identify a product (it has ${ais
						.map((e) => `(${e.ai})`)
						.join(' ')}).`
		};
	}
	const identity: ProductIdentity = { source, gtin14: gtin, gtin, ais };
	for (const { ai, value } of ais) {
		if (ai in TEXT_FIELDS) {
			const field = TEXT_FIELDS[ai as keyof typeof TEXT_FIELDS];
			identity[field] ??= value;
		} else if (ai in DATE_FIELDS) {
			const field = DATE_FIELDS[ai as keyof typeof DATE_FIELDS];
			identity[field] ??= gs1DateToIso(value, options);
		}
	}
	return { ok: true, identity };
}

/** The identity of a plain GTIN barcode (EAN/UPC/ITF-14) or typed GTIN. */
export function identityFromGtin(gtin: Gtin): ProductIdentity {
	const identity: ProductIdentity = {
		source: 'gtin',
		gtin14: gtin.gtin14,
		gtin: gtin.gtin,
		ais: [{ ai: '01', value: gtin.gtin14 }]
	};
	if (gtin.upcE) identity.upcE = gtin.upcE;
	return identity;
}
