import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { forgetRememberedPause, rememberedPausesFor, roomKey, type WaitingPause } from '../HappyTalk/waitingReplies/registry';
import type { HandOverFailure } from './handOverFailure';
import { handOverReply } from './handOverReply';
import { N8N_API_CREDENTIAL } from './n8nApiExecutions';
import { apiScope, forgetPause, waitingExecutionsFor, type ApiScope, type WaitingExecution } from './waitingExecutions';

/** `handedOver`: a waiting execution took the message. `continue`: nothing waits for it here. */
export type Routing = { route: 'handedOver' } | { route: 'continue' } | { route: 'failed'; failure: HandOverFailure };

/**
 * Run in the trigger's `webhook()`, before n8n starts any execution: a message from a customer
 * whose execution of this workflow waits in that room (Message → Send and Wait for Reply) resumes
 * that execution and starts nothing here; every other message starts the workflow. First this
 * process's own pauses (regular mode: webhook() runs in the main process where the node paused,
 * and n8n's API does not list them), then, with the n8n API credential, the waiting executions
 * n8n's API lists (queue mode, where webhook() runs in a webhook process; after a restart).
 */
export async function routeToWaitingExecution(context: IWebhookFunctions, message: IDataObject): Promise<Routing> {
	if (typeof message.uuid !== 'string' || typeof message.roomId !== 'string' || message.roomId === '') return { route: 'continue' };
	const respondedAt = new Date();
	const room = roomKey(message.uuid, message.roomId);
	const workflowId = String(context.getWorkflow().id);
	const handOver = (execution: WaitingPause) =>
		handOverReply(context, execution.resumeUrl, { message, respondedAt: respondedAt.toISOString(), asked: execution.asked });
	// Several executions waiting in one room get the messages oldest first. Two messages racing
	// for one execution: n8n resumes an execution only while it still waits, so one of them wins
	// and the other (told it no longer waits) starts the workflow. Nothing is lost or doubled.
	for (const pause of rememberedPausesFor(workflowId, room, respondedAt.getTime())) {
		const handed = await handOver(pause);
		if (handed.outcome === 'resumed') {
			forgetRememberedPause(workflowId, pause);
			return { route: 'handedOver' };
		}
		if (handed.outcome === 'uncertain') return { route: 'failed', failure: { stage: 'handOver', reason: handed.reason } };
		// Not taken here (not yet paused, stopped, or this process's resume URL refused): the API
		// path below, then the workflow decide.
	}
	if (!context.getNode().credentials?.[N8N_API_CREDENTIAL]) return { route: 'continue' };
	let scope: ApiScope;
	let waiting: WaitingExecution[];
	try {
		scope = await apiScope(context);
		waiting = await waitingExecutionsFor(context, scope, room);
	} catch (error) {
		return { route: 'failed', failure: { stage: 'lookup', reason: (error as Error).message || (error as Error).name } };
	}
	for (const execution of waiting) {
		// After its limit the message is not the reply: n8n resumes that execution with its time-out.
		if (execution.deadline > 0 && respondedAt.getTime() >= execution.deadline) continue;
		const handed = await handOver(execution);
		forgetPause(scope, execution.pause ?? execution.id);
		if (handed.outcome === 'resumed') return { route: 'handedOver' };
		if (handed.outcome === 'uncertain') return { route: 'failed', failure: { stage: 'handOver', reason: handed.reason } };
		if (handed.outcome === 'unreachable') return { route: 'failed', failure: { stage: 'handOver', reason: 'Connection refused' } };
	}
	return { route: 'continue' };
}
