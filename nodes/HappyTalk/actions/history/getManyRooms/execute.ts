import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readHistoryFilters } from '../../../shared/history/filters';
import { ROOM_LIST_PAGE_SIZE } from '../../../shared/history/filters.schema';
import { siteNumberOf } from '../../../shared/history/customerUuid';
import { roomOutput } from '../../../shared/history/roomOutput';
import { walkRoomList } from '../../../shared/history/roomList';
import { readCustomerApiSettings } from '../../../shared/history/settings';
import type { CustomerApiPlan } from '../../../shared/operation';
import { parseRequestBody } from '../../../shared/validate';
import { getManyRoomsFields, getManyRoomsSettings } from './schema';

/** History → Get Many Rooms: `chat_room_lists`, paged, one item per room. */
export function prepare(this: IExecuteFunctions, itemIndex: number): CustomerApiPlan {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as unknown;
	const { limit } = parseRequestBody(
		getManyRoomsSettings,
		{ returnAll, ...(returnAll === true ? {} : { limit: this.getNodeParameter('limit', itemIndex, 50) }) },
		getManyRoomsFields,
		this.getNode(),
		itemIndex,
	);
	const filters = readHistoryFilters.call(this, itemIndex);
	return {
		settings: readCustomerApiSettings.call(this, itemIndex),
		async run(call) {
			const rooms: IDataObject[] = [];
			const pageSize = limit === undefined ? ROOM_LIST_PAGE_SIZE : Math.min(ROOM_LIST_PAGE_SIZE, limit);
			for await (const room of walkRoomList(call, filters, pageSize)) {
				rooms.push(room);
				if (limit !== undefined && rooms.length >= limit) break;
			}
			// One company, one site number: read from all the rooms, not guessed from each.
			const site = siteNumberOf(rooms);
			return rooms.map((room) => roomOutput(room, undefined, site));
		},
	};
}
