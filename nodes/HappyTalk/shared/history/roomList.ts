import type { IDataObject } from 'n8n-workflow';

import type { CustomerApiCall } from '../../transport/customerApi/request';
import { CUSTOMER_API_ENDPOINTS } from './endpoints';
import { dateWindows, sharedFilters } from './filters';
import { ROOM_LIST_PAGE_SIZE, type HistoryFilters } from './filters.schema';

/**
 * The room list, page after page and window after window, each room once (by id). A page shorter
 * than the page size, or the total HappyTalk counts, ends a window. `pageSize` stays the same for
 * the whole walk, so pages never overlap or leave gaps.
 */
export async function* walkRoomList(
	call: CustomerApiCall,
	filters: HistoryFilters,
	pageSize: number = ROOM_LIST_PAGE_SIZE,
): AsyncGenerator<IDataObject> {
	const seen = new Set<string>();
	const rest = sharedFilters(filters);
	for (const window of dateWindows(filters)) {
		for (let page = 1; ; page++) {
			const answer = await call(CUSTOMER_API_ENDPOINTS.roomList, { ...rest, ...window, limit: pageSize, page });
			const data = (answer.data ?? {}) as IDataObject;
			const rooms = Array.isArray(data.chat_list) ? (data.chat_list as IDataObject[]) : [];
			for (const room of rooms) {
				const id = String(room.id);
				if (seen.has(id)) continue;
				seen.add(id);
				yield room;
			}
			const total = Number(data.total_count);
			if (rooms.length < pageSize || (Number.isFinite(total) && page * pageSize >= total)) break;
		}
	}
}
