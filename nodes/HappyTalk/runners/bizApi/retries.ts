import { sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, retryInfo } from '../../errors/nodeErrors';
import { RETRY_WAITS } from '../../shared/options.schema';
import { happyTalkRequest, type Connection, type HappyTalkRequest } from '../../transport/bizApi/request';
import type { RequestGate } from './scheduler';

export interface RetryPolicy {
	retries: number;
	/** The user's consent to resend what may already have arrived. */
	retryMaybeDelivered: boolean;
}

const { firstMs: FIRST_WAIT_MS, longestMs: LONGEST_WAIT_MS, longestRetryAfterMs: LONGEST_RETRY_AFTER_MS } = RETRY_WAITS;

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
			const wait = waitBefore(attempt, retryAfterMs);
			if (!allowed || attempt >= policy.retries || wait === undefined) {
				if (attempt > 0) noteAttempts(error as Error, attempt + 1);
				throw asNodeError(this.getNode(), error as Error, itemIndex);
			}
			await sleep(wait);
		}
	}
}

function waitBefore(attempt: number, retryAfterMs: number | undefined): number | undefined {
	if (retryAfterMs !== undefined) {
		return retryAfterMs > LONGEST_RETRY_AFTER_MS ? undefined : retryAfterMs + Math.random() * 250;
	}
	const ceiling = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

function noteAttempts(error: Error & { description?: string | null }, attempts: number) {
	error.description = `${error.description ?? ''} (${attempts} attempts)`.trim();
}
