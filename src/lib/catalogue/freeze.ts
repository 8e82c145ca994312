/**
 * Freezes a data tree in place. Catalogue data is shared by every screen and report; an accidental
 * edit would silently change what a signed report appears to have been checked against.
 */
export function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
