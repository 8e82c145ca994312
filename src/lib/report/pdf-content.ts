/**
 * What a report PDF says, worked out from the signed document and the catalogue, before any
 * drawing: every word, label and number the pages show, and which photos are shown. Pure, so the
 * rules that matter (honest words, which photos may be shown, what the appendix lists) are tested
 * without a PDF; `pdf.ts` only lays this out.
 */
import type {
	Catalogue,
	CheckKind,
	Provision,
	ScopeQuestionId,
	Verdict
} from '$lib/catalogue/types';
import type { ProvisionOutcome } from '$lib/contract/enums';
import {
	answerCounts,
	answerIndication,
	answerWords,
	outcomeCounts,
	outcomeWords,
	pstiFactLines,
	pstiScopeOf,
	ROLLUP_RULE,
	SHALL_SHOULD,
	sharedReason,
	type AnswerIndication
} from '$lib/inspection/indications';
import { pstiProvisionIds } from '$lib/inspection/rollup';
import { fingerprintFromKeyId } from '$lib/signing/keys';
import { IDENTIFY_STEP } from './build';
import type { ReportDocument, ReportPhoto } from '$lib/contract/report-document';
import { reportQrPayload } from './qr';

/**
 * The shape drawn beside a verdict or outcome, so colour is never the only cue (UX.md): a lens
 * for "No issue seen", a half-filled ring for "Partly indicated".
 */
export type IndicationSymbol =
	'tick' | 'cross' | 'dash' | 'question' | 'arrow' | 'ring' | 'half' | 'lens';

/** A verdict or outcome as shown: a shape and the words. */
export interface Indication {
	symbol: IndicationSymbol;
	words: string;
}

export interface Field {
	label: string;
	value: string;
}

export interface ProvisionLine {
	/** As the framework numbers it: "5.1-1", "PSTI-1". */
	id: string;
	title: string;
	/** EN 303 645 only. */
	obligation?: 'shall' | 'should';
	/** EN 303 645 only: the provision applies only where its condition holds. */
	conditional?: boolean;
	outcome: ProvisionOutcome;
	indication: Indication;
	/** The checks behind the outcome. */
	checks: string[];
	/** As signed: why a scope answer made it not applicable. */
	reason?: string;
	/** As signed: what partial evidence did not cover. */
	notCovered?: string;
}

export interface FrameworkSection {
	id: string;
	shortName: string;
	name: string;
	version: string;
	/** Non-zero outcome counts, strongest first. */
	counts: { outcome: ProvisionOutcome; words: string; count: number }[];
	/** Provisions some check in this inspection gave evidence on. */
	assessed: ProvisionLine[];
	/** Ids of the provisions no check in this inspection answers (many are lab-only). */
	notAssessed: string[];
	/** Set when one scope answer made every provision not applicable: said once, not per line. */
	notApplicableReason?: string;
}

export interface PhotoView {
	sha256: string;
	/** 1-based, in the document's order (time taken); the appendix uses the same numbers. */
	number: number;
	caption: string;
	/** "Redacted copy of photo 2" for a derived photo. */
	note?: string;
	/** As recorded in the document; the renderer prefers the JPEG's own size. */
	width: number;
	height: number;
}

export interface CheckView {
	id: string;
	title: string;
	question: string;
	verdict: Verdict;
	/** How the answer reads: a screening check's Pass shows as "No issue seen". */
	shownAs: AnswerIndication;
	indication: Indication;
	reason: string;
	answeredAt: string;
	/** Confirmed as the label reading proposed it: said beside the time. */
	proposedFromLabel?: true;
	/** The provisions the check gives an indication on: "EN 303 645 5.1-1", "PSTI-1". */
	provisions: string[];
	/** The photos drawn with this check: those it cites that no earlier part of the report shows. */
	photos: PhotoView[];
	/** "Also cites photo 1 (shown with Identification)": a photo taken once is drawn once. */
	photosShownElsewhere?: string;
}

export interface PhotoEntry {
	number: number;
	sha256: string;
	/** "DOC-06" or "Identification". */
	step: string;
	caption: string;
	/** Time taken, pixel size and file size. */
	details: string;
	/** "Redacted copy of photo 2". */
	derivation?: string;
	/** "Evidence for ID-01, PHY-01": the checks citing it, when any does. */
	citedBy?: string;
	/** Where the inspector chose to record location. */
	location?: string;
	shown: boolean;
	/** Why a photo is not shown in the report; absent when it is. */
	hiddenBecause?: string;
}

