import { NodeOperationError, type IDataObject, type INode, type INodeExecutionData } from 'n8n-workflow';

/**
 * A customer message that `webhook()` could not route with certainty: the hand-over to a waiting
 * execution failed in a way that may have resumed it (`handOver`: a time-out, a reset connection,
 * or n8n refusing every attempt), or the waiting executions could not be looked up through n8n's
 * API (`lookup`). The message must neither start the workflow as a new conversation (it may be, or
 * already have become, the reply) nor be lost: `webhook()` passes it on with this mark, and the
 * trigger's `execute()` fails the execution with it as its input (n8n's Error workflow sees it).
 * Stored under a key the message parser never writes (a body's own fields stay under `raw`).
 */
export const HAND_OVER_FAILURE_KEY = 'replyHandOverFailed';

export type HandOverStage = 'handOver' | 'lookup';

export interface HandOverFailure {
	stage: HandOverStage;
	/** An error's name or message: never a URL, header or credential. */
	reason: string;
}

export function markHandOverFailure(message: IDataObject, failure: HandOverFailure): IDataObject {
	return { ...message, [HAND_OVER_FAILURE_KEY]: { stage: failure.stage, reason: failure.reason.slice(0, 300) } };
}

export function handOverFailureOf(items: INodeExecutionData[]): HandOverFailure | undefined {
	for (const { json } of items) {
		const mark = json[HAND_OVER_FAILURE_KEY] as Partial<HandOverFailure> | undefined;
		if (mark && (mark.stage === 'handOver' || mark.stage === 'lookup')) return { stage: mark.stage, reason: String(mark.reason ?? '') };
	}
	return undefined;
}

/** The trigger's execution fails and keeps the message as its input (n8n's Error workflow sees it). */
export function handOverFailed(node: INode, { stage, reason }: HandOverFailure) {
	if (stage === 'lookup') {
		return new NodeOperationError(node, 'Could not look up the executions waiting for a reply', {
			description: `${reason}: n8n's API did not list or read this workflow's waiting executions (the n8n API credential: its key and Base URL). Whether this message is a reply is not known, so it started nothing. The message is this execution's input.`,
		});
	}
	return new NodeOperationError(node, 'Could not hand the reply over to the waiting execution', {
		description: `${reason}: n8n did not answer at its resume URL (n8n's own webhook address, or the n8n API credential's Base URL without /api/v1). The message is this execution's input.`,
	});
}
