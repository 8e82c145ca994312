import { catalogue } from '$lib/catalogue';
import type { Bundle } from '$lib/catalogue/types';
import { products, settings, visits } from '$lib/db';
import { clearPendingReadings, pendingReadings } from '$lib/app/label/label-readings';
import { createInspection, type Inspection, type Place } from '$lib/inspection';
import { identifiedProduct, type StartState } from '$lib/product/identification';
import { visitFor, type Visit } from '$lib/visit/visit';

export type StartedDraft = { ok: true; inspection: Inspection } | { ok: false; reason: string };

/**
 * Creates the draft from the start flow: the product identified, the bundle, place and inspector,
 * in the visit given (Next product) or in a new visit of its own. The label readings made on
 * Identify move onto it; place and inspector are remembered for the next time.
 */
export async function startDraft({
	start,
	bundle,
	place,
	inspector,
	visit
}: {
	start: StartState;
	bundle: Bundle;
	place: Place;
	inspector: string;
	visit?: Visit;
}): Promise<StartedDraft> {
	const identified = identifiedProduct(start);
	if (!identified.ok) return { ok: false, reason: identified.reason };
	const inspection = createInspection({
		// The id chosen on the product card, so a label photo taken there belongs to it.
		id: start.draftId ?? crypto.randomUUID(),
		now: new Date().toISOString(),
		catalogue,
		bundleId: bundle.id,
		place,
		inspector,
		product: identified.product
	});
	const inVisit = visit ?? visitFor(inspection, crypto.randomUUID());
	inspection.visitId = inVisit.id;
	// Label readings made on Identify were kept under the chosen id until now.
	const readings = start.draftId ? await pendingReadings(start.draftId) : [];
	if (readings.length > 0) inspection.labelReadings = readings;
	await products.createInspection(inspection, identified.product, inVisit);
	if (start.draftId) await clearPendingReadings(start.draftId);
	await settings.set(`place:${bundle.context}`, inspection.place);
	await settings.set('inspector', inspection.inspector);
	return { ok: true, inspection };
}

/** The visit a Next product joins, or null when it is no longer on this device. */
export async function visitToJoin(start: StartState): Promise<Visit | null> {
	return start.visitId ? ((await visits.get(start.visitId)) ?? null) : null;
}
