import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { failCodeError } from '../../errors/bizApi/failCodeError';
import { happyTalkError, type HappyTalkFailure } from '../../errors/nodeErrors';
import type { PreparedRequest } from '../../shared/operation';
import { networkCode } from '../networkCode';
import { permanentPage } from '../permanentPage';
import { retryAfterMs } from '../retryWaits';
import { resolveBaseUrl } from './baseUrl';
import { readAnswer } from './readAnswer';

export const CREDENTIAL_TYPE = 'happyTalkApi';

export interface HappyTalkRequest extends PreparedRequest {
	timeout: number;
}

/** Network failures where the request certainly never reached HappyTalk. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMED_OUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * One call to the Biz API. Resolves with HappyTalk's answer when `code` is 0 (or one of the
 * request's `acceptCodes`); anything else
 * becomes a NodeApiError that says what happened and whether the message may have arrived.
 */
/** The credential, decrypted once per run, and where it points; or why nothing can be sent. */
export type Connection =
	| { baseURL: string; credentials: ICredentialsDecrypted }
	| { failure: Omit<HappyTalkFailure, 'retry'> };

/**
 * Reads the credential once for the whole run: n8n would otherwise decrypt it again for every
 * request, which costs real time when thousands of messages go out.
 */
export async function openConnection(this: IExecuteFunctions): Promise<Connection> {
	const data = await this.getCredentials(CREDENTIAL_TYPE);
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	try {
		return {
			baseURL: resolveBaseUrl(data),
			credentials: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data },
		};
	} catch (error) {
		return {
			failure: {
				message: (error as Error).message,
				description: 'Nothing was sent. Fix the Base URL in the HappyTalk credential.',
				mayHaveBeenDelivered: false,
			},
		};
	}
}

export async function happyTalkRequest(
	this: IExecuteFunctions,
	request: HappyTalkRequest,
	itemIndex: number,
	connection: Connection,
): Promise<IDataObject> {
	const node = this.getNode();
	if ('failure' in connection) throw happyTalkError(node, itemIndex, { ...connection.failure, retry: 'never' });
	const { baseURL, credentials } = connection;

	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL,
		url: request.endpoint,
		body: request.body,
		json: true,
		// Read the body as text: HappyTalk's JSON is parsed by readAnswer, which also explains
		// HTML error pages and empty bodies instead of failing on them.
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect could carry the secret headers to another host; the Biz API never redirects.
		disableFollowRedirect: true,
		timeout: request.timeout,
	};

	let response: { statusCode: number; body: unknown; headers?: Record<string, unknown> };
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, {
			credentialsDecrypted: credentials,
		});
	} catch (error) {
		throw transportError.call(this, error, request, baseURL, itemIndex);
	}

	if (response.statusCode === 429) {
		throw happyTalkError(node, itemIndex, {
			message: 'HappyTalk is limiting the request rate (HTTP 429)',
			description:
				'The message was not sent. Lower "Requests per Second" or "Concurrency" under Options, or raise "Retries".',
			httpStatus: 429,
			mayHaveBeenDelivered: false,
			retry: 'safe',
			retryAfterMs: retryAfterMs(response.headers?.['retry-after']),
		});
	}

	const answer = readAnswer(response.statusCode, response.body, response.headers);
	if (answer.kind === 'unreadable') {
		const permanent = permanentPage(response.statusCode, answer.message, 'HappyTalk');
		if (permanent) {
			throw happyTalkError(node, itemIndex, { ...permanent, httpStatus: response.statusCode, mayHaveBeenDelivered: false, retry: 'never' });
		}
		// A 503 that says when to come back is a server declining the request, not one that failed halfway.
		const retryAfter = retryAfterMs(response.headers?.['retry-after']);
		if (response.statusCode === 503 && retryAfter !== undefined) {
			throw happyTalkError(node, itemIndex, {
				message: `HappyTalk is unavailable for now (HTTP 503, Retry-After ${Math.ceil(retryAfter / 1000)} s)`,
				description: 'The message was not sent. It is sent again after the wait HappyTalk asked for, up to "Retries" under Options.',
				httpStatus: 503,
				mayHaveBeenDelivered: false,
				retry: 'safe',
				retryAfterMs: retryAfter,
			});
		}
		throw happyTalkError(node, itemIndex, {
			message: answer.message,
			description: `${answer.description} The message may or may not have been delivered: check the room before sending again.`,
			httpStatus: response.statusCode,
			mayHaveBeenDelivered: true,
			retry: repeatable(request),
			// Honoured when the answer is retried at all (a question, or with the user's consent).
			...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
		});
	}
	if (answer.body.code !== 0) {
		if (request.acceptCodes?.includes(answer.body.code)) return answer.body;
		throw failCodeError(node, itemIndex, answer.body, response.statusCode);
	}
	if (response.statusCode < 200 || response.statusCode > 299) {
		throw happyTalkError(node, itemIndex, {
			message: `HappyTalk answered code 0 but with HTTP status ${response.statusCode}`,
			description:
				'An unusual answer, perhaps from a proxy. The message may or may not have been delivered: check the room before sending again.',
			httpStatus: response.statusCode,
			mayHaveBeenDelivered: true,
			retry: repeatable(request),
		});
	}
	return answer.body;
}

function transportError(
	this: IExecuteFunctions,
	error: unknown,
	request: HappyTalkRequest,
	baseURL: string,
	itemIndex: number,
) {
	const node = this.getNode();
	const code = networkCode(error);
	if (code && TIMED_OUT.has(code)) {
		return happyTalkError(node, itemIndex, {
			message: `HappyTalk did not answer within ${request.timeout} ms`,
			description:
				'The message may or may not have been delivered, so it was not sent again: check the room before resending. Raise "Timeout (Ms)" under Options if HappyTalk is slow.',
			mayHaveBeenDelivered: true,
			retry: repeatable(request),
		});
	}
	// Network codes go in the description: n8n rewrites any message that contains one.
	if (code && NOT_CONNECTED.has(code)) {
		return happyTalkError(node, itemIndex, {
			message: `Could not connect to HappyTalk at ${baseURL}`,
			description: `${code}: the message was not sent. Check the environment or Base URL in the credential, and the network between n8n and HappyTalk.`,
			mayHaveBeenDelivered: false,
			retry: 'safe',
		});
	}
	return happyTalkError(node, itemIndex, {
		message: 'The connection to HappyTalk broke before it answered',
		description: `${code ?? safeMessage(error)}: the message may or may not have been delivered. Check the room before sending again.`,
		mayHaveBeenDelivered: true,
		retry: repeatable(request),
	});
}

/** An answer lost on the way: resending needs the user's consent, unless the request only asks. */
function repeatable(request: HappyTalkRequest): HappyTalkFailure['retry'] {
	return request.readOnly ? 'safe' : 'unsafe';
}

/** Only the error's own text: never its request config, which holds the secret headers. */
function safeMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0].slice(0, 200);
}
