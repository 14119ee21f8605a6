import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadAttachmentsStep } from './attachments/downloadStep';
import { handOverFailed, handOverFailureOf } from './handOverFailure';

/**
 * The trigger's `execute()`, run inside the execution with webhook()'s items (replies to a waiting
 * Send and Wait for Reply never get here: webhook() hands them over and starts nothing). A message
 * webhook() could not route with certainty fails the execution, keeping it as the input; the
 * others get their attachments downloaded.
 */
export async function triggerExecuteSteps(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const failure = handOverFailureOf(this.getInputData());
	if (failure) throw handOverFailed(this.getNode(), failure);
	return await downloadAttachmentsStep.call(this);
}
