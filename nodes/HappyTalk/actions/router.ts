import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sendItems } from '../runners/bizApi/sendItems';
import { findOperation } from './registry';

/** Hands the node's items to the runner of the API their resource belongs to. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendItems.call(this, findOperation);
}
