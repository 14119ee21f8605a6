import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError, errorItemJson } from '../../errors/nodeErrors';
import type { CustomerApiOperation, CustomerApiPlan } from '../../shared/operation';
import { resolveBaseUrlFor } from '../../transport/baseUrlRule';
import {
	customerApiCaller,
	openCustomerConnection,
	type CustomerConnection,
} from '../../transport/customerApi/request';

export type FindCustomerApiOperation = (resource: string, operation: string) => CustomerApiOperation | undefined;

/** How failures come out: n8n's "On Error" setting, or (as an AI Agent's tool) always a result. */
export interface FailureOutputs {
	continueOnFail(): boolean;
	failure(error: Error): IDataObject;
}

/**
 * Two phases, as for the Biz API: every item is read and checked first, so a bad item stops the
 * node before any request (or, with "On Error: Continue", becomes an error item). Then the items
 * run one after another. An item yields its rooms (a search may find none or many), its update,
 * or one error item.
 */
export async function runItems(
	this: IExecuteFunctions,
	findOperation: FindCustomerApiOperation,
	failures: FailureOutputs = { continueOnFail: () => this.continueOnFail(), failure: errorItemJson },
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const errorItem = (error: Error, itemIndex: number): INodeExecutionData => ({
		json: failures.failure(error),
		pairedItem: { item: itemIndex },
	});
	const outputs: INodeExecutionData[][] = items.map(() => []);
	const plans: Array<CustomerApiPlan | undefined> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			plans[itemIndex] = prepare.call(this, itemIndex, findOperation);
		} catch (error) {
			if (!failures.continueOnFail()) throw asNodeError(this.getNode(), error as Error, itemIndex);
			outputs[itemIndex] = [errorItem(error as Error, itemIndex)];
		}
	}
	if (!plans.some(Boolean)) return [outputs.flat()];

	let connection: CustomerConnection | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const plan = plans[itemIndex];
		if (!plan) continue;
		try {
			connection ??= await openCustomerConnection.call(this);
			const target = plan.hosts ? connectionTo(connection, plan.hosts) : connection;
			const results = await plan.run(customerApiCaller(this, target, itemIndex, plan.settings));
			outputs[itemIndex] = results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (!failures.continueOnFail()) throw asNodeError(this.getNode(), error as Error, itemIndex);
			outputs[itemIndex] = [errorItem(error as Error, itemIndex)];
		}
	}
	return [outputs.flat()];
}

/** The same credential at other hosts: the environment picks one; a custom Base URL is kept. */
function connectionTo(connection: CustomerConnection, hosts: NonNullable<CustomerApiPlan['hosts']>): CustomerConnection {
	return { ...connection, baseURL: resolveBaseUrlFor(connection.credentials.data ?? {}, hosts) };
}

function prepare(this: IExecuteFunctions, itemIndex: number, findOperation: FindCustomerApiOperation): CustomerApiPlan {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operationName = this.getNodeParameter('operation', itemIndex) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" for "${resource}" is not supported`, {
			itemIndex,
		});
	}
	return operation.prepare.call(this, itemIndex);
}
