import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DisplayOptions } from '../description';
import { parseRequestBody } from '../validate';
import {
	SORT_KEYS,
	SORT_ORDERS,
	STATUS_FILTERS,
	historyFilterFields,
	historyFilters,
	type HistoryFilters,
} from './filters.schema';
import { koreaDay, toKoreaDay } from './kstDates';

/** The Filters collection of the history searches. */
export const historyFiltersProperty = (displayOptions: DisplayOptions): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions,
	options: [
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Last day to include (sent as a day in Korea time). Needs Start Date.',
		},
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: SORT_KEYS.map(({ name, value }) => ({ name, value })),
			default: 'reg_date',
			description: 'Which date orders the rooms, and which date Start Date and End Date select by',
		},
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			options: SORT_ORDERS.map(({ name, value }) => ({ name, value })),
			default: 'desc',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description:
				"First day to include (sent as a day in Korea time). Without dates HappyTalk returns today's rooms; without End Date the range runs to today. Long ranges are split into windows HappyTalk accepts.",
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: STATUS_FILTERS.map(({ name, value }) => ({ name, value })),
			default: 99,
			description: 'Only rooms in this state',
		},
	],
});

/** The item's filters as HappyTalk's fields, checked; dates as Korea days. Throws before sending. */
export function readHistoryFilters(this: IExecuteFunctions, itemIndex: number): HistoryFilters {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const given = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : value);
	// What is not a real day goes on as written, for the schema to refuse with the value in words.
	const asDay = (value: unknown) => (given(value) === undefined ? undefined : (toKoreaDay(value) ?? writtenAs(value)));
	const sdate = asDay(filters.startDate);
	const edate = asDay(filters.endDate) ?? (sdate !== undefined ? koreaDay(Date.now()) : undefined);
	return parseRequestBody(
		historyFilters,
		{
			...(sdate !== undefined ? { sdate } : {}),
			...(edate !== undefined ? { edate } : {}),
			status: filters.status ?? 99,
			sort_key: filters.sortBy ?? 'reg_date',
			sort_value: filters.sortOrder ?? 'desc',
		},
		historyFilterFields,
		this.getNode(),
		itemIndex,
	);
}

/** The filters every window's request repeats: all but the dates. */
export function sharedFilters({ status, sort_key, sort_value }: HistoryFilters) {
	return { status, sort_key, sort_value };
}

/** A value as the user wrote it, for an error message. */
export function writtenAs(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
	const luxon = value as { isValid?: unknown; invalidReason?: unknown } | null;
	if (luxon && typeof luxon === 'object' && luxon.isValid === false) return `an invalid DateTime (${String(luxon.invalidReason)})`;
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
