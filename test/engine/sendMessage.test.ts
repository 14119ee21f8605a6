import type { INodeParameters } from 'n8n-workflow';

import { deepText, SECRET, startSandbox, type Sandbox } from '../support/sandbox';
import { loadEngine, recordingRunner, shutdownEngine, type CredentialData, type Engine } from './harness';

let sandbox: Sandbox;
let engine: Engine;
let credentials: CredentialData;

const send = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	uuid: 'customer_01',
	roomId: '5550001',
	messageType: 'text',
	message: 'Hello from n8n',
	...overrides,
});

const { run, runs } = recordingRunner(() => engine);

const writes = () => sandbox.requests.filter((request) => request.path === '/v1/chat/write');

beforeAll(async () => {
	sandbox = await startSandbox();
	credentials = {
		clientId: sandbox.clientId,
		clientSecret: sandbox.clientSecret,
		environment: 'custom',
		baseUrl: sandbox.url,
	};
	engine = await loadEngine(credentials);
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
});

describe('message types', () => {
	test('text: sends exactly uuid, room_id, type and msg, with both keys, and outputs the answer', async () => {
		const { items, error } = await run(send({ message: '안녕하세요 😀\nline two' }));
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { sent: true, uuid: 'customer_01', roomId: '5550001', code: 0, room_id: '5550001', message: '' },
				pairedItem: { item: 0 },
			},
		]);
		expect(writes()).toHaveLength(1);
		const [request] = writes();
		expect(request.body).toEqual({
			uuid: 'customer_01',
			room_id: '5550001',
			type: 'text',
			msg: '안녕하세요 😀\nline two',
		});
		expect(request.headers['ht-client-id']).toBe('sbx-client-id');
		expect(request.headers['ht-client-secret']).toBe(SECRET);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
	});

	test.each(['image', 'video', 'audio'])('%s: sends url and no msg', async (type) => {
		const url = `https://cdn.example.com/files/sample.${type}`;
		const { items, error } = await run(
			send({ messageType: type, url, message: 'left over from Text, must not be sent' }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ sent: true, uuid: 'customer_01', roomId: '5550001', code: 0, room_id: '5550001', message: '' });
		expect(writes().map((request) => request.body)).toEqual([
			{ uuid: 'customer_01', room_id: '5550001', type, url },
		]);
	});
});

test('expressions resolve per item; numbers and stray spaces in ids become exact strings', async () => {
	const people = [
		{ id: 'customer_a', room: 1001, text: 'First' },
		{ id: ' customer_b ', room: '1002', text: '둘째' },
		{ id: 'customer_c', room: 1003, text: 'Third 🎉' },
	];
	const { items, error } = await run(
		send({ uuid: '={{ $json.id }}', roomId: '={{ $json.room }}', message: '={{ $json.text }}' }),
		people,
	);
	expect(error).toBeUndefined();
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(items.map((item) => item.json.room_id)).toEqual(['1001', '1002', '1003']);
	expect(writes().map((request) => request.body)).toEqual([
		{ uuid: 'customer_a', room_id: '1001', type: 'text', msg: 'First' },
		{ uuid: 'customer_b', room_id: '1002', type: 'text', msg: '둘째' },
		{ uuid: 'customer_c', room_id: '1003', type: 'text', msg: 'Third 🎉' },
	]);
});

