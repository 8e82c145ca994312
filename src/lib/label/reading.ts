/**
 * What an inspection keeps of a label reading: which photo was read, where, by which engine, and
 * for each printed credential only its analysis and keyed hashes (its clear value only when the
 * inspector chose to keep it, on this device). The recognised text is not kept: it would hold
 * the credential in clear. Plain JSON, stored inside the inspection record.
 */

import type { CredentialKind } from './candidates';
import type { CredentialAnalysis, CredentialFingerprint, UnitCredential } from './credentials';

/** The product fields a label reading can fill. */
export type ProductLabelField = 'brand' | 'model' | 'hardwareVersion' | 'serial';
export const productLabelFields: readonly ProductLabelField[] = [
	'brand',
	'model',
	'hardwareVersion',
	'serial'
];

export interface CredentialRecord extends CredentialFingerprint {
	kind: CredentialKind;
	analysis: CredentialAnalysis;
	/** The value itself: only when the inspector chose to keep it. Never in a report or PDF. */
	clear?: string;
}

export interface LabelReading {
	id: string;
	/** The label photo read (stored as evidence like any photo). */
	photoId: string;
	/** Where it was read: "identify" or a check id. */
	checkId: string;
	/** Which unit of the product: 1 is the one inspected; PHY-02 reads more. */
	unit: number;
	readAt: string;
	/** Engine and data, e.g. "tesseract.js 7.0.0 · eng-4.0.0_best_int". */
	engine: string;
	/** The engine's mean line confidence, 0 to 100, rounded. */
	confidence: number;
	credentials: CredentialRecord[];
}

/** The values accepted from a label into the product fields, as accepted. */
export type AcceptedFromLabel = Partial<Record<ProductLabelField, string>>;

/**
 * The fields whose value is the one read from the label and accepted: a field typed over after
 * accepting no longer counts as read.
 */
export function readFromLabel(
	accepted: AcceptedFromLabel,
	fields: Partial<Record<ProductLabelField, string | undefined>>
): ProductLabelField[] {
	return productLabelFields.filter((field) => {
		const read = accepted[field]?.trim();
		return !!read && read === fields[field]?.trim();
	});
}

/** Every unit's latest credential of each kind, for comparing units. */
export function unitCredentials(readings: LabelReading[]): UnitCredential[] {
	const latest = new Map<string, UnitCredential>();
	const ordered = [...readings].sort((a, b) => a.readAt.localeCompare(b.readAt));
	for (const reading of ordered)
		for (const credential of reading.credentials)
			latest.set(`${reading.unit}/${credential.kind}`, {
				unit: reading.unit,
				kind: credential.kind,
				hash: credential.hash,
				neighbours: credential.neighbours
			});
	return [...latest.values()];
}

/** The next unit number for a reading of another unit. */
export function nextUnit(readings: LabelReading[]): number {
	return Math.max(1, ...readings.map((r) => r.unit)) + 1;
}

/**
 * The product with a value accepted from the label on a check screen: the field takes the value
 * and is recorded as read from the label.
 */
export function acceptIntoProduct<
	P extends Partial<Record<ProductLabelField, string>> & { readFromLabel?: ProductLabelField[] }
>(product: P, field: ProductLabelField, value: string): P {
	const read = new Set([...(product.readFromLabel ?? []), field]);
	return {
		...product,
		[field]: value,
		readFromLabel: productLabelFields.filter((f) => read.has(f))
	};
}
