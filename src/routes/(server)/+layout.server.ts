import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the navigation between the server's pages (nothing more). */
export const load: LayoutServerLoad = ({ locals }) => ({
	navUser: locals.user ? { name: locals.user.name, role: locals.user.role } : null
});
