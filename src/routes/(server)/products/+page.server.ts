import { pageUser } from '$lib/server/review/page';
import { productRegister } from '$lib/server/review/products';
import { store } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = pageUser(event);
	return {
		role: user.role,
		organisation: user.orgName,
		products: await productRegister(store().db, user)
	};
};
