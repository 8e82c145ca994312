/**
 * GS1 parsing for Shelfcheck: GTINs, element strings, Digital Link URIs, and `parseScan`, which
 * turns any scanned or typed string into a product identity. Pure TypeScript: runs in the
 * browser and in Node, no network, no WASM.
 */

export {
	computeCheckDigit,
	expectedCheckDigit,
	hasValidCheckDigit,
	validateGtin,
	normaliseGtin,
	validateManualGtin,
	validateEightDigits,
	expandUpcE,
	upcAToGtin,
	type Gtin,
	type GtinFormat,
	type GtinResult
} from './gtin';
export {
	getAiDefinition,
	allAiDefinitions,
	parseSyntaxDictionary,
	type AiDefinition,
	type AiComponent,
	type CharacterSet
} from './ai-dictionary';
export { validateAiValue, UNCHECKED_LINTERS, IMPLEMENTED_LINTERS } from './ai-validate';
export {
	GS,
	parseElementString,
	parseBracketed,
	toElementString,
	toBracketed,
	toHri,
	type AiElement,
	type AiDataResult,
	type ElementStringOptions
} from './gs1';
export {
	parseDigitalLink,
	percentDecode,
	looksLikeDigitalLink,
	type DigitalLinkOptions,
	type DigitalLinkResult
} from './digital-link';
export {
	gs1DateToIso,
	identityFromAis,
	identityFromGtin,
	type ProductIdentity,
	type IdentitySource,
	type IdentityResult,
	type ScanFailureCode,
	type DateOptions
} from './identity';
export {
	parseScan,
	readScanData,
	type ParseScanOptions,
	type ScanContent,
	type ScanDataResult,
	type Symbology
} from './scan';
export {
	assessScannedCode,
	assessTypedCode,
	describeMethod,
	describeStart,
	emptyCardFields,
	identificationMethods,
	identifiedProduct,
	identityOf,
	startStateFromParams,
	startStateToParams,
	validateModel,
	validateSkipReason,
	type CodeAssessment,
	type CodeEntry,
	type IdentificationMethod,
	type IdentifiedProduct,
	type ProductCardFields,
	type ProductIdentification,
	type StartState
} from './identification';
