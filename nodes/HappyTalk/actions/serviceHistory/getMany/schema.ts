import { z } from 'zod/v3';

import { getManyRoomsFields, getManyRoomsLimit, ROOM_LIMIT } from '../../history/getManyRooms/schema';

/** Output formats HappyTalk documents (current site, dc): `raw` objects or `siem` strings. */
export const SERVICE_HISTORY_FORMATS = [
	{ value: 'raw', name: 'Raw', description: 'Every entry (log-ins included) as an object, with plain fields beside HappyTalk\'s own' },
	{ value: 'siem', name: 'SIEM', description: 'HappyTalk\'s SIEM lines (strings, event names in English, no log-ins), one item per line' },
] as const;

/**
 * The three documented paths on two host pairs (customer-api.md, "Service usage history"): the
 * current mbi page's path on the customer API hosts is the default; the dc page's path on the bnd
 * hosts is an option. The 2022 path is a copy error (the customer-ID search) and is not offered.
 */
export const SERVICE_HISTORY_ENDPOINTS = {
	customer: { path: '/user/api/service_history/format/json', hosts: undefined },
	bnd: {
		path: '/user/api/service-history',
		hosts: { production: 'https://bnd.happytalk.io', development: 'https://patch-bnd.happytalk.io' },
	},
} as const;
export type ServiceHistoryEndpoint = keyof typeof SERVICE_HISTORY_ENDPOINTS;

/** Return All off: how many entries at most (the same bound as Get Many Rooms' Limit). */
export const ENTRY_LIMIT = ROOM_LIMIT;
/** A request covers at most one Korean calendar day (under 24 hours); a range at most this. */
export const MAX_RANGE_DAYS = 366;

const KOREA_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** Whether 'Y-m-d H:i:s' is a moment of the calendar and the clock (not 2026-02-30, not 25:00:00). */
const isRealDateTime = (value: string) => {
	const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
	return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19).replace('T', ' ') === value;
};
const dateTime = z.string({ invalid_type_error: 'must be a date and time' }).superRefine((value, ctx) => {
	if (KOREA_DATE_TIME.test(value) && isRealDateTime(value)) return;
	ctx.addIssue({
		code: 'custom',
		// The wire form without the calendar: what was written, refused before any request.
		message: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(value)
			? `must be a real date and time; got ${value}, which is not in the calendar or on the clock`
			: 'must be a date and time (e.g. 2026-12-01 09:00:00, or an ISO date with a zone)',
	});
});

export const serviceHistorySettings = z
	.object({
		start_date: dateTime,
		end_date: dateTime,
		format: z.enum(['raw', 'siem'], { errorMap: () => ({ message: 'must be raw or siem' }) }),
		endpoint: z.enum(['customer', 'bnd'], { errorMap: () => ({ message: 'must be customer or bnd' }) }),
		returnAll: z.boolean(),
		limit: getManyRoomsLimit.optional(),
	})
	.strict()
	.superRefine((settings, context) => {
		if (settings.end_date < settings.start_date) {
			context.addIssue({ code: 'custom', path: ['end_date'], message: `must not be before Start (${settings.start_date}); got ${settings.end_date}` });
		} else if (Date.parse(`${settings.end_date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${settings.start_date.slice(0, 10)}T00:00:00Z`) >= MAX_RANGE_DAYS * 86400000) {
			context.addIssue({ code: 'custom', path: ['end_date'], message: `must be less than ${MAX_RANGE_DAYS} days after Start (${settings.start_date}); got ${settings.end_date}` });
		}
	});

export const serviceHistoryFields = {
	start_date: { parameter: 'start', label: 'Start' },
	end_date: { parameter: 'end', label: 'End' },
	format: { parameter: 'format', label: 'Format' },
	endpoint: { parameter: 'options.endpoint', label: 'Endpoint' },
	returnAll: getManyRoomsFields.returnAll,
	limit: getManyRoomsFields.limit,
} as const;
