import { json, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import type { ApiError } from '$lib/contract/protocol';
import { Problem } from './problem';

/** The JSON error every endpoint answers: `{"error":{"code","message",…details}}`. */
export function errorResponse(problem: Problem): Response {
	const body: ApiError = {
		error: { code: problem.code, message: problem.message, ...problem.details }
	};
	return json(body, { status: problem.status, headers: problem.headers });
}

/** Runs an endpoint body, turning a thrown Problem into its JSON answer. */
export async function api(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof Problem) return errorResponse(error);
		console.error('API error', error);
		return errorResponse(
			new Problem(500, 'internal-error', 'The server failed; nothing was stored.')
		);
	}
}

export function tooLarge(limit: number): Problem {
	return new Problem(413, 'too-large', `The body is larger than the ${limit} bytes allowed here.`, {
		limit
	});
}

/** How much of a refused body is still read (and dropped) so that its sender gets the 413. */
const DRAIN_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 10_000;

/**
 * Refuses a body as too large (413), after reading and dropping what is left of it. A client
 * still sending when the server stops reading sees its connection reset instead of the answer
 * (cancelling the stream destroys the socket); draining lets it read the 413. Past DRAIN_BYTES
 * or DRAIN_MS the stream is cancelled after all: the server does not read without end.
 */
export async function refuseTooLarge(
	reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
	limit: number
): Promise<never> {
	if (reader) {
		let drained = 0;
		const until = Date.now() + DRAIN_MS;
		try {
			for (;;) {
				if (drained > DRAIN_BYTES || Date.now() > until) {
					void reader.cancel();
					break;
				}
				const { done, value } = await reader.read();
				if (done) break;
				drained += value.byteLength;
			}
		} catch {
			// The stream failed (adapter-node's own limit, a lost connection): nothing left to read.
		}
	}
	throw tooLarge(limit);
}

/** Reads the body as bytes, refusing it (413) as soon as it passes `limit`. */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit)
		return refuseTooLarge(request.body?.getReader(), limit);
	if (!request.body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = request.body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > limit) return await refuseTooLarge(reader, limit);
			chunks.push(value);
		}
	} catch (error) {
		if (error instanceof Problem) throw error;
		// adapter-node's own BODY_SIZE_LIMIT surfaces as a stream error with status 413.
		if ((error as { status?: number }).status === 413) throw tooLarge(limit);
		throw new Problem(400, 'body-unreadable', 'The request body could not be read.');
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

/** Reads a JSON body (Content-Type application/json) and validates it against a schema. */
export async function readJson<S extends v.GenericSchema>(
	request: Request,
	schema: S,
	limit: number
): Promise<v.InferOutput<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type))
		throw new Problem(415, 'unsupported-media-type', 'Send the body as application/json.');
	const bytes = await readLimited(request, limit);
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new Problem(400, 'malformed-json', 'The body is not valid JSON.');
	}
	return validate(schema, value);
}

export function validate<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, value);
	if (result.success) return result.output;
	const issue = result.issues[0];
	const path = (issue && v.getDotPath(issue)) || '(body)';
	throw new Problem(422, 'invalid-input', `${path}: ${issue?.message ?? 'invalid'}`, { path });
}

/** The signed-in user of this request, or 401. */
export function requireUser(event: RequestEvent) {
	if (!event.locals.user) throw new Problem(401, 'not-signed-in', 'Sign in first.');
	return event.locals.user;
}
