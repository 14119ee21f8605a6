/**
 * What the model stand-in was sent in a customer's turn with the AI Agent example (what HappyTalk
 * received is in customerTurns.ts).
 */

export interface ModelRequest {
	path: string;
	tools: Array<{ name: string; description: string }>;
	messages: Array<{ role: string; content: string }>;
	toolCalls: Array<{ name: string; arguments: Record<string, unknown> }>;
	toolResults: Array<{ callId: string; output: string }>;
}

export interface ModelStandIn {
	url: string;
	requests: ModelRequest[];
	reset(): void;
	close(): Promise<void>;
}

/** The first request the model got in a turn: the one whose newest user message is `text`. */
export function firstRequestOf(model: ModelStandIn, text: string): ModelRequest {
	const request = model.requests.find((candidate) => candidate.messages.filter((m) => m.role === 'user').at(-1)?.content === text);
	if (!request) throw new Error(`the model was never asked about "${text}"`);
	return request;
}

/**
 * What the conversation the model was sent holds: the customer's messages, and the messages the
 * agent already sent the customer with its tool (the tool calls' `message` arguments: AI Agent 3.x
 * keeps its tool calls in the memory with its answers).
 */
export function historyOf(request: ModelRequest) {
	return {
		customer: request.messages.filter((message) => message.role === 'user').map((message) => message.content),
		sent: request.toolCalls.map((call) => call.arguments.message).filter((text) => typeof text === 'string'),
	};
}

/** The sentence of the stand-in's reply that shows it was sent the customer's previous message. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const recallOf: (previousText: string) => string = require('../../sandbox/model/replier').recallOf;
