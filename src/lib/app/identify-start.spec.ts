import { describe, expect, it } from 'vitest';
import { emptyCardFields } from '$lib/product/identification';
import { IdentifyStart } from './identify-start.svelte';
import { identifyQuery } from '../../routes/(app)/inspections/new/drafts';

const draft = '0b8f3c2e-5d4a-4f61-9a7e-2c1d3e4f5a6b';
const visit = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';

describe('IdentifyStart', () => {
	it('reads back what the Identify URL mirrored', () => {
		const query = identifyQuery({
			typed: '5012345 678900',
			reason: 'Label torn',
			draftId: draft,
			visitId: visit,
			read: { model: 'SC-CAM-200', brand: 'Shelf & Co' }
		});
		const start = new IdentifyStart(new URLSearchParams(query));
		expect(start.typed).toBe('5012345 678900');
		expect(start.skipReason).toBe('Label torn');
		expect(start.wasSkipping).toBe(true);
		expect(start.draftId).toBe(draft);
		expect(start.visitId).toBe(visit);
		expect(start.accepted).toEqual({ model: 'SC-CAM-200', brand: 'Shelf & Co' });
	});

	it('ignores ids that are not UUIDs and label fields it does not know', () => {
		const start = new IdentifyStart(
			new URLSearchParams('draft=../x&visit=1&read.model=&read.colour=red')
		);
		expect(start.draftId).toBeNull();
		expect(start.visitId).toBeNull();
		expect(start.accepted).toEqual({});
		expect(start.wasSkipping).toBe(false);
	});

	it('chooses the draft id once, at the first label photo', () => {
		const start = new IdentifyStart(new URLSearchParams());
		const first = start.labelDraftId();
		expect(first).toMatch(/^[0-9a-f-]{36}$/);
		expect(start.labelDraftId()).toBe(first);
		expect(start.draftId).toBe(first);
	});

	it('carries the accepted label values, the draft and the visit to the product card', () => {
		const start = new IdentifyStart(new URLSearchParams({ draft, visit }));
		start.accept('model', 'SC-CAM-200');
		start.accept('serial', 'SN-1');
		expect(start.withLabel({ label: true })).toEqual({
			label: true,
			card: { ...emptyCardFields, model: 'SC-CAM-200', serial: 'SN-1' },
			read: { model: 'SC-CAM-200', serial: 'SN-1' },
			draftId: draft,
			visitId: visit
		});
	});

	it('starts from a code alone when nothing was read from a label', () => {
		const start = new IdentifyStart(new URLSearchParams());
		const code = { method: 'typed' as const, text: '5012345678900' };
		expect(start.withLabel({ code })).toEqual({ code, card: emptyCardFields });
	});
});
