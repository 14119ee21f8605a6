import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CUSTOMER_API_ENDPOINTS } from '../../../shared/history/endpoints';
import { dateWindows, readHistoryFilters, sharedFilters } from '../../../shared/history/filters';
import { roomsWithMessages, uuidOf } from '../../../shared/history/roomOutput';
import { readCustomerApiSettings } from '../../../shared/history/settings';
import type { CustomerApiPlan } from '../../../shared/operation';
import { asIdentifier } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import {
	getCustomerRoomsWireFields,
	roomsByCustomerIdBody,
	roomsByUuidBody,
} from './schema';

/** History → Get Customer Rooms: `chat_lists` (by UUID) or `chat_list_for_userid` (by customer ID). */
export function prepare(this: IExecuteFunctions, itemIndex: number): CustomerApiPlan {
	const settings = readCustomerApiSettings.call(this, itemIndex);
	const node = this.getNode();
	if (this.getNodeParameter('searchBy', itemIndex) === 'customerId') {
		const body = parseRequestBody(
			roomsByCustomerIdBody,
			{ userid: asIdentifier(this.getNodeParameter('customerId', itemIndex)) },
			getCustomerRoomsWireFields,
			node,
			itemIndex,
		);
		return { settings, run: async (call) => roomsWithMessages(await call(CUSTOMER_API_ENDPOINTS.roomsByCustomerId, body)) };
	}
	const uuid = asIdentifier(this.getNodeParameter('uuid', itemIndex));
	const body = parseRequestBody(
		roomsByUuidBody,
		{ uuid: typeof uuid === 'string' ? uuidOf(uuid) : uuid },
		getCustomerRoomsWireFields,
		node,
		itemIndex,
	);
	const filters = readHistoryFilters.call(this, itemIndex);
	const rest = sharedFilters(filters);
	return {
		settings,
		async run(call) {
			const rooms: IDataObject[] = [];
			const seen = new Set<unknown>();
			for (const window of dateWindows(filters)) {
				for (const room of roomsWithMessages(await call(CUSTOMER_API_ENDPOINTS.roomsByUuid, { ...body, ...rest, ...window }))) {
					if (seen.has(room.roomId)) continue;
					seen.add(room.roomId);
					rooms.push(room);
				}
			}
			return rooms;
		},
	};
}
