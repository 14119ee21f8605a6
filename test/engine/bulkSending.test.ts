/**
 * Bulk sending through n8n's engine over real HTTP: rooms in parallel, each room in input order,
 * retries only where a message certainly did not arrive, one output item per input item.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox, type SandboxRecord } from '../support/sandbox';
import { loadEngine, shutdownEngine, type CredentialData, type Engine } from './harness';

let sandbox: Sandbox;
let engine: Engine;
let credentials: CredentialData;

const send = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	uuid: '={{ $json.uuid }}',
	roomId: '={{ $json.room }}',
	messageType: 'text',
	message: '={{ $json.text }}',
	options,
});

/** `count` messages over `rooms` rooms, interleaved; each text ends with its sequence number. */
const messages = (count: number, rooms: number) =>
	Array.from({ length: count }, (_, i) => ({
		uuid: `customer_${i % rooms}`,
		room: `room-${i % rooms}`,
		text: `message #${i}`,
	}));

const delivered = () =>
	sandbox.requests.filter((request) => request.path === '/v1/chat/write' && request.code === 0);
const sequence = (request: SandboxRecord) => Number(String(request.body?.msg).split('#')[1]);

function expectRoomOrder(requests: SandboxRecord[]) {
	const lastByRoom = new Map<string, number>();
	for (const request of requests) {
		const room = String(request.body?.room_id);
		const previous = lastByRoom.get(room) ?? -1;
		expect([room, sequence(request) > previous]).toEqual([room, true]);
		lastByRoom.set(room, sequence(request));
	}
}

beforeAll(async () => {
	sandbox = await startSandbox();
	credentials = { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, environment: 'custom', baseUrl: sandbox.url };
	engine = await loadEngine(credentials);
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
});

test('300 messages over 30 rooms: rooms in parallel, each room strictly in input order, one answer before the next', async () => {
	sandbox.setLatency(15);
	const input = messages(300, 30);
	const { items, error } = await engine.runNode(send({ concurrency: 8 }), input);
	expect(error).toBeUndefined();
	expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	expect(items.every((item) => item.json.code === 0)).toBe(true);
	expect(items.map((item) => item.json.room_id)).toEqual(input.map((message) => message.room));

	const requests = sandbox.requests;
	expect(requests).toHaveLength(300);
	expectRoomOrder([...requests].sort((a, b) => a.seq - b.seq));

	// Never two requests of one room in flight; never more than 8 at all; more than 1 at times.
	const byRoom = new Map<string, SandboxRecord[]>();
	for (const request of requests) byRoom.set(String(request.body?.room_id), [...(byRoom.get(String(request.body?.room_id)) ?? []), request]);
	for (const chain of byRoom.values()) {
		for (let i = 1; i < chain.length; i++) expect(chain[i].receivedAt).toBeGreaterThanOrEqual(chain[i - 1].answeredAt ?? Infinity);
	}
	const { peakInFlight } = sandbox.stats();
	expect(peakInFlight).toBeGreaterThan(1);
	expect(peakInFlight).toBeLessThanOrEqual(8);
});

test('HTTP 429 with Retry-After: waited for and retried; every message delivered once, in room order', async () => {
	// At most 15 in any 100 ms: the first 20 requests, sent at once, meet it however fast this machine is.
	sandbox.setRateLimit({ perSecond: 150, retryAfterSeconds: 1, windowMs: 100 });
	const input = messages(300, 60);
	const { items, error } = await engine.runNode(send({ concurrency: 20, retries: 10 }), input);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(300);
	expect(items.every((item) => item.json.code === 0)).toBe(true);
	expect(sandbox.requests.filter((request) => request.status === 429).length).toBeGreaterThan(0);
	const writes = delivered();
	expect(writes).toHaveLength(300);
	expect(new Set(writes.map((request) => request.body?.msg)).size).toBe(300);
	expectRoomOrder(writes);
});

