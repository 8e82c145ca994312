// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The signed-in user (session cookie or bearer token), or null. */
			user: SessionUser | null;
			/** The session token this request came with, when it is a valid one. */
			sessionToken: string | undefined;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
