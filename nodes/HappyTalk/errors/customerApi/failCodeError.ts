import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

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

/** HappyTalk's (code, message) pair of an error built by customerFailCodeError, if any. */
export function customerFailOf(error: unknown): { code: number; message?: string } | undefined {
	const response = error instanceof NodeApiError ? (error.errorResponse as JsonObject | undefined) : undefined;
	const happyTalk = response?.happyTalk as { code?: unknown; message?: unknown } | undefined;
	if (typeof happyTalk?.code !== 'number') return undefined;
	return { code: happyTalk.code, ...(typeof happyTalk.message === 'string' ? { message: happyTalk.message } : {}) };
}

/** Adds a sentence to an error's description and returns it. */
export function withHint<E extends Error & { description?: string | null }>(error: E, hint: string | undefined): E {
	if (hint !== undefined) error.description = `${error.description ?? ''} ${hint}`.trim();
	return error;
}
