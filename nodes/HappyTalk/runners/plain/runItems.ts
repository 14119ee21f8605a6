import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItemJson } from '../../errors/nodeErrors';
import type { PlainOperation } from '../../shared/operation';
import type { FailureOutputs } from '../customerApi/runItems';

/** These operations take no Customer UUID or Room ID: the input item (a trigger's message) has them. */
function inputIdentity(json: IDataObject): IDataObject {
	const identity: IDataObject = {};
	for (const name of ['uuid', 'roomId']) if (typeof json[name] === 'string' && json[name] !== '') identity[name] = json[name];
	return identity;
}

export type FindPlainOperation = (resource: string, operation: string) => PlainOperation | undefined;

/** Operations without a HappyTalk API: each item in turn, one output item each (or one error item). */
export async function runPlainItems(
	this: IExecuteFunctions,
	findOperation: FindPlainOperation,
	failures: FailureOutputs = { continueOnFail: () => this.continueOnFail(), failure: errorItemJson },
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = findOperation(resource, operationName);
			if (!operation) {
				throw new NodeOperationError(this.getNode(), `The operation "${operationName}" for "${resource}" is not supported`, { itemIndex });
			}
			output.push(await operation.run.call(this, itemIndex));
		} catch (error) {
			if (!failures.continueOnFail()) throw asNodeError(this.getNode(), error as Error, itemIndex);
			// As every error item: the input's customer and room first, so a workflow can route on them.
			output.push({ json: { ...inputIdentity(items[itemIndex].json), ...failures.failure(error as Error) }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
