import { z } from 'zod';

/** Our own request options (not HappyTalk's): one place for their bounds and defaults. */
export const TIMEOUT_MS = { min: 1000, max: 300000, default: 10000 } as const;

export const requestOptions = z.object({
	timeout: z
		.number({ invalid_type_error: 'must be a number of milliseconds' })
		.int('must be a whole number of milliseconds')
		.min(TIMEOUT_MS.min, `must be at least ${TIMEOUT_MS.min} ms`)
		.max(TIMEOUT_MS.max, `must be at most ${TIMEOUT_MS.max} ms`)
		.default(TIMEOUT_MS.default),
});

export const requestOptionFields = {
	timeout: { parameter: 'options.timeout', label: 'Timeout (Ms)' },
} as const;

export type RequestOptions = z.infer<typeof requestOptions>;
