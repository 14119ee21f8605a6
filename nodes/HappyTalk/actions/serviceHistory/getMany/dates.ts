import { msToKoreaDateTime } from './windows';

/**
 * A date from n8n (date picker text, ISO string, Luxon DateTime from an expression, JavaScript
 * Date) as 'Y-m-d H:i:s' in Korea time. Without a zone it is Korea time as written (what the user
 * picked); with one it is converted. A day alone is its first second, or with `endOfDay` its
 * last. undefined when it is not a date.
 */
export function toKoreaDateTime(value: unknown, endOfDay = false): string | undefined {
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
		const time = hours === undefined ? (endOfDay ? '23:59:59' : '00:00:00') : `${hours}:${minutes}:${seconds ?? '00'}`;
		const candidate = `${day} ${time}`;
		const ms = Date.parse(`${day}T${time}Z`);
		return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19).replace('T', ' ') === candidate ? candidate : undefined;
	}
	if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return undefined;
	const ms = Date.parse(trimmed);
	return Number.isNaN(ms) ? undefined : msToKoreaDateTime(Math.floor(ms / 1000) * 1000);
}
