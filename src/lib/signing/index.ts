/**
 * Report signing core: RFC 8785 canonical JSON, the device's ES256 key, compact JWS and the
 * report hash. Pure TypeScript over WebCrypto and jose; no storage, no network, no Svelte.
 */
export {
	assertSignable,
	canonicalJson,
	signableJson,
	NotSignableError,
	type NotSignableKind,
	type SignableValue
} from './canonical';
export {
	generateDeviceKey,
	keyId,
	fingerprint,
	fingerprintFromKeyId,
	proveKey,
	toPublicJwk,
	KeyError,
	ECDSA_P256,
	ECDSA_SHA256,
	type DeviceKey,
	type KeyErrorCode,
	type ProvableKey,
	type PublicJwk
} from './keys';
export {
	signCompact,
	verifyCompact,
	sha256Hex,
	reportHash,
	readUnverified,
	ES256,
	REPORT_TYP,
	type JwsHeader,
	type SignOptions,
	type VerifyFailureCode,
	type VerifyOptions,
	type VerifyResult
} from './jws';
