import type { IExecuteFunctions } from 'n8n-workflow';

import { CUSTOMER_API_ENDPOINTS } from '../../../shared/history/endpoints';
import { roomsWithMessages } from '../../../shared/history/roomOutput';
import { readCustomerApiSettings } from '../../../shared/history/settings';
import type { CustomerApiPlan } from '../../../shared/operation';
import { asIdentifier } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import { getRoomBody, getRoomWireFields } from './schema';

/** History → Get Room: `chat_data`, one item with the room and its messages. */
export function prepare(this: IExecuteFunctions, itemIndex: number): CustomerApiPlan {
	const body = parseRequestBody(
		getRoomBody,
		{ room_id: asIdentifier(this.getNodeParameter('roomId', itemIndex)) },
		getRoomWireFields,
		this.getNode(),
		itemIndex,
	);
	return {
		settings: readCustomerApiSettings.call(this, itemIndex),
		async run(call) {
			const answer = await call(CUSTOMER_API_ENDPOINTS.roomById, body);
			return roomsWithMessages(answer).slice(0, 1);
		},
	};
}
