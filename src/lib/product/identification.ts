/**
 * How the product under inspection was identified, and what the start flow carries from the
 * Identify screen through the product card, the bundle and "where and who" to the new draft.
 *
 * Pure: the flow's state travels in the URL (`startStateToParams` / `startStateFromParams`), so a
 * reload on any step keeps what was scanned and typed, and two tabs never share a half-started
 * inspection.
 */

import { parseScan } from './scan';
import type { ProductIdentity as Gs1Identity } from './identity';
import { validateManualGtin } from './gtin';
import {
	productLabelFields,
	readFromLabel,
	type AcceptedFromLabel,
	type ProductLabelField
} from '$lib/label/reading';

export type IdentificationMethod =
	'camera' | 'photo' | 'keyboard-scanner' | 'typed' | 'label' | 'skipped';

export const identificationMethods: readonly IdentificationMethod[] = [
	'camera',
	'photo',
	'keyboard-scanner',
	'typed',
	'label',
	'skipped'
];

/** A code as it came in: decoded from the camera, a photo or a hardware scanner, or typed. */
export interface CodeEntry {
	method: Exclude<IdentificationMethod, 'skipped' | 'label'>;
	/** Exactly as decoded or (for typed GTINs) as cleaned of spaces and hyphens. */
	text: string;
	/** The decoder's format (Barcode Detection API naming, e.g. `ean_13`), when decoded. */
	format?: string;
}

/** Recorded in the inspection: how the product was identified. Plain JSON, no undefined. */
export interface ProductIdentification {
	method: IdentificationMethod;
	/** The decoded or typed text (GS separators kept). Absent when skipped. */
	text?: string;
	format?: string;
	/** Why the inspector went on without a code. Only when skipped. */
	skipReason?: string;
}

/** The product as it goes into the inspection record (see `inspection/model.ts`). */
export interface IdentifiedProduct {
	/** GTIN-14, when a code gave one. */
	gtin?: string;
	brand?: string;
	/** As read on the label and confirmed by the inspector: always present. */
	model: string;
	hardwareVersion?: string;
	batch?: string;
	serial?: string;
	identification: ProductIdentification;
	/** The fields read from the label by OCR and confirmed (accepted, not typed over). */
	readFromLabel?: ProductLabelField[];
}

/** What the inspector typed on the product card. */
export interface ProductCardFields {
	model: string;
	brand: string;
	hardwareVersion: string;
	/** Only asked for when the code carried no serial number. */
	serial: string;
}

export const emptyCardFields: ProductCardFields = {
	model: '',
	brand: '',
	hardwareVersion: '',
	serial: ''
};

/**
 * Everything the start flow knows before the draft exists: a code, or a skip with its reason, or
 * a label read by OCR in place of a code.
 */
export type StartState = ({ code: CodeEntry } | { skipReason: string } | { label: true }) & {
	card: ProductCardFields;
	/** The values accepted from a label reading, as accepted (to record what was read). */
	read?: AcceptedFromLabel;
	/**
	 * The id the inspection will have, chosen on the product card so that a photo of the label
	 * taken there already belongs to it.
	 */
	draftId?: string;
	/** The visit this product is inspected in (Next product); absent for a new visit. */
	visitId?: string;
};

// ---------------------------------------------------------------------------------------------
// Taking a code in

export type CodeAssessment =
	/** Go on to the product card; `identity` when the code names a GTIN, `notice` when not. */
	| { accept: true; entry: CodeEntry; identity?: Gs1Identity; notice?: string }
	/** Stay on Identify and say why. */
	| { accept: false; reason: string };

/**
 * Decides whether a scanned code can identify the product. GS1 codes naming a GTIN are taken
 * with their identity. Codes that are not GS1 at all (a serial number in a Code 128, a plain
 * QR code) are taken as read: the product card says so and the inspector types the model.
 * Broken GS1 data (a wrong check digit) and GS1 codes without a GTIN (a pallet's SSCC) are
 * refused, because they would mislead.
 */
