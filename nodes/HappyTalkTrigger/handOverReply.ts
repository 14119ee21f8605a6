import { sleep, type IWebhookFunctions } from 'n8n-workflow';

import type { ReplyDelivery } from '../HappyTalk/actions/message/sendAndWait/webhook';

/**
 * `resumed`: n8n took the reply and continues the waiting execution. `gone`: that execution no
 * longer waits (it ended, failed, was stopped or deleted): the message is an ordinary one.
 * `unreachable`: every attempt was refused, so the reply certainly did not arrive. `uncertain`:
 * the request failed otherwise (a time-out, a reset connection): the execution may have resumed.
 */
export type HandOver = { outcome: 'resumed' | 'gone' | 'unreachable' } | { outcome: 'uncertain'; reason: string };

const NETWORK_ATTEMPTS = 4;

/**
 * Posts the reply to the waiting execution's resume URL, from the trigger's `webhook()`. Any answer
 * but our webhook's own means the execution no longer waits there: another message resumed it a
 * moment earlier (n8n: 409), it timed out, ended or was deleted (404, 409). Only unreachable n8n
 * is retried.
 */
export async function handOverReply(context: IWebhookFunctions, resumeUrl: string, delivery: ReplyDelivery): Promise<HandOver> {
	let networkFailures = 0;
	for (;;) {
		let status: number;
		let text = '';
		try {
			const response = (await context.helpers.httpRequest({
				method: 'POST',
				url: resumeUrl,
				body: delivery,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 10_000,
			})) as { statusCode: number; body: unknown };
			status = response.statusCode;
			text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		} catch (error) {
			// Only a refused connection certainly did not arrive; after a time-out the execution may
			// have resumed, and a second try would hand the message to the workflow as well.
			const refused = (error as { code?: string }).code === 'ECONNREFUSED' || /ECONNREFUSED/.test(String((error as Error).message));
			if (!refused) return { outcome: 'uncertain', reason: (error as Error).name };
			if (++networkFailures >= NETWORK_ATTEMPTS) return { outcome: 'unreachable' };
			await sleep(250 * 2 ** networkFailures);
			continue;
		}
		// Only our webhook's own answer means resumed: n8n answers a resume URL whose node no longer
		// waits with a 200 page too ("no action required").
		return { outcome: status >= 200 && status < 300 && /"ok":true/.test(text) ? 'resumed' : 'gone' };
	}
}
