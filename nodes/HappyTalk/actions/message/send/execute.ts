import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedRequest } from '../../../shared/operation';
import { asIdentifier } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import {
	SEND_MESSAGE_ENDPOINT,
	sendMessageBody,
	sendMessageWireFields,
} from './schema';

/** Message → Send: one item's parameters as the exact body of `POST /v1/chat/write`. */
export function buildRequest(this: IExecuteFunctions, itemIndex: number): PreparedRequest {
	const type = this.getNodeParameter('messageType', itemIndex) as unknown;
	const body = {
		uuid: asIdentifier(this.getNodeParameter('uuid', itemIndex)),
		room_id: asIdentifier(this.getNodeParameter('roomId', itemIndex)),
		type,
		...(type === 'text'
			? { msg: this.getNodeParameter('message', itemIndex) }
			: { url: asIdentifier(this.getNodeParameter('url', itemIndex)) }),
	};
	return {
		endpoint: SEND_MESSAGE_ENDPOINT,
		body: parseRequestBody(sendMessageBody, body, sendMessageWireFields, this.getNode(), itemIndex),
	};
}

/** Sent: the plain fields first, HappyTalk's `{code, room_id, message}` after them unchanged. */
export function toOutput(answer: IDataObject, request: PreparedRequest): IDataObject {
	return { sent: true, uuid: request.body.uuid, roomId: request.body.room_id, ...answer };
}
