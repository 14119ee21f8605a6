import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { errorItemJson } from '../errors/happyTalkErrors';
import { requestOptionFields, requestOptions } from '../schemas/options.schema';
import { parseRequestBody } from '../schemas/validate';
import { happyTalkRequest, type HappyTalkRequest } from '../transport/happyTalkRequest';
import { operations, type Operation } from './operations';

/**
 * Two phases. First every item is resolved and validated, so one bad item stops the node before
 * any message leaves (or, with "On Error: Continue", becomes an error item). Then the valid items
 * are sent one after another, in input order. Each input item yields exactly one output item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[] = new Array(items.length);
	const prepared: Array<{ request: HappyTalkRequest; operation: Operation } | undefined> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared[itemIndex] = prepare.call(this, itemIndex);
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			results[itemIndex] = errorItem(error, itemIndex);
		}
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const item = prepared[itemIndex];
		if (!item) continue;
		try {
			const answer = await happyTalkRequest.call(this, item.request, itemIndex);
			const json = item.operation.toOutput?.(answer, item.request) ?? answer;
			results[itemIndex] = { json, pairedItem: { item: itemIndex } };
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			results[itemIndex] = errorItem(error, itemIndex);
		}
	}

	return [results];
}

function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
): { request: HappyTalkRequest; operation: Operation } {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operationName = this.getNodeParameter('operation', itemIndex) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" for "${resource}" is not supported`,
			{ itemIndex },
		);
	}
	const { timeout } = parseRequestBody(
		requestOptions,
		this.getNodeParameter('options', itemIndex, {}) as IDataObject,
		requestOptionFields,
		this.getNode(),
		itemIndex,
	);
	return { request: { ...operation.buildRequest.call(this, itemIndex), timeout }, operation };
}

/** Our own errors pass unchanged; anything else (e.g. an expression error) gets the item index. */
function asNodeError(node: INode, error: Error, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error, { itemIndex });
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: errorItemJson(error), pairedItem: { item: itemIndex } };
}