test('after the first 429s the node keeps to the rate HappyTalk accepted, so the 429s do not come back', async () => {
	sandbox.setLatency(5);
	sandbox.setRateLimit({ perSecond: 200, retryAfterSeconds: 1 });
	const input = messages(1000, 100);
	const { items, error } = await engine.runNode(send({ concurrency: 10, retries: 10 }), input);
	expect(error).toBeUndefined();
	expect(items.every((item) => item.json.code === 0)).toBe(true);
	expect(delivered()).toHaveLength(1000);
	expectRoomOrder(delivered());
	// The first burst meets the limit once in each of the 10 rooms being served (10 refusals);
	// without the learned pace, every later window brings another such wave (about 40 in all).
	const refused = sandbox.requests.filter((request) => request.status === 429);
	expect(refused.length).toBeGreaterThan(0);
	expect(refused.length).toBeLessThanOrEqual(25);
});

test('300 messages through 429s, fail codes, time-outs and dropped connections: one output item each, room order kept, nothing unsafe retried', async () => {
	// At most 10 in any 50 ms: the first 20 requests, sent at once, meet it however fast this machine is.
	sandbox.setRateLimit({ perSecond: 200, retryAfterSeconds: 1, windowMs: 50 });
	sandbox.injectFault({ failCode: -702, times: Infinity, match: { bodyIncludes: '"room-3"' } });
	for (const i of [7, 107, 207]) sandbox.injectFault({ hang: true, match: { bodyIncludes: `message #${i}"` } });
	for (const i of [13, 114, 214]) sandbox.injectFault({ destroy: true, match: { bodyIncludes: `message #${i}"` } });
	for (const i of [12, 112, 212]) sandbox.injectFault({ failCode: -600, match: { bodyIncludes: `message #${i}"` } });
	const input = messages(300, 30);
	const { items, error } = await engine.runNode(send({ timeout: 1000, retries: 10, concurrency: 20 }), input, {
		continueOnFail: true,
	});
	expect(error).toBeUndefined();
	expect(items).toHaveLength(300);
	expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	expect(sandbox.requests.filter((request) => request.status === 429).length).toBeGreaterThan(0);

	const attempts = (i: number) => sandbox.requests.filter((request) => request.body?.msg === `message #${i}` && request.status !== 429);
	for (const i of [7, 107, 207]) {
		expect(items[i].json).toMatchObject({ error: 'HappyTalk did not answer within 1000 ms', mayHaveBeenDelivered: true });
		expect(attempts(i)).toHaveLength(1);
	}
	for (const i of [13, 114, 214]) {
		expect(items[i].json).toMatchObject({ error: 'The connection to HappyTalk broke before it answered', mayHaveBeenDelivered: true });
		expect(attempts(i)).toHaveLength(1);
	}
	for (const i of [12, 112, 212]) {
		expect(items[i].json).toMatchObject({ happyTalk: { code: -600 }, mayHaveBeenDelivered: true });
		expect(attempts(i)).toHaveLength(1);
	}
	const faulty = new Set([7, 107, 207, 13, 114, 214, 12, 112, 212]);
	for (const [i, message] of input.entries()) {
		if (message.room === 'room-3') expect(items[i].json).toMatchObject({ happyTalk: { code: -702 }, mayHaveBeenDelivered: false });
		else if (!faulty.has(i)) expect([i, items[i].json.code]).toEqual([i, 0]);
	}
	// Retries of 429s (the only ones this node calls safe here) never duplicated a message.
	expect(sandbox.stats()).toMatchObject({ duplicates: 0, perRoomOrderViolations: 0 });
	expectRoomOrder(delivered());
});

test('"Retry Even When It May Have Been Delivered" retries a time-out (and so may duplicate)', async () => {
	sandbox.injectFault({ hang: true, match: { bodyIncludes: 'message #2"' } });
	const input = messages(4, 2);
	const { items } = await engine.runNode(send({ timeout: 1000, retries: 2, retryMaybeDelivered: true }), input, { continueOnFail: true });
	expect(items[2].json.code).toBe(0);
	expect(sandbox.requests.filter((request) => request.body?.msg === 'message #2')).toHaveLength(2);
});

