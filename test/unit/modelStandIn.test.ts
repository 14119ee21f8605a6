/**
 * The model stand-in (sandbox/model) over real HTTP, as n8n's OpenAI Chat Model calls it: with a
 * chat memory the request carries earlier turns, and the stand-in still answers the new one; it
 * hands a customer who asks for a person to the tool that says it does so.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { startModelStandIn } = require('../../sandbox/model/server');
const { recallOf } = require('../../sandbox/model/replier');
/* eslint-enable @typescript-eslint/no-require-imports */

const reply = { name: 'Reply_to_customer', description: 'Sends a message to a real customer in HappyTalk: it appears at once.', parameters: { type: 'object', properties: { Message: { type: 'string' } } } };
const handOver = { name: 'Hand_to_counselor', description: 'Opens a HappyTalk counseling room for a customer, handing the chat from the bot to a human counselor; the customer is told so.', parameters: { type: 'object', properties: {} } };
const asFunctions = (tools: object[]) => tools.map((tool) => ({ type: 'function', function: tool }));

let model: { url: string; close(): Promise<void> };
beforeAll(async () => {
	model = await startModelStandIn();
});
afterAll(() => model.close());

async function chat(messages: object[], tools = [reply, handOver]) {
	const response = await fetch(`${model.url}/chat/completions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ model: 'gpt-4o-mini', messages, tools: asFunctions(tools) }),
	});
	return ((await response.json()) as { choices: Array<{ message: ChatMessage }> }).choices[0].message;
}

async function respond(input: object[], tools = [reply, handOver]) {
	const response = await fetch(`${model.url}/responses`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ model: 'gpt-5-mini', input, tools: tools.map((tool) => ({ type: 'function', ...tool })) }),
	});
	return ((await response.json()) as { output: Array<{ type: string; name?: string; arguments: string }> }).output;
}

interface ChatMessage {
	role: string;
	content: string | null;
	tool_calls?: Array<{ function: { name: string; arguments: string } }>;
}

const argumentsOf = (message: ChatMessage) =>
	(message.tool_calls ?? []).map((call) => [call.function.name, JSON.parse(call.function.arguments)]);

test('a second turn after a remembered first (with its tool call and result): a new reply that recalls the first', async () => {
	const earlier = [
		{ role: 'system', content: 'You are a shop assistant.' },
		{ role: 'user', content: '사이즈 교환 되나요?' },
		{ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'Reply_to_customer', arguments: '{}' } }] },
		{ role: 'tool', tool_call_id: 'call_1', content: '[{"sent":true}]' },
		{ role: 'assistant', content: 'Done.' },
	];
	const message = await chat([...earlier, { role: 'user', content: '배송은 언제 오나요?' }]);
	expect(argumentsOf(message)).toEqual([['Reply_to_customer', { Message: expect.stringContaining(recallOf('사이즈 교환 되나요?')) }]]);
	expect(argumentsOf(message)[0][1].Message).toContain('"배송은 언제 오나요?"');

	// Once this turn's tool answered, the turn ends.
	const done = await chat([
		...earlier,
		{ role: 'user', content: '배송은 언제 오나요?' },
		{ role: 'assistant', content: null, tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'Reply_to_customer', arguments: '{}' } }] },
		{ role: 'tool', tool_call_id: 'call_2', content: '[{"sent":true,"n":2}]' },
	]);
	expect(done).toEqual({ role: 'assistant', content: 'Done. The tool answered: [{"sent":true,"n":2}]' });
});

test('the same over the Responses API; a first turn recalls nothing', async () => {
	const [first] = await respond([{ role: 'user', content: '환불 되나요?' }]);
	expect(first).toMatchObject({ type: 'function_call', name: 'Reply_to_customer' });
	expect(JSON.parse(first.arguments).Message).not.toContain('앞서');
	const [second] = await respond([
		{ role: 'user', content: '환불 되나요?' },
		{ type: 'function_call', call_id: 'c1', name: 'Reply_to_customer', arguments: '{}' },
		{ type: 'function_call_output', call_id: 'c1', output: 'ok' },
		{ role: 'assistant', content: 'Done.' },
		{ role: 'user', content: '언제요?' },
	]);
	expect(JSON.parse(second.arguments).Message).toContain(recallOf('환불 되나요?'));
});

test.each(['상담사 연결해 주세요', '사람이랑 얘기할래요', 'Can I talk to a human?'])('"%s": the tool that hands the chat to a human counselor', async (text) => {
	const message = await chat([{ role: 'user', content: text }]);
	expect(argumentsOf(message)).toEqual([['Hand_to_counselor', {}]]);
});

test('without a hand-over tool, or for an ordinary question, the reply tool, whatever the order of the tools', async () => {
	expect(argumentsOf(await chat([{ role: 'user', content: '상담사 있나요?' }], [reply]))[0][0]).toBe('Reply_to_customer');
	expect(argumentsOf(await chat([{ role: 'user', content: '배송비는 얼마예요?' }], [handOver, reply]))[0][0]).toBe('Reply_to_customer');
});
