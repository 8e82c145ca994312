import { json } from '@sveltejs/kit';
import { api, readJson, requireUser } from '$lib/server/http';
import { enrolDevice, listDevices } from '$lib/server/sync/devices';
import { settings, store } from '$lib/server/runtime';
import { enrolDeviceRequestSchema } from '$lib/contract/protocol';
import type { RequestHandler } from './$types';

/** Enrols this device's public key to the signed-in user (201; the same key again: 200). */
export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = requireUser(event);
		const body = await readJson(event.request, enrolDeviceRequestSchema, settings().maxJsonBytes);
		const { device, created } = await enrolDevice(store().db, user, body);
		return json(device, { status: created ? 201 : 200 });
	});

export const GET: RequestHandler = (event) =>
	api(async () => json({ devices: await listDevices(store().db, requireUser(event)) }));