export function assessScannedCode(entry: CodeEntry): CodeAssessment {
	const text = entry.text.trim();
	if (text === '') return { accept: false, reason: 'The code was empty.' };
	const cleaned: CodeEntry = { ...entry, text };
	const parsed = parseScan(text, entry.format ? { format: entry.format } : {});
	if (parsed.ok) return { accept: true, entry: cleaned, identity: parsed.identity };
	if (parsed.code === 'not-gs1') {
		return {
			accept: true,
			entry: cleaned,
			notice: 'This code is not a product number (GTIN). It is kept with the inspection as read.'
		};
	}
	return { accept: false, reason: parsed.reason };
}

/**
 * Checks a code typed on the Identify screen. Digits (spaces and hyphens allowed) must be a GTIN
 * with the right check digit; GS1 element strings and Digital Link URIs pasted or typed on a
 * keyboard are read as a scanner would read them. Every refusal names the problem.
 */
export function assessTypedCode(input: string): CodeAssessment {
	const text = input.trim();
	if (/^[(^\]]|^https?:\/\//i.test(text)) {
		const parsed = parseScan(text);
		if (parsed.ok)
			return { accept: true, entry: { method: 'typed', text }, identity: parsed.identity };
		return { accept: false, reason: parsed.reason };
	}
	const gtin = validateManualGtin(text);
	if (!gtin.ok) return { accept: false, reason: gtin.reason };
	const digits = text.replace(/[\s-]+/g, '');
	const parsed = parseScan(digits);
	if (!parsed.ok) return { accept: false, reason: parsed.reason };
	return { accept: true, entry: { method: 'typed', text: digits }, identity: parsed.identity };
}

/** The GS1 identity of an accepted code entry, if it names a GTIN. */
export function identityOf(entry: CodeEntry): Gs1Identity | undefined {
	const parsed = parseScan(entry.text, entry.format ? { format: entry.format } : {});
	return parsed.ok ? parsed.identity : undefined;
}

/** A skip needs a reason that says something. */
export function validateSkipReason(reason: string): string | null {
	return reason.trim() === ''
		? 'Say why the product cannot be identified by a code, e.g. “No barcode on the product”.'
		: null;
}

// ---------------------------------------------------------------------------------------------
// The flow's state in the URL

const PARAMS = {
	method: 'via',
	text: 'code',
	format: 'format',
	skip: 'skip',
	model: 'model',
	brand: 'brand',
	hardwareVersion: 'hw',
	serial: 'serial',
	draftId: 'draft',
	visitId: 'visit'
} as const;

/** The accepted label values travel as `read.model=...`: names and values, never credentials. */
const READ_PREFIX = 'read.';

export function startStateToParams(state: StartState): URLSearchParams {
	const params = new URLSearchParams();
	if ('code' in state) {
		params.set(PARAMS.method, state.code.method);
		params.set(PARAMS.text, state.code.text);
		if (state.code.format) params.set(PARAMS.format, state.code.format);
	} else if ('label' in state) {
		params.set(PARAMS.method, 'label');
	} else {
		params.set(PARAMS.method, 'skipped');
		params.set(PARAMS.skip, state.skipReason);
	}
	const { card } = state;
	for (const field of ['model', 'brand', 'hardwareVersion', 'serial'] as const) {
		if (card[field] !== '') params.set(PARAMS[field], card[field]);
	}
	if (state.draftId) params.set(PARAMS.draftId, state.draftId);
	if (state.visitId) params.set(PARAMS.visitId, state.visitId);
	for (const field of productLabelFields) {
		const value = state.read?.[field];
		if (value) params.set(`${READ_PREFIX}${field}`, value);
	}
	return params;
}

