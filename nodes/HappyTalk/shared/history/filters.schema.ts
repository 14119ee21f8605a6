import { z } from 'zod/v3';

import { oneOf } from '../choices';
import { daysFromTo, isRealDay } from './kstDates';

/** Rooms per page of the room list: HappyTalk's documented maximum (default 10). */
export const ROOM_LIST_PAGE_SIZE = 50;
/**
 * The spec names `-504 overDate` but no maximum span for the history searches: the node asks for
 * at most this many days per request, and fewer, down to one, once HappyTalk refuses (windows.ts).
 */
export const HISTORY_WINDOW_DAYS = 31;
/**
 * The searches by customer ID and by UUID document no `limit`, `page` or `total_count`, and nothing
 * says whether they cap their answers. An answer with at least this many rooms (the room list's
 * documented default page) may have been cut: the UUID search reads its window again in halves,
 * down to one day; what cannot be split is said in an execution hint.
 */
export const CUSTOMER_SEARCH_CUT_AT = 10;

/** The request dictionary for `status`. */
export const STATUS_FILTERS = [
	{ value: 99, name: 'All' },
	{ value: -2, name: 'Waiting for Counseling' },
	{ value: -1, name: 'Chatbot in Progress' },
	{ value: 0, name: 'Waiting for Acceptance' },
	{ value: 1, name: 'In Progress' },
	{ value: 2, name: 'Completed' },
	{ value: 3, name: 'Deleted' },
] as const;

export const SORT_KEYS = [
	{ value: 'reg_date', name: 'Opened (Reg_date)' },
	{ value: 'complate_date', name: 'Completed (Complate_date)' },
] as const;

export const SORT_ORDERS = [
	{ value: 'desc', name: 'Newest First' },
	{ value: 'asc', name: 'Oldest First' },
] as const;

/** A day HappyTalk can be asked for; the message quotes what was given, so the user sees the typo. */
export const realDay = z.string({ invalid_type_error: 'must be a date' }).superRefine((value, ctx) => {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDay(value)) return;
	ctx.addIssue({
		code: 'custom',
		message: /^\d{4}-\d{2}-\d{2}/.test(value)
			? `must be a real date; got ${value}, which is not in the calendar`
			: `must be a date (a date picker value, an ISO date or a DateTime expression); got ${JSON.stringify(value)}`,
	});
});
const day = realDay;

export const historyFilters = z
	.object({
		sdate: day.optional(),
		edate: day.optional(),
		status: oneOf(STATUS_FILTERS),
		sort_key: oneOf(SORT_KEYS),
		sort_value: oneOf(SORT_ORDERS),
	})
	.strict()
	.superRefine((filters, ctx) => {
		if (filters.edate !== undefined && filters.sdate === undefined) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['sdate'], message: 'is required when End Date is set' });
		}
		if (filters.sdate && filters.edate && daysFromTo(filters.sdate, filters.edate) < 0) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['edate'],
				message: `must not be before Start Date; got ${filters.edate}, before ${filters.sdate}`,
			});
		}
	});

export type HistoryFilters = z.infer<typeof historyFilters>;

export const historyFilterFields = {
	sdate: { parameter: 'filters.startDate', label: 'Start Date' },
	edate: { parameter: 'filters.endDate', label: 'End Date' },
	status: { parameter: 'filters.status', label: 'Status' },
	sort_key: { parameter: 'filters.sortBy', label: 'Sort By' },
	sort_value: { parameter: 'filters.sortOrder', label: 'Sort Order' },
} as const;
