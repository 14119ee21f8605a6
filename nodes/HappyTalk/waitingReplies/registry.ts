import type { IDataObject } from 'n8n-workflow';

/** Per item of a waiting Send and Wait for Reply: the question it asked, or its error or skipped item. */
export interface AskedItem {
	item: number;
	question?: IDataObject;
	result?: IDataObject;
}

/** One execution that waits in Message → Send and Wait for Reply, as the HappyTalk Trigger needs it. */
export interface WaitingPause {
	id: string;
	/** `uuid roomId`: the customer and room whose next message resumes it. */
	room: string;
	/** n8n's resume URL of the waiting node: /webhook-waiting/<execution>/<node id>. */
	resumeUrl: string;
	/** Epoch ms; after it the message is no longer the reply (n8n resumes it with its time-out). 0: no limit. */
	deadline: number;
	asked: AskedItem[];
}

export const roomKey = (uuid: string, roomId: string) => `${uuid} ${roomId}`;

/**
 * The node's time-out items (its input while it waits) → what each item asked. Read the same way
 * from the node's memory and from the execution n8n's API returns.
 */
export function askedFrom(items: Array<{ json: IDataObject; pairedItem?: unknown }>): AskedItem[] {
	return items.map((item, index) => {
		const itemIndex = (item.pairedItem as { item?: number } | undefined)?.item ?? index;
		return item.json.replied === false ? { item: itemIndex, question: item.json.question as IDataObject } : { item: itemIndex, result: item.json };
	});
}

/**
 * Bound on the pauses kept: beyond it the oldest is dropped (the API path still finds it once
 * n8n lists it, e.g. after a restart). A pause is a few hundred bytes.
 */
export const MEMORY_REGISTRY_LIMIT = 10_000;

/**
 * The pauses of this n8n process, by workflow id and then execution id. In regular mode the
 * HappyTalk node pauses and the trigger's webhook() runs in the same (main) process, and n8n's
 * public API does not list the executions that process holds (docs/send-and-wait.md), so this is
 * how the trigger finds them there. In queue mode the node pauses on a worker and the trigger's
 * webhook() runs in a webhook process (or the main): it finds nothing here and asks n8n's API. Lost on restart, by design: the
 * API lists the waiting executions from the database then.
 */
const pauses = new Map<string, WaitingPause & { workflowId: string }>();
const keyOf = (workflowId: string, executionId: string) => `${workflowId} ${executionId}`;

/** Called by the node just before it pauses; a new pause of the same execution replaces the old. */
export function rememberPause(workflowId: string, pause: WaitingPause) {
	const key = keyOf(workflowId, pause.id);
	pauses.delete(key);
	pauses.set(key, { ...pause, workflowId });
	for (const oldest of pauses.keys()) {
		if (pauses.size <= MEMORY_REGISTRY_LIMIT) break;
		pauses.delete(oldest);
	}
}

/** Drops a pause, unless the execution has paused anew since `pause` was read. */
export function forgetRememberedPause(workflowId: string, pause: WaitingPause) {
	const key = keyOf(workflowId, pause.id);
	if (pauses.get(key) === pause) pauses.delete(key);
}

/**
 * This process's pauses of the workflow for this customer and room, oldest execution first. Pauses
 * past their limit are dropped: n8n resumes those with their time-out.
 */
export function rememberedPausesFor(workflowId: string, room: string, now = Date.now()): WaitingPause[] {
	const found: WaitingPause[] = [];
	for (const [key, pause] of pauses) {
		if (pause.deadline > 0 && now >= pause.deadline) {
			pauses.delete(key);
			continue;
		}
		if (pause.workflowId === workflowId && pause.room === room) found.push(pause);
	}
	return found.sort((a, b) => Number(a.id) - Number(b.id));
}

/** How many pauses this process keeps (for tests and the bound). */
export const rememberedPauseCount = () => pauses.size;