test('a refused connection is retried with back-off, then reported as not delivered', async () => {
	const closed = await startSandbox();
	const baseUrl = closed.url;
	await closed.close();
	const input = messages(3, 3);
	const { items } = await engine.runNode(send({ retries: 2 }), input, { continueOnFail: true, credentials: { ...credentials, baseUrl } });
	for (const item of items) {
		expect(item.json).toMatchObject({ error: `Could not connect to HappyTalk at ${baseUrl}`, mayHaveBeenDelivered: false });
		expect(item.json.description).toMatch(/\(3 attempts\)$/);
	}
});

describe('after a failed message in a room', () => {
	const input = [
		{ uuid: 'customer_a', room: 'room-a', text: 'a #0' },
		{ uuid: 'customer_b', room: 'room-b', text: 'b #1' },
		{ uuid: 'customer_a', room: 'room-a', text: 'a #2 fails' },
		{ uuid: 'customer_a', room: 'room-a', text: 'a #3' },
		{ uuid: 'customer_b', room: 'room-b', text: 'b #4' },
		{ uuid: 'customer_a', room: 'room-a', text: 'a #5' },
	];

	test('"Skip Later Messages": the rest of that room is skipped, with the reason; other rooms go on', async () => {
		sandbox.injectFault({ failCode: -700, match: { bodyIncludes: 'fails' } });
		const { items } = await engine.runNode(send({ onRoomFailure: 'skip' }), input, { continueOnFail: true });
		expect(items).toHaveLength(6);
		// Error and skipped items name the customer and room, so that a workflow can route on them.
		expect(items[2].json).toMatchObject({ uuid: 'customer_a', roomId: 'room-a', error: 'HappyTalk refused the request: -700 EndRoom' });
		for (const i of [3, 5]) {
			expect(items[i].json).toEqual({
				uuid: 'customer_a',
				roomId: 'room-a',
				skipped: true,
				reason: 'Not sent: an earlier message to room room-a (item 2) failed, and "After a Failed Message" is "Skip Later Messages"',
				mayHaveBeenDelivered: false,
			});
		}
		expect(delivered().map((request) => request.body?.msg).sort()).toEqual(['a #0', 'b #1', 'b #4']);
	});

	test('an item refused before sending still names its customer and room', async () => {
		const bad = [{ uuid: 'c-1', room: 'room-x', text: 'hyphen in the uuid' }, input[0]];
		const { items } = await engine.runNode(send({}), bad, { continueOnFail: true });
		expect(items[0].json).toMatchObject({ uuid: 'c-1', roomId: 'room-x', error: expect.stringMatching(/uuid/) });
		expect(items[1].json).toMatchObject({ sent: true, uuid: 'customer_a', roomId: 'room-a' });
	});

	test('"Send Later Messages Anyway": the rest of that room is still sent', async () => {
		sandbox.injectFault({ failCode: -700, match: { bodyIncludes: 'fails' } });
		const { items } = await engine.runNode(send(), input, { continueOnFail: true });
		expect(items.map((item) => item.json.code ?? item.json.happyTalk)).toEqual([0, 0, { code: -700, message: 'EndRoom' }, 0, 0, 0]);
	});

	test('without "On Error: Continue" the node stops and says which items were already sent', async () => {
		sandbox.injectFault({ failCode: -700, match: { bodyIncludes: 'fails' } });
		const { error } = await engine.runNode(send({ concurrency: 1 }), input);
		expect(error?.message).toBe('HappyTalk refused the request: -700 EndRoom');
		const sent = delivered().map((request) => request.body?.msg);
		expect(error?.description).toMatch(/Items already sent before the node stopped: [\d, -]+\.$/);
		expect(sent).toContain('a #0');
		expect(sent).not.toContain('a #3');
	});
});

test('"Requests per Second" spaces the requests', async () => {
	const { error } = await engine.runNode(send({ requestsPerSecond: 20, concurrency: 10 }), messages(12, 12));
	expect(error).toBeUndefined();
	const starts = sandbox.requests.map((request) => request.receivedAt).sort((a, b) => a - b);
	// From the second request on: the first one's connection set-up can delay its arrival on a
	// loaded machine, which shortens the span without any request leaving early.
	expect(starts).toHaveLength(12);
	expect(starts[starts.length - 1] - starts[1]).toBeGreaterThanOrEqual(10 * 50 - 20);
});
