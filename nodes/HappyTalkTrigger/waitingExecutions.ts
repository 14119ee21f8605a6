import type { IWebhookFunctions } from 'n8n-workflow';

import type { WaitingPause } from '../HappyTalk/waitingReplies/registry';
import { listWaiting, N8N_API_CREDENTIAL, pauseOf, pausesOf, readWaiting, waitingFrom, type ApiExecution } from './n8nApiExecutions';
import { SharedRequests } from './sharedRequests';

/** One execution of this workflow that waits in Message → Send and Wait for Reply, as n8n's API lists it. */
export interface WaitingExecution extends WaitingPause {
	/** Which pause of the execution this is (see `known`). */
	pause?: string;
}

/** Where the trigger looks: n8n's API at the credential's Base URL, for this workflow. */
export interface ApiScope {
	api: string;
	/** The API, the credential and the workflow: what this process knows is kept apart per scope. */
	key: string;
}

/** A pause this process has read (or is reading). */
interface KnownPause {
	read: Promise<WaitingExecution | null>;
}

/**
 * What each waiting execution waits for, per scope, by id and the time it paused (an execution
 * that resumes and waits again, at the same node or another, pauses anew). Its data does not
 * change while it waits, so each pause is read once per process, however many messages ask at
 * the same moment (they share the read in flight); pauses that no longer wait are dropped.
 */
const known = new Map<string, Map<string, KnownPause>>();

/**
 * The list of waiting executions, shared by the messages of a burst: each message uses a list that
 * n8n began after the message arrived (so it sees every pause made before), and a burst of replies
 * costs two list calls instead of one per reply.
 */
const lists = new SharedRequests<Map<string, string>>();

/** Executions read at once by one message: enough to overlap n8n's latency, few enough to spare its database. */
const READ_CONCURRENCY = 8;

/**
 * The list with every waiting execution's data, in flight: when more pauses are new than one
 * message reads at once (a burst after many executions paused), one call reads them all instead
 * of one call each. Any one in flight will do: a pause it misses is read on its own.
 */
const listsWithData = new SharedRequests<ApiExecution[]>();

export async function apiScope(context: IWebhookFunctions): Promise<ApiScope> {
	const { baseUrl } = (await context.getCredentials(N8N_API_CREDENTIAL)) as { baseUrl: string };
	const api = String(baseUrl).replace(/\/+$/, '');
	return { api, key: [api, context.getNode().credentials?.[N8N_API_CREDENTIAL]?.id, context.getWorkflow().id].join(' ') };
}

const knownIn = (scope: ApiScope) => {
	let pauses = known.get(scope.key);
	if (!pauses) known.set(scope.key, (pauses = new Map()));
	return pauses;
};

/** Keeps a read; a failed read is not kept, so the next message reads that execution again. */
function remember(pauses: Map<string, KnownPause>, pause: string, read: Promise<WaitingExecution | null>) {
	const entry: KnownPause = { read };
	pauses.set(pause, entry);
	read.catch(() => pauses.get(pause) === entry && pauses.delete(pause));
}

/**
 * The workflow's executions waiting for this customer in this room, oldest first. Source of truth:
 * n8n's own execution database through its public API (`GET /executions?status=waiting`), shared by
 * every n8n process and kept across restarts, so nothing of ours can go stale or be lost.
 */
export async function waitingExecutionsFor(context: IWebhookFunctions, scope: ApiScope, room: string): Promise<WaitingExecution[]> {
	const { api } = scope;
	const pauses = await lists.fresh(scope.key, async () => pausesOf(await listWaiting(context, api, false)));
	const mine = knownIn(scope);
	for (const pause of mine.keys()) if (!pauses.has(pause)) mine.delete(pause);
	const entries = [...pauses];
	if (entries.filter(([pause]) => !mine.has(pause)).length > READ_CONCURRENCY) await readAllAtOnce(context, scope);
	const found: WaitingExecution[] = [];
	let next = 0;
	const reader = async () => {
		while (next < entries.length) {
			const [pause, id] = entries[next++];
			// Not read yet, or a read that failed (it is not kept): this message reads it.
			if (!mine.has(pause)) remember(mine, pause, readWaiting(context, api, id));
			const execution = await mine.get(pause)!.read;
			if (execution && execution.room === room) found.push({ ...execution, pause });
		}
	};
	await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, reader));
	return found.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Forget a pause that has ended (or will not take this reply). */
export const forgetPause = (scope: ApiScope, pause: string) => remember(knownIn(scope), pause, Promise.resolve(null));

/** Reads every waiting execution in one list call; on failure, or for what it misses, each is read on its own. */
async function readAllAtOnce(context: IWebhookFunctions, scope: ApiScope) {
	let executions: ApiExecution[];
	try {
		executions = await listsWithData.any(scope.key, () => listWaiting(context, scope.api, true));
	} catch {
		return;
	}
	const mine = knownIn(scope);
	for (const execution of executions) {
		// Without its data (too large to display: n8n 2.8 leaves it out, 2.41 sends it empty and says so) it is read on its own.
		if (!execution.data || !execution.workflowData || execution.dataTooLargeToDisplay || mine.has(pauseOf(execution))) continue;
		remember(mine, pauseOf(execution), Promise.resolve(waitingFrom(execution, scope.api)));
	}
}
