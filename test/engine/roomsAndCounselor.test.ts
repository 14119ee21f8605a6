import type { INodeParameters } from 'n8n-workflow';

import { deepText, SECRET } from '../support/sandbox';
import { recordingRunner, useSandboxEngine } from './harness';
import { checkPrevious, end, open, send } from './operationParameters';

const live = useSandboxEngine({ strictRooms: true });

const { run, runs } = recordingRunner(() => live.engine);

const calls = (path: string) => live.sandbox.requests.filter((request) => request.path === path);

describe('Room → Open', () => {
	test('opens a room with every additional field, sent under the spec names', async () => {
		const { items, error } = await run(
			open({
				additionalFields: {
					siteUid: 'member-77',
					title: '배송 문의',
					categoryId: '12',
					divisionId: 3,
					phoneOs: 'A',
					phoneModel: 'SM-S928N',
					phoneOsVersion: '15',
					phoneTelecom: 'SKT',
					appHash: 'app-hash-1',
					orderNumber: 'ORD-1',
					productNumber: 'P-9',
					parcelNumber: '6123456789',
					parcelCompanyType: '01',
					parcelCompanyCode: '04',
					customParameters: { parameter: [{ value: 'vip' }, { value: ' app ' }] },
					forceNewRoom: false,
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(calls('/v1/chat/open').map((request) => request.body)).toEqual([
			{
				uuid: 'customer_01',
				site_uid: 'member-77',
				title: '배송 문의',
				category_id: 12,
				division_id: 3,
				phone_os: 'A',
				phone_model: 'SM-S928N',
				phone_os_ver: '15',
				phone_telecomm: 'SKT',
				app_hash: 'app-hash-1',
				order_number: 'ORD-1',
				product_number: 'P-9',
				parcel_number: '6123456789',
				parcel_company_type: '01',
				parcel_company_code: '04',
				parameter1: 'vip',
				parameter2: 'app',
				is_room_create_force: 'N',
			},
		]);
		expect(items[0].json).toMatchObject({ opened: true, code: 0, uuid: 'customer_01' });
		expect(typeof items[0].json.room_id).toBe('string');
		expect(items[0].json.counselor_name).toBeTruthy();
	});

	test('custom parameters: "Sent As" picks the slot, the others fill the free slots in order', async () => {
		const { error } = await run(
			open({
				additionalFields: {
					customParameters: {
						parameter: [{ value: 'first' }, { number: 3, value: 'third' }, { number: 0, value: 'second' }, { value: 'fourth' }],
					},
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(calls('/v1/chat/open')[0].body).toEqual({
			uuid: 'customer_01',
			parameter1: 'first',
			parameter2: 'second',
			parameter3: 'third',
			parameter4: 'fourth',
		});
	});

	test('custom parameters: two values for one slot are refused before sending', async () => {
		const twice = { parameter: [{ number: 2, value: 'a' }, { number: 2, value: 'b' }] };
		const { error } = await run(open({ additionalFields: { customParameters: twice } }));
		expect(error?.message).toBe('Item 0: "Custom Parameters" (additionalFields.customParameters) sends two values as parameter2');
		expect(calls('/v1/chat/open')).toEqual([]);
	});

	test('empty additional fields are not sent', async () => {
		await run(open({ additionalFields: { title: '', categoryId: '' } }));
		expect(calls('/v1/chat/open')[0].body).toEqual({ uuid: 'customer_01' });
	});

	test.each([
		[{ title: '가'.repeat(101) }, /"Title" \(additionalFields.title\) must be 1 to 100 characters long; got 101/],
		[{ parcelCompanyCode: '123' }, /"Courier Code" \(additionalFields.parcelCompanyCode\) must be 1 to 2 characters long; got 3/],
		[{ categoryId: '12a' }, /"Category ID" \(additionalFields.categoryId\) must be a whole number/],
		[{ divisionId: '123456789012' }, /"Division ID" \(additionalFields.divisionId\) must have at most 11 digits/],
		[{ customParameters: { parameter: [{ value: 'x'.repeat(21) }] } }, /"Custom Parameter 1" \(additionalFields.customParameters\[0\]\) must be 1 to 20 characters long; got 21/],
		[
			{ customParameters: { parameter: Array.from({ length: 11 }, (_, i) => ({ value: `p${i}` })) } },
			/"Custom Parameters" \(additionalFields.customParameters\) allows at most 10 values; got 11/,
		],
	])('refuses %o before sending', async (additionalFields, message) => {
		const { error } = await run(open({ additionalFields }));
		expect(error?.message).toMatch(/^Item 0: /);
		expect(error?.message).toMatch(message);
		expect(live.sandbox.requests).toHaveLength(0);
	});

	test('a customer with a room in progress: -704, unless Force New Room', async () => {
		const first = await run(open());
		expect(first.error).toBeUndefined();
		const again = await run(open());
		expect(again.error?.message).toBe('HappyTalk refused the request: -704 IngRoom');
		const forced = await run(open({ additionalFields: { forceNewRoom: true } }));
		expect(forced.error).toBeUndefined();
		expect(forced.items[0].json.room_id).not.toBe(first.items[0].json.room_id);
	});

	test.each([-900, -901, -902, -903, -904])(
		'counseling unavailable (%i) is a normal item with the reason and the notice',
		async (code) => {
			live.sandbox.setCounseling(code);
			const { items, error } = await run(open());
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				opened: false,
				code,
				message: 'Consulting',
				room_id: 0,
				reason: expect.any(String),
				notice: expect.stringMatching(/\S/),
			});
			expect(items[0].json.notice).toBe(items[0].json.content);
		},
	);

	test('…or an error, with the option', async () => {
		live.sandbox.setCounseling(-901);
		const { error } = await run(open({ options: { unavailableAsError: true } }));
		expect(error?.message).toBe('HappyTalk refused the request: -901 Consulting');
		expect(error?.description).toMatch(/Outside working hours/);
	});
});

describe('Room → End, and the room state it leaves', () => {
	test('open → send → end → send again: -700', async () => {
		const opened = await run(open());
		const roomId = String(opened.items[0].json.room_id);
		expect((await run(send(roomId))).error).toBeUndefined();
		const ended = await run(end({ roomId, additionalFields: { endType: 1 } }));
		expect(ended.error).toBeUndefined();
		expect(ended.items[0].json).toEqual({ ended: true, uuid: 'customer_01', roomId, code: 0, message: '' });
		expect(calls('/v1/chat/end')[0].body).toEqual({ uuid: 'customer_01', room_id: roomId, end_type: 1 });

		const late = await run(send(roomId));
		expect(late.error?.message).toBe('HappyTalk refused the request: -700 EndRoom');
		const twice = await run(end({ roomId }));
		expect(twice.error?.message).toBe('HappyTalk refused the request: -700 EndRoom');
	});

	test('no such room: -702; the room of another customer: -703', async () => {
		expect((await run(end({ roomId: '999999' }))).error?.message).toBe('HappyTalk refused the request: -702 NotRoom');
		expect((await run(send('999999'))).error?.message).toBe('HappyTalk refused the request: -702 NotRoom');
		const opened = await run(open({ uuid: 'customer_02' }));
		const roomId = String(opened.items[0].json.room_id);
		expect((await run(end({ roomId }))).error?.message).toBe('HappyTalk refused the request: -703 UUID');
		expect((await run(send(roomId))).error?.message).toBe('HappyTalk refused the request: -703 UUID');
	});

	test('end_type is optional; the room id is validated', async () => {
		const opened = await run(open());
		const roomId = String(opened.items[0].json.room_id);
		await run(end({ roomId }));
		expect(calls('/v1/chat/end')[0].body).toEqual({ uuid: 'customer_01', room_id: roomId });
		const bad = await run(end({ roomId: '9'.repeat(31) }));
		expect(bad.error?.message).toMatch(/"Room ID" \(roomId\) must be 1 to 30 characters long; got 31/);
	});
});

describe('Counselor → Check Previous', () => {
	test('exists and available, in plain fields', async () => {
		live.sandbox.setCounselor({ counselor: 'exist', counselor_code: 1, counselor_name: '김상담' });
		const { items } = await run(checkPrevious());
		expect(calls('/v1/chat/isCounselor').map((request) => request.body)).toEqual([
			{ uuid: 'customer_01', customer_id: 'C-0001' },
		]);
		expect(items[0].json).toEqual({
			uuid: 'customer_01',
			customerId: 'C-0001',
			previousCounselorExists: true,
			previousCounselorAvailable: true,
			previousCounselorName: '김상담',
			code: 0,
			counselor: 'exist',
			counselor_code: 1,
			counselor_name: '김상담',
		});
	});

	test('exists but busy; does not exist', async () => {
		live.sandbox.setCounselor({ counselor: 'exist', counselor_code: 0, counselor_name: '이상담' });
		expect((await run(checkPrevious())).items[0].json).toMatchObject({
			previousCounselorExists: true,
			previousCounselorAvailable: false,
		});
		live.sandbox.setCounselor({ counselor: 'not exist', counselor_code: 0, counselor_name: '' });
		expect((await run(checkPrevious())).items[0].json).toMatchObject({
			previousCounselorExists: false,
			previousCounselorAvailable: false,
			previousCounselorName: '',
		});
	});

	test('the company customer id is validated', async () => {
		const { error } = await run(checkPrevious({ customerId: 'c'.repeat(21) }));
		expect(error?.message).toMatch(/"Company Customer ID" \(customerId\) must be 1 to 20 characters long; got 21/);
		expect(live.sandbox.requests).toHaveLength(0);
	});
});

describe("HappyTalk's fail codes, per operation", () => {
	const cases: Array<[string, INodeParameters, number]> = [
		...[-400, -500, -600, -701, -704, -800, -801, -802].map((code): [string, INodeParameters, number] => ['open', open(), code]),
		...[-400, -500, -600, -700, -702, -703, -800, -801, -802].map((code): [string, INodeParameters, number] => ['end', end(), code]),
		...[-400, -500, -600, -800, -801, -802].map((code): [string, INodeParameters, number] => ['checkPrevious', checkPrevious(), code]),
	];

	test.each(cases)('%s: %i is an error with its explanation', async (_operation, parameters, code) => {
		live.sandbox.injectFault({ failCode: code });
		const { error } = await run(parameters);
		expect(error?.message).toMatch(new RegExp(`^HappyTalk refused the request: ${code} \\S+`));
		expect(error?.description).toMatch(/\S\. \S/);
	});
});

test('the Client Secret appears in no output and no error', () => {
	expect(runs.length).toBeGreaterThan(20);
	for (const result of runs) {
		expect(deepText({ items: result.items, error: result.error, run: result.run.data })).not.toContain(SECRET);
	}
});