/** The flow's state from a URL, or null when it names no code and no skip (start again). */
export function startStateFromParams(params: URLSearchParams): StartState | null {
	const method = params.get(PARAMS.method);
	const card: ProductCardFields = {
		model: params.get(PARAMS.model) ?? '',
		brand: params.get(PARAMS.brand) ?? '',
		hardwareVersion: params.get(PARAMS.hardwareVersion) ?? '',
		serial: params.get(PARAMS.serial) ?? ''
	};
	const draftId = params.get(PARAMS.draftId);
	const visitId = params.get(PARAMS.visitId);
	const read: AcceptedFromLabel = {};
	for (const field of productLabelFields) {
		const value = params.get(`${READ_PREFIX}${field}`);
		if (value) read[field] = value;
	}
	const draft = {
		...(draftId && /^[0-9a-f-]{36}$/.test(draftId) ? { draftId } : {}),
		...(visitId && /^[0-9a-f-]{36}$/.test(visitId) ? { visitId } : {}),
		...(Object.keys(read).length > 0 ? { read } : {})
	};
	if (method === 'label') return { label: true, card, ...draft };
	if (method === 'skipped') {
		const skipReason = params.get(PARAMS.skip) ?? '';
		return validateSkipReason(skipReason) === null ? { skipReason, card, ...draft } : null;
	}
	const text = params.get(PARAMS.text);
	if (!text || !identificationMethods.includes(method as IdentificationMethod)) return null;
	const code: CodeEntry = { method: method as CodeEntry['method'], text };
	const format = params.get(PARAMS.format);
	if (format) code.format = format;
	return { code, card, ...draft };
}

// ---------------------------------------------------------------------------------------------
// Into the inspection

export function validateModel(model: string): string | null {
	return model.trim() === ''
		? 'Type the model designation as printed on the product’s label.'
		: null;
}

/**
 * The product for the new inspection: the code's identity (GTIN, serial, batch) plus what the
 * inspector confirmed on the card. Serial and batch from the code win over typed ones: they were
 * read, not retyped. Refuses without a model designation (a required field of the inspection).
 */
export function identifiedProduct(
	state: StartState
): { ok: true; product: IdentifiedProduct } | { ok: false; reason: string } {
	const problem = validateModel(state.card.model);
	if (problem) return { ok: false, reason: problem };
	const identification: ProductIdentification =
		'code' in state
			? {
					method: state.code.method,
					text: state.code.text,
					...(state.code.format ? { format: state.code.format } : {})
				}
			: 'label' in state
				? { method: 'label' }
				: { method: 'skipped', skipReason: state.skipReason.trim() };
	const identity = 'code' in state ? identityOf(state.code) : undefined;
	const product: IdentifiedProduct = { model: state.card.model.trim(), identification };
	const optional = {
		gtin: identity?.gtin14,
		brand: state.card.brand.trim(),
		hardwareVersion: state.card.hardwareVersion.trim(),
		batch: identity?.batch,
		serial: identity?.serial ?? state.card.serial.trim()
	};
	// Only fields with a value: the record is stored and signed as plain JSON.
	for (const [field, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
		if (value) product[field] = value;
	}
	const read = readFromLabel(state.read ?? {}, product);
	if (read.length > 0) product.readFromLabel = read;
	return { ok: true, product };
}

// ---------------------------------------------------------------------------------------------
// Words

const methodWords: Record<IdentificationMethod, string> = {
	camera: 'Scanned with the camera',
	photo: 'Read from a photo',
	'keyboard-scanner': 'Read by a barcode scanner',
	typed: 'Typed',
	label: 'Read from the label (OCR)',
	skipped: 'No code'
};

/** How the product was identified, in a few words ("Scanned with the camera"). */
export function describeMethod(method: IdentificationMethod): string {
	return methodWords[method];
}

/**
 * One line naming the product on the later start steps: the model designation and the GTIN, or
 * the model designation and that it has no code.
 */
export function describeStart(state: StartState): string {
	const model = state.card.model.trim();
	const gtin = 'code' in state ? identityOf(state.code)?.gtin14 : undefined;
	const code = gtin
		? `GTIN ${gtin}`
		: 'code' in state
			? 'code not a GTIN'
			: 'label' in state
				? 'read from the label'
				: 'no code';
	return model ? `${model} · ${code}` : code;
}
