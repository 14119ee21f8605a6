import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { sendItems, type ItemOutputs } from '../runners/bizApi/sendItems';
import { runItems, type CustomerOutputs } from '../runners/customerApi/runItems';
import { runPlainItems } from '../runners/plain/runItems';
import { customerToolResults } from '../tool/customerOutcomes';
import { runsAsTool } from '../tool/runsAsTool';
import { toolFailure, toolSuccess } from '../tool/toolResults';
import { findBizApiOperation, findCustomerApiOperation, findPlainOperation, resources } from './registry';

/**
 * As an AI Agent's tool, every item is a result for the model, whatever "On Error" says. Only a
 * message is sent to the customer: only its failures say `sent: false`.
 */
const toolOutputs = (resource: string | undefined, operationKey: string): ItemOutputs & CustomerOutputs => ({
	continueOnFail: () => true,
	success: toolSuccess,
	failure: (error) => toolFailure(error, resource === 'message'),
	successes: (results) => customerToolResults(operationKey, results),
});

/**
 * Hands the node's items to the runner of the API their resource belongs to. The resource is the
 * same for every item (it takes no expression).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = items.length === 0 ? undefined : (this.getNodeParameter('resource', 0) as string);
	const api = resources.find((entry) => entry.value === resource)?.api;
	const customerApi = api === 'customerApi';
	const asTool = runsAsTool(this.getNode());
	const operation = items.length === 0 ? '' : String(this.getNodeParameter('operation', 0));
	const outputs = toolOutputs(resource, `${resource}.${operation}`);
	if (api === 'none') return await runPlainItems.call(this, findPlainOperation, asTool ? outputs : undefined);
	const ownRunner = customerApi ? undefined : findBizApiOperation(resource ?? '', operation)?.run;
	if (ownRunner) {
		if (asTool) {
			throw new NodeOperationError(this.getNode(), 'Send and Wait for Reply cannot run as an AI Agent\'s tool', {
				description: 'A tool must answer the agent at once; use Message → Send, and let the next message reach the agent through the HappyTalk Trigger.',
			});
		}
		return await ownRunner.call(this, findBizApiOperation);
	}
	if (!asTool) {
		return customerApi
			? await runItems.call(this, findCustomerApiOperation)
			: await sendItems.call(this, findBizApiOperation);
	}
	try {
		return customerApi
			? await runItems.call(this, findCustomerApiOperation, outputs)
			: await sendItems.call(this, findBizApiOperation, outputs);
	} catch (error) {
		// Before any item could be tried (e.g. the credential could not be read).
		return [items.map((_item, item) => ({ json: outputs.failure(error as Error), pairedItem: { item } }))];
	}
}
