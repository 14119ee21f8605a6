import { sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, retryInfo } from '../../errors/nodeErrors';
import { happyTalkRequest, type Connection, type HappyTalkRequest } from '../../transport/bizApi/request';
import { noteAttempts, retryAfterTooLong, waitBeforeRetry } from '../../transport/retryWaits';
import type { RequestGate } from './scheduler';

export interface RetryPolicy {
	retries: number;
	/** The user's consent to resend what may already have arrived. */
	retryMaybeDelivered: boolean;
}

/**
 * One request, retried only where the message certainly did not arrive (HTTP 429, connection
 * refused, DNS failure), or, with the user's consent, where it may have. Waits grow
 * exponentially with jitter, or follow HappyTalk's Retry-After. Every attempt waits at the gate,
 * so retries respect the requests-per-second ceiling too, and tells the gate whether HappyTalk's
 * rate limit let it through.
 */
export async function sendWithRetries(
	this: IExecuteFunctions,
	request: HappyTalkRequest,
	itemIndex: number,
	policy: RetryPolicy,
	gate: RequestGate,
	connection: Connection,
): Promise<IDataObject> {
	for (let attempt = 0; ; attempt++) {
		const startedAt = await gate.wait();
		try {
			const answer = await happyTalkRequest.call(this, request, itemIndex, connection);
			gate.accepted(startedAt);
			return answer;
		} catch (error) {
			const { retry, retryAfterMs, httpStatus } = retryInfo(error);
			if (httpStatus === 429) gate.rateLimited(startedAt);
			else if (httpStatus !== undefined) gate.accepted(startedAt);
			const allowed = retry === 'safe' || (retry === 'unsafe' && policy.retryMaybeDelivered);
			const wait = waitBeforeRetry(attempt, retryAfterMs);
			if (!allowed || attempt >= policy.retries || wait === undefined) {
				const tooLong = allowed && attempt < policy.retries && wait === undefined;
				noteAttempts(error as Error, attempt + 1, tooLong ? retryAfterTooLong(retryAfterMs!) : undefined);
				throw asNodeError(this.getNode(), error as Error, itemIndex);
			}
			await sleep(wait);
		}
	}
}
