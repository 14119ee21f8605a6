import { NodeOperationError, sleep, type IExecuteFunctions } from 'n8n-workflow';

import type { ReplyDelivery } from '../HappyTalk/actions/message/sendAndWait/webhook';
import { NOT_YET_WAITING_RETRY_MS } from '../HappyTalk/waitingReplies/timing';

/**
 * `resumed`: n8n took the reply and continues the waiting execution. `gone`: that execution no
 * longer waits (it ended, failed, was stopped or deleted): the message is an ordinary one.
 */
export type HandOver = 'resumed' | 'gone';

const NETWORK_ATTEMPTS = 4;

/**
 * Posts the reply to the waiting execution's resume URL. n8n answers 409 "running already" while
 * the execution is still sending its question (the customer answered at once): that is retried
 * until it waits, or until its time limit (after which n8n resumes it with its time-out).
 */
export async function handOverReply(
	context: IExecuteFunctions,
	resumeUrl: string,
	delivery: () => Promise<ReplyDelivery>,
	deadline: number,
): Promise<HandOver> {
	const stopAt = Math.min(Date.now() + NOT_YET_WAITING_RETRY_MS, deadline > 0 ? deadline : Infinity);
	let networkFailures = 0;
	for (let attempt = 0; ; attempt++) {
		let status: number;
		let text = '';
		try {
			const response = (await context.helpers.httpRequest({
				method: 'POST',
				url: resumeUrl,
				body: await delivery(),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 10_000,
			})) as { statusCode: number; body: unknown };
			status = response.statusCode;
			text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		} catch (error) {
			// Never the URL in the error: its signature is what lets one resume the execution.
			if (++networkFailures >= NETWORK_ATTEMPTS) {
				throw new NodeOperationError(context.getNode(), 'Could not reach n8n to hand the reply over to the waiting execution', {
					description: `${(error as Error).name}. The execution's resume URL is built from WEBHOOK_URL: in queue mode, set it on every n8n process to the URL that reaches n8n's webhook processes.`,
				});
			}
			await sleep(250 * 2 ** networkFailures);
			continue;
		}
		if (status >= 200 && status < 300) return 'resumed';
		const notYetWaiting = status === 409 && /running/i.test(text);
		if (!notYetWaiting || Date.now() >= stopAt) return 'gone';
		await sleep(Math.min(100 * 2 ** attempt, 1000));
	}
}
