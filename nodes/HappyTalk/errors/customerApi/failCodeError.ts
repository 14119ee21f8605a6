import type { INode } from 'n8n-workflow';

import { happyTalkError } from '../nodeErrors';
import { describeCustomerFail } from './failCodes';

/** The customer API answered `{"result": "fail", "code", "message"}`. */
export function customerFailCodeError(
	node: INode,
	itemIndex: number,
	answer: { code: number; message?: unknown },
	httpStatus: number,
) {
	const known = describeCustomerFail(answer.code, answer.message);
	const happyTalkMessage = typeof answer.message === 'string' ? answer.message : undefined;
	return happyTalkError(node, itemIndex, {
		message: `HappyTalk refused the request: ${answer.code} ${happyTalkMessage ?? known.message}`,
		description: `${known.meaning}. ${known.action}.`,
		happyTalk: { code: answer.code, ...(happyTalkMessage !== undefined ? { message: happyTalkMessage } : {}) },
		httpStatus,
		mayHaveBeenDelivered: false,
		retry: 'never',
	});
}
