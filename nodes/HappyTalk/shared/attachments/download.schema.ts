import { z } from 'zod';

import { wholeNumber } from '../options.schema';

/**
 * Bounds and defaults of attachment downloads, for the trigger's option and the Attachment →
 * Download operation alike: the one source the UI hints, validation and docs read.
 */
export const MAX_SIZE_MB = { min: 1, max: 1024, default: 25 } as const;
export const DOWNLOAD_TIMEOUT_MS = { min: 1000, max: 300000, default: 30000 } as const;
/** Redirects followed, each target checked again by the address guard. */
export const MAX_REDIRECTS = 5;
export const DEFAULT_BINARY_PROPERTY = 'data';

export const downloadOptions = z.object({
	maxSizeMb: wholeNumber(MAX_SIZE_MB, ' MB'),
	downloadTimeout: wholeNumber(DOWNLOAD_TIMEOUT_MS, ' ms'),
	allowPrivateAddresses: z.boolean({ invalid_type_error: 'must be true or false' }).default(false),
});

export type DownloadOptions = z.infer<typeof downloadOptions>;

export const downloadOptionFields = {
	maxSizeMb: { parameter: 'options.maxSizeMb', label: 'Max File Size (MB)' },
	downloadTimeout: { parameter: 'options.downloadTimeout', label: 'Download Timeout (Ms)' },
	allowPrivateAddresses: { parameter: 'options.allowPrivateAddresses', label: 'Allow Private Network Addresses' },
} as const;

/** Why a download failed, as the output says it: a contract with workflows that route on it. */
export const DOWNLOAD_FAILURES = [
	'invalidUrl',
	'blockedAddress',
	'tooLarge',
	'timedOut',
	'httpStatus',
	'tooManyRedirects',
	'networkError',
	'invalidOptions',
] as const;
export type DownloadFailure = (typeof DOWNLOAD_FAILURES)[number];
