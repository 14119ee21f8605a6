import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { handOverReply } from './handOverReply';
import { forgetPause, N8N_API_CREDENTIAL, roomKey, waitingExecutionsFor } from './waitingExecutions';

/**
 * The trigger's `execute()`: n8n runs it with the messages its `webhook()` returned. A message
 * from a customer whose execution of this workflow waits in that room (Message → Send and Wait for
 * Reply) resumes that execution and goes no further here; every other message continues into the
 * workflow. Without the n8n API credential nothing can be waiting, so every message continues.
 */
export async function routeToWaitingExecutions(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (!(await hasCredential(this))) return [items];
	const continuing: INodeExecutionData[] = [];
	for (const item of items) {
		if (!(await handedToWaitingExecution(this, item.json))) continuing.push(item);
	}
	return [continuing];
}

async function hasCredential(context: IExecuteFunctions) {
	return Boolean(context.getNode().credentials?.[N8N_API_CREDENTIAL]);
}

async function handedToWaitingExecution(context: IExecuteFunctions, message: IDataObject) {
	if (typeof message.uuid !== 'string' || typeof message.roomId !== 'string' || message.roomId === '') return false;
	const respondedAt = new Date();
	// Several executions waiting in one room get the messages oldest first. Two messages racing
	// for one execution: n8n resumes an execution only while it still waits, so one of them wins
	// and the other (told it no longer waits) continues into the workflow. Nothing is lost or doubled.
	for (const execution of await waitingExecutionsFor(context, roomKey(message.uuid, message.roomId))) {
		// After its limit the message is not the reply: n8n resumes that execution with its time-out.
		if (execution.deadline > 0 && respondedAt.getTime() >= execution.deadline) continue;
		const delivery = { message, respondedAt: respondedAt.toISOString(), asked: execution.asked };
		const outcome = await handOverReply(context, execution.resumeUrl, delivery);
		forgetPause(execution.pause ?? execution.id);
		if (outcome === 'resumed') return true;
	}
	return false;
}
