import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError, errorItemJson } from '../../errors/nodeErrors';
import type { BizApiOperation } from '../../shared/operation';
import { requestOptionFields, requestOptions, type RequestOptions } from '../../shared/options.schema';
import { parseRequestBody } from '../../shared/validate';
import { openConnection, type HappyTalkRequest } from '../../transport/bizApi/request';
import { sendWithRetries } from './retries';
import { requestGate, runInKeyOrder } from './scheduler';

interface PreparedItem {
	request: HappyTalkRequest;
	operation: BizApiOperation;
	/** `resource.operation`, e.g. `message.send`. */
	operationKey: string;
	options: RequestOptions;
	/** Items with the same key go strictly in input order: a room, or else a customer. */
	key: string;
}

export type FindOperation = (resource: string, operation: string) => BizApiOperation | undefined;

/**
 * How items come out: as the node's usual output, or (for an AI Agent's tool call) as results
 * for a model, where a failure is always an item.
 */
export interface ItemOutputs {
	continueOnFail(): boolean;
	success(output: IDataObject, request: HappyTalkRequest, operationKey: string): IDataObject;
	failure(error: Error): IDataObject;
}

/** Send and Wait for Reply registers the room once every item is valid, before anything is sent. */
export interface SendHooks {
	beforeSending?(valid: Array<{ itemIndex: number; request: HappyTalkRequest }>): Promise<void>;
}

const nodeOutputs = (context: IExecuteFunctions): ItemOutputs => ({
	continueOnFail: () => context.continueOnFail(),
	success: (output) => output,
	failure: (error) => errorItemJson(error),
});

/**
 * Two phases. First every item is resolved and validated, so one bad item stops the node before
 * any request leaves (or, with "On Error: Continue", becomes an error item). Then the valid items
 * are sent: rooms concurrently, each room's messages in input order. Every input item yields
 * exactly one output item: HappyTalk's answer, an error, or why it was skipped.
 */
export async function sendItems(
	this: IExecuteFunctions,
	findOperation: FindOperation,
	outputs: ItemOutputs = nodeOutputs(this),
	hooks: SendHooks = {},
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[] = new Array(items.length);
	const prepared: Array<PreparedItem | undefined> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared[itemIndex] = prepare.call(this, itemIndex, findOperation);
		} catch (error) {
			if (!outputs.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			results[itemIndex] = { json: outputs.failure(error), pairedItem: { item: itemIndex } };
		}
	}

	const entries = prepared.flatMap((item, itemIndex) => (item ? [{ itemIndex, key: item.key }] : []));
	if (entries.length === 0) return [results];
	await hooks.beforeSending?.(entries.map(({ itemIndex }) => ({ itemIndex, request: prepared[itemIndex]!.request })));
	// Pacing is a property of the node's run, not of an item: the first valid item's options set it.
	const { concurrency, requestsPerSecond } = prepared[entries[0].itemIndex]!.options;
	const gate = requestGate(requestsPerSecond);
	const connection = await openConnection.call(this);
	const failedInKey = new Map<string, number>();
	const sent: number[] = [];

	try {
		await runInKeyOrder(entries, concurrency, async (itemIndex) => {
			const { request, operation, operationKey, options, key } = prepared[itemIndex]!;
			const failedAt = failedInKey.get(key);
			if (failedAt !== undefined && options.onRoomFailure === 'skip') {
				results[itemIndex] = skippedItem(itemIndex, key, failedAt);
				return;
			}
			try {
				const answer = await sendWithRetries.call(this, request, itemIndex, options, gate, connection);
				sent.push(itemIndex);
				const json = outputs.success(operation.toOutput(answer, request), request, operationKey);
				results[itemIndex] = { json, pairedItem: { item: itemIndex } };
			} catch (error) {
				failedInKey.set(key, itemIndex);
				if (!outputs.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
				results[itemIndex] = { json: outputs.failure(error), pairedItem: { item: itemIndex } };
			}
		});
	} catch (error) {
		throw withSentItems(error as Error, sent);
	}
	return [results];
}

function prepare(this: IExecuteFunctions, itemIndex: number, findOperation: FindOperation): PreparedItem {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operationName = this.getNodeParameter('operation', itemIndex) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" for "${resource}" is not supported`,
			{ itemIndex },
		);
	}
	const options = parseRequestBody(
		requestOptions,
		this.getNodeParameter('options', itemIndex, {}) as IDataObject,
		requestOptionFields,
		this.getNode(),
		itemIndex,
	);
	const request = { ...operation.buildRequest.call(this, itemIndex), timeout: options.timeout };
	const key =
		request.body.room_id !== undefined ? `room ${String(request.body.room_id)}` : `customer ${String(request.body.uuid)}`;
	return { request, operation, operationKey: `${resource}.${operationName}`, options, key };
}

/** When the node stops mid-way, say which items were already sent. */
function withSentItems(error: Error & { description?: string | null }, sent: number[]) {
	const list = sent.length === 0 ? 'none' : compactRanges(sent);
	error.description = `${error.description ?? ''} Items already sent before the node stopped: ${list}.`.trim();
	return error;
}

function compactRanges(indexes: number[]): string {
	const sorted = [...indexes].sort((a, b) => a - b);
	const ranges: string[] = [];
	for (let start = 0; start < sorted.length; ) {
		let end = start;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
		ranges.push(end === start ? `${sorted[start]}` : `${sorted[start]}-${sorted[end]}`);
		start = end + 1;
	}
	return ranges.join(', ');
}

function skippedItem(itemIndex: number, key: string, failedAt: number): INodeExecutionData {
	return {
		json: {
			skipped: true,
			reason: `Not sent: an earlier message to ${key} (item ${failedAt}) failed, and "After a Failed Message" is "Skip Later Messages"`,
			mayHaveBeenDelivered: false,
		},
		pairedItem: { item: itemIndex },
	};
}