describe('limits, on both sides of each boundary', () => {
	const cases: Array<[string, INodeParameters, INodeParameters, RegExp]> = [
		['uuid 5 / 4', { uuid: 'abcde' }, { uuid: 'abcd' }, /"Customer UUID" \(uuid\) must be 5 to 20 characters long; got 4 characters/],
		['uuid 20 / 21', { uuid: 'u'.repeat(20) }, { uuid: 'u'.repeat(21) }, /\(uuid\) must be 5 to 20 characters long; got 21/],
		['room 30 / 31', { roomId: '9'.repeat(30) }, { roomId: '9'.repeat(31) }, /"Room ID" \(roomId\) must be 1 to 30 characters long; got 31/],
		['room 1 / 0', { roomId: '7' }, { roomId: '={{ $json.nothing ?? "" }}' }, /\(roomId\) must be 1 to 30 characters long; got an empty value/],
		['msg 1000 / 1001 (Korean)', { message: '가'.repeat(1000) }, { message: '가'.repeat(1001) }, /"Message" \(message\) must be 1 to 1000 characters long; got 1001/],
		['msg 1000 / 1001 (emoji, 2 UTF-16 units each)', { message: '😀'.repeat(1000) }, { message: '😀'.repeat(1001) }, /\(message\) must be 1 to 1000 characters long; got 1001/],
		['msg 1 / 0', { message: 'A' }, { message: '={{ "" }}' }, /\(message\) must be 1 to 1000 characters long; got an empty value/],
		[
			'url 255 / 256',
			{ messageType: 'image', url: `https://x.io/${'a'.repeat(242)}` },
			{ messageType: 'image', url: `https://x.io/${'a'.repeat(243)}` },
			/"File URL" \(url\) must be 1 to 255 characters long; got 256/,
		],
		['url scheme', { messageType: 'audio', url: 'http://x.io/a.mp3' }, { messageType: 'audio', url: 'ftp://x.io/a.mp3' }, /\(url\) must start with http:\/\/ or https:\/\/; got a ftp: URL/],
		['type', { messageType: 'video', url: 'https://x.io/v.mp4' }, { messageType: '={{ "gif" }}', url: 'https://x.io/v.gif' }, /\(messageType\) must be one of text, image, video, audio; got "gif"/],
	];

	test.each(cases)('%s', async (_name, valid, invalid, message) => {
		const ok = await run(send(valid));
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].json.code).toBe(0);
		expect(writes()).toHaveLength(1);

		sandbox.reset();
		const bad = await run(send(invalid));
		expect(bad.error?.message).toMatch(/^Item 0: /);
		expect(bad.error?.message).toMatch(message);
		expect(bad.error?.description).toMatch(/Nothing was sent for this item/);
		expect(writes()).toHaveLength(0);
	});

	test('one bad item stops the node before any item is sent', async () => {
		const { error, items } = await run(send({ uuid: '={{ $json.uuid }}' }), [
			{ uuid: 'customer_01' },
			{ uuid: 'customer_02' },
			{ uuid: 'bad' },
		]);
		expect(error?.message).toMatch(/^Item 2: "Customer UUID" \(uuid\) must be 5 to 20 characters long; got 3/);
		expect(error?.itemIndex ?? (error?.context as { itemIndex?: number })?.itemIndex).toBe(2);
		expect(items).toEqual([]);
		expect(writes()).toHaveLength(0);
	});

	test('the timeout option is validated like the fields', async () => {
		const { error } = await run(send({ options: { timeout: 50 } }));
		expect(error?.message).toMatch(/"Timeout \(Ms\)" \(options.timeout\) must be at least 1000 ms/);
		expect(writes()).toHaveLength(0);
	});
});

