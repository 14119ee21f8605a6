import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedRequest } from '../../../shared/operation';
import { asIdentifier, withoutEmpty } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import { END_ROOM_ENDPOINT, endRoomBody, endRoomWireFields } from './schema';

/** Room → End: `POST /v1/chat/end`. */
export function buildRequest(this: IExecuteFunctions, itemIndex: number): PreparedRequest {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = withoutEmpty({
		uuid: asIdentifier(this.getNodeParameter('uuid', itemIndex)),
		room_id: asIdentifier(this.getNodeParameter('roomId', itemIndex)),
		end_type: extra.endType,
	} as IDataObject);
	return {
		endpoint: END_ROOM_ENDPOINT,
		body: parseRequestBody(endRoomBody, body, endRoomWireFields, this.getNode(), itemIndex),
	};
}

/** HappyTalk answers only `{code, message}`: add whose room ended, for the next node. */
export function toOutput(answer: IDataObject, request: PreparedRequest): IDataObject {
	return { ended: true, uuid: request.body.uuid, roomId: request.body.room_id, ...answer };
}
