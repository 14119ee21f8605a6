import { z } from 'zod/v3';

import { customerUuidField, roomIdField } from '../../../shared/fields';
import { boundedText } from '../../../shared/text';

/** `POST /v1/chat/end` (spec: end_counseling; `end_type` from HappyTalk's newer page). */
export const END_ROOM_ENDPOINT = '/v1/chat/end';

export const END_TYPES = [
	{ value: 0, name: 'Counselor', description: 'Ended by the counselor' },
	{ value: 1, name: 'Customer', description: 'Ended by the customer' },
	{ value: 2, name: 'Manager', description: 'Ended by a manager' },
] as const;

export const endRoomWireFields = {
	uuid: customerUuidField,
	room_id: roomIdField,
	end_type: { parameter: 'additionalFields.endType', label: 'End Type' },
};

export const endRoomBody = z
	.object({
		uuid: boundedText(customerUuidField),
		room_id: boundedText(roomIdField),
		end_type: z
			.number()
			.refine((value) => END_TYPES.some((type) => type.value === value), {
				message: `must be one of ${END_TYPES.map((type) => `${type.value} (${type.name})`).join(', ')}`,
			})
			.optional(),
	})
	.strict();
