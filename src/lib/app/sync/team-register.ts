/**
 * The team's product register on this device: fetched after a sync, kept in settings so the
 * product card can say, offline, what the team already found on this product.
 */
import { settings } from '$lib/db';
import { fetchServer } from './http-server';
import { API, registerKey, type ProductRegister, type TeamProduct } from '$lib/contract/protocol';

export const REGISTER_KEY = 'teamRegister';

/** Fetches the register and keeps it; a failure keeps the last one (it is only a hint). */
export async function refreshTeamRegister(): Promise<void> {
	try {
		const response = await fetchServer(API.products);
		if (response.ok) await settings.set(REGISTER_KEY, (await response.json()) as ProductRegister);
	} catch {
		// Offline or the server is away: the register on the device stays as it was.
	}
}

/** The register on this device (a live query keeps a screen current as syncs refresh it). */
export function teamRegister(): Promise<ProductRegister | undefined> {
	return settings.get<ProductRegister>(REGISTER_KEY);
}

/** What the team's register says about this product, if anything. */
export function teamHistory(
	register: ProductRegister | undefined,
	product: { gtin?: string | null; brand?: string | null; model?: string | null }
): TeamProduct | null {
	if (!register) return null;
	const keys = [registerKey(product), registerKey({ brand: product.brand, model: product.model })];
	const model = product.model?.trim().toLowerCase();
	return (
		register.products.find((entry) => keys.includes(entry.key)) ??
		(model
			? register.products.find((entry) => entry.model?.trim().toLowerCase() === model)
			: undefined) ??
		null
	);
}
