/**
 * A product as this device knows it: what the inspector confirmed on a label or card, kept so
 * that the next scan of the same product shows it offline. Keyed by GTIN where there is one,
 * otherwise by brand and model designation.
 */
export interface ProductRecord {
	/** "gtin:05012345678900" or "model:<brand>|<model designation>" (lower case). */
	id: string;
	/** GTIN-14, when the product was identified by a code. */
	gtin?: string;
	brand?: string;
	/** The model designation as read on the label and confirmed by the inspector. */
	model?: string;
	hardwareVersion?: string;
	createdAt: string;
	updatedAt: string;
}

/** The fields of an inspection's product that the register keeps. */
export interface RegisteredProduct {
	gtin?: string;
	brand?: string;
	model?: string;
	hardwareVersion?: string;
}

/**
 * The register key: by GTIN where there is one, otherwise by brand and model designation (case
 * folded, so "SC-CAM-200" and "sc-cam-200" are one product).
 */
export function productRecordId(product: {
	gtin?: string;
	brand?: string;
	model?: string;
}): string {
	if (product.gtin) return `gtin:${product.gtin}`;
	return `model:${(product.brand ?? '').trim().toLowerCase()}|${(product.model ?? '').trim().toLowerCase()}`;
}

/**
 * What the register keeps after an inspection of `product`: the latest confirmed details, and
 * the earlier ones where this inspection left a field empty.
 */
export function mergeProductRecord(
	existing: ProductRecord | undefined,
	product: RegisteredProduct,
	now: string
): ProductRecord {
	const record: ProductRecord = {
		id: productRecordId(product),
		createdAt: existing?.createdAt ?? now,
		updatedAt: now
	};
	const gtin = product.gtin ?? existing?.gtin;
	const brand = product.brand ?? existing?.brand;
	const model = product.model || existing?.model;
	const hardwareVersion = product.hardwareVersion ?? existing?.hardwareVersion;
	if (gtin) record.gtin = gtin;
	if (brand) record.brand = brand;
	if (model) record.model = model;
	if (hardwareVersion) record.hardwareVersion = hardwareVersion;
	return record;
}
