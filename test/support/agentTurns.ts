/**
 * A customer's turns with the AI Agent example, seen from both sides of the wire: what the sandbox
 * received from n8n (messages written, rooms opened) and what the model stand-in was sent.
 */
import type { Sandbox, SandboxRecord } from './sandbox';
import { until } from './waiting';

export interface ModelRequest {
	path: string;
	tools: Array<{ name: string; description: string }>;
	messages: Array<{ role: string; content: string }>;
	toolResults: Array<{ callId: string; output: string }>;
}

export interface ModelStandIn {
	url: string;
	requests: ModelRequest[];
	reset(): void;
	close(): Promise<void>;
}

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

/** The first request the model got in a turn: the one whose newest user message is `text`. */
export function firstRequestOf(model: ModelStandIn, text: string): ModelRequest {
	const request = model.requests.find((candidate) => candidate.messages.filter((m) => m.role === 'user').at(-1)?.content === text);
	if (!request) throw new Error(`the model was never asked about "${text}"`);
	return request;
}

/** What the conversation the model was sent holds: the customer's messages, and whether any answers. */
export function historyOf(request: ModelRequest) {
	return {
		customer: request.messages.filter((message) => message.role === 'user').map((message) => message.content),
		answers: request.messages.filter((message) => message.role === 'assistant' && message.content !== '').length,
	};
}

/** The sentence of the stand-in's reply that shows it was sent the customer's previous message. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const recallOf: (previousText: string) => string = require('../../sandbox/model/replier').recallOf;
