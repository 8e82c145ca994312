import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/http';
import { revokeDevice } from '$lib/server/sync/devices';
import { store } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Revokes a device: its reports are refused from now on (admins: any in the organisation). */
export const DELETE: RequestHandler = (event) =>
	api(async () => json(await revokeDevice(store().db, requireUser(event), event.params.kid)));
