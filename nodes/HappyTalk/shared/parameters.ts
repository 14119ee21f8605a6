import type { IDataObject } from 'n8n-workflow';

/**
 * Identifiers and links often arrive as numbers from expressions (`{{ $json.roomId }}`) or with
 * stray whitespace from forms; HappyTalk wants exact strings. Messages are sent as typed. Only
 * whole numbers JavaScript holds exactly become text (as the sandbox accepts them as JSON numbers);
 * others stay numbers for the schema to refuse, since their digits may already be wrong.
 */
export function asIdentifier(value: unknown): unknown {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	return typeof value === 'string' ? value.trim() : value;
}

/** Digits become a number; anything else is left for the schema to refuse with a clear message. */
export function asWholeNumber(value: unknown): unknown {
	const text = asIdentifier(value);
	return typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : text;
}

/** An optional field the user added but left empty means "not given": HappyTalk's default. */
export function withoutEmpty(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && value !== ''),
	);
}