export interface SignatureView {
	reportId: string;
	reportHash: string;
	/** The device key's fingerprint, as Settings shows it. */
	fingerprint: string;
	keyId: string;
	qrPayload: string;
	fields: Field[];
}

export interface ReportContent {
	reportId: string;
	/** "Acme SC-CAM-200". */
	title: string;
	/** "Shop visit · Corner Electrics · 22 Nov 2026". */
	subtitle: string;
	notice: string;
	noticeDetail: string;
	/** Said when the catalogue supplying titles is not the one the inspection used. */
	catalogueNote?: string;
	product: Field[];
	inspection: Field[];
	scope: Field[];
	pstiSummary: ProvisionLine[];
	/** Set when a scope answer made every PSTI requirement not applicable (the exception). */
	pstiNotApplicableReason?: string;
	/** In-force date, the exception recorded, the deemed-compliance routes and unverified facts. */
	pstiFacts: string[];
	/** Shall against should, and that an unmet should is allowed with a recorded reason. */
	shallShould: string;
	/** How a provision's outcome follows from its checks. */
	rollupRule: string;
	/** "16 checks answered: 11 Pass, 2 Fail, ..." */
	verdictSummary: string;
	frameworks: FrameworkSection[];
	/** Photos taken at the identification step, shown before the checks. */
	identification: PhotoView[];
	checks: CheckView[];
	photos: PhotoEntry[];
	signature: SignatureView;
}

const outcomeSymbols: Record<ProvisionOutcome, IndicationSymbol> = {
	PASS: 'tick',
	FAIL: 'cross',
	NA: 'dash',
	INCONCLUSIVE: 'question',
	REFER: 'arrow',
	INCOMPLETE: 'ring',
	PARTLY: 'half',
	NO_ISSUE: 'lens',
	NOT_ASSESSED: 'ring'
};

/** A check's answer as shown; without a kind (a report signed before kinds), its verdict. */
export function verdictIndication(verdict: Verdict, kind?: CheckKind): Indication {
	return {
		symbol: outcomeSymbols[answerIndication(verdict, kind)],
		words: answerWords(verdict, kind)
	};
}

export function outcomeIndication(outcome: ProvisionOutcome): Indication {
	return { symbol: outcomeSymbols[outcome], words: outcomeWords[outcome] };
}

const contextWords: Record<ReportDocument['context'], string> = {
	shop: 'Shop',
	'goods-in': 'Goods-in',
	home: 'Home'
};

const scopeWords = { yes: 'Yes', no: 'No', unsure: 'Not sure' } as const;

const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * "22 Nov 2026, 10:00 UTC". Always UTC and never `Intl`, so the device and the server, whatever
 * their time zone and locale data, print the same words for the same signed time.
 */
