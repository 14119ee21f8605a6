import { RETRY_WAITS } from '../shared/options.schema';

/** Retry-After in seconds or as an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: unknown): number | undefined {
	const text = Array.isArray(header) ? header[0] : header;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const { firstMs, longestMs, longestRetryAfterMs } = RETRY_WAITS;

/**
 * How long to wait before attempt `attempt + 1`: HappyTalk's Retry-After when it gave one (a
 * little jitter on top, so parallel items do not return in step), otherwise a growing back-off
 * with jitter. undefined when HappyTalk asks for longer than the node waits: the caller fails
 * at once and says so, rather than holding the execution for minutes.
 */
export function waitBeforeRetry(attempt: number, retryAfter: number | undefined): number | undefined {
	if (retryAfter !== undefined) return retryAfter > longestRetryAfterMs ? undefined : retryAfter + Math.random() * 250;
	const ceiling = Math.min(longestMs, firstMs * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** The sentence an error gets when HappyTalk's Retry-After was longer than the node waits. */
export function retryAfterTooLong(retryAfter: number): string {
	return `HappyTalk asked to wait ${Math.ceil(retryAfter / 1000)} s before trying again (Retry-After), longer than the node waits (at most ${longestRetryAfterMs / 1000} s): run it again later.`;
}

/** The error as it leaves the retry loop: how many attempts it took, and why the node stopped trying. */
export function noteAttempts<E extends Error & { description?: string | null }>(error: E, attempts: number, why?: string): E {
	const notes = [why, attempts > 1 ? `(${attempts} attempts)` : undefined].filter(Boolean).join(' ');
	if (notes !== '') error.description = `${error.description ?? ''} ${notes}`.trim();
	return error;
}
