import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { sendItems, type ItemOutputs } from '../runners/bizApi/sendItems';
import { runItems } from '../runners/customerApi/runItems';
import { runPlainItems } from '../runners/plain/runItems';
import { runsAsTool } from '../tool/runsAsTool';
import { toolFailure, toolSuccess } from '../tool/toolResults';
import { findBizApiOperation, findCustomerApiOperation, findPlainOperation, resources } from './registry';

/** As an AI Agent's tool, every item is a result for the model, whatever "On Error" says. */
const toolOutputs: ItemOutputs = {
	continueOnFail: () => true,
	success: toolSuccess,
	failure: toolFailure,
};

/**
 * Hands the node's items to the runner of the API their resource belongs to. The resource is the
 * same for every item (it takes no expression).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = items.length === 0 ? undefined : (this.getNodeParameter('resource', 0) as string);
	const api = resources.find((entry) => entry.value === resource)?.api;
	const customerApi = api === 'customerApi';
	if (api === 'none') return await runPlainItems.call(this, findPlainOperation, runsAsTool(this.getNode()) ? toolOutputs : undefined);
	const ownRunner = customerApi ? undefined : findBizApiOperation(resource ?? '', this.getNodeParameter('operation', 0, '') as string)?.run;
	if (ownRunner) {
		if (runsAsTool(this.getNode())) {
			throw new NodeOperationError(this.getNode(), 'Send and Wait for Reply cannot run as an AI Agent\'s tool', {
				description: 'A tool must answer the agent at once; use Message → Send, and let the next message reach the agent through the HappyTalk Trigger.',
			});
		}
		return await ownRunner.call(this, findBizApiOperation);
	}
	if (!runsAsTool(this.getNode())) {
		return customerApi
			? await runItems.call(this, findCustomerApiOperation)
			: await sendItems.call(this, findBizApiOperation);
	}
	try {
		// The customer API's answers are data (rooms, an update): they reach the model as they are.
		return customerApi
			? await runItems.call(this, findCustomerApiOperation, toolOutputs)
			: await sendItems.call(this, findBizApiOperation, toolOutputs);
	} catch (error) {
		// Before any item could be tried (e.g. the credential could not be read).
		return [items.map((_item, item) => ({ json: toolFailure(error as Error), pairedItem: { item } }))];
	}
}
