import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import type { PreparedRequest } from '../shared/operation';
import { describeOutcome } from './outcomes';

/**
 * What the model reads back from a tool call. A success says in one sentence what happened to
 * whom, before the node's usual output (uuid, roomId, what happened, HappyTalk's answer). A
 * failure is a result too (a thrown error would end the agent's run or reach the model as an
 * empty string): what was wrong, which field and limit, what to do, and whether anything reached
 * the customer.
 */
export function toolSuccess(output: IDataObject, request: PreparedRequest, operationKey: string): IDataObject {
	return { result: describeOutcome(operationKey, output, request.body), ...output };
}

/**
 * `sends`: whether the operation sends something to the customer (a message). Only there does
 * `sent: false` tell the model something; a read or an update never sends.
 */
export function toolFailure(error: Error & { description?: string | null }, sends: boolean): IDataObject {
	const response = error instanceof NodeApiError ? (error.errorResponse as JsonObject | undefined) : undefined;
	const mayHaveBeenDelivered = response?.mayHaveBeenDelivered === true;
	return {
		error: error.message.replace(/^Item \d+: /, ''),
		...(error.description ? { whatToDo: error.description } : {}),
		...(sends ? { sent: false } : {}),
		mayHaveBeenDelivered,
		outcome: mayHaveBeenDelivered
			? 'The request may have reached HappyTalk: do not repeat it before checking the room.'
			: 'Nothing reached the customer. Correct the call and try again.',
		...(response?.happyTalk ? { happyTalk: response.happyTalk } : {}),
	};
}
