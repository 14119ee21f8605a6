/**
 * The customer API writes and reads dates without a zone; the node takes them as Korea time
 * (UTC+9, no daylight saving), HappyTalk's home. See the README's "Time zone" decision.
 */
export const KOREA_OFFSET = '+09:00';
const KOREA_OFFSET_MS = 9 * 3600 * 1000;
const DAY_MS = 86400000;
const NOT_ENDED = '0000-00-00 00:00:00';

/** 'YYYY-MM-DD HH:MM:SS' (Korea time) → ISO 8601 with +09:00; null for "not ended" or nonsense. */
export function koreaTimeToIso(value: unknown): string | null {
	if (typeof value !== 'string' || value === NOT_ENDED) return null;
	const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value);
	return match ? `${match[1]}T${match[2]}${KOREA_OFFSET}` : null;
}

/** 'YYYY-MM-DD HH:MM:SS' (Korea time) → epoch ms; undefined for "not ended" or nonsense. */
export function koreaTimeToMs(value: unknown): number | undefined {
	const iso = koreaTimeToIso(value);
	const ms = iso === null ? NaN : Date.parse(iso);
	return Number.isNaN(ms) ? undefined : ms;
}

/** The day (Y-m-d) in Korea at an instant. */
export function koreaDay(ms: number): string {
	return new Date(ms + KOREA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysFromTo(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A date as n8n hands it over: written without a zone (what the user picked), or an instant. */
export type N8nDate =
	| { written: { day: string; hours?: string; minutes?: string; seconds?: string } }
	| { instantMs: number };

/**
 * Reads a date from n8n (date picker text, an ISO string, a Luxon DateTime from an expression such
 * as `{{ $today.minus(1, 'day') }}`, or a JavaScript Date). undefined when it is not a date.
 */
export function readN8nDate(value: unknown): N8nDate | undefined {
	let text: unknown = value;
	if (value instanceof Date) text = value.toISOString();
	else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = (value as { toISO(): string }).toISO();
	}
	if (typeof text !== 'string') return undefined;
	const trimmed = text.trim();
	const plain = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(trimmed);
	if (plain) {
		const [, day, hours, minutes, seconds] = plain;
		return { written: { day, hours, minutes, seconds } };
	}
	if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return undefined;
	const ms = Date.parse(trimmed);
	return Number.isNaN(ms) ? undefined : { instantMs: ms };
}

/**
 * A date from n8n as the Y-m-d day in Korea. A plain date or a date-time without a zone is the day
 * as written (what the user picked); an instant with a zone is converted to Korea time. undefined
 * when it is not a date.
 */
export function toKoreaDay(value: unknown): string | undefined {
	const date = readN8nDate(value);
	if (!date) return undefined;
	if ('instantMs' in date) return koreaDay(date.instantMs);
	return isRealDay(date.written.day) ? date.written.day : undefined;
}

/** Whether `YYYY-MM-DD` is a day of the calendar (not 2026-02-30, not 2026-13-01). */
export function isRealDay(day: string): boolean {
	const ms = Date.parse(`${day}T00:00:00Z`);
	return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}
