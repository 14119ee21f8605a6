import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/**
 * Every failure after validation, from either API, becomes a NodeApiError built here from plain
 * values only: never from an HTTP library's error, whose request config carries the secrets.
 */
export interface HappyTalkFailure {
	/** What went wrong, in one line. */
	message: string;
	/** Why, and what to do. */
	description: string;
	/** HappyTalk's answer, when there was one. */
	happyTalk?: { code: number; message?: string; field?: string };
	httpStatus?: number;
	/** True when the message may have reached HappyTalk despite the error. */
	mayHaveBeenDelivered: boolean;
	/**
	 * Whether sending again is safe: `safe` when the request certainly did not arrive, `unsafe`
	 * when it may have (only with the user's consent), `never` when HappyTalk refused it.
	 */
	retry: 'safe' | 'unsafe' | 'never';
	/** HappyTalk's Retry-After, when it gave one. */
	retryAfterMs?: number;
}

export function happyTalkError(node: INode, itemIndex: number, failure: HappyTalkFailure) {
	const errorResponse: JsonObject = {
		message: failure.message,
		description: failure.description,
		mayHaveBeenDelivered: failure.mayHaveBeenDelivered,
		retry: failure.retry,
		...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
		...(failure.happyTalk ? { happyTalk: failure.happyTalk } : {}),
		...(failure.httpStatus ? { httpStatus: failure.httpStatus } : {}),
	};
	const error = new NodeApiError(node, errorResponse, {
		message: failure.message,
		description: failure.description,
		httpCode: failure.httpStatus ? String(failure.httpStatus) : undefined,
		itemIndex,
	});
	return error;
}

/** How an error may be retried, read back from an error this module built. */
export function retryInfo(error: unknown): {
	retry: HappyTalkFailure['retry'];
	retryAfterMs?: number;
	httpStatus?: number;
} {
	const response = error instanceof NodeApiError ? (error.errorResponse as JsonObject | undefined) : undefined;
	const retry = response?.retry;
	return {
		retry: retry === 'safe' || retry === 'unsafe' ? retry : 'never',
		retryAfterMs: typeof response?.retryAfterMs === 'number' ? response.retryAfterMs : undefined,
		httpStatus: typeof response?.httpStatus === 'number' ? response.httpStatus : undefined,
	};
}

/** The output item for a failed item under "On Error: Continue". */
export function errorItemJson(error: Error & { description?: string | null; context?: object }) {
	const response = (error as { errorResponse?: JsonObject }).errorResponse;
	const fromHappyTalk = error instanceof NodeApiError && response ? response : undefined;
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(fromHappyTalk?.happyTalk ? { happyTalk: fromHappyTalk.happyTalk } : {}),
		...(fromHappyTalk?.httpStatus ? { httpStatus: fromHappyTalk.httpStatus } : {}),
		...(fromHappyTalk ? { mayHaveBeenDelivered: fromHappyTalk.mayHaveBeenDelivered } : { mayHaveBeenDelivered: false }),
	};
}

/** Our own errors pass unchanged; anything else (e.g. an expression error) gets the item index. */
export function asNodeError(node: INode, error: Error, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error, { itemIndex });
}
