import {
	NodeOperationError,
	WAIT_INDEFINITELY,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { sendItems, type FindOperation } from '../../../runners/bizApi/sendItems';
import { askedFrom, rememberPause, roomKey, type AskedItem } from '../../../waitingReplies/registry';
import { TIME_OUT_GUARD_MS } from '../../../waitingReplies/timing';
import { replyDeadline } from './limitWaitTime';

export type { AskedItem };

const TRIGGER_TYPE = 'happyTalkTrigger';

/**
 * Message → Send and Wait for Reply: the items are validated and sent exactly as Message → Send
 * sends them, then the execution pauses as n8n's Wait node does (in the database, no worker slot
 * held) until the HappyTalk Trigger hands it the customer's next message in the room, or the
 * time limit ends. The trigger finds it in this process's memory (regular mode) or among the
 * workflow's waiting executions (n8n's API): what it needs is in this execution's data, written below.
 */
export async function run(this: IExecuteFunctions, findOperation: FindOperation): Promise<INodeExecutionData[][]> {
	const deadline = replyDeadline(this);
	const questions = new Map<number, IDataObject>();
	const [results] = await sendItems.call(this, findOperation, undefined, {
		beforeSending: async (valid) => {
			sameRoom.call(this, valid.map(({ itemIndex, request }) => ({ itemIndex, body: request.body })));
			requireHappyTalkTrigger(this);
			for (const { itemIndex, request } of valid) questions.set(itemIndex, questionOf(request.body));
		},
	});
	if (!results.some((result) => result.json.sent === true)) return [results];

	// What the execution continues with: on time-out n8n passes this node's input through as it
	// is when the execution waits (it does not run the node again), so the input becomes one
	// time-out item per input item. A reply replaces it (see webhook.ts); the trigger reads these
	// items to know the room and what each item asked. An item that failed keeps its error item.
	const askedAt = new Date().toISOString();
	const timeOutItems = results.map((result, item) => ({
		json:
			result.json.sent === true
				? { replied: false, uuid: result.json.uuid, roomId: result.json.roomId, question: questions.get(item), askedAt }
				: result.json,
		pairedItem: { item },
	}));
	this.getExecuteData().data = { main: [timeOutItems] };
	rememberInThisProcess(this, timeOutItems, deadline);
	await this.putExecutionToWait(deadline === undefined ? WAIT_INDEFINITELY : new Date(deadline + TIME_OUT_GUARD_MS));
	return [results];
}

/**
 * Regular mode: the trigger's webhook() runs in this same process and finds the pause here (n8n's
 * API does not list it). Queue mode: the reply reaches the trigger's webhook() in a webhook process
 * (or the main), which asks n8n's API; an entry a worker keeps here is not read there, and ends at
 * its limit or the registry's bound. An entry older than the execution's current pause is refused
 * by the node's webhook if it no longer fits (webhook.ts).
 */
function rememberInThisProcess(context: IExecuteFunctions, items: Array<{ json: IDataObject; pairedItem: { item: number } }>, deadline?: number) {
	const waiting = items.find(({ json }) => json.replied === false)?.json;
	if (!waiting) return;
	const id = context.getExecutionId();
	const resumeBase = String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	rememberPause(String(context.getWorkflow().id), {
		id,
		room: roomKey(String(waiting.uuid), String(waiting.roomId)),
		resumeUrl: `${resumeBase}/${context.getNode().id}`,
		deadline: deadline ?? 0,
		asked: askedFrom(items),
	});
}

/** The reply can only come through a HappyTalk Trigger that starts this same workflow. */
function requireHappyTalkTrigger(context: IExecuteFunctions) {
	const parents = context.getParentNodes(context.getNode().name);
	if (parents.some((parent) => parent.type.endsWith(`.${TRIGGER_TYPE}`))) return;
	throw new NodeOperationError(context.getNode(), 'Send and Wait for Reply needs a HappyTalk Trigger before it in this workflow', {
		description:
			"The customer's reply reaches n8n through the HappyTalk Trigger, which hands it to the executions of its own workflow that wait in that room. Nothing was sent.",
	});
}

/** An execution resumes once: every item must wait in the same room, for the same customer. */
function sameRoom(this: IExecuteFunctions, valid: Array<{ itemIndex: number; body: IDataObject }>) {
	const [first] = valid;
	for (const { itemIndex, body } of valid) {
		if (body.uuid !== first.body.uuid || body.room_id !== first.body.room_id) {
			throw new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex}: every item of Send and Wait for Reply must be for the same customer and room; item ${first.itemIndex} is for "${String(first.body.uuid)}" in room "${String(first.body.room_id)}", item ${itemIndex} for "${String(body.uuid)}" in room "${String(body.room_id)}"`,
				{
					itemIndex,
					description:
						'An execution waits for one reply. To wait in several rooms, run one execution per room (e.g. an Execute Workflow node, "Run once for each item"). Nothing was sent.',
				},
			);
		}
	}
}

function questionOf(body: IDataObject): IDataObject {
	return body.msg !== undefined ? { type: body.type, text: body.msg } : { type: body.type, url: body.url };
}
