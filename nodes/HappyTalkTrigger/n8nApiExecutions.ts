import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { askedFrom, roomKey, type WaitingPause } from '../HappyTalk/waitingReplies/registry';
import { TIME_OUT_GUARD_MS } from '../HappyTalk/waitingReplies/timing';

/**
 * n8n's public API, as the trigger reads it to find the executions waiting for a reply: list
 * them, read one, and what an execution's data says it waits for.
 */

/** n8n's own credential for its public API: the key is the trigger's way to see waiting executions. */
export const N8N_API_CREDENTIAL = 'n8nApi';

/** An execution as n8n's public API gives it (`GET /executions`, `GET /executions/<id>`): the fields read here. */
export interface ApiExecution {
	id: string | number;
	waitTill?: string | null;
	stoppedAt?: string | null;
	dataTooLargeToDisplay?: boolean;
	workflowData?: { nodes?: Array<{ id: string; name: string; type: string; parameters?: IDataObject }> };
	data?: {
		/** n8n 2.x later than 2.8: the token its waiting webhook asks for (`?signature=`), a secret kept in memory only. */
		resumeToken?: string;
		resultData?: { lastNodeExecuted?: string };
		executionData?: { nodeExecutionStack?: Array<{ data?: { main?: Array<Array<{ json: IDataObject; pairedItem?: unknown }> | null> } }> };
	};
}

/** A pause: the execution's id and when it paused (an execution that waits again pauses anew). */
export const pauseOf = (execution: ApiExecution) => `${execution.id}@${execution.stoppedAt ?? ''}`;

/** `<id>@<paused at>` → id, for every waiting execution listed. */
export const pausesOf = (executions: ApiExecution[]) => new Map(executions.map((execution) => [pauseOf(execution), String(execution.id)]));

/** Every waiting execution of this workflow, with its data or without. */
export async function listWaiting(context: IWebhookFunctions, api: string, includeData: boolean): Promise<ApiExecution[]> {
	const executions: ApiExecution[] = [];
	let cursor: string | undefined;
	do {
		const page = (await context.helpers.httpRequestWithAuthentication.call(context, N8N_API_CREDENTIAL, {
			method: 'GET',
			url: `${api}/executions`,
			qs: { workflowId: context.getWorkflow().id, status: 'waiting', limit: 250, ...(includeData ? { includeData } : {}), ...(cursor ? { cursor } : {}) },
			json: true,
		})) as { data: ApiExecution[]; nextCursor?: string | null };
		executions.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return executions;
}

export async function readWaiting(context: IWebhookFunctions, api: string, id: string): Promise<WaitingPause | null> {
	const execution = (await context.helpers.httpRequestWithAuthentication.call(context, N8N_API_CREDENTIAL, {
		method: 'GET',
		url: `${api}/executions/${id}`,
		qs: { includeData: true },
		json: true,
	})) as ApiExecution;
	return waitingFrom(execution, api);
}

/** What a waiting execution waits for, from its data: null if it is not paused in Send and Wait for Reply. */
export function waitingFrom(execution: ApiExecution, api: string): WaitingPause | null {
	const id = String(execution.id);
	const waitingNodeName = execution.data?.resultData?.lastNodeExecuted;
	const node = execution.workflowData?.nodes?.find((candidate) => candidate.name === waitingNodeName);
	if (!node || !node.type.endsWith('.happyTalk') || node.parameters?.operation !== 'sendAndWait') return null;
	// The node's time-out items (its input while it waits): the room, and what each item asked.
	const items = execution.data?.executionData?.nodeExecutionStack?.[0]?.data?.main?.[0] ?? [];
	const asked = askedFrom(items);
	const waiting = items.find((item) => item.json.replied === false)?.json;
	if (!waiting) return null;
	const waitTill = execution.waitTill ? new Date(execution.waitTill).getTime() : NaN;
	// n8n's "wait indefinitely" is the year 3000.
	const limited = Number.isFinite(waitTill) && new Date(waitTill).getUTCFullYear() < 3000;
	return {
		id,
		room: roomKey(String(waiting.uuid), String(waiting.roomId)),
		resumeUrl: resumeUrlOf(`${api.replace(/\/api\/v\d+$/, '')}/webhook-waiting/${id}`, execution.data?.resumeToken, node.id),
		deadline: limited ? waitTill - TIME_OUT_GUARD_MS : 0,
		asked,
	};
}

/**
 * The address n8n resumes this execution's node at, as `$execution.resumeUrl` + `/<node id>` gives
 * it in the execution itself. n8n 2.x after 2.8 refuses a waiting webhook without the execution's
 * token (401), and reads `?signature=<token>/<node id>` as the token and the node's path.
 */
function resumeUrlOf(executionUrl: string, resumeToken: string | undefined, nodeId: string): string {
	if (!resumeToken) return `${executionUrl}/${nodeId}`;
	const url = new URL(executionUrl);
	url.searchParams.set('signature', resumeToken);
	return `${url.toString()}/${nodeId}`;
}
