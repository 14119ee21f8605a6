import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { bizApiCall, COMPANY_TOKEN, deepText, startSandbox, type Sandbox } from '../support/sandbox';
import { MESSAGE_TRIES } from '../../nodes/HappyTalkHistoryTrigger/trigger.schema';
import { loadEngine, shutdownEngine, type Engine } from './harness';

const TRIGGER = 'happyTalkHistoryTrigger';
const ROOM_LIST = '/user/api/chat_room_lists/format/json';
const ROOM_BY_ID = '/user/api/chat_data/format/json';

let sandbox: Sandbox;
let engine: Engine;
const outputs: unknown[] = [];

const calls = (path: string) => sandbox.requests.filter((request) => request.path === path);

/** One poll with what n8n saved; returns the emitted rooms and what n8n would save now. */
async function poll(saved: IDataObject, parameters: INodeParameters = {}, mode: 'trigger' | 'manual' = 'trigger') {
	const { result, staticData } = await engine.poll(TRIGGER, { event: 'counselingCompleted', options: {}, ...parameters }, saved, mode);
	outputs.push(result, staticData);
	const rooms = (result?.[0] ?? []).map((item: INodeExecutionData) => item.json);
	return { rooms, staticData, emitted: result !== null };
}

const bizApi = (path: string, body: IDataObject) => bizApiCall(sandbox, path, body);

/** A customer's counseling, start to finish, through the Biz API: returns the room id. */
async function counsel(uuid: string, text = `hello ${uuid}`): Promise<string> {
	const opened = await bizApi('/v1/chat/open', { uuid });
	const roomId = String(opened.room_id);
	await bizApi('/v1/chat/write', { uuid, room_id: roomId, type: 'text', msg: text });
	await bizApi('/v1/chat/end', { uuid, room_id: roomId });
	return roomId;
}

/** 'YYYY-MM-DD HH:MM:SS' in Korea, `offsetMs` from now. */
function koreaTime(offsetMs = 0): string {
	return new Date(Date.now() + offsetMs + 9 * 3600000).toISOString().slice(0, 19).replace('T', ' ');
}

beforeAll(async () => {
	sandbox = await startSandbox();
	engine = await loadEngine({ companyToken: sandbox.companyToken, environment: 'custom', baseUrl: sandbox.url }, 'happyTalkCustomerApi');
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
	expect(deepText(outputs)).not.toContain(COMPANY_TOKEN);
});

test('first activation starts from now: rooms completed before are not emitted', async () => {
	const first = await poll({});
	expect(first.emitted).toBe(false);
	expect(calls(ROOM_LIST)[0].body).toMatchObject({ status: 2, sort_key: 'complate_date', sort_value: 'desc' });
	const second = await poll(first.staticData);
	expect(second.emitted).toBe(false);
});

test('each completed room once, in completion order, with its messages; rooms still open wait', async () => {
	const { staticData: start } = await poll({});
	const a = await counsel('cust_a');
	const b = await counsel('cust_b');
	const stillOpen = String((await bizApi('/v1/chat/open', { uuid: 'cust_c' })).room_id);
	const first = await poll(start);
	expect(first.rooms.map((room) => room.roomId)).toEqual([a, b]);
	expect(first.rooms[0]).toMatchObject({ uuid: 'cust_a', statusName: 'completed', messageCount: 2 });
	expect((first.rooms[0].messages as IDataObject[]).map((message) => message.contents)).toEqual([expect.any(String), 'hello cust_a']);
	expect((await poll(first.staticData)).emitted).toBe(false);

	await bizApi('/v1/chat/end', { uuid: 'cust_c', room_id: stillOpen });
	const later = await poll(first.staticData);
	expect(later.rooms.map((room) => room.roomId)).toEqual([stillOpen]);
});

test('rooms completed in the same second, and a room that shows up late with an earlier completion time', async () => {
	const { staticData: start } = await poll({});
	const second = koreaTime(1000);
	sandbox.addHistoryRooms([
		{ id: 'SAME-SECOND-B', uuid: 'member42', reg_date: koreaTime(-60000), complate_date: second },
		{ id: 'SAME-SECOND-A', uuid: 'member42', reg_date: koreaTime(-60000), complate_date: second },
	]);
	const first = await poll(start);
	expect(first.rooms.map((room) => room.roomId)).toEqual(['SAME-SECOND-A', 'SAME-SECOND-B']);
	// A third room of that same second, and one completed a little earlier, appear only now.
	sandbox.addHistoryRooms([
		{ id: 'SAME-SECOND-C', uuid: 'member42', reg_date: koreaTime(-60000), complate_date: second },
		{ id: 'LATE-EARLIER', uuid: 'member43', reg_date: koreaTime(-60000), complate_date: koreaTime(500) },
	]);
	const next = await poll(first.staticData);
	expect(next.rooms.map((room) => room.roomId)).toEqual(['LATE-EARLIER', 'SAME-SECOND-C']);
	expect((await poll(next.staticData)).emitted).toBe(false);
});

