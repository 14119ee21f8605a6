import { createHash } from 'node:crypto';

/**
 * The Path Secret's rule, read by the field's hint, the check at activation, the check of every
 * delivery and the README. Only URL-safe characters: n8n turns a path segment that starts with ":"
 * into a parameter that matches any value, and "/", "?", "#", "%" or spaces break the URL that is
 * registered with HappyTalk. At least 16 characters, so that it cannot be guessed.
 */
export const PATH_SECRET_RULE = {
	min: 16,
	max: 128,
	pattern: /^[A-Za-z0-9_-]+$/,
	characters: 'letters A-Z and a-z, digits, - and _',
} as const;

export const PATH_SECRET_HINT = `Empty, or ${PATH_SECRET_RULE.min} to ${PATH_SECRET_RULE.max} characters: ${PATH_SECRET_RULE.characters}. Generate one, e.g. with: openssl rand -hex 16`;

/**
 * Why a Path Secret breaks the rule, or undefined when it keeps it (an empty one is no secret).
 * The words never repeat the secret: only its length and the characters that are not allowed.
 */
export function pathSecretProblem(secret: unknown): string | undefined {
	if (secret === undefined || secret === null || secret === '') return undefined;
	if (typeof secret !== 'string') return `must be text; got ${typeof secret}`;
	const { min, max, pattern, characters } = PATH_SECRET_RULE;
	const length = [...secret].length;
	const wrong = [...new Set([...secret].filter((character) => !pattern.test(character)))];
	const parts: string[] = [];
	if (wrong.length > 0) parts.push(`may contain only ${characters}; found ${wrong.map(describeCharacter).join(', ')}`);
	if (length < min || length > max) parts.push(`must be ${min} to ${max} characters long; it has ${length}`);
	return parts.length > 0 ? parts.join(', and ') : undefined;
}

export function isValidPathSecret(secret: unknown): boolean {
	return pathSecretProblem(secret) === undefined;
}

/**
 * A non-reversible stand-in for a value that holds the secret (the receive domain), for static
 * data: equal values give equal fingerprints, and the secret cannot be read back from it.
 */
export function fingerprint(value: string): string {
	return `sha256:${createHash('sha256').update(value).digest('hex')}`;
}

function describeCharacter(character: string): string {
	if (character === ' ') return 'a space';
	if (/\s/.test(character)) return 'white space';
	const code = character.codePointAt(0) ?? 0;
	return code < 0x20 || code === 0x7f ? 'a control character' : `"${character}"`;
}
