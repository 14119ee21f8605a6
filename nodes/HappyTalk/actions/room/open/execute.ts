import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { COUNSELLING_UNAVAILABLE_CODES, describeFailCode } from '../../../errors/bizApi/failCodes';
import type { PreparedRequest } from '../../../shared/operation';
import { asIdentifier, asWholeNumber, withoutEmpty } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import {
	CUSTOM_PARAMETER_COUNT,
	OPEN_ROOM_ENDPOINT,
	openRoomBody,
	openRoomNumberFields,
	openRoomTextFields,
	openRoomWireFields,
} from './schema';

/** Room → Open: `POST /v1/chat/open` with the additional fields the user added. */
export function buildRequest(this: IExecuteFunctions, itemIndex: number): PreparedRequest {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const customParameters = (
		((extra.customParameters as IDataObject | undefined)?.parameter as IDataObject[] | undefined) ?? []
	).map((entry) => asIdentifier(entry.value));
	const unavailableAsError = this.getNodeParameter('options.unavailableAsError', itemIndex, false) as boolean;

	const body = withoutEmpty({
		uuid: asIdentifier(this.getNodeParameter('uuid', itemIndex)),
		...Object.fromEntries(
			Object.entries(openRoomTextFields).map(([wire, field]) => [wire, asIdentifier(extra[field.parameter])]),
		),
		...Object.fromEntries(
			Object.entries(openRoomNumberFields).map(([wire, field]) => [wire, asWholeNumber(extra[field.parameter])]),
		),
		phone_os: extra.phoneOs,
		is_room_create_force: extra.forceNewRoom === undefined ? undefined : extra.forceNewRoom ? 'T' : 'N',
		...Object.fromEntries(customParameters.map((value, i) => [`parameter${i + 1}`, value])),
	} as IDataObject);

	if (customParameters.length > CUSTOM_PARAMETER_COUNT) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: "Custom Parameters" (additionalFields.customParameters) allows at most ${CUSTOM_PARAMETER_COUNT} values; got ${customParameters.length}`,
			{ itemIndex, description: 'Nothing was sent for this item.' },
		);
	}

	return {
		endpoint: OPEN_ROOM_ENDPOINT,
		body: parseRequestBody(openRoomBody, body, openRoomWireFields, this.getNode(), itemIndex),
		acceptCodes: unavailableAsError ? [] : COUNSELLING_UNAVAILABLE_CODES,
	};
}

/**
 * For a chatbot, "no counsellor now" is an expected outcome: say so in plain fields, with
 * HappyTalk's notice (what the customer was shown), instead of failing the item.
 */
export function toOutput(answer: IDataObject): IDataObject {
	const code = answer.code as number;
	if (code === 0) return { counsellingAvailable: true, ...answer };
	return {
		counsellingAvailable: false,
		reason: describeFailCode(code).meaning,
		notice: answer.content ?? '',
		...answer,
	};
}
