import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { COUNSELING_UNAVAILABLE_CODES, describeFailCode } from '../../../errors/bizApi/failCodes';
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
	const customParameters =
		((extra.customParameters as IDataObject | undefined)?.parameter as IDataObject[] | undefined) ?? [];
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
		...customParameterSlots.call(this, customParameters, itemIndex),
	} as IDataObject);

	return {
		endpoint: OPEN_ROOM_ENDPOINT,
		body: parseRequestBody(openRoomBody, body, openRoomWireFields, this.getNode(), itemIndex),
		acceptCodes: unavailableAsError ? [] : COUNSELING_UNAVAILABLE_CODES,
	};
}

/**
 * parameter1 … parameter10: an entry with "Sent As" set takes that slot; the others (and every
 * entry of workflows saved before "Sent As" existed) take the free slots in their order.
 */
function customParameterSlots(this: IExecuteFunctions, entries: IDataObject[], itemIndex: number) {
	const fail = (problem: string) => {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: "Custom Parameters" (additionalFields.customParameters) ${problem}`,
			{ itemIndex, description: 'Nothing was sent for this item.' },
		);
	};
	if (entries.length > CUSTOM_PARAMETER_COUNT) {
		fail(`allows at most ${CUSTOM_PARAMETER_COUNT} values; got ${entries.length}`);
	}
	const slots: Record<string, unknown> = {};
	for (const entry of entries) {
		const number = Number(entry.number ?? 0);
		if (number === 0) continue;
		if (slots[`parameter${number}`] !== undefined) fail(`sends two values as parameter${number}`);
		slots[`parameter${number}`] = asIdentifier(entry.value);
	}
	let next = 1;
	for (const entry of entries) {
		if (Number(entry.number ?? 0) !== 0) continue;
		while (slots[`parameter${next}`] !== undefined) next++;
		slots[`parameter${next}`] = asIdentifier(entry.value);
	}
	return slots;
}

/**
 * For a chatbot, "no counselor now" is an expected outcome: say so in plain fields, with
 * HappyTalk's notice (what the customer was shown), instead of failing the item.
 */
export function toOutput(answer: IDataObject, request: PreparedRequest): IDataObject {
	const code = answer.code as number;
	if (code === 0) {
		return {
			opened: true,
			uuid: request.body.uuid,
			roomId: String(answer.room_id),
			...answer,
		};
	}
	return {
		opened: false,
		uuid: request.body.uuid,
		reason: describeFailCode(code).meaning,
		notice: answer.content ?? '',
		...answer,
	};
}
