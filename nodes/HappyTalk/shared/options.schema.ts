import { z } from 'zod/v3';

/** Our own request options (not HappyTalk's): one place for their bounds and defaults. */
export const TIMEOUT_MS = { min: 1000, max: 300000, default: 10000 } as const;
/** Rooms served at once; messages to one room always go one after another. */
export const CONCURRENCY = { min: 1, max: 50, default: 10 } as const;
/** 0 means no ceiling. */
export const REQUESTS_PER_SECOND = { min: 0, max: 1000, default: 0 } as const;
export const RETRIES = { min: 0, max: 10, default: 3 } as const;
/** Back-off between retries; a Retry-After beyond `longestRetryAfterMs` is not waited for. */
export const RETRY_WAITS = { firstMs: 500, longestMs: 30000, longestRetryAfterMs: 60000 } as const;
export const ROOM_FAILURE_POLICIES = [
	{ value: 'continue', name: 'Send Later Messages Anyway', description: 'Later messages to the room are still sent' },
	{ value: 'skip', name: 'Skip Later Messages', description: 'Later messages to the room are not sent; their items say why' },
] as const;

export const wholeNumber = (bounds: { min: number; max: number; default: number }, unit: string) =>
	z
		.number({ invalid_type_error: `must be a number${unit}` })
		.int(`must be a whole number${unit}`)
		.min(bounds.min, `must be at least ${bounds.min}${unit}`)
		.max(bounds.max, `must be at most ${bounds.max}${unit}`)
		.default(bounds.default);

export const requestOptions = z.object({
	timeout: wholeNumber(TIMEOUT_MS, ' ms'),
	concurrency: wholeNumber(CONCURRENCY, ''),
	requestsPerSecond: wholeNumber(REQUESTS_PER_SECOND, ''),
	retries: wholeNumber(RETRIES, ''),
	retryMaybeDelivered: z.boolean({ invalid_type_error: 'must be true or false' }).default(false),
	onRoomFailure: z
		.enum(ROOM_FAILURE_POLICIES.map((policy) => policy.value) as [string, ...string[]], {
			errorMap: () => ({ message: `must be one of ${ROOM_FAILURE_POLICIES.map((p) => p.value).join(', ')}` }),
		})
		.default('continue'),
	// Operation-specific options are read by their operations.
	unavailableAsError: z.boolean().optional(),
});

export const requestOptionFields = {
	timeout: { parameter: 'options.timeout', label: 'Timeout (Ms)' },
	concurrency: { parameter: 'options.concurrency', label: 'Concurrency' },
	requestsPerSecond: { parameter: 'options.requestsPerSecond', label: 'Requests per Second' },
	retries: { parameter: 'options.retries', label: 'Retries' },
	retryMaybeDelivered: { parameter: 'options.retryMaybeDelivered', label: 'Retry Even When It May Have Been Delivered' },
	onRoomFailure: { parameter: 'options.onRoomFailure', label: 'After a Failed Message' },
} as const;

export type RequestOptions = z.infer<typeof requestOptions>;

/** The customer API's calls only read or set values: a time-out and retries are all they need. */
export const customerApiOptions = z.object({
	timeout: wholeNumber(TIMEOUT_MS, ' ms'),
	retries: wholeNumber(RETRIES, ''),
});

export const customerApiOptionFields = {
	timeout: requestOptionFields.timeout,
	retries: requestOptionFields.retries,
} as const;