describe("HappyTalk's fail codes", () => {
	const documented: Array<[number, RegExp]> = [
		[-400, /No permission/],
		[-500, /Client ID or Client Secret is wrong or expired/],
		[-504, /could not deliver/],
		[-600, /internal error; the message may or may not have been delivered/],
		[-700, /already ended/],
		[-701, /could not create the room/],
		[-702, /no room with this Room ID/],
		[-703, /belongs to another customer/],
		[-704, /already has a room in progress/],
		[-800, /rejected the value of a field/],
		[-801, /required field is missing/],
		[-802, /too long or too short/],
		[-900, /not being offered/],
		[-901, /Outside working hours; the request was not accepted/],
		[-902, /accepted, but no room was created/],
		[-903, /no counselor is free/],
		[-904, /limit of counseling sessions/],
		[-1001, /already been rated/],
	];

	test.each(documented)('%i is explained', async (code, meaning) => {
		sandbox.injectFault({ failCode: code, ...(code <= -800 && code >= -802 ? { field: 'msg' } : {}) });
		const { error, items } = await run(send());
		expect(items).toEqual([]);
		expect(error?.message).toMatch(new RegExp(`^HappyTalk refused the request: ${code} \\w+`));
		if (code <= -800 && code >= -802) expect(error?.message).toMatch(/\(field: msg\)$/);
		expect(error?.description).toMatch(meaning);
	});

	test('wrong keys: the real -500 from the sandbox', async () => {
		const result = await engine.runNode(send(), [{}], {
			credentials: { ...credentials, clientSecret: 'wrong-secret' },
		});
		runs.push(result);
		expect(result.error?.message).toBe('HappyTalk refused the request: -500 Authorization');
		expect(result.error?.description).toMatch(/Copy both keys again/);
	});

	test('an undocumented code is still reported with its number', async () => {
		sandbox.injectFault({ failCode: -777, message: 'Mystery' });
		const { error } = await run(send());
		expect(error?.message).toBe('HappyTalk refused the request: -777 Mystery');
		expect(error?.description).toMatch(/does not list/);
	});
});

