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
