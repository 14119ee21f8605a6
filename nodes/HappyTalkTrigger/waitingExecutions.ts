import type { IWebhookFunctions } from 'n8n-workflow';

import type { WaitingPause } from '../HappyTalk/waitingReplies/registry';
import { FreshShared } from './freshShared';
import { listWaiting, N8N_API_CREDENTIAL, pauseOf, pausesOf, readWaiting, waitingFrom, type ApiExecution } from './n8nApiExecutions';

export { N8N_API_CREDENTIAL };

/** One execution of this workflow that waits in Message → Send and Wait for Reply, as n8n's API lists it. */
export interface WaitingExecution extends WaitingPause {
	/** Which pause of the execution this is (see `known`). */
	pause?: string;
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
 * The list with every waiting execution's data, in flight: when more pauses are new than one
 * message reads at once (a burst after many executions paused), one call reads them all instead
 * of one call each. Any one in flight will do: a pause it misses is read on its own.
 */
const listsWithData = new Map<string, Promise<ApiExecution[]>>();

/**
 * The workflow's executions waiting for this customer in this room, oldest first. Source of truth:
 * n8n's own execution database through its public API (`GET /executions?status=waiting`), shared by
 * every n8n process and kept across restarts, so nothing of ours can go stale or be lost.
 */
export async function waitingExecutionsFor(context: IWebhookFunctions, room: string): Promise<WaitingExecution[]> {
	const { baseUrl } = (await context.getCredentials(N8N_API_CREDENTIAL)) as { baseUrl: string };
	const api = String(baseUrl).replace(/\/+$/, '');
	const listKey = [api, context.getNode().credentials?.[N8N_API_CREDENTIAL]?.id, context.getWorkflow().id].join(' ');
	const pauses = await lists.get(listKey, async () => pausesOf(await listWaiting(context, api, false)));
	for (const pause of known.keys()) if (!pauses.has(pause)) known.delete(pause);
	const entries = [...pauses];
	if (entries.filter(([pause]) => !known.has(pause)).length > READ_CONCURRENCY) await readAllAtOnce(context, api, listKey);
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

/** Reads every waiting execution in one list call; on failure, or for what it misses, each is read on its own. */
async function readAllAtOnce(context: IWebhookFunctions, api: string, listKey: string) {
	let listing = listsWithData.get(listKey);
	if (!listing) {
		listing = listWaiting(context, api, true);
		listsWithData.set(listKey, listing);
		const done = () => listsWithData.get(listKey) === listing && listsWithData.delete(listKey);
		listing.then(done, done);
	}
	let executions: ApiExecution[];
	try {
		executions = await listing;
	} catch {
		return;
	}
	for (const execution of executions) {
		// Without its data (n8n leaves out what is too large to display) it is read on its own.
		if (!execution.data || !execution.workflowData || known.has(pauseOf(execution))) continue;
		known.set(pauseOf(execution), Promise.resolve(waitingFrom(execution, api)));
	}
}
