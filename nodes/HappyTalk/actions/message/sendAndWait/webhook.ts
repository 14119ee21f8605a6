import type { IDataObject, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { askedFrom, type AskedItem } from '../../../waitingReplies/registry';

/**
 * The waiting execution's resume webhook, as n8n's own Send and Wait nodes declare it: n8n serves
 * it under /webhook-waiting/<execution>/<node id> while the execution waits, and checks the URL's
 * signature because the operation is called `sendAndWait`.
 */
export const replyWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

/** What the HappyTalk Trigger posts to the resume URL (see HappyTalkTrigger/waitingReplies). */
export interface ReplyDelivery {
	message: IDataObject;
	respondedAt: string;
	asked: AskedItem[];
}

/** Resumes with one item per waiting item: the reply as the trigger emits it, and what was asked. */
export async function replyWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = this.getBodyData() as Partial<ReplyDelivery>;
	const message = body.message;
	if (!message || typeof message !== 'object' || !Array.isArray(body.asked) || typeof body.respondedAt !== 'string') {
		this.getResponseObject().status(400).json({ ok: false, error: 'Not a reply handed over by the HappyTalk Trigger' });
		return { noWebhookResponse: true };
	}
	const respondedAt = body.respondedAt;
	// What this pause waits with now, from n8n (the node's input while it waits): a hand-over read
	// from an older pause of this execution (another process's memory) must not resume it for
	// another customer or room, nor with older questions.
	const current = waitingItems(this);
	const waiting = current?.find((item) => item.json.replied === false)?.json;
	if (waiting && (waiting.uuid !== message.uuid || waiting.roomId !== message.roomId)) {
		this.getResponseObject().status(409).json({ ok: false, error: 'This execution waits for another customer or room' });
		return { noWebhookResponse: true };
	}
	const asked = current ? askedFrom(current) : body.asked;
	return {
		webhookResponse: { ok: true },
		workflowData: [
			asked.map(({ item, question, result }) => ({
				json: result ?? { ...message, replied: true, respondedAt, question },
				pairedItem: { item },
			})),
		],
	};
}

function waitingItems(context: IWebhookFunctions): Array<{ json: IDataObject; pairedItem?: unknown }> | undefined {
	const items = context.evaluateExpression('{{ $input.all() }}', 0);
	return Array.isArray(items) && items.length > 0 ? (items as Array<{ json: IDataObject; pairedItem?: unknown }>) : undefined;
}
