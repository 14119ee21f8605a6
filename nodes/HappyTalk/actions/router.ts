import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sendItems } from '../runners/bizApi/sendItems';
import { runItems } from '../runners/customerApi/runItems';
import { findBizApiOperation, findCustomerApiOperation, resources } from './registry';

/**
 * Hands the node's items to the runner of the API their resource belongs to. The resource is the
 * same for every item (it takes no expression).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getInputData().length === 0) return [[]];
	const resource = this.getNodeParameter('resource', 0) as string;
	const api = resources.find((entry) => entry.value === resource)?.api;
	if (api === 'customerApi') return await runItems.call(this, findCustomerApiOperation);
	return await sendItems.call(this, findBizApiOperation);
}
