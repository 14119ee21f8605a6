import type { INode } from 'n8n-workflow';

import { happyTalkError } from '../nodeErrors';
import { describeFailCode } from './failCodes';

/** HappyTalk answered with a non-zero `code`. */
export function failCodeError(
	node: INode,
	itemIndex: number,
	answer: { code: number; message?: unknown; field?: unknown },
	httpStatus: number,
) {
	const known = describeFailCode(answer.code);
	const happyTalkMessage = typeof answer.message === 'string' ? answer.message : undefined;
	const field = typeof answer.field === 'string' && answer.field !== '' ? answer.field : undefined;
	return happyTalkError(node, itemIndex, {
		message: `HappyTalk refused the request: ${answer.code} ${happyTalkMessage || known.name}${field ? ` (field: ${field})` : ''}`,
		description: `${known.meaning}. ${known.action}.`,
		happyTalk: {
			code: answer.code,
			...(happyTalkMessage !== undefined ? { message: happyTalkMessage } : {}),
			...(field ? { field } : {}),
		},
		httpStatus,
		mayHaveBeenDelivered: answer.code === -600,
		retry: answer.code === -600 ? 'unsafe' : 'never',
	});
}
