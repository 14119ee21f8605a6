import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { bizApiCall, COMPANY_TOKEN, deepText, SECRET, startSandbox, type HistoryRoomSpec, type Sandbox } from '../support/sandbox';
import { loadEngine, recordingRunner, shutdownEngine, type CredentialData, type Engine } from './harness';

const CUSTOMER_CREDENTIAL = 'happyTalkCustomerApi';
const ROOM_LIST = '/user/api/chat_room_lists/format/json';

let sandbox: Sandbox;
let engine: Engine;
let credentials: CredentialData;

const { run, runs } = recordingRunner(() => engine);
const calls = (path: string) => sandbox.requests.filter((request) => request.path === path);

const getRoom = (roomId: string): INodeParameters => ({ resource: 'history', operation: 'getRoom', roomId });
const getMany = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'history',
	operation: 'getManyRooms',
	returnAll: true,
	filters: {},
	...overrides,
});
const customerRooms = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'history',
	operation: 'getCustomerRooms',
	searchBy: 'uuid',
	uuid: 'member42',
	...overrides,
});
const update = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'update',
	uuid: 'cust_001',
	roomId: '100001',
	updateFields: {},
	...overrides,
});

/** `count` completed rooms of one customer on one Korean day, one minute apart from 10:00. */
function roomsOn(day: string, count: number, uuid = 'member42'): HistoryRoomSpec[] {
	return Array.from({ length: count }, (_, i) => {
		const minute = String(i % 60).padStart(2, '0');
		const hour = String(10 + Math.floor(i / 60)).padStart(2, '0');
		return { uuid, users_id: `user-${uuid}`, reg_date: `${day} ${hour}:${minute}:00`, complate_date: `${day} ${hour}:${minute}:30` };
	});
}

const bizApi = (path: string, body: IDataObject) => bizApiCall(sandbox, path, body);

beforeAll(async () => {
	sandbox = await startSandbox();
	credentials = { companyToken: sandbox.companyToken, environment: 'custom', baseUrl: sandbox.url };
	engine = await loadEngine(credentials, CUSTOMER_CREDENTIAL);
});

beforeEach(() => {
	sandbox.reset();
});

afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
});

