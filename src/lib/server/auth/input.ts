/**
 * What people type into the account forms, checked once for every form: e-mail addresses, names
 * and new passwords. Each refusal names the form field it concerns (`details.field`), so the page
 * can mark that field; these Problems reach only the server's own pages, never the JSON API.
 */
import { Problem } from '../problem';
import { checkPassword } from './password';

export function normaliseEmail(raw: unknown, field = 'email'): string {
	const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (email.length > 320 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
		throw new Problem(400, 'invalid-email', 'Enter an e-mail address like name@example.org.', {
			field
		});
	return email;
}

export function requiredText(raw: unknown, what: string, field: string, max = 200): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) throw new Problem(400, 'missing-field', `Enter ${what}.`, { field });
	if (text.length > max)
		throw new Problem(400, 'field-too-long', `Keep ${what} under ${max} characters.`, { field });
	return text;
}

/** A new password that meets the policy (`password.ts`), given what the account is called. */
export function requirePolicy(password: unknown, inputs: string[], field = 'password'): string {
	if (typeof password !== 'string')
		throw new Problem(400, 'missing-field', 'Enter a password.', { field });
	const check = checkPassword(password, inputs);
	if (!check.ok)
		throw new Problem(422, 'weak-password', check.problems.join(' '), {
			problems: check.problems,
			field
		});
	return password;
}
