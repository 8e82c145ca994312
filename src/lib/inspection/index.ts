/**
 * Inspection: answers, scope, progress, completeness, finishing and the roll-up per provision.
 * Pure TypeScript over plain JSON data; takes the catalogue as a parameter, never imports it.
 */

export type {
	CheckAnswer,
	Inspection,
	InspectionStatus,
	Place,
	ProductIdentification,
	ProductIdentity,
	ScopeAnswers,
	ScopeDetail,
	Timestamp
} from './model';
export { InspectionError, InspectionIncompleteError } from './errors';
export type { InspectionErrorCode } from './errors';
export { verdictLabels } from './labels';
export {
	answerCheck,
	applicableChecks,
	bundleChecks,
	checkPosition,
	clearAnswer,
	completeness,
	createInspection,
	findBundle,
	finishInspection,
	isCheckApplicable,
	isReasonMissing,
	nextUnanswered,
	progress,
	reasonRequired,
	setScopeAnswer,
	setScopeDetail
} from './rules';
export type {
	CheckPosition,
	Completeness,
	MissingItem,
	MissingKind,
	NewInspection,
	PhotoCounts,
	Progress
} from './rules';
export { indicationLabels, pstiProvisionIds, pstiSummary, rollup } from './rollup';
export type { FrameworkRollup, ProvisionOutcome, ProvisionRollup, PstiSummaryItem } from './rollup';
export * from './indications';
export { summaryLine } from './summary';