test('a restart resumes from what n8n saved: nothing twice, nothing missed', async () => {
	const { staticData: start } = await poll({});
	const before = await counsel('cust_r1');
	const emitted = await poll(start);
	expect(emitted.rooms.map((room) => room.roomId)).toEqual([before]);
	// n8n saves static data when a poll emits. Polls that emit nothing change nothing n8n keeps, so
	// the restart begins from the state of the last emitting poll.
	await poll(emitted.staticData);
	const duringDowntime = await counsel('cust_r2');
	const afterRestart = await poll(JSON.parse(JSON.stringify(emitted.staticData)) as IDataObject);
	expect(afterRestart.rooms.map((room) => room.roomId)).toEqual([duringDowntime]);
});

test('a failed room list loses nothing; a room whose messages cannot be read holds back no other and is emitted once', async () => {
	const { staticData: start } = await poll({});
	const a = await counsel('cust_f1');
	const b = await counsel('cust_f2');
	sandbox.injectFault({ status: 503, times: 4, match: { path: ROOM_LIST } });
	await expect(poll(start)).rejects.toThrow('HappyTalk answered HTTP 503 with an HTML page instead of JSON');
	sandbox.setHistoryReadings({ refusedRooms: [b] });
	const first = await poll(start);
	expect(first.rooms.map((room) => room.roomId)).toEqual([a]);
	// b is tried on the next polls; once readable, it comes with its messages, once.
	const second = await poll(first.staticData);
	expect(second.emitted).toBe(false);
	sandbox.setHistoryReadings({ refusedRooms: [] });
	const third = await poll(second.staticData);
	expect(third.rooms.map((room) => [room.roomId, room.messageCount])).toEqual([[b, 2]]);
	expect((await poll(third.staticData)).emitted).toBe(false);
});

test(`a room refused on ${MESSAGE_TRIES} polls is emitted once without its messages, saying why`, async () => {
	let { staticData } = await poll({});
	const refused = await counsel('cust_refused');
	sandbox.setHistoryReadings({ refusedRooms: [refused] });
	for (let polls = 1; polls < MESSAGE_TRIES; polls++) {
		const next = await poll(staticData);
		expect(next.emitted).toBe(false);
		staticData = next.staticData;
	}
	const last = await poll(staticData);
	expect(last.rooms).toHaveLength(1);
	expect(last.rooms[0]).toMatchObject({ roomId: refused, uuid: 'cust_refused', messagesError: 'HappyTalk refused the request: -503 room' });
	expect(last.rooms[0]).not.toHaveProperty('messages');
	expect((await poll(last.staticData)).emitted).toBe(false);
	expect(calls(ROOM_BY_ID).filter((request) => request.body?.room_id === refused)).toHaveLength(MESSAGE_TRIES);
});

test.each(['reg_date', 'complate_date', 'sortKey'] as const)('a room opened the day before and completed now is emitted when the dates select by %s', async (rangeBy) => {
	sandbox.setHistoryReadings({ rangeBy });
	const { staticData: start } = await poll({});
	sandbox.addHistoryRooms([{ id: `OPENED-YESTERDAY-${rangeBy}`, uuid: 'member44', reg_date: koreaTime(-26 * 3600000), complate_date: koreaTime(1000) }]);
	const { rooms } = await poll(start);
	expect(rooms.map((room) => room.roomId)).toEqual([`OPENED-YESTERDAY-${rangeBy}`]);
});

test('one day per request once HappyTalk refuses the span (-504): still one room-list request a day, rooms emitted', async () => {
	sandbox.setHistoryReadings({ maxSpanDays: 1 });
	const { staticData: start } = await poll({});
	const a = await counsel('cust_span');
	const before = calls(ROOM_LIST).length;
	const { rooms, staticData } = await poll(start);
	expect(rooms.map((room) => room.roomId)).toEqual([a]);
	expect((staticData['node:Trigger'] as IDataObject).oneDayPerRequest).toBe(true);
	const days = calls(ROOM_LIST).slice(before).map((request) => [request.body?.sdate, request.body?.edate]);
	expect(days.every(([sdate, edate]) => sdate === edate)).toBe(true);
});

test.each([
	['by default (60 minutes)', {}, []],
	['with Late Rooms Window 120 minutes', { recheckMinutes: 120 }, ['LISTED-LATE']],
])('a room HappyTalk lists after one completed 90 minutes later: %s', async (_label, options, late) => {
	const parameters = { options };
	const { staticData: start } = await poll({}, parameters);
	sandbox.addHistoryRooms([{ id: 'COMPLETED-LATER', uuid: 'member47', reg_date: koreaTime(-60000), complate_date: koreaTime(3 * 3600000) }]);
	const first = await poll(start, parameters);
	expect(first.rooms.map((room) => room.roomId)).toEqual(['COMPLETED-LATER']);
	sandbox.addHistoryRooms([{ id: 'LISTED-LATE', uuid: 'member48', reg_date: koreaTime(-60000), complate_date: koreaTime(1.5 * 3600000) }]);
	const next = await poll(first.staticData, parameters);
	expect(next.rooms.map((room) => room.roomId)).toEqual(late);
	expect((await poll(next.staticData, parameters)).emitted).toBe(false);
});

