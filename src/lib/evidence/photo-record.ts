import type { PhotoSubject } from '$lib/catalogue/types';
import type { Mark } from './marks';

/**
 * A photo kept as evidence. Stored once and never overwritten: an annotation or a redaction is a
 * new photo whose `derivedFrom` names the original, and both keep their own hash.
 */
export interface PhotoRecord {
	/** Random id, unique on this device. */
	id: string;
	inspectionId: string;
	/** The check it was taken for; the identification step uses "identify". Never changes. */
	checkId: string;
	/**
	 * The checks (and steps) that cite it as evidence, `checkId` first: a photo taken once can be
	 * linked to several checks (see photo-links.ts). Absent on records from before links.
	 */
	usedBy?: string[];
	/**
	 * What it shows (the label, the packaging…), so the next check that wants a photo of the same
	 * thing is offered it (see photo-proposals.ts). Kept on this device only; absent on records
	 * from before subjects.
	 */
	shows?: PhotoSubject;
	/** The stored image bytes (JPEG); an ArrayBuffer where this browser failed to keep a Blob. */
	data: Blob | ArrayBuffer;
	/** SHA-256 of the stored bytes, lower-case hex. */
	sha256: string;
	bytes: number;
	type: string;
	width: number;
	height: number;
	/** When the photo was taken or chosen, ISO 8601. */
	capturedAt: string;
	caption: string;
	/** The photo this one was derived from (annotation or redaction), if any. */
	derivedFrom?: string;
	/** What was done to derive it. */
	derivation?: 'annotation' | 'redaction';
	/** The marks drawn on the original to make this photo (annotations or redactions). */
	marks?: Mark[];
	/** Where it was taken, only when the inspector turned "record location" on. */
	location?: { latitude: number; longitude: number; accuracyMetres: number };
}
