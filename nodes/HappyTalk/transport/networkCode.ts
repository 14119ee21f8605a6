/**
 * The network error code (ECONNREFUSED, ECONNABORTED…). n8n wraps the HTTP library's error in a
 * NodeApiError that keeps the code as `httpCode` and may drop the original as `cause`.
 */
export function networkCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; httpCode?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		for (const candidate of [current.code, current.httpCode]) {
			if (typeof candidate === 'string' && /^E[A-Z_]+$/.test(candidate)) return candidate;
		}
		current = current.cause as typeof current;
	}
	return undefined;
}
