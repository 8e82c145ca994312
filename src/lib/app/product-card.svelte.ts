/**
 * The product card's state: what the code says, what this device already knows about the
 * product (the register and earlier inspections, all offline), and the fields the inspector
 * confirms or types. The screen renders it; the start flow carries `state` on in the URL.
 */

import { products } from '$lib/db';
import type { Inspection } from '$lib/inspection/model';
import {
	identityOf,
	validateModel,
	type ProductCardFields,
	type StartState
} from '$lib/product/identification';
import type { ProductIdentity } from '$lib/product/identity';
import type { ProductRecord } from '$lib/db/product-record';

export class ProductCard {
	fields = $state<ProductCardFields>({ model: '', brand: '', hardwareVersion: '', serial: '' });
	/** The register's entry for this product; undefined while looking, null when unknown. */
	known = $state<ProductRecord | null | undefined>(undefined);
	/** Earlier inspections on this device; undefined while looking. */
	earlier = $state<Inspection[] | undefined>(undefined);
	submitted = $state(false);
	readonly identity: ProductIdentity | undefined;
	readonly #start: StartState;
	#lookupTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(start: StartState) {
		this.#start = start;
		this.fields = { ...start.card };
		this.identity = 'code' in start ? identityOf(start.code) : undefined;
	}

	/** The flow's state with what has been typed so far. */
	get state(): StartState {
		return { ...this.#start, card: { ...this.fields } };
	}

	get modelProblem(): string | null {
		return validateModel(this.fields.model);
	}

	/**
	 * Looks the product up on this device. A known product fills the fields the inspector has
	 * not typed (what the URL carried was typed, and wins).
	 */
	async load(): Promise<void> {
		const gtin = this.identity?.gtin14;
		const known = gtin
			? await products.byGtin(gtin)
			: (await products.byModel(this.fields.model))[0];
		this.#adopt(known);
		await this.#findEarlier();
	}

	/**
	 * Without a GTIN the model designation is the key: look again as it is typed (the product may
	 * be known by it, and have earlier inspections).
	 */
	modelChanged(): void {
		if (this.identity) return;
		clearTimeout(this.#lookupTimer);
		this.#lookupTimer = setTimeout(async () => {
			this.#adopt((await products.byModel(this.fields.model))[0]);
			await this.#findEarlier();
		}, 300);
	}

	/** Fills the fields the inspector has left empty from what the register knows. */
	#adopt(known: ProductRecord | undefined): void {
		this.known = known ?? null;
		if (!known) return;
		this.fields.model ||= known.model ?? '';
		this.fields.brand ||= known.brand ?? '';
		this.fields.hardwareVersion ||= known.hardwareVersion ?? '';
	}

	dispose(): void {
		clearTimeout(this.#lookupTimer);
	}

	async #findEarlier(): Promise<void> {
		const gtin = this.identity?.gtin14;
		const model = this.fields.model;
		this.earlier = await products.inspectionsOf({
			...(gtin ? { gtin } : {}),
			...(model.trim() ? { model } : {})
		});
	}
}
