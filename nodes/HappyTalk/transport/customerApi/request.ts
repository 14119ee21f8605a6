import {
	sleep,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';

import { customerFailCodeError } from '../../errors/customerApi/failCodeError';
import { happyTalkError } from '../../errors/nodeErrors';
import { networkCode } from '../networkCode';
import { permanentPage } from '../permanentPage';
import { noteAttempts, retryAfterMs, retryAfterTooLong, waitBeforeRetry } from '../retryWaits';
import { resolveCustomerApiBaseUrl } from './baseUrl';
import { readCustomerAnswer } from './readAnswer';

export const CUSTOMER_CREDENTIAL_TYPE = 'happyTalkCustomerApi';

/** The credential, decrypted once per run, and where it points. */
export interface CustomerConnection {
	baseURL: string;
	credentials: ICredentialsDecrypted;
}

/** What an operation gets to talk to the customer API for one item. */
export type CustomerApiCall = (endpoint: string, body: IDataObject) => Promise<IDataObject>;

export interface CallSettings {
	timeout: number;
	retries: number;
}

/** Functions that can make authenticated requests: an execute or a poll context. */
type RequestContext = Pick<IExecuteFunctions, 'getCredentials' | 'getNode' | 'helpers'>;

export async function openCustomerConnection(this: RequestContext): Promise<CustomerConnection> {
	const data = await this.getCredentials(CUSTOMER_CREDENTIAL_TYPE);
	const reference = this.getNode().credentials?.[CUSTOMER_CREDENTIAL_TYPE];
	let baseURL: string;
	try {
		baseURL = resolveCustomerApiBaseUrl(data);
	} catch (error) {
		throw happyTalkError(this.getNode(), 0, {
			message: (error as Error).message,
			description: 'Nothing was sent. Fix the Base URL in the HappyTalk Customer API credential.',
			mayHaveBeenDelivered: false,
			retry: 'never',
		});
	}
	return {
		baseURL,
		credentials: { id: reference?.id ?? '', name: reference?.name ?? '', type: CUSTOMER_CREDENTIAL_TYPE, data },
	};
}

/**
 * Binds a connection, an item and its settings into one call function. Every customer API call
 * only reads or sets values, so repeating it is harmless: what may pass (HTTP 429, 5xx, a garbled
 * answer, a network failure) is retried, after HappyTalk's Retry-After when it gave one, else
 * after growing waits. What cannot pass fails at once: HappyTalk's fail codes, and pages such as
 * a 404 that say the request never reached the API.
 */
export function customerApiCaller(
	context: RequestContext,
	connection: CustomerConnection,
	itemIndex: number,
	settings: CallSettings,
): CustomerApiCall {
	return async (endpoint, body) => {
		for (let attempt = 0; ; attempt++) {
			const outcome = await callOnce(context, connection, itemIndex, settings.timeout, endpoint, body);
			if (outcome.kind === 'done') return outcome.body;
			if (outcome.kind === 'refused' || attempt >= settings.retries) throw noteAttempts(outcome.error, attempt + 1);
			const wait = waitBeforeRetry(attempt, outcome.retryAfterMs);
			if (wait === undefined) throw noteAttempts(outcome.error, attempt + 1, retryAfterTooLong(outcome.retryAfterMs!));
			await sleep(wait);
		}
	};
}

type Outcome =
	| { kind: 'done'; body: IDataObject }
	| { kind: 'refused'; error: Error }
	| { kind: 'transient'; error: Error; retryAfterMs?: number };

async function callOnce(
	context: RequestContext,
	{ baseURL, credentials }: CustomerConnection,
	itemIndex: number,
	timeout: number,
	endpoint: string,
	body: IDataObject,
): Promise<Outcome> {
	const node = context.getNode();
	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL,
		url: endpoint,
		body,
		json: true,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect could carry the token in the body to another host.
		disableFollowRedirect: true,
		timeout,
	};
	let response: { statusCode: number; body: unknown; headers?: Record<string, unknown> };
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(
			context as IExecuteFunctions,
			CUSTOMER_CREDENTIAL_TYPE,
			options,
			{ credentialsDecrypted: credentials },
		);
	} catch (error) {
		return { kind: 'transient', error: networkError(node, itemIndex, error, baseURL, timeout) };
	}
	const answer = readCustomerAnswer(response.statusCode, response.body);
	if (answer.kind === 'fail') {
		return { kind: 'refused', error: customerFailCodeError(node, itemIndex, answer, response.statusCode) };
	}
	if (answer.kind === 'success' && response.statusCode >= 200 && response.statusCode <= 299) {
		return { kind: 'done', body: answer.body };
	}
	const status = response.statusCode;
	const message = answer.kind === 'unreadable' ? answer.message : `HappyTalk answered success with HTTP ${status}`;
	const permanent = answer.kind === 'unreadable' ? permanentPage(status, message, 'HappyTalk Customer API') : undefined;
	if (permanent) {
		return {
			kind: 'refused',
			error: happyTalkError(node, itemIndex, { ...permanent, httpStatus: status, mayHaveBeenDelivered: false, retry: 'never' }),
		};
	}
	const retryAfter = retryAfterMs(response.headers?.['retry-after']);
	return {
		kind: 'transient',
		retryAfterMs: retryAfter,
		error: happyTalkError(node, itemIndex, {
			message: status === 429 ? `HappyTalk is limiting the request rate (HTTP 429)` : message,
			description: `The customer API answers JSON with "result". ${status === 429 ? 'HappyTalk is limiting the request rate: raise "Retries" under Options, or run fewer items at once.' : 'This usually comes from a proxy or an outage, and passes: raise "Retries" under Options, or run it again later.'}`,
			httpStatus: status,
			mayHaveBeenDelivered: false,
			retry: 'safe',
			...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
		}),
	};
}

/** Built from plain values only: the HTTP library's error holds the request body, token included. */
function networkError(node: INode, itemIndex: number, error: unknown, baseURL: string, timeout: number) {
	const code = networkCode(error);
	const timedOut = code !== undefined && ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(code);
	return happyTalkError(node, itemIndex, {
		message: timedOut ? `HappyTalk did not answer within ${timeout} ms` : `Could not reach HappyTalk's customer API at ${baseURL}`,
		// Network codes go in the description: n8n rewrites any message that contains one.
		description: `${code ?? 'The connection failed'}. Check the environment or Base URL in the credential, the network, or raise "Timeout (Ms)" under Options.`,
		mayHaveBeenDelivered: false,
		retry: 'safe',
	});
}
