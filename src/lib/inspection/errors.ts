import type { MissingItem } from './rules';

export type InspectionErrorCode =
	| 'unknown-bundle'
	| 'unknown-check'
	| 'check-not-in-bundle'
	| 'check-out-of-scope'
	| 'verdict-not-allowed'
	| 'invalid-scope-answer'
	| 'inspection-finished'
	| 'inspection-incomplete';

/**
 * Thrown when an operation would break a rule of the inspection. The `code` lets the UI decide
 * what to do; the message is written for a person and can be shown as it is.
 */
export class InspectionError extends Error {
	readonly code: InspectionErrorCode;

	constructor(code: InspectionErrorCode, message: string) {
		super(message);
		this.name = 'InspectionError';
		this.code = code;
	}
}

/** Thrown by finishInspection while something required is missing; carries the list. */
export class InspectionIncompleteError extends InspectionError {
	readonly missing: MissingItem[];

	constructor(missing: MissingItem[]) {
		const count = missing.length;
		super(
			'inspection-incomplete',
			`The inspection cannot be finished yet: ${count} ${count === 1 ? 'thing is' : 'things are'} missing.`
		);
		this.name = 'InspectionIncompleteError';
		this.missing = missing;
	}
}