describe('History → Get Room', () => {
	test('a room opened, written to and ended through the Biz API: its messages in send order, in words and ISO times', async () => {
		const opened = await bizApi('/v1/chat/open', { uuid: 'cust_001', site_uid: 'member-7', title: '배송 문의' });
		const roomId = String(opened.room_id);
		for (const msg of ['first', 'second', 'third']) {
			expect((await bizApi('/v1/chat/write', { uuid: 'cust_001', room_id: roomId, type: 'text', msg })).code).toBe(0);
		}
		await bizApi('/v1/chat/end', { uuid: 'cust_001', room_id: roomId });

		const { items, error } = await run(getRoom(roomId));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const room = items[0].json;
		expect(room).toMatchObject({
			id: roomId,
			roomId,
			uuid: 'cust_001',
			customer_uuid: expect.stringMatching(/^\d+_cust_001$/),
			users_id: 'member-7',
			title: '배송 문의',
			status: '2',
			statusName: 'completed',
			out_api: '0',
			channel: 'HappyTalk',
			messageCount: 4,
		});
		expect(room.openedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
		expect(room.completedAt).toMatch(/\+09:00$/);
		expect(room.complate_date).not.toBe('0000-00-00 00:00:00');
		const messages = room.messages as IDataObject[];
		// The sandbox answers newest first; the node puts them in send order.
		expect(messages.map((message) => message.contents)).toEqual([expect.any(String), 'first', 'second', 'third']);
		expect(messages.map((message) => message.sender)).toEqual(['bot', 'counselor', 'counselor', 'counselor']);
		expect(messages[1]).toMatchObject({ user_type: 'H', from_id: 'lc_biz_api', isMemo: false, sentAt: expect.stringMatching(/\+09:00$/) });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(calls('/user/api/chat_data/format/json')[0].body).toEqual({ room_id: roomId, token: COMPANY_TOKEN });
	});

	test('a room still in progress has no completedAt; unknown states and channels pass through', async () => {
		const { ids } = sandbox.addHistoryRooms([
			{ uuid: 'member42', reg_date: '2026-11-20 09:00:00' },
			{ uuid: 'member42', reg_date: '2026-11-20 09:00:00', complate_date: '2026-11-20 09:10:00', status: '9', out_api: '7' },
		]);
		const open = (await run(getRoom(ids[0]))).items[0].json;
		expect(open).toMatchObject({ complate_date: '0000-00-00 00:00:00', completedAt: null, statusName: 'in progress' });
		const odd = (await run(getRoom(ids[1]))).items[0].json;
		expect(odd).toMatchObject({ status: '9', statusName: 'unknown (9)', out_api: '7', channel: 'unknown (7)' });
	});

	test("a template message's contents are decoded; memos and images say what they are", async () => {
		const template = {
			type: 'TEXT',
			message: '배송 조회는 아래 버튼',
			isLocked: false,
			buttonList: [{ type: 'WEB_LINK', name: '조회', pcUrl: 'https://example.com', mobileUrl: 'https://example.com' }],
		};
		const { ids } = sandbox.addHistoryRooms([
			{
				uuid: 'member42',
				reg_date: '2026-11-20 09:00:00',
				complate_date: '2026-11-20 09:30:00',
				messages: [
					{ user_type: 'C', contents: '문의', send_date: '2026-11-20 09:01:00' },
					{ user_type: 'H', contents_type: 'template', contents: JSON.stringify(template), send_date: '2026-11-20 09:02:00' },
					{ user_type: 'H', type: 'M', contents: '메모', send_date: '2026-11-20 09:03:00' },
					{ user_type: 'H', contents_type: 'template', contents: '{not json', send_date: '2026-11-20 09:04:00' },
				],
			},
		]);
		const messages = (await run(getRoom(ids[0]))).items[0].json.messages as IDataObject[];
		expect(messages[1]).toMatchObject({ contents_type: 'template', contents: JSON.stringify(template), template });
		expect(messages[2]).toMatchObject({ isMemo: true, sender: 'counselor' });
		expect(messages[3]).toMatchObject({ contents: '{not json', template: null });
		expect(messages[0]).toMatchObject({ sender: 'customer', sentAt: '2026-11-20T09:01:00+09:00' });
	});

	test('a bad Room ID is refused before any request', async () => {
		const { error } = await run(getRoom('x'.repeat(31)));
		expect(error?.message).toBe('Item 0: "Room ID" (roomId) must be 1 to 30 characters long; got 31 characters');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('History → Get Many Rooms: paging', () => {
	// A full last page costs one more request: total_count alone is not trusted to end the walk.
	test.each([
		[0, 1],
		[1, 1],
		[50, 2],
		[51, 2],
		[101, 3],
	])('%i rooms: all of them, each once, in %i page(s)', async (count, pages) => {
		sandbox.clearHistory();
		sandbox.addHistoryRooms(roomsOn('2026-11-20', count));
		const { items, error } = await run(getMany({ filters: { startDate: '2026-11-20', endDate: '2026-11-20' } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(count);
		expect(new Set(items.map((item) => item.json.roomId)).size).toBe(count);
		expect(calls(ROOM_LIST).map((request) => request.body?.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
		expect(calls(ROOM_LIST).every((request) => request.body?.limit === 50)).toBe(true);
		// Newest first by default.
		const opened = items.map((item) => String(item.json.reg_date));
		expect([...opened].sort().reverse()).toEqual(opened);
	});

	test('a limit stops early, with pages of the limit size when it is under 50', async () => {
		sandbox.clearHistory();
		sandbox.addHistoryRooms(roomsOn('2026-11-20', 101));
		const seven = await run(getMany({ returnAll: false, limit: 7, filters: { startDate: '2026-11-20', endDate: '2026-11-20' } }));
		expect(seven.items).toHaveLength(7);
		expect(calls(ROOM_LIST).map((request) => [request.body?.page, request.body?.limit])).toEqual([[1, 7]]);
		sandbox.requests.length = 0;
		const sixty = await run(getMany({ returnAll: false, limit: 60, filters: { startDate: '2026-11-20', endDate: '2026-11-20', sortOrder: 'asc' } }));
		expect(sixty.items).toHaveLength(60);
		expect(calls(ROOM_LIST)).toHaveLength(2);
		expect(sixty.items[0].json.reg_date).toBe('2026-11-20 10:00:00');
	});

	test('a room that appears while paging (newest first) is not returned twice, and none is missed', async () => {
		sandbox.clearHistory();
		sandbox.addHistoryRooms(roomsOn('2026-11-20', 60));
		// Between page 1 and page 2 a newer room arrives: page 2 then starts with a room already seen.
		sandbox.once('request', () => sandbox.addHistoryRooms([{ uuid: 'member99', reg_date: '2026-11-20 23:00:00' }]));
		const { items } = await run(getMany({ filters: { startDate: '2026-11-20', endDate: '2026-11-20' } }));
		const ids = items.map((item) => item.json.roomId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(items.filter((item) => item.json.uuid === 'member42')).toHaveLength(60);
	});

	test('filters go out as HappyTalk fields; status and sort choices', async () => {
		await run(getMany({ filters: { startDate: '2026-11-20', endDate: '2026-11-21', status: 2, sortBy: 'complate_date', sortOrder: 'asc' } }));
		expect(calls(ROOM_LIST)[0].body).toEqual({
			token: COMPANY_TOKEN,
			sdate: '2026-11-20',
			// One day past the End Date: HappyTalk may leave edate out (see docs/decisions.md).
			edate: '2026-11-22',
			status: 2,
			sort_key: 'complate_date',
			sort_value: 'asc',
			limit: 50,
			page: 1,
		});
	});

	test("without dates HappyTalk's default (today) applies: no date is sent", async () => {
		const { items } = await run(getMany());
		expect(calls(ROOM_LIST)[0].body).not.toHaveProperty('sdate');
		expect(calls(ROOM_LIST)[0].body).not.toHaveProperty('ndate');
		const today = new Date(Date.now() + 9 * 3600000).toISOString().slice(0, 10);
		expect(items.every((item) => String(item.json.reg_date).startsWith(today))).toBe(true);
	});
});

describe('History: dates in Korea time', () => {
	const edges: HistoryRoomSpec[] = [
		{ id: 'EDGE-BEFORE', uuid: 'member42', reg_date: '2026-11-19 23:59:59' },
		{ id: 'EDGE-FIRST', uuid: 'member42', reg_date: '2026-11-20 00:00:00' },
		{ id: 'EDGE-LAST', uuid: 'member42', reg_date: '2026-11-20 23:59:59' },
		{ id: 'EDGE-AFTER', uuid: 'member42', reg_date: '2026-11-21 00:00:00' },
	];

	test.each(
		(['inclusive', 'exclusive'] as const).flatMap((edate) =>
			[
				['a picked day', '2026-11-20', '2026-11-20'],
				['a date-time without zone (the date picker)', '2026-11-20T00:00:00', '2026-11-20T00:00:00'],
				['instants in UTC that are that day in Korea', '2026-11-19T15:00:00.000Z', '2026-11-20T14:59:59Z'],
				['instants with another offset', '2026-11-20T00:00:00+09:00', '2026-11-20T08:59:59-06:00'],
			].map(([name, startDate, endDate]) => [name, edate, startDate, endDate]),
		),
	)('%s selects exactly the rooms of 2026-11-20 (KST), edate %s', async (_, edate, startDate, endDate) => {
		sandbox.clearHistory();
		sandbox.addHistoryRooms(edges);
		sandbox.setHistoryReadings({ edate: edate as 'inclusive' | 'exclusive' });
		const { items, error } = await run(getMany({ filters: { startDate, endDate, sortOrder: 'asc' } }));
		expect(error).toBeUndefined();
		expect(calls(ROOM_LIST)[0].body).toMatchObject({ sdate: '2026-11-20', edate: '2026-11-21' });
		expect(items.map((item) => item.json.id)).toEqual(['EDGE-FIRST', 'EDGE-LAST']);
	});

	test('one second before midnight in Korea (UTC) is still the day before', async () => {
		await run(getMany({ filters: { startDate: '2026-11-19T14:59:59Z', endDate: '2026-11-19T14:59:59Z' } }));
		expect(calls(ROOM_LIST)[0].body).toMatchObject({ sdate: '2026-11-19', edate: '2026-11-20' });
	});

	test('a long range is split into windows HappyTalk accepts, newest first, and the rooms stay in order', async () => {
		sandbox.clearHistory();
		sandbox.addHistoryRooms([
			{ uuid: 'member42', reg_date: '2026-01-01 00:00:00' },
			{ uuid: 'member42', reg_date: '2026-02-15 12:00:00' },
			{ uuid: 'member42', reg_date: '2026-03-31 23:59:59' },
		]);
		const { items, error } = await run(getMany({ filters: { startDate: '2026-01-01', endDate: '2026-03-31' } }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.reg_date)).toEqual(['2026-03-31 23:59:59', '2026-02-15 12:00:00', '2026-01-01 00:00:00']);
		const windows = calls(ROOM_LIST).map((request) => [request.body?.sdate, request.body?.edate]);
		// 30 new days each, sent with the day after (31 days where HappyTalk counts edate in).
		expect(windows).toEqual([
			['2026-03-02', '2026-04-01'],
			['2026-01-31', '2026-03-02'],
			['2026-01-01', '2026-01-31'],
		]);
	});

	test('an end before the start, an end without a start, and a non-date are refused before sending', async () => {
		const backwards = await run(getMany({ filters: { startDate: '2026-11-20', endDate: '2026-11-19' } }));
		expect(backwards.error?.message).toBe('Item 0: "End Date" (filters.endDate) must not be before Start Date; got 2026-11-19, before 2026-11-20');
		const endOnly = await run(getMany({ filters: { endDate: '2026-11-19' } }));
		expect(endOnly.error?.message).toBe('Item 0: "Start Date" (filters.startDate) is required when End Date is set');
		const notADate = await run(getMany({ filters: { startDate: 'yesterday' } }));
		expect(notADate.error?.message).toMatch(/^Item 0: "Start Date" \(filters\.startDate\) must be a date/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('History → Get Customer Rooms', () => {
	test('by UUID: every room with its messages, filtered by the same filters', async () => {
		sandbox.clearHistory();
		sandbox.addHistoryRooms([
			...roomsOn('2026-11-20', 3),
			...roomsOn('2026-11-20', 2, 'member77'),
			{ uuid: 'member42', reg_date: '2026-11-21 10:00:00', messages: [{ contents: 'hi', send_date: '2026-11-21 10:00:01' }] },
		]);
		const { items, error } = await run(
			customerRooms({ uuid: 'member42', filters: { startDate: '2026-11-20', endDate: '2026-11-21' } }),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items.every((item) => item.json.uuid === 'member42' && Array.isArray(item.json.messages) && Array.isArray(item.json.message))).toBe(true);
		expect(calls('/user/api/chat_lists/format/json')[0].body).toMatchObject({ uuid: 'member42', sdate: '2026-11-20', edate: '2026-11-22' });
	});

	test('by customer ID', async () => {
		sandbox.clearHistory();
		sandbox.addHistoryRooms([...roomsOn('2026-11-20', 2), ...roomsOn('2026-11-20', 1, 'member77')]);
		const { items } = await run(customerRooms({ searchBy: 'customerId', customerId: 'user-member77' }));
		expect(items.map((item) => item.json.uuid)).toEqual(['member77']);
		expect(calls('/user/api/chat_list_for_userid/format/json')[0].body).toEqual({ token: COMPANY_TOKEN, userid: 'user-member77' });
	});
});

describe('Customer → Update', () => {
	test('every field goes out under its spec name, and later reads show the change', async () => {
		const opened = await bizApi('/v1/chat/open', { uuid: 'cust_001' });
		const roomId = String(opened.room_id);
		const { items, error } = await run(
			update({
				roomId,
				updateFields: {
					customerId: 'member-900',
					name: '홍길동',
					phone: '01012345678',
					email: 'gildong@example.com',
					sex: 'M',
					birthday: '1990-05-17T00:00:00',
					birthType: '1',
					categoryId: '80201',
					divisionId: '80202',
					orderNumber: 'ORD-9',
					productNumber: 'P-1',
					parcelNumber: '123456789',
					userParameter: 'vip',
					scenarioNext: 'Y',
					customParameters: { parameter: [{ value: 'gold' }, { value: 'seoul' }] },
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { result: 'success', updated: true, uuid: 'cust_001', roomId }, pairedItem: { item: 0 } }]);
		// The plain fields first, as every other operation's, then HappyTalk's answer.
		expect(Object.keys(items[0].json)).toEqual(['updated', 'uuid', 'roomId', 'result']);
		expect(calls('/user/api/set_user_info/format/json')[0].body).toEqual({
			token: COMPANY_TOKEN,
			uuid: 'cust_001',
			room_id: roomId,
			users_id: 'member-900',
			username: '홍길동',
			phone: '01012345678',
			email: 'gildong@example.com',
			sex: 'M',
			birthday: '1990-05-17',
			birth_type: '1',
			category_id: '80201',
			division_id: '80202',
			order_number: 'ORD-9',
			product_number: 'P-1',
			parcel_number: '123456789',
			user_parameter: 'vip',
			scenario_next: 'Y',
			parameter1: 'gold',
			parameter2: 'seoul',
		});
		const room = (await run(getRoom(roomId))).items[0].json;
		expect(room).toMatchObject({ users_id: 'member-900', category_id: '80201', order_number: 'ORD-9', parameter1: 'gold', parameter2: 'seoul', user_parameter: 'vip' });
	});

	test.each([
		[{ customParameters: { parameter: [{ value: 'x'.repeat(21) }] } }, 'Item 0: "Custom Parameter 1" (updateFields.customParameters[0]) must be 1 to 20 characters long; got 21 characters'],
		[{ userParameter: 'x'.repeat(201) }, 'Item 0: "User Parameter" (updateFields.userParameter) must be 1 to 200 characters long; got 201 characters'],
		[{ phone: '010-1234-5678' }, 'Item 0: "Phone" (updateFields.phone) must be digits only, without - (for example 01012345678)'],
		[{ email: 'not-an-email' }, 'Item 0: "Email" (updateFields.email) must be an email address like name@example.com'],
		[{ categoryId: '12a' }, 'Item 0: "Category ID" (updateFields.categoryId) must be a whole number of at most 11 digits'],
		[{ customParameters: { parameter: Array.from({ length: 11 }, () => ({ value: 'v' })) } }, 'Item 0: "Custom Parameters" (updateFields.customParameters) allows at most 10 values; got 11'],
	])('%j is refused before any request', async (updateFields, message) => {
		const { error } = await run(update({ updateFields }));
		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Fail codes of the customer API', () => {
	test.each([
		['-501 token', { companyToken: 'wrong-token' }, getRoom('100001'), -501, 'token', /company token is wrong/],
		['-502 unAuthorized', { companyToken: 'LIMITED' }, getRoom('100001'), -502, 'unAuthorized', /no permission/],
		['-503 users', {}, customerRooms({ uuid: 'nobody' }), -503, 'users', /no customer with this UUID/],
		['-503 room', {}, getRoom('NO-SUCH-ROOM'), -503, 'room', /no matching room/],
	])('%s becomes a clear NodeApiError, and an error item with "On Error: Continue"', async (_, credentialChange, parameters, code, message, meaning) => {
		const change = (credentialChange as { companyToken?: string }).companyToken === 'LIMITED' ? { companyToken: sandbox.limitedToken } : credentialChange;
		const data = { ...credentials, ...change };
		const stopped = await engine.runNode(parameters, [{}], { credentials: data });
		runs.push(stopped);
		expect(stopped.error?.message).toBe(`HappyTalk refused the request: ${code} ${message}`);
		expect(stopped.error?.description).toMatch(meaning);
		const continued = await engine.runNode(parameters, [{}, {}], { credentials: data, continueOnFail: true });
		runs.push(continued);
		expect(continued.items).toHaveLength(2);
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(continued.items[0].json).toMatchObject({ error: `HappyTalk refused the request: ${code} ${message}`, happyTalk: { code, message } });
		// The error item names the customer or room the item asked for.
		const asked = { uuid: (parameters as IDataObject).uuid, roomId: (parameters as IDataObject).roomId };
		expect(continued.items[0].json).toMatchObject(JSON.parse(JSON.stringify(asked)) as IDataObject);
		expect(Object.keys(continued.items[0].json)[0]).toBe(asked.uuid !== undefined ? 'uuid' : 'roomId');
	});

	test.each([
		[-501, 'uuid', /customer ID or customer UUID is missing/],
		[-504, 'overDate', /date range is longer than HappyTalk allows/],
	])('%i %s (injected) is explained', async (failCode, message, meaning) => {
		sandbox.injectFault({ failCode, message, match: { path: ROOM_LIST } });
		const { error } = await run(getMany());
		expect(error?.message).toBe(`HappyTalk refused the request: ${failCode} ${message}`);
		expect(error?.description).toMatch(meaning);
	});

	test('as an AI Agent tool, a refused call and a bad input come back as results the model can act on', async () => {
		const refused = await engine.runNode(getRoom('NO-SUCH-ROOM'), [{}], { asTool: true });
		runs.push(refused);
		expect(refused.error).toBeUndefined();
		expect(refused.items).toEqual([
			{
				json: expect.objectContaining({
					error: 'HappyTalk refused the request: -503 room',
					whatToDo: expect.stringMatching(/no matching room/),
					mayHaveBeenDelivered: false,
				}),
				pairedItem: { item: 0 },
			},
		]);
		// A read sends nothing to the customer: no `sent` to mislead the model.
		expect(refused.items[0].json).not.toHaveProperty('sent');
		const bad = await engine.runNode(update({ uuid: 'ab' }), [{}], { asTool: true });
		runs.push(bad);
		expect(bad.error).toBeUndefined();
		expect(bad.items[0].json).toMatchObject({ error: expect.stringMatching(/uuid/) });
		expect(bad.items[0].json).not.toHaveProperty('sent');
		expect(calls('/user/api/set_user_info/format/json')).toHaveLength(0);
	});

	test('as an AI Agent tool, each answer starts with one sentence, and a search that finds nothing says so', async () => {
		const opened = await bizApi('/v1/chat/open', { uuid: 'cust_001' });
		const roomId = String(opened.room_id);
		await bizApi('/v1/chat/write', { uuid: 'cust_001', room_id: roomId, type: 'text', msg: 'hello' });
		await bizApi('/v1/chat/end', { uuid: 'cust_001', room_id: roomId });

		const read = await engine.runNode(getRoom(roomId), [{}], { asTool: true });
		runs.push(read);
		expect(read.items).toHaveLength(1);
		const [room] = read.items.map((item) => item.json);
		expect(room.result).toBe(
			`Counseling room ${roomId} of customer cust_001 (HappyTalk): completed, completed ${String(room.completedAt)}, ${String(room.messageCount)} messages. Nothing was changed.`,
		);
		expect(Object.keys(room)[0]).toBe('result');
		expect(room).toMatchObject({ roomId, uuid: 'cust_001', statusName: 'completed' });

		const updated = await engine.runNode(update({ roomId, updateFields: { name: '홍길동' } }), [{}], { asTool: true });
		runs.push(updated);
		// HappyTalk's own `result` ("success") gives way to the sentence, as the Biz API's results read.
		expect(updated.items.map((item) => item.json)).toEqual([
			{ result: `Updated the information of customer cust_001 in room ${roomId}; nothing was sent to the customer.`, updated: true, uuid: 'cust_001', roomId },
		]);
		expect(Object.keys(updated.items[0].json)).toEqual(['result', 'updated', 'uuid', 'roomId']);

		sandbox.clearHistory();
		const none = await engine.runNode(getMany(), [{}], { asTool: true });
		runs.push(none);
		expect(none.items).toEqual([{ json: { result: 'No counseling room matched. Nothing was changed.', found: 0 }, pairedItem: { item: 0 } }]);
	});

	test('an undocumented code is reported as such', async () => {
		sandbox.injectFault({ failCode: -599, message: 'mystery', match: { path: ROOM_LIST } });
		const { error } = await run(getMany());
		expect(error?.message).toBe('HappyTalk refused the request: -599 mystery');
		expect(error?.description).toMatch(/documentation does not list/);
	});

	test('HTTP 503 and garbled pages are retried (reads are safe to repeat); fail codes are not', async () => {
		sandbox.injectFault({ status: 503, match: { path: ROOM_LIST } });
		sandbox.injectFault({ malformed: 'html', match: { path: ROOM_LIST } });
		const { items, error } = await run(getMany({ options: { retries: 2 } }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.roomId)).toEqual(items.map((item) => item.json.id));
		expect(calls(ROOM_LIST)).toHaveLength(3);
		sandbox.requests.length = 0;
		sandbox.injectFault({ status: 502, times: 5, match: { path: ROOM_LIST } });
		const failed = await run(getMany({ options: { retries: 1 } }));
		expect(failed.error?.message).toBe('HappyTalk answered HTTP 502 with an HTML page instead of JSON');
		expect(calls(ROOM_LIST)).toHaveLength(2);
		sandbox.requests.length = 0;
		sandbox.injectFault({ failCode: -503, message: 'room', match: { path: '/user/api/chat_data/format/json' } });
		await run(getRoom('100001'));
		expect(calls('/user/api/chat_data/format/json')).toHaveLength(1);
	});
});

describe('Credential', () => {
	test('the credential test reads one room of today: OK, wrong token, no permission', async () => {
		expect(await engine.testCredential(credentials)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await engine.testCredential({ ...credentials, companyToken: 'wrong' })).toEqual({
			status: 'Error',
			message: 'The company token is wrong (HappyTalk answered -501 token)',
		});
		expect((await engine.testCredential({ ...credentials, companyToken: sandbox.limitedToken })).message).toMatch(/-502 unAuthorized/);
		const request = calls(ROOM_LIST)[0];
		expect(request.body).toEqual({ limit: 1, page: 1, token: COMPANY_TOKEN });
		expect(JSON.stringify(request.headers)).not.toContain(COMPANY_TOKEN);
	});

	test('the credential test names a refused plain-http Base URL, and sends nothing', async () => {
		const result = await engine.testCredential({ ...credentials, baseUrl: 'http://example.com' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/must start with https:\/\//);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('plain http to a non-loopback host is refused before anything is sent', async () => {
		const { error } = await engine.runNode(getRoom('100001'), [{}], { credentials: { ...credentials, baseUrl: 'http://example.com' } });
		expect(error?.message).toMatch(/must start with https:\/\//);
		expect(sandbox.requests).toHaveLength(0);
	});
});

afterAll(() => {
	// The company token travels in request bodies only: never in an output, an error or run data.
	expect(runs.length).toBeGreaterThan(20);
	for (const { run: execution, items, error } of runs) {
		for (const text of [deepText(execution), deepText(items), deepText(error)]) {
			expect(text).not.toContain(COMPANY_TOKEN);
			expect(text).not.toContain(sandbox.limitedToken);
			expect(text).not.toContain(SECRET);
		}
	}
});
