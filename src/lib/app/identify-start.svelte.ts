/**
 * What the Identify screen holds between its ways in (camera, photo, label, typed code, skip):
 * the code being typed, the skip reason, the label values accepted, the draft id a label photo is
 * stored under and the visit the product joins. All of it is read from the screen's URL, which the
 * page mirrors it back into (`identifyQuery`), so that a reload or a dropped tab loses nothing.
 * Navigation stays with the page; this class turns the URL into state and state into a start.
 */
import { emptyCardFields, type CodeEntry, type StartState } from '$lib/product/identification';
import {
	productLabelFields,
	type AcceptedFromLabel,
	type ProductLabelField
} from '$lib/label/reading';

const UUID = /^[0-9a-f-]{36}$/;

export class IdentifyStart {
	/** Chosen at the first label photo (stored under it); carried on to the product card. */
	draftId = $state<string | null>(null);
	/** Next product: the visit this product joins. */
	readonly visitId: string | null;
	accepted = $state<AcceptedFromLabel>({});
	typed = $state('');
	skipReason = $state('');
	/** The URL was left with the skip dialog open: open it again. */
	readonly wasSkipping: boolean;

	constructor(params: URLSearchParams) {
		const draft = params.get('draft');
		this.draftId = draft && UUID.test(draft) ? draft : null;
		const visit = params.get('visit');
		this.visitId = visit && UUID.test(visit) ? visit : null;
		this.accepted = Object.fromEntries(
			productLabelFields
				.map((field) => [field, params.get(`read.${field}`)])
				.filter(([, value]) => value)
		);
		this.typed = params.get('typed') ?? '';
		this.skipReason = params.get('reason') ?? '';
		this.wasSkipping = params.has('reason');
	}

	/** The draft's id, chosen now if this is the first label photo. */
	labelDraftId(): string {
		this.draftId ??= crypto.randomUUID();
		return this.draftId;
	}

	accept(field: ProductLabelField, value: string) {
		this.accepted = { ...this.accepted, [field]: value };
	}

	get hasAccepted(): boolean {
		return Object.keys(this.accepted).length > 0;
	}

	/** The start state for the product card: how the product was identified, with the label's values. */
	withLabel(state: { code: CodeEntry } | { skipReason: string } | { label: true }): StartState {
		return {
			...state,
			card: { ...emptyCardFields, ...this.accepted },
			...(this.hasAccepted ? { read: { ...this.accepted } } : {}),
			...(this.draftId ? { draftId: this.draftId } : {}),
			...(this.visitId ? { visitId: this.visitId } : {})
		};
	}
}
