import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customerFailOf, withHint } from '../../../errors/customerApi/failCodeError';
import { pastedCustomerUuidHint, siteNumberFor } from '../../../shared/history/customerUuid';
import { CUSTOMER_API_ENDPOINTS } from '../../../shared/history/endpoints';
import { readHistoryFilters, sharedFilters } from '../../../shared/history/filters';
import { roomEntries, roomOutput, roomsWithMessages } from '../../../shared/history/roomOutput';
import { readCustomerApiSettings } from '../../../shared/history/settings';
import { roomDays } from '../../../shared/history/roomList';
import { inDateWindows } from '../../../shared/history/windows';
import type { CustomerApiPlan } from '../../../shared/operation';
import { asIdentifier } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import { hintCutAnswer, mayBeCut } from './cutAnswers';
import {
	getCustomerRoomsWireFields,
	roomsByCustomerIdBody,
	roomsByUuidBody,
} from './schema';

type RoomEntry = ReturnType<typeof roomEntries>[number];

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
		// This search takes no dates: an answer that may have been cut cannot be read in parts.
		return {
			settings,
			run: async (call) => {
				const rooms = roomsWithMessages(await call(CUSTOMER_API_ENDPOINTS.roomsByCustomerId, body));
				if (mayBeCut(rooms)) hintCutAnswer(this, itemIndex, {}, rooms.length);
				return rooms;
			},
		};
	}
	// Exactly as given: see pastedCustomerUuidHint for a pasted customer_uuid.
	const body = parseRequestBody(
		roomsByUuidBody,
		{ uuid: asIdentifier(this.getNodeParameter('uuid', itemIndex)) },
		getCustomerRoomsWireFields,
		node,
		itemIndex,
	);
	const filters = readHistoryFilters.call(this, itemIndex);
	const rest = sharedFilters(filters);
	return {
		settings,
		run: async (call) => {
			const rooms: IDataObject[] = [];
			const windows = inDateWindows<RoomEntry>(
				filters,
				async function* (window) {
					yield* roomEntries(await call(CUSTOMER_API_ENDPOINTS.roomsByUuid, { ...body, ...rest, ...window }));
				},
				{
					idOf: ({ chat }) => String(chat.id),
					daysOf: ({ chat }) => roomDays(chat),
					mayBeCut,
					onCut: (window, count) => hintCutAnswer(this, itemIndex, window, count),
				},
			);
			try {
				for await (const { chat, message } of windows) rooms.push(roomOutput(chat, message, siteNumberFor([chat], body.uuid)));
			} catch (error) {
				throw customerFailOf(error)?.code === -503 ? withHint(error as Error, pastedCustomerUuidHint(body.uuid)) : error;
			}
			return rooms;
		},
	};
}
