import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/http';
import { productRegister } from '$lib/server/review/products';
import { store } from '$lib/server/runtime';
import type { ProductRegister } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

/**
 * The product register for a device to take offline: each product the user may see reports of,
 * how often and where it was inspected, and the PSTI outcomes of its latest report.
 */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		const register: ProductRegister = {
			generatedAt: new Date().toISOString(),
			products: (await productRegister(store().db, user))
				.filter((product) => product.key !== 'unidentified')
				.map((product) => ({
					key: product.key,
					title: product.title,
					gtin: product.gtin,
					brand: product.brand,
					model: product.model,
					inspections: product.inspections.length,
					places: product.places,
					latest: {
						reportId: product.latest.reportId,
						finishedAt: product.latest.finishedAt,
						inspector: product.inspections[0]!.inspector,
						psti: product.latest.psti
					}
				}))
		};
		return json(register);
	});
