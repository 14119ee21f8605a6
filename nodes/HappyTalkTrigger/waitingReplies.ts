import { randomUUID } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AskedItem } from '../HappyTalk/actions/message/sendAndWait/execute';
import { openRegistry, roomKey, type RegisteredRow, type ReplyRegistry } from '../HappyTalk/waitingReplies/registry';
import { handOverReply } from './handOverReply';

/**
 * The trigger's `execute()`: n8n runs it with the messages its `webhook()` returned, in an
 * execute context, where the Data Table of waiting executions can be read. A message from a
 * customer whose execution waits in that room (Message → Send and Wait for Reply) resumes that
 * execution and goes no further here; every other message continues into the workflow.
 */
export async function routeToWaitingExecutions(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const registry = await openRegistry(this, false);
	if (!registry) return [items];
	const continuing: INodeExecutionData[] = [];
	for (const item of items) {
		if (!(await handedToWaitingExecution(this, registry, item.json))) continuing.push(item);
	}
	return [continuing];
}

async function handedToWaitingExecution(context: IExecuteFunctions, registry: ReplyRegistry, message: IDataObject) {
	if (typeof message.uuid !== 'string' || typeof message.roomId !== 'string' || message.roomId === '') return false;
	const respondedAt = new Date();
	const claimed = await registry.claim(roomKey(message.uuid, message.roomId), randomUUID());
	if (claimed.length === 0) return false;

	// A message that came after a time limit belongs to no one: n8n resumes that execution with
	// its time-out. Several executions waiting in one room get the messages oldest first.
	const live = claimed.filter((row) => row.deadline === 0 || row.deadline > respondedAt.getTime());
	await registry.remove(claimed.filter((row) => !live.includes(row)).map((row) => row.id));
	for (const [index, row] of live.entries()) {
		const outcome = await handOverReply(context, row.resumeUrl, () => deliveryFor(registry, row, message, respondedAt), row.deadline);
		await registry.remove([row.id]);
		if (outcome === 'resumed') {
			await registry.release(live.slice(index + 1).map((later) => later.id));
			return true;
		}
	}
	return false;
}

/** Read afresh on each attempt: the execution writes which items were sent once it has sent them. */
async function deliveryFor(registry: ReplyRegistry, row: RegisteredRow, message: IDataObject, respondedAt: Date) {
	const current = (await registry.read(row.id)) ?? row;
	return { message, respondedAt: respondedAt.toISOString(), asked: JSON.parse(current.asked) as AskedItem[] };
}
