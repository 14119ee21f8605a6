import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sendItems, type ItemOutputs } from '../runners/bizApi/sendItems';
import { runsAsTool } from '../tool/runsAsTool';
import { toolFailure, toolSuccess } from '../tool/toolResults';
import { findOperation } from './registry';

/** As an AI Agent's tool, every item is a result for the model, whatever "On Error" says. */
const toolOutputs: ItemOutputs = {
	continueOnFail: () => true,
	success: toolSuccess,
	failure: toolFailure,
};

/** Hands the node's items to the runner of the API their resource belongs to. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (!runsAsTool(this.getNode())) return await sendItems.call(this, findOperation);
	try {
		return await sendItems.call(this, findOperation, toolOutputs);
	} catch (error) {
		// Before any item could be tried (e.g. the credential could not be read).
		return [this.getInputData().map((_item, item) => ({ json: toolFailure(error as Error), pairedItem: { item } }))];
	}
}