export function formatUtc(iso: string, withTime = true): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	const day = `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
	if (!withTime) return day;
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${day}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** "1.2 MB", "412 KB": decimal units, as the app shows photo sizes. */
export function formatFileSize(bytes: number): string {
	if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
	if (bytes >= 1000) return `${Math.round(bytes / 1000)} KB`;
	return `${bytes} bytes`;
}

/** The product as a reader names it: "Acme SC-CAM-200", else "GTIN …", else not identified. */
export function productTitle(product: {
	gtin?: string | null;
	brand?: string | null;
	model?: string | null;
}): string {
	return (
		[product.brand, product.model].filter(Boolean).join(' ') ||
		(product.gtin ? `GTIN ${product.gtin}` : 'Product not identified')
	);
}

/** A provision as a reader finds it: EN 303 645 ids need the standard's name, the others do not. */
export function provisionLabel(framework: string, id: string): string {
	return framework === 'EN303645' ? `EN 303 645 ${id}` : id;
}

export type PhotoVisibility = { shown: true } | { shown: false; because: string };

/**
 * Which photos a report may show. A marked-up copy replaces the photo it was made from; a
 * redaction exists so that what it hides is never shared, so neither the original nor any other
 * copy made from the original without passing through a redaction (an annotation of the
 * original, say) is shown. A photo is shown when
 * 1. no photo in the document is derived from it, and
 * 2. going up its `derivedFrom` chain, every ancestor that has a redacted copy was left through
 *    a redaction.
 * The appendix still lists every photo and its hash, so the evidence stays verifiable.
 */
export function photoVisibility(photos: readonly ReportPhoto[]): Map<string, PhotoVisibility> {
	const bySha = new Map(photos.map((photo) => [photo.sha256, photo]));
	const number = new Map(photos.map((photo, index) => [photo.sha256, index + 1]));
	const children = new Map<string, ReportPhoto[]>();
	for (const photo of photos) {
		if (photo.derivedFrom && bySha.has(photo.derivedFrom)) {
			children.set(photo.derivedFrom, [...(children.get(photo.derivedFrom) ?? []), photo]);
		}
	}
	const redactionOf = (sha: string) =>
		(children.get(sha) ?? []).find((child) => child.derivation === 'redaction');

	const result = new Map<string, PhotoVisibility>();
	for (const photo of photos) {
		const copies = children.get(photo.sha256) ?? [];
		const redacted = redactionOf(photo.sha256);
		if (redacted) {
			result.set(photo.sha256, {
				shown: false,
				because: `Not shown: its redacted copy, photo ${number.get(redacted.sha256)}, replaces it.`
			});
			continue;
		}
		if (copies.length > 0) {
			const list = copies.map((copy) => number.get(copy.sha256)).join(', ');
			result.set(photo.sha256, {
				shown: false,
				because: `Not shown: its marked-up ${copies.length > 1 ? 'copies, photos' : 'copy, photo'} ${list}, ${copies.length > 1 ? 'replace' : 'replaces'} it.`
			});
			continue;
		}
		result.set(photo.sha256, unredactedAncestor(photo) ?? { shown: true });
	}
	return result;

	function unredactedAncestor(photo: ReportPhoto): PhotoVisibility | undefined {
		const seen = new Set([photo.sha256]);
		let step = photo;
		let parent = step.derivedFrom ? bySha.get(step.derivedFrom) : undefined;
		while (parent && !seen.has(parent.sha256)) {
			const redacted = redactionOf(parent.sha256);
			if (redacted && step.derivation !== 'redaction') {
				return {
					shown: false,
					because: `Not shown: it was made from photo ${number.get(parent.sha256)} without its redaction (photo ${number.get(redacted.sha256)}).`
				};
			}
			seen.add(parent.sha256);
			step = parent;
			parent = step.derivedFrom ? bySha.get(step.derivedFrom) : undefined;
		}
		return undefined;
	}
}

/** Everything the PDF says; throws only where `fingerprintFromKeyId` rejects the key id. */
export function reportContent(
	document: ReportDocument,
	catalogue: Catalogue,
	reportHash: string
): ReportContent {
	const checksById = new Map(catalogue.checks.map((check) => [check.id, check]));
	const frameworksById = new Map(catalogue.frameworks.map((f) => [f.id as string, f]));
	const provisionsByKey = new Map<string, Provision>(
		catalogue.provisions.map((p) => [`${p.framework}:${p.id}`, p])
	);
	const scopeText = new Map(catalogue.scopeQuestions.map((q) => [q.id as string, q.text]));

	const photoNumber = new Map(document.photos.map((photo, index) => [photo.sha256, index + 1]));
	const photoBySha = new Map(document.photos.map((photo) => [photo.sha256, photo]));
	const visibility = photoVisibility(document.photos);

	const derivationNote = (photo: ReportPhoto): string | undefined => {
		const from = photo.derivedFrom ? photoNumber.get(photo.derivedFrom) : undefined;
		if (!photo.derivation) return undefined;
		const kind = photo.derivation === 'redaction' ? 'Redacted' : 'Annotated';
		return from ? `${kind} copy of photo ${from}` : `${kind} copy`;
	};
	const view = (photo: ReportPhoto): PhotoView => {
		const note = derivationNote(photo);
		return {
			sha256: photo.sha256,
			number: photoNumber.get(photo.sha256)!,
			caption: photo.caption,
			...(note ? { note } : {}),
			width: photo.width,
			height: photo.height
		};
	};
	const shownViews = (hashes: readonly string[]): PhotoView[] =>
		hashes.flatMap((sha) => {
			const photo = photoBySha.get(sha);
			return photo && visibility.get(sha)?.shown ? [view(photo)] : [];
		});
	// Each photo is drawn once, where it first appears (identification, then the checks in
	// order); a later check citing it names it instead.
	const drawnWith = new Map<string, string>();
	const drawOnce = (hashes: readonly string[], at: string) => {
		const views = shownViews(hashes);
		const fresh = views.filter((photo) => !drawnWith.has(photo.sha256));
		const elsewhere = views
			.filter((photo) => drawnWith.has(photo.sha256))
			.map((photo) => `photo ${photo.number} (shown with ${drawnWith.get(photo.sha256)})`);
		for (const photo of fresh) drawnWith.set(photo.sha256, at);
		return { fresh, elsewhere };
	};
	const identification = drawOnce(
		document.photos.filter((photo) => photo.takenFor === IDENTIFY_STEP).map((p) => p.sha256),
		'Identification'
	).fresh;

	const { product } = document;
	const title = productTitle(product);

	const provisionLine = (
		framework: string,
		provision: ReportDocument['rollup'][number]['provisions'][number]
	): ProvisionLine => {
		const known = provisionsByKey.get(`${framework}:${provision.id}`);
		const { reason, notCovered } = provision;
		return {
			id: provision.id,
			title: known?.title ?? provision.id,
			...(known?.obligation ? { obligation: known.obligation } : {}),
			...(known?.obligation && known.condition ? { conditional: true } : {}),
			outcome: provision.outcome,
			indication: outcomeIndication(provision.outcome),
			checks: provision.checks,
			...(reason ? { reason } : {}),
			...(notCovered ? { notCovered } : {})
		};
	};

	const psti = document.rollup.find((framework) => framework.framework === 'PSTI');
	const pstiSummary = pstiProvisionIds.flatMap((id) => {
		const provision = psti?.provisions.find((p) => p.id === id);
		return provision ? [provisionLine('PSTI', provision)] : [];
	});
	const pstiNotApplicableReason = sharedReason(pstiSummary);

	const frameworks: FrameworkSection[] = document.rollup.map((section) => {
		const framework = frameworksById.get(section.framework);
		const tally: Partial<Record<ProvisionOutcome, number>> = {};
		for (const p of section.provisions) tally[p.outcome] = (tally[p.outcome] ?? 0) + 1;
		const notApplicableReason = sharedReason(
			section.provisions.map((p) => ({
				outcome: p.outcome,
				...(p.reason ? { reason: p.reason } : {})
			}))
		);
		return {
			...(notApplicableReason ? { notApplicableReason } : {}),
			id: section.framework,
			shortName: framework?.shortName ?? section.framework,
			name: framework?.name ?? section.framework,
			version: framework?.version ?? '',
			counts: outcomeCounts(tally),
			assessed: section.provisions
				.filter((p) => p.outcome !== 'NOT_ASSESSED')
				.map((p) => provisionLine(section.framework, p)),
			notAssessed: section.provisions.filter((p) => p.outcome === 'NOT_ASSESSED').map((p) => p.id)
		};
	});

	// A check's kind as signed; a document made with this very catalogue before the schema
	// carried kinds was signed with these kinds too. Otherwise none: the verdict's own word.
	const sameCatalogue = document.catalogueVersion === catalogue.version;
	const kindOf = (answer: ReportDocument['answers'][number]): CheckKind | undefined =>
		answer.kind ?? (sameCatalogue ? checksById.get(answer.checkId)?.kind : undefined);

	const checks: CheckView[] = document.answers.map((answer) => {
		const check = checksById.get(answer.checkId);
		const kind = kindOf(answer);
		const cited = drawOnce(answer.photos, answer.checkId);
		return {
			id: answer.checkId,
			title: check?.title ?? `Check ${answer.checkId}`,
			question: check?.question ?? '',
			verdict: answer.verdict,
			shownAs: answerIndication(answer.verdict, kind),
			indication: verdictIndication(answer.verdict, kind),
			reason: answer.reason.trim(),
			answeredAt: formatUtc(answer.answeredAt),
			...(answer.proposedBy === 'label' ? { proposedFromLabel: true as const } : {}),
			provisions: (check?.answers ?? []).map(
				(ref) =>
					`${provisionLabel(ref.framework, ref.id)}${ref.strength === 'partial' ? ' (in part)' : ''}`
			),
			photos: cited.fresh,
			...(cited.elsewhere.length
				? { photosShownElsewhere: `Also cites ${cited.elsewhere.join(' and ')}.` }
				: {})
		};
	});
	const citedBy = new Map<string, string[]>();
	for (const answer of document.answers)
		for (const sha of new Set(answer.photos))
			citedBy.set(sha, [...(citedBy.get(sha) ?? []), answer.checkId]);

	const counted = answerCounts(
		document.answers.map((answer) => {
			const kind = kindOf(answer);
			return { verdict: answer.verdict, ...(kind ? { kind } : {}) };
		})
	);
	const answered = document.answers.length;
	const verdictSummary = `${answered} ${answered === 1 ? 'check' : 'checks'} answered${counted.length ? `: ${counted.join(', ')}` : ''}.`;

	const photos: PhotoEntry[] = document.photos.map((photo, index) => {
		const seen = visibility.get(photo.sha256);
		const derivation = derivationNote(photo);
		const location = photo.location;
		return {
			number: index + 1,
			sha256: photo.sha256,
			step: photo.takenFor === IDENTIFY_STEP ? 'Identification' : photo.takenFor,
			caption: photo.caption,
			details: `Taken ${formatUtc(photo.capturedAt)} · ${photo.width} × ${photo.height} px · ${formatFileSize(photo.bytes)}`,
			...(derivation ? { derivation } : {}),
			...(citedBy.has(photo.sha256)
				? { citedBy: `Evidence for ${citedBy.get(photo.sha256)!.join(', ')}` }
				: {}),
			...(location
				? {
						location: `Location ${location.latitude}, ${location.longitude} (within ${location.accuracyMetres} m)`
					}
				: {}),
			shown: seen?.shown ?? false,
			...(seen && !seen.shown ? { hiddenBecause: seen.because } : {})
		};
	});

	const fingerprint = fingerprintFromKeyId(document.device.keyId);
	const place = [document.place.name, document.place.address].filter(Boolean).join(', ');

	return {
		reportId: document.reportId,
		title,
		subtitle: [
			document.bundle.name,
			document.place.name,
			formatUtc(document.finishedAt, false)
		].join(' · '),
		notice: document.notice,
		noticeDetail:
			'Each verdict records what an inspector could see, read or try during a ' +
			`${document.bundle.name.toLowerCase()}. It points to where a laboratory, the manufacturer ` +
			'or a regulator should look next. It is not a test result under ETSI TS 103 701, and it ' +
			'does not say that the product complies or fails to comply with any law or standard.',
		...(document.catalogueVersion !== catalogue.version
			? {
					catalogueNote: `Titles are from checklist catalogue ${catalogue.version}; the inspection used ${document.catalogueVersion}. Ids and verdicts are as signed.`
				}
			: {}),
		product: optionalFields([
			['Brand', product.brand],
			['Model', product.model],
			['GTIN', product.gtin],
			['Hardware version', product.hardwareVersion],
			['Batch', product.batch],
			['Serial number', product.serial]
		]),
		inspection: optionalFields([
			['Inspection', `${document.bundle.name} (${contextWords[document.context].toLowerCase()})`],
			['Place', place],
			['Inspector', document.inspector.name],
			['Started', formatUtc(document.startedAt)],
			['Finished', formatUtc(document.finishedAt)],
			['Checklist', `Catalogue ${document.catalogueVersion}, app ${document.appVersion}`],
			['Report id', document.reportId],
			['Amends report', document.supersedes ?? undefined]
		]),
		scope: Object.entries(document.scope).map(([id, answer]) => ({
			label: scopeText.get(id as ScopeQuestionId) ?? id,
			value: scopeWords[answer]
		})),
		pstiSummary,
		...(pstiNotApplicableReason ? { pstiNotApplicableReason } : {}),
		pstiFacts: psti
			? pstiFactLines(
					catalogue.pstiFacts,
					pstiScopeOf(catalogue.scopeQuestions, document.scope, document.scopeDetail ?? {})
				)
			: [],
		shallShould: SHALL_SHOULD,
		rollupRule: ROLLUP_RULE,
		verdictSummary,
		frameworks,
		identification,
		checks,
		photos,
		signature: {
			reportId: document.reportId,
			reportHash,
			fingerprint,
			keyId: document.device.keyId,
			qrPayload: reportQrPayload(document.reportId, reportHash),
			fields: [
				{ label: 'Report id', value: document.reportId },
				{ label: 'Report hash', value: reportHash },
				{ label: 'Key fingerprint', value: fingerprint },
				{
					label: 'Previous report',
					value: document.previousReportHash ?? 'None: the first report this device signed'
				},
				...(document.supersedes ? [{ label: 'Amends report', value: document.supersedes }] : []),
				{ label: 'Document schema', value: document.schema }
			]
		}
	};
}

function optionalFields(rows: [string, string | undefined][]): Field[] {
	return rows.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}