describe('broken answers and the network', () => {
	test('HTTP 500 with an HTML page', async () => {
		sandbox.injectFault({ status: 500 });
		const { error } = await run(send());
		expect(error?.message).toMatch(/^HappyTalk answered HTTP 500 with an HTML page instead of JSON/);
		expect(error?.description).toMatch(/may or may not have been delivered/);
	});

	test('HTTP 200 with an HTML page', async () => {
		sandbox.injectFault({ malformed: 'html' });
		const { error } = await run(send());
		expect(error?.message).toMatch(/^HappyTalk answered HTTP 200 with an HTML page instead of JSON/);
	});

	test('a body that is not JSON', async () => {
		sandbox.injectFault({ malformed: 'text' });
		const { error } = await run(send());
		expect(error?.message).toMatch(/^HappyTalk answered HTTP 200 with a body that is not JSON: "/);
	});

	test('truncated JSON', async () => {
		sandbox.injectFault({ malformed: 'truncated-json' });
		const { error } = await run(send());
		expect(error?.message).toMatch(/with a body that is not JSON/);
	});

	test('an empty body', async () => {
		sandbox.injectFault({ malformed: 'empty' });
		const { error } = await run(send());
		expect(error?.message).toBe('HappyTalk answered HTTP 200 with an empty body');
	});

	test('a time-out says the message may have been delivered', async () => {
		sandbox.injectFault({ hang: true });
		const started = Date.now();
		const { error } = await run(send({ options: { timeout: 1000 } }));
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(error?.message).toBe('HappyTalk did not answer within 1000 ms');
		expect(error?.description).toMatch(/may or may not have been delivered, so it was not sent again/);
		expect(writes()).toHaveLength(1);
	});

	test('a dropped connection', async () => {
		sandbox.injectFault({ destroy: true });
		const { error } = await run(send());
		expect(error?.message).toBe('The connection to HappyTalk broke before it answered');
		expect(error?.description).toMatch(/^ECONNRESET: the message may or may not have been delivered/);
	});

	test('connection refused says nothing was sent', async () => {
		const closed = await startSandbox();
		const url = closed.url;
		await closed.close();
		const result = await engine.runNode(send(), [{}], { credentials: { ...credentials, baseUrl: url } });
		runs.push(result);
		expect(result.error?.message).toBe(`Could not connect to HappyTalk at ${url}`);
		expect(result.error?.description).toMatch(/^ECONNREFUSED: the message was not sent/);
	});

	test('plain http to a non-loopback host is refused before anything is sent', async () => {
		const result = await engine.runNode(send(), [{}], {
			credentials: { ...credentials, baseUrl: 'http://happytalk-proxy.example.com' },
		});
		runs.push(result);
		expect(result.error?.message).toMatch(/Base URL must start with https:\/\/ \(plain http:\/\/ is only allowed for localhost/);
	});
});

describe('On Error: Continue', () => {
	test('bad and refused items become error items; the others are still sent, in order', async () => {
		sandbox.injectFault({ failCode: -702, match: { bodyIncludes: 'room-gone' } });
		const input = [
			{ uuid: 'customer_01', room: 'r1', text: 'one' },
			{ uuid: 'abc', room: 'r2', text: 'invalid uuid' },
			{ uuid: 'customer_03', room: 'room-gone', text: 'refused' },
			{ uuid: 'customer_04', room: 'r4', text: 'x'.repeat(1001) },
			{ uuid: 'customer_05', room: 'r5', text: 'five' },
		];
		const { items, error } = await run(
			send({ uuid: '={{ $json.uuid }}', roomId: '={{ $json.room }}', message: '={{ $json.text }}' }),
			input,
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(items[0].json).toEqual({ sent: true, uuid: 'customer_01', roomId: 'r1', code: 0, room_id: 'r1', message: '' });
		expect(items[1].json).toMatchObject({
			error: expect.stringMatching(/^Item 1: "Customer UUID" \(uuid\) must be 5 to 20/),
			mayHaveBeenDelivered: false,
		});
		expect(items[2].json).toMatchObject({
			error: 'HappyTalk refused the request: -702 NotRoom',
			happyTalk: { code: -702, message: 'NotRoom' },
			mayHaveBeenDelivered: false,
		});
		expect(items[3].json.error).toMatch(/^Item 3: "Message" \(message\) must be 1 to 1000 characters long; got 1001/);
		expect(items[4].json).toEqual({ sent: true, uuid: 'customer_05', roomId: 'r5', code: 0, room_id: 'r5', message: '' });
		expect(writes().map((request) => request.body?.room_id)).toEqual(['r1', 'room-gone', 'r5']);
	});

	test('without it (one room at a time), items before a refused one were sent and later ones were not', async () => {
		sandbox.injectFault({ failCode: -700, match: { bodyIncludes: 'ended-room' } });
		const { error, items } = await run(send({ roomId: '={{ $json.room }}', options: { concurrency: 1 } }), [
			{ room: 'r1' },
			{ room: 'ended-room' },
			{ room: 'r3' },
		]);
		expect(items).toEqual([]);
		expect(error?.message).toBe('HappyTalk refused the request: -700 EndRoom');
		expect(error?.description).toMatch(/Items already sent before the node stopped: 0\.$/);
		expect(writes().map((request) => request.body?.room_id)).toEqual(['r1', 'ended-room']);
	});
});

describe('credential test', () => {
	test('good keys', async () => {
		expect(await engine.testCredential(credentials)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = sandbox.requests;
		expect(request.path).toBe('/v1/chat/isCounselor');
		expect(request.body).toEqual({ uuid: 'n8n_credential_test', customer_id: 'n8n-test' });
		expect(sandbox.requests.filter((r) => r.path !== '/v1/chat/isCounselor')).toEqual([]);
	});

	test('wrong keys', async () => {
		expect(await engine.testCredential({ ...credentials, clientId: 'someone-else' })).toEqual({
			status: 'Error',
			message: 'Client ID or Client Secret is wrong or expired (HappyTalk answered -500 Authorization)',
		});
	});

	test('keys without permission', async () => {
		sandbox.injectFault({ failCode: -400 });
		const result = await engine.testCredential(credentials);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/no permission for the Biz API/);
	});

	test('plain http to another host: no request is made', async () => {
		const result = await engine.testCredential({ ...credentials, baseUrl: 'http://example.com' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'The credential\'s Base URL must start with https:// (plain http:// is only allowed for localhost, 127.x.x.x and [::1]); got "http://example.com"',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

test('the Client Secret appears in no output item and no error of any run above', () => {
	expect(runs.length).toBeGreaterThan(30);
	for (const result of runs) {
		const text = deepText({ items: result.items, error: result.error, run: result.run.data });
		expect(text).not.toContain(SECRET);
	}
});
