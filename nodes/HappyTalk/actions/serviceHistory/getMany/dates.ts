import { readN8nDate } from '../../../shared/history/kstDates';
import { msToKoreaDateTime } from './windows';

/**
 * A date from n8n (date picker text, ISO string, Luxon DateTime from an expression, JavaScript
 * Date) as 'Y-m-d H:i:s' in Korea time. Without a zone it is Korea time as written (what the user
 * picked); with one it is converted. A day alone is its first second, or with `endOfDay` its
 * last. undefined when it is not a date.
 */
export function toKoreaDateTime(value: unknown, endOfDay = false): string | undefined {
	const date = readN8nDate(value);
	if (!date) return undefined;
	if ('instantMs' in date) return msToKoreaDateTime(Math.floor(date.instantMs / 1000) * 1000);
	const { day, hours, minutes, seconds } = date.written;
	const time = hours === undefined ? (endOfDay ? '23:59:59' : '00:00:00') : `${hours}:${minutes}:${seconds ?? '00'}`;
	const candidate = `${day} ${time}`;
	const ms = Date.parse(`${day}T${time}Z`);
	return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19).replace('T', ' ') === candidate ? candidate : undefined;
}
