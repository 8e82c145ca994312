import type { Inspection } from '$lib/inspection/model';
import type { Visit } from '$lib/visit/visit';
import {
	mergeProductRecord,
	productRecordId,
	type ProductRecord,
	type RegisteredProduct
} from './product-record';
import type { ShelfcheckDatabase } from './database';

/**
 * The products this device has identified, and the inspections of each: what the product card
 * shows offline. Filled as inspections start; the team's shared register is a later issue.
 */
export class ProductRepository {
	constructor(private readonly db: ShelfcheckDatabase) {}

	get(id: string): Promise<ProductRecord | undefined> {
		return this.db.products.get(id);
	}

	/** The product known by this GTIN-14, if any. */
	async byGtin(gtin: string): Promise<ProductRecord | undefined> {
		return (await this.db.products.get(productRecordId({ gtin }))) ?? undefined;
	}

	/** Products known by this model designation, whatever the case, most recent first. */
	async byModel(model: string): Promise<ProductRecord[]> {
		const trimmed = model.trim();
		if (trimmed === '') return [];
		const rows = await this.db.products.where('model').equalsIgnoreCase(trimmed).toArray();
		return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
	}

	/**
	 * Creates the draft and records its product in the register, in one transaction: a draft
	 * never exists without the register knowing its product, and a failed write leaves neither.
	 * `visit` is the visit it belongs to (new, or touched), stored in the same transaction.
	 */
	async createInspection(
		inspection: Inspection,
		product: RegisteredProduct,
		visit?: Visit
	): Promise<void> {
		const tables = [this.db.inspections, this.db.products, this.db.visits];
		await this.db.transaction('rw', tables, async () => {
			await this.db.inspections.add(inspection);
			if (visit) await this.db.visits.put({ ...visit, updatedAt: inspection.updatedAt });
			const id = productRecordId(product);
			const existing = await this.db.products.get(id);
			await this.db.products.put(mergeProductRecord(existing, product, inspection.createdAt));
		});
	}

	/**
	 * Earlier inspections on this device of the product with this GTIN-14 or model designation
	 * (either matches; the model whatever its case), newest first.
	 */
	async inspectionsOf(
		{ gtin, model }: { gtin?: string; model?: string },
		limit = 20
	): Promise<Inspection[]> {
		const found = new Map<string, Inspection>();
		if (gtin) {
			for (const row of await this.db.inspections.where('product.gtin').equals(gtin).toArray()) {
				found.set(row.id, row);
			}
		}
		const trimmed = model?.trim();
		if (trimmed) {
			const rows = await this.db.inspections
				.where('product.model')
				.equalsIgnoreCase(trimmed)
				.toArray();
			for (const row of rows) found.set(row.id, row);
		}
		return [...found.values()]
			.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
			.slice(0, limit);
	}
}
