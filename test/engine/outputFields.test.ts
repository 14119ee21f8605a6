/**
 * The output contract: every operation's item starts with the same plain fields (`uuid`, `roomId`
 * when there is a room, and what happened), followed by HappyTalk's answer exactly as it came.
 * And the rules the node and the sandbox (HappyTalk's side) must agree on: a value the node lets
 * through is one HappyTalk accepts, and a value HappyTalk refuses is stopped before sending.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SECRET } from '../support/sandbox';
import { useSandboxEngine } from './harness';
import { checkPrevious, end, open, send } from './operationParameters';

const live = useSandboxEngine({ strictRooms: true });

const run = async (node: INodeParameters) => {
	const result = await live.engine.runNode(node, [{}]);
	expect(result.error).toBeUndefined();
	return result.items[0].json;
};

describe('every operation: the plain fields, then HappyTalk\'s answer unchanged', () => {
	test('Room → Open: opened, uuid, roomId, then the answer', async () => {
		const item = await run(open({ additionalFields: { forceNewRoom: true } }));
		const roomId = String(item.room_id);
		expect(item).toEqual({
			opened: true,
			uuid: 'customer_01',
			roomId,
			code: 0,
			room_id: item.room_id,
			type: expect.any(String),
			content: expect.any(String),
			counselor_name: expect.any(String),
		});
		expect(live.sandbox.requests.map((request) => request.path)).toEqual(['/v1/chat/open']);
	});

	test('Room → Open when counseling is unavailable: opened false, no roomId, the answer kept', async () => {
		live.sandbox.setCounseling(-903);
		const item = await run(open({ additionalFields: { forceNewRoom: true } }));
		expect(item).toEqual({
			opened: false,
			uuid: 'customer_01',
			reason: 'Working hours, but no counselor is free; no room was created',
			notice: item.content,
			code: -903,
			message: 'Consulting',
			room_id: 0,
			type: expect.any(String),
			content: expect.any(String),
		});
		expect(item).not.toHaveProperty('roomId');
	});

	test('Message → Send, Room → End and Counselor → Check Previous in one conversation', async () => {
		const opened = await run(open({ additionalFields: { forceNewRoom: true } }));
		const roomId = opened.roomId as string;

		expect(await run(send(roomId))).toEqual({
			sent: true,
			uuid: 'customer_01',
			roomId,
			code: 0,
			room_id: roomId,
			message: '',
		});
		expect(await run(end({ roomId: roomId }))).toEqual({
			ended: true,
			uuid: 'customer_01',
			roomId,
			code: 0,
			message: '',
		});
		expect(await run(checkPrevious())).toEqual({
			uuid: 'customer_01',
			customerId: 'C-0001',
			previousCounselorExists: expect.any(Boolean),
			previousCounselorAvailable: expect.any(Boolean),
			previousCounselorName: expect.any(String),
			code: 0,
			counselor: expect.any(String),
			counselor_code: expect.any(Number),
			counselor_name: expect.any(String),
		});
	});

	test('a number as Room ID comes out as the same text in roomId and room_id', async () => {
		live.sandbox.setStrictRooms(false);
		expect(await run(send('={{ 5550001 }}'))).toMatchObject({ roomId: '5550001', room_id: '5550001' });
	});
});

describe('the node and HappyTalk apply one rule', () => {
	const postToSandbox = async (path: string, body: object) => {
		const response = await fetch(`${live.sandbox.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'HT-Client-Id': live.sandbox.clientId, 'HT-Client-Secret': SECRET },
			body: JSON.stringify(body),
		});
		return (await response.json()) as { code: number; field?: string };
	};
	const write = (fields: object) => ({ uuid: 'customer_01', room_id: '5550001', type: 'text', msg: 'hi', ...fields });

	test.each([
		['a space and a "!"', '고객 01!', /"Customer UUID" \(uuid\) may hold only letters A-Z and a-z, digits and _; got "고객 01!"/],
		['a hyphen', 'customer-01', /may hold only letters A-Z and a-z, digits and _; got "customer-01"/],
		['Korean letters', '고객고객고객', /may hold only letters A-Z and a-z, digits and _/],
		['4 characters', 'cust', /must be 5 to 20 characters long; got 4 characters/],
		['21 characters', 'c'.repeat(21), /must be 5 to 20 characters long; got 21 characters/],
	])('a customer uuid with %s: the node stops before sending, HappyTalk would refuse it', async (_name, uuid, message) => {
		const { error } = await live.engine.runNode(send('5550001', { uuid }), [{}]);
		expect(error?.message).toMatch(message);
		expect(live.sandbox.requests).toHaveLength(0);
		const answer = await postToSandbox('/v1/chat/write', write({ uuid }));
		expect([answer.code, answer.field]).toEqual([uuid.length < 5 || uuid.length > 20 ? -802 : -800, 'uuid']);
	});

	test.each(['Cust_', 'customer_01', 'A'.repeat(20), '1000225570_testuser', '={{ 12345 }}'])(
		'the customer uuid %s passes the node and HappyTalk',
		async (uuid) => {
			live.sandbox.setStrictRooms(false);
			const item = await run(send('5550001', { uuid }));
			expect(item.code).toBe(0);
			expect(live.sandbox.requests[0].body?.uuid).toBe(item.uuid);
		},
	);

	test('a File URL with a space inside: the node stops, HappyTalk would refuse it', async () => {
		const url = 'https://cdn.example.com/my photo.png';
		const { error } = await live.engine.runNode(send('5550001', { messageType: 'image', url }), [{}]);
		expect(error?.message).toMatch(/"File URL" \(url\) must not contain spaces \(write a space as %20\)/);
		expect(live.sandbox.requests).toHaveLength(0);
		const answer = await postToSandbox('/v1/chat/write', { uuid: 'customer_01', room_id: '5550001', type: 'image', url });
		expect([answer.code, answer.field]).toEqual([-800, 'url']);
	});

	test('spaces around ids and URLs are trimmed by the node, so HappyTalk gets what it accepts', async () => {
		live.sandbox.setStrictRooms(false);
		const url = ' https://cdn.example.com/my%20photo.png ';
		const item = await run(send(' 5550001 ', { uuid: ' customer_01 ', messageType: 'image', url }));
		expect(item).toMatchObject({ sent: true, uuid: 'customer_01', roomId: '5550001', code: 0 });
		expect(live.sandbox.requests[0].body).toEqual({ uuid: 'customer_01', room_id: '5550001', type: 'image', url: url.trim() });
	});

	test('a Room ID number too large to be exact is stopped, not sent with wrong digits', async () => {
		const { error } = await live.engine.runNode(send('={{ 12345678901234567890 }}'), [{}]);
		expect(error?.message).toMatch(/"Room ID" \(roomId\) must be text; got the number 12345678901234567000/);
		expect(live.sandbox.requests).toHaveLength(0);
	});
});
