import { getCheck } from '$lib/catalogue';
import type { EvidenceSpec, PhotoSubject } from '$lib/catalogue/types';
import { isUsedBy } from './photo-links';
import type { PhotoRecord } from './photo-record';

/**
 * Photos offered to a check by what they show: a check that wants a photo of the label is offered
 * the label photo already taken, so one photo answers every check that looks at the label. An
 * offer is never evidence by itself: it is shown beside the verdict, and the inspector's verdict
 * links it (or "Not this photo" drops it). Pure rules: the screens show and apply them.
 */

/** The step before the checks whose photos are of the label (see IDENTIFY_STEP). */
const IDENTIFY = 'identify';

type CheckEvidence = { id: string; evidence: Pick<EvidenceSpec, 'photo' | 'minPhotos' | 'shows'> };

/** A photo's subject as the screens name it. */
export const subjectNames: Record<PhotoSubject, string> = {
	label: 'Photo of the label',
	device: 'Photo of the device',
	packaging: 'Photo of the packaging',
	'maker-site': "The maker's web page",
	'privacy-notice': 'The privacy notice',
	app: 'App screen',
	'supplier-documents': "The supplier's document"
};

/** Photos a check asks for: at least one when required, none otherwise. */
export function photosWanted(check: CheckEvidence): number {
	return check.evidence.photo === 'required' ? Math.max(1, check.evidence.minPhotos) : 0;
}

/**
 * What a stored photo shows: as recorded when it was taken, or else (records from before
 * subjects) the subject of the check it was taken for when it names only one. Photos taken on
 * Identify are of the label.
 */
export function subjectOf(
	photo: Pick<PhotoRecord, 'shows' | 'checkId'>,
	resolveCheck: (checkId: string) => CheckEvidence | undefined = getCheck
): PhotoSubject | undefined {
	if (photo.shows) return photo.shows;
	if (photo.checkId === IDENTIFY) return 'label';
	const shows = resolveCheck(photo.checkId)?.evidence.shows ?? [];
	return shows.length === 1 ? shows[0] : undefined;
}

/** Subjects this check still wants a photo of, given the photos it cites and those offered. */
function uncovered(
	check: CheckEvidence,
	covering: PhotoRecord[],
	resolveCheck: (checkId: string) => CheckEvidence | undefined
): PhotoSubject[] {
	const covered = new Set(covering.map((photo) => subjectOf(photo, resolveCheck)));
	return check.evidence.shows.filter((subject) => !covered.has(subject));
}

/**
 * The photos offered to a check: for each subject it wants and no photo it cites shows, the
 * first photo of this inspection taken of that subject (a label reading first, then in the order
 * taken), up to the number of photos it still wants. Marked-up copies are not offered: they are
 * the same evidence again and do not count. `declined` are photos the inspector turned down here.
 */
export function proposedPhotos(
	photos: PhotoRecord[],
	check: CheckEvidence,
	options: {
		labelPhotoIds?: ReadonlySet<string>;
		declined?: ReadonlySet<string>;
		resolveCheck?: (checkId: string) => CheckEvidence | undefined;
	} = {}
): PhotoRecord[] {
	const { labelPhotoIds = new Set(), declined = new Set(), resolveCheck = getCheck } = options;
	const originals = photos.filter((photo) => !photo.derivedFrom);
	const cited = originals.filter((photo) => isUsedBy(photo, check.id));
	const slots = photosWanted(check) - cited.length;
	if (slots <= 0) return [];
	const candidates = originals
		.filter((photo) => !isUsedBy(photo, check.id) && !declined.has(photo.id))
		.sort(
			(a, b) =>
				Number(labelPhotoIds.has(b.id)) - Number(labelPhotoIds.has(a.id)) ||
				a.capturedAt.localeCompare(b.capturedAt) ||
				a.id.localeCompare(b.id)
		);
	const offered: PhotoRecord[] = [];
	for (const subject of uncovered(check, cited, resolveCheck)) {
		if (offered.length === slots) break;
		const photo = candidates.find(
			(candidate) =>
				(labelPhotoIds.has(candidate.id) ? 'label' : subjectOf(candidate, resolveCheck)) === subject
		);
		if (photo) offered.push(photo);
	}
	return offered;
}

/**
 * What a photo taken now for this check shows, where that can be told: the one subject it still
 * wants once its own photos and the offered ones are counted (the packaging, when the label photo
 * is offered to "Same model designation everywhere"), or the first of several it wants one of
 * each of. Undefined where the photo could be any of them (DOC-03: the packaging or the maker's
 * site), so it is offered to no other check by a guess.
 */
export function subjectForNewPhoto(
	photos: PhotoRecord[],
	check: CheckEvidence,
	offered: PhotoRecord[],
	resolveCheck: (checkId: string) => CheckEvidence | undefined = getCheck
): PhotoSubject | undefined {
	const { shows } = check.evidence;
	if (shows.length === 1) return shows[0];
	const cited = photos.filter((photo) => !photo.derivedFrom && isUsedBy(photo, check.id));
	const covering = [...cited, ...offered];
	const left = uncovered(check, covering, resolveCheck);
	const stillWanted = photosWanted(check) - covering.length;
	if (left.length === 1 || (left.length > 1 && stillWanted >= left.length)) return left[0];
	return undefined;
}
