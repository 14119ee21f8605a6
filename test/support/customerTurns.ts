/**
 * A customer's turns with a workflow, seen on HappyTalk's side of the wire: the customer writes
 * through the sandbox, and what n8n sent back (messages written, rooms opened) is read from the
 * sandbox's record of requests.
 */
import type { Sandbox, SandboxRecord } from './sandbox';
import { until } from './waiting';

export interface Turn {
	uuid: string;
	roomId: string;
	text: string;
}

const succeeded = (sandbox: Sandbox, path: string) =>
	sandbox.requests.filter((request) => request.path === path && request.code === 0);

/** The messages n8n wrote into `roomId`, in order. */
export const writesTo = (sandbox: Sandbox, roomId: string): string[] =>
	succeeded(sandbox, '/v1/chat/write')
		.filter((request) => request.body?.room_id === roomId)
		.map((request) => String(request.body?.msg));

/** The rooms n8n opened (Room → Open) for `uuid`. */
export const opensFor = (sandbox: Sandbox, uuid: string): SandboxRecord[] =>
	succeeded(sandbox, '/v1/chat/open').filter((request) => request.body?.uuid === uuid);

/**
 * The customer writes; resolves once n8n answered in HappyTalk: one more message in the room, or
 * (`expect: 'open'`) one more room opened for the customer.
 */
export async function customerSays(
	sandbox: Sandbox,
	receiveUrl: string,
	turn: Turn,
	{ expect = 'write', timeoutMs = 120000 }: { expect?: 'write' | 'open'; timeoutMs?: number } = {},
): Promise<void> {
	const count = () => (expect === 'write' ? writesTo(sandbox, turn.roomId).length : opensFor(sandbox, turn.uuid).length);
	const before = count();
	const answer = await sandbox.sendCustomerMessage({ receiveUrl, uuid: turn.uuid, room_id: turn.roomId, text: turn.text });
	if (answer.status !== 200) throw new Error(`the trigger answered ${answer.status}: ${answer.body}`);
	if (!(await until(() => count() > before, timeoutMs))) {
		throw new Error(`no ${expect} for "${turn.text}" (room ${turn.roomId}) within ${timeoutMs} ms`);
	}
}

