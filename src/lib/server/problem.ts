/**
 * A failure the client can act on: an HTTP status, a stable machine code and one sentence.
 * Services throw it; API endpoints answer `{"error":{"code","message",…details}}`, pages show the
 * message next to the form.
 */
export class Problem extends Error {
	override name = 'Problem';
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details: Record<string, unknown> = {},
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}
