/**
 * Message → Send and Wait for Reply in n8n's engine, up to the point where it would pause: it
 * validates and refuses exactly as Message → Send does, before any request, plus its own rules
 * (one room per execution, Limit Wait Time, a HappyTalk Trigger to bring the reply). Pausing and
 * resuming need n8n's server: test/e2e/sendAndWait.test.ts.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useSandboxEngine } from './harness';

const live = useSandboxEngine();
const writes = () => live.sandbox.requests.filter((request) => request.path === '/v1/chat/write');

const sendAndWait = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendAndWait',
	uuid: '={{ $json.uuid }}',
	roomId: '={{ $json.roomId }}',
	messageType: 'text',
	message: '={{ $json.message }}',
	...overrides,
});

const item = (roomId: string, message = 'Your order number?', uuid = 'customer_01') => ({ uuid, roomId, message });

test('the fields and limits of Message → Send: a text over 1,000 characters is refused before anything is sent', async () => {
	const tooLong = [item('5550001', 'x'.repeat(1001))];
	const expected = 'Item 0: "Message" (message) must be 1 to 1000 characters long; got 1001 characters';
	expect((await live.engine.runNode(sendAndWait(), tooLong)).error?.message).toBe(expected);
	expect((await live.engine.runNode(sendAndWait({ operation: 'send' }), tooLong)).error?.message).toBe(expected);
	expect(writes()).toEqual([]);
});

test('an execution waits in one room: items for two rooms are refused, naming both, before anything is sent', async () => {
	const { error } = await live.engine.runNode(sendAndWait(), [item('5550001'), item('5550001'), item('5550002')]);
	expect(error?.message).toBe(
		'Item 2: every item of Send and Wait for Reply must be for the same customer and room; item 0 is for "customer_01" in room "5550001", item 2 for "customer_01" in room "5550002"',
	);
	expect(error?.description).toMatch(/run one execution per room/);
	expect(writes()).toEqual([]);
	const other = await live.engine.runNode(sendAndWait(), [item('5550001'), item('5550001', 'Hi', 'customer_02')]);
	expect(other.error?.message).toMatch(/^Item 1: every item .* item 1 for "customer_02" in room "5550001"$/);
});

test('Limit Wait Time is checked before anything is sent: a date in the past, an amount of 0', async () => {
	const past = await live.engine.runNode(
		sendAndWait({ options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' } } } }),
		[item('5550001')],
	);
	expect(past.error?.message).toBe('"Limit Wait Time" "Max Date and Time" must be in the future; got 2020-01-01T00:00:00.000Z');
	const zero = await live.engine.runNode(
		sendAndWait({ options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'minutes' } } } }),
		[item('5550001')],
	);
	expect(zero.error?.message).toBe('"Limit Wait Time" "Amount" must be a number above 0; got 0');
	expect(writes()).toEqual([]);
});

test('without a HappyTalk Trigger before it (the only way a reply can come) it says so, and sends nothing', async () => {
	const { error } = await live.engine.runNode(sendAndWait(), [item('5550001')]);
	expect(error?.message).toBe('Send and Wait for Reply needs a HappyTalk Trigger before it in this workflow');
	expect(writes()).toEqual([]);
});

test("as an AI Agent's tool it refuses: a tool must answer at once", async () => {
	const { error } = await live.engine.runNode(sendAndWait(), [item('5550001')], { asTool: true });
	expect(error?.message).toBe("Send and Wait for Reply cannot run as an AI Agent's tool");
	expect(writes()).toEqual([]);
});
