import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadAttachmentsStep } from './attachments/downloadStep';
import { routeToWaitingExecutions } from './waitingReplies';

/**
 * The trigger's `execute()`, run inside the execution with webhook()'s items: first a reply to a
 * waiting Send and Wait for Reply goes to its execution; the messages that start this workflow
 * then get their attachments downloaded.
 */
export async function triggerExecuteSteps(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const [continuing] = await routeToWaitingExecutions.call(this);
	if (continuing.length === 0) return [continuing];
	const withItems = Object.create(this, { getInputData: { value: () => continuing } }) as IExecuteFunctions;
	return await downloadAttachmentsStep.call(withItems);
}
