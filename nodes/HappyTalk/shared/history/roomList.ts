import type { IDataObject } from 'n8n-workflow';

import type { CustomerApiCall } from '../../transport/customerApi/request';
import { CUSTOMER_API_ENDPOINTS } from './endpoints';
import { sharedFilters } from './filters';
import { ROOM_LIST_PAGE_SIZE, type HistoryFilters } from './filters.schema';
import { inDateWindows, type DateWindow } from './windows';

/**
 * The room list, page after page and window after window, each room once (by id). `pageSize` is
 * asked for on every page, so pages never overlap or leave gaps; HappyTalk may still serve fewer
 * (its answer's `limit` says how many its pages hold). A window ends when a page brings no room
 * not seen before, or when neither the page nor `total_count` says there is more: a full page
 * (as many rooms as HappyTalk's `limit`) or a `total_count` beyond the pages read. So the walk
 * ends whether HappyTalk ignores `page` (its answer then names another page, or repeats rooms),
 * leaves out `total_count` or counts wrong.
 */
export async function* walkRoomList(
	call: CustomerApiCall,
	filters: HistoryFilters,
	pageSize: number = ROOM_LIST_PAGE_SIZE,
): AsyncGenerator<IDataObject> {
	const rest = sharedFilters(filters);
	yield* inDateWindows(filters, (window) => roomListPages(call, { ...rest, ...window }, pageSize), {
		idOf: (room) => String(room.id),
		daysOf: roomDays,
	});
}

/**
 * One query's pages (one date window), each room once; the same rules as walkRoomList. Rooms
 * another window brought count as new here: windows overlap by a day (see inDateWindows).
 */
export async function* roomListPages(call: CustomerApiCall, query: IDataObject & DateWindow, pageSize: number): AsyncGenerator<IDataObject> {
	const seen = new Set<string>();
	for (let page = 1; ; page++) {
		const answer = await call(CUSTOMER_API_ENDPOINTS.roomList, { ...query, limit: pageSize, page });
		const data = (answer.data ?? {}) as IDataObject;
		const rooms = Array.isArray(data.chat_list) ? (data.chat_list as IDataObject[]) : [];
		let fresh = 0;
		for (const room of rooms) {
			const id = String(room.id);
			if (seen.has(id)) continue;
			seen.add(id);
			fresh++;
			yield room;
		}
		// `page`, `limit` and `total_count` are documented as String and shown as numbers.
		const answeredPage = wholeNumber(data.page);
		// A HappyTalk that answers another page than asked ignores `page`: later pages repeat this one.
		if (answeredPage !== undefined && answeredPage !== page) return;
		const perPage = wholeNumber(data.limit) || pageSize;
		const total = wholeNumber(data.total_count);
		const fullPage = rooms.length >= perPage;
		const countedMore = total !== undefined && page * perPage < total;
		if (fresh === 0 || (!fullPage && !countedMore)) return;
	}
}

/** The days a room carries: opened and, once ended, completed (the range selects by one of them). */
export function roomDays(room: IDataObject): string[] {
	return [room.reg_date, room.complate_date]
		.map((value) => (typeof value === 'string' ? value.slice(0, 10) : ''))
		.filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && day !== '0000-00-00');
}

function wholeNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}
