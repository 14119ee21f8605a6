import {
	NodeOperationError,
	WAIT_INDEFINITELY,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { sendItems, type FindOperation } from '../../../runners/bizApi/sendItems';
import { openRegistry, roomKey, type ReplyRegistry } from '../../../waitingReplies/registry';
import { EXPIRED_REGISTRATION_MS, TIME_OUT_GUARD_MS } from '../../../waitingReplies/timing';
import { replyDeadline } from './limitWaitTime';

/** Per item: the question it asked, or (when it was not sent) its error or skipped item. */
export interface AskedItem {
	item: number;
	question?: IDataObject;
	result?: IDataObject;
}

interface Waiting {
	registry: ReplyRegistry;
	rowId: number;
	questions: Map<number, IDataObject>;
}

/**
 * Message → Send and Wait for Reply: the items are validated and sent exactly as Message → Send
 * sends them; just before the first request the room is registered (so that a customer who
 * answers at once is not missed), and once they are sent the execution pauses as n8n's Wait node
 * does, until the HappyTalk Trigger hands it the customer's next message or the time limit ends.
 */
export async function run(this: IExecuteFunctions, findOperation: FindOperation): Promise<INodeExecutionData[][]> {
	const deadline = replyDeadline(this);
	let waiting: Waiting | undefined;
	const [results] = await sendItems.call(this, findOperation, undefined, {
		beforeSending: async (valid) => {
			const room = sameRoom.call(this, valid.map(({ itemIndex, request }) => ({ itemIndex, body: request.body })));
			const registry = await openRegistry(this, true);
			if (!registry) {
				throw new NodeOperationError(this.getNode(), 'Send and Wait for Reply needs n8n Data Tables, which this n8n does not offer', {
					description: 'n8n keeps the waiting rooms in a Data Table of the project. Use n8n 2.8 or later. Nothing was sent.',
				});
			}
			await registry.removeExpired(Date.now() - EXPIRED_REGISTRATION_MS);
			const questions = new Map(valid.map(({ itemIndex, request }) => [itemIndex, questionOf(request.body)]));
			const rowId = await registry.register({
				room,
				executionId: String(this.getExecutionId()),
				resumeUrl: resumeUrlOf(this),
				deadline: deadline ?? 0,
				asked: JSON.stringify([...questions].map(([item, question]) => ({ item, question }))),
			});
			waiting = { registry, rowId, questions };
		},
	});
	if (!waiting) return [results];

	const sent = results.filter((result) => result.json.sent === true);
	if (sent.length === 0) {
		await waiting.registry.remove([waiting.rowId]);
		return [results];
	}
	// Items that failed keep their error item when the execution resumes, reply or time-out.
	const { questions } = waiting;
	const asked: AskedItem[] = results.map((result, item) =>
		result.json.sent === true ? { item, question: questions.get(item)! } : { item, result: result.json },
	);
	await waiting.registry.update(waiting.rowId, { asked: JSON.stringify(asked) });

	// On time-out n8n continues with this node's input as it is when the execution waits: these
	// items, one per waiting item (an answer resumes it with the reply instead, see webhook.ts).
	const askedAt = new Date().toISOString();
	this.getExecuteData().data = {
		main: [
			asked.map((entry) => ({
				json: entry.result ?? { replied: false, ...roomOf(results[entry.item].json), question: entry.question, askedAt },
				pairedItem: { item: entry.item },
			})),
		],
	};
	await this.putExecutionToWait(deadline === undefined ? WAIT_INDEFINITELY : new Date(deadline + TIME_OUT_GUARD_MS));
	return [results];
}

/** An execution resumes once: every item must wait in the same room, for the same customer. */
function sameRoom(this: IExecuteFunctions, valid: Array<{ itemIndex: number; body: IDataObject }>): string {
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
	return roomKey(String(first.body.uuid), String(first.body.room_id));
}

/** n8n's signed resume URL where it exists (2.x), so that only its holder can resume. */
function resumeUrlOf(context: IExecuteFunctions): string {
	if (typeof context.getSignedResumeUrl === 'function') {
		context.setSignatureValidationRequired();
		return context.getSignedResumeUrl();
	}
	const base = context.evaluateExpression('{{ $execution.resumeUrl }}', 0) as string;
	return `${base}/${context.getNode().id}`;
}

function questionOf(body: IDataObject): IDataObject {
	return body.type === 'text' || body.msg !== undefined
		? { type: body.type ?? 'text', text: body.msg }
		: { type: body.type, url: body.url };
}

const roomOf = (json: IDataObject) => ({ uuid: json.uuid, roomId: json.roomId });
