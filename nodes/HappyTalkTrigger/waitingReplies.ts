import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forgetRememberedPause, rememberedPausesFor, roomKey, type WaitingPause } from '../HappyTalk/waitingReplies/registry';
import { handOverFailed, handOverReply } from './handOverReply';
import { forgetPause, N8N_API_CREDENTIAL, waitingExecutionsFor } from './waitingExecutions';

/**
 * The trigger's `execute()`: n8n runs it with the messages its `webhook()` returned. A message
 * from a customer whose execution of this workflow waits in that room (Message → Send and Wait for
 * Reply) resumes that execution and goes no further here; every other message continues into the
 * workflow. First this process's own pauses (regular mode: n8n's API does not list them), then,
 * with the n8n API credential, the waiting executions n8n's API lists (queue mode, after a restart).
 */
export async function routeToWaitingExecutions(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const withApi = Boolean(this.getNode().credentials?.[N8N_API_CREDENTIAL]);
	const continuing: INodeExecutionData[] = [];
	for (const item of items) {
		if (!(await handedToWaitingExecution(this, item.json, withApi))) continuing.push(item);
	}
	return [continuing];
}

async function handedToWaitingExecution(context: IExecuteFunctions, message: IDataObject, withApi: boolean) {
	if (typeof message.uuid !== 'string' || typeof message.roomId !== 'string' || message.roomId === '') return false;
	const respondedAt = new Date();
	const room = roomKey(message.uuid, message.roomId);
	const workflowId = String(context.getWorkflow().id);
	const handOver = (execution: WaitingPause) =>
		handOverReply(context, execution.resumeUrl, { message, respondedAt: respondedAt.toISOString(), asked: execution.asked });
	// Several executions waiting in one room get the messages oldest first. Two messages racing
	// for one execution: n8n resumes an execution only while it still waits, so one of them wins
	// and the other (told it no longer waits) continues into the workflow. Nothing is lost or doubled.
	for (const pause of rememberedPausesFor(workflowId, room, respondedAt.getTime())) {
		const outcome = await handOver(pause);
		if (outcome === 'resumed') {
			forgetRememberedPause(workflowId, pause);
			return true;
		}
		// Not taken here (not yet paused, or stopped): the API path below, then the workflow decide.
	}
	if (!withApi) return false;
	for (const execution of await waitingExecutionsFor(context, room)) {
		// After its limit the message is not the reply: n8n resumes that execution with its time-out.
		if (execution.deadline > 0 && respondedAt.getTime() >= execution.deadline) continue;
		const outcome = await handOver(execution);
		forgetPause(execution.pause ?? execution.id);
		if (outcome === 'unreachable') throw handOverFailed(context, 'Connection refused');
		if (outcome === 'resumed') return true;
	}
	return false;
}