test.each([31, 2, 1])('HappyTalk leaves edate out of the range, and accepts %i day(s) at a time: a room opened the day before and completed now is emitted once', async (maxSpanDays) => {
	sandbox.setHistoryReadings({ edate: 'exclusive', maxSpanDays, rangeBy: 'reg_date' });
	const { staticData: start } = await poll({});
	sandbox.addHistoryRooms([{ id: `EDATE-OUT-${maxSpanDays}`, uuid: 'member46', reg_date: koreaTime(-26 * 3600000), complate_date: koreaTime(1000) }]);
	const first = await poll(start);
	expect(first.rooms.map((room) => room.roomId)).toEqual([`EDATE-OUT-${maxSpanDays}`]);
	expect((await poll(first.staticData)).emitted).toBe(false);
	// Every request is within the span, counted as HappyTalk counts it (edate left out).
	for (const request of calls(ROOM_LIST).filter((entry) => entry.code === null)) {
		expect((Date.parse(String(request.body?.edate)) - Date.parse(String(request.body?.sdate))) / 86400000).toBeLessThanOrEqual(maxSpanDays);
	}
});

test.each([
	['the default', {}, 5],
	['Message Requests at Once 2', { messageConcurrency: 2 }, 2],
])('%s: a backfill of 12 rooms has %i message requests in flight at most', async (_label, options, most) => {
	const { staticData: start } = await poll({});
	const now = koreaTime(1000);
	sandbox.addHistoryRooms(Array.from({ length: 12 }, (_, i) => ({ id: `CONCURRENT-${String(i).padStart(2, '0')}`, uuid: 'member45', reg_date: koreaTime(-60000), complate_date: now })));
	sandbox.setLatency(80);
	const { rooms } = await poll(start, { options });
	sandbox.setLatency(0);
	expect(rooms).toHaveLength(12);
	const requests = calls(ROOM_BY_ID);
	const peak = Math.max(...requests.map((request) => requests.filter((other) => other.receivedAt <= request.receivedAt && (other.answeredAt ?? Infinity) > request.receivedAt).length));
	expect(peak).toBe(most);
});

test('when every message request of a poll fails with an HTTP error, the poll fails and uses up no try', async () => {
	const { staticData: start } = await poll({});
	const a = await counsel('cust_outage');
	sandbox.injectFault({ status: 502, times: 4, match: { path: ROOM_BY_ID } });
	await expect(poll(start)).rejects.toThrow('502');
	const { rooms, staticData } = await poll(start);
	expect(rooms.map((room) => [room.roomId, room.messageCount])).toEqual([[a, 2]]);
	expect((staticData['node:Trigger'] as IDataObject).pending).toEqual({});
});

test('"Include Messages" off: the room list fields only, no request per room', async () => {
	const { staticData: start } = await poll({});
	const a = await counsel('cust_m');
	sandbox.requests.length = 0;
	const { rooms } = await poll(start, { options: { includeMessages: false } });
	expect(rooms.map((room) => room.roomId)).toEqual([a]);
	expect(rooms[0]).not.toHaveProperty('messages');
	expect(rooms[0]).toHaveProperty('last_message');
	expect(calls(ROOM_BY_ID)).toHaveLength(0);
});

test('first activation can include the last hours', async () => {
	const seededCompleted = sandbox.historyRooms().filter((room) => room.status === '2' && room.endMs !== null && room.endMs >= Date.now() - 48 * 3600000);
	expect(seededCompleted.length).toBeGreaterThan(50);
	const { rooms } = await poll({}, { options: { startHours: 48, includeMessages: false } });
	expect(new Set(rooms.map((room) => room.roomId))).toEqual(new Set(seededCompleted.map((room) => room.id)));
	const completed = rooms.map((room) => String(room.complate_date));
	expect([...completed].sort()).toEqual(completed);
});

test('"Fetch test event" returns the most recently completed room with its messages', async () => {
	await counsel('cust_old');
	const latest = await counsel('cust_latest', 'the last words');
	const { rooms } = await poll({}, {}, 'manual');
	expect(rooms).toHaveLength(1);
	expect(rooms[0]).toMatchObject({ roomId: latest, uuid: 'cust_latest', statusName: 'completed' });
	expect((rooms[0].messages as IDataObject[]).at(-1)).toMatchObject({ contents: 'the last words', sender: 'counselor' });
});

test('"Fetch test event" without any completed room says so', async () => {
	sandbox.clearHistory();
	await expect(poll({}, {}, 'manual')).rejects.toThrow('No completed counseling room in the last 31 days');
});
