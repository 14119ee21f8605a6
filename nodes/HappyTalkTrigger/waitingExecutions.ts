import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { askedFrom, roomKey, type WaitingPause } from '../HappyTalk/waitingReplies/registry';
import { TIME_OUT_GUARD_MS } from '../HappyTalk/waitingReplies/timing';
import { FreshShared } from './freshShared';

/** n8n's own credential for its public API: the key is the trigger's way to see waiting executions. */
export const N8N_API_CREDENTIAL = 'n8nApi';

/** One execution of this workflow that waits in Message → Send and Wait for Reply, as n8n's API lists it. */
export interface WaitingExecution extends WaitingPause {
	/** Which pause of the execution this is (see `known`). */
	pause?: string;
}

interface ApiExecution {
	id: string | number;
	waitTill?: string | null;
	stoppedAt?: string | null;
	workflowData?: { nodes?: Array<{ id: string; name: string; type: string; parameters?: IDataObject }> };
	data?: {
		/** n8n 2.x later than 2.8: the token its waiting webhook asks for (`?signature=`), a secret kept in memory only. */
		resumeToken?: string;
		resultData?: { lastNodeExecuted?: string };
		executionData?: { nodeExecutionStack?: Array<{ data?: { main?: Array<Array<{ json: IDataObject; pairedItem?: unknown }> | null> } }> };
	};
}

/**
 * What each waiting execution waits for, by id and the time it paused (an execution that resumes
 * and waits again, at the same node or another, pauses anew). Its data does not change while it
 * waits, so each pause is read once per process, however many messages ask at the same moment
 * (they share the read in flight: a burst of N replies costs N reads, not N²); pauses that no
 * longer wait are dropped.
 */
const known = new Map<string, Promise<WaitingExecution | null>>();

/**
 * The list of waiting executions, shared by the messages of a burst: each message uses a list that
 * n8n began after the message arrived (so it sees every pause made before), and a burst of replies
 * costs two list calls instead of one per reply.
 */
const lists = new FreshShared<Map<string, string>>();

/** Executions read at once by one message: enough to overlap n8n's latency, few enough to spare its database. */
const READ_CONCURRENCY = 8;

/**
 * The workflow's executions waiting for this customer in this room, oldest first. Source of truth:
 * n8n's own execution database through its public API (`GET /executions?status=waiting`), shared by
 * every n8n process and kept across restarts, so nothing of ours can go stale or be lost.
 */
export async function waitingExecutionsFor(context: IWebhookFunctions, room: string): Promise<WaitingExecution[]> {
	const { baseUrl } = (await context.getCredentials(N8N_API_CREDENTIAL)) as { baseUrl: string };
	const api = String(baseUrl).replace(/\/+$/, '');
	const listKey = [api, context.getNode().credentials?.[N8N_API_CREDENTIAL]?.id, context.getWorkflow().id].join(' ');
	const pauses = await lists.get(listKey, () => listWaiting(context, api));
	for (const pause of known.keys()) if (!pauses.has(pause)) known.delete(pause);
	const entries = [...pauses];
	const found: WaitingExecution[] = [];
	let next = 0;
	const reader = async () => {
		while (next < entries.length) {
			const [pause, id] = entries[next++];
			if (!known.has(pause)) {
				// A failed read is not remembered: the next message reads that execution again.
				const read = readWaiting(context, api, id);
				known.set(pause, read);
				read.catch(() => known.get(pause) === read && known.delete(pause));
			}
			const execution = await known.get(pause);
			if (execution && execution.room === room) found.push({ ...execution, pause });
		}
	};
	await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, reader));
	return found.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Forget a pause that has ended (or will not take this reply). */
export const forgetPause = (pause: string) => known.set(pause, Promise.resolve(null));

/** `<id>@<paused at>` → id, for every waiting execution of this workflow. */
async function listWaiting(context: IWebhookFunctions, api: string): Promise<Map<string, string>> {
	const pauses = new Map<string, string>();
	let cursor: string | undefined;
	do {
		const page = (await context.helpers.httpRequestWithAuthentication.call(context, N8N_API_CREDENTIAL, {
			method: 'GET',
			url: `${api}/executions`,
			qs: { workflowId: context.getWorkflow().id, status: 'waiting', limit: 250, ...(cursor ? { cursor } : {}) },
			json: true,
		})) as { data: ApiExecution[]; nextCursor?: string | null };
		for (const execution of page.data) pauses.set(`${execution.id}@${execution.stoppedAt ?? ''}`, String(execution.id));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return pauses;
}

async function readWaiting(context: IWebhookFunctions, api: string, id: string): Promise<WaitingExecution | null> {
	const execution = (await context.helpers.httpRequestWithAuthentication.call(context, N8N_API_CREDENTIAL, {
		method: 'GET',
		url: `${api}/executions/${id}`,
		qs: { includeData: true },
		json: true,
	})) as ApiExecution;
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
