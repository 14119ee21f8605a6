/**
 * Generated inputs, through real HTTP against the sandbox: the room-list walk under random page
 * caps, insertions while paging, total_count absent or wrong and page ignored; -504 with random
 * maximum spans; identifiers reaching HappyTalk unchanged in both APIs; dates.
 */
import { fc, test } from '@fast-check/jest';

import type { SandboxRecord } from '../support/sandbox';
import { checkPrevious, end, send } from './operationParameters';
import {
	customerRooms,
	getManyRooms,
	getRoom,
	roomIds,
	roomsOn,
	ROOM_BY_ID,
	ROOM_LIST,
	ROOMS_BY_UUID,
	SET_USER_INFO,
	updateCustomer,
	useCustomerEngine,
} from './customerEngine';

const { live, calls, runCustomer, runBiz } = useCustomerEngine();
const DAY = '2026-11-20';
const PAGE = 50;

const walkCase = fc.record({
	rooms: fc.integer({ min: 0, max: 160 }),
	pageCap: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
	ignorePage: fc.constantFrom(false, true, 'silently' as const),
	totalCount: fc.constantFrom('exact' as const, 'absent' as const, 'low' as const, 'high' as const, 'page' as const),
	numbersAsStrings: fc.boolean(),
	// Rooms that arrive after the n-th request, newer than all others.
	insertions: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }),
	limit: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
	newestFirst: fc.boolean(),
});

describe('the room-list walk', () => {
	test.prop([walkCase], { numRuns: 40 })(
		'ends, returns no room twice, and misses none that was there unless HappyTalk ignores page',
		async ({ rooms, pageCap, ignorePage, totalCount, numbersAsStrings, insertions, limit, newestFirst }) => {
			live.sandbox.reset();
			live.sandbox.clearHistory();
			const before = live.sandbox.addHistoryRooms(roomsOn(DAY, rooms, 'member42', 8 * 60)).ids;
			live.sandbox.setHistoryReadings({ pageCap, ignorePage, totalCount, numbersAsStrings });
			const asked = limit === undefined ? PAGE : Math.min(PAGE, limit);
			const perPage = Math.min(asked, pageCap ?? PAGE);
			let answered = 0;
			let inserted = 0;
			// Fewer new rooms than a page between two pages: more would push a whole page back.
			const insert = (record: SandboxRecord) => {
				if (record.path !== ROOM_LIST) return;
				const count = Math.min(insertions[answered++] ?? 0, perPage - 1);
				live.sandbox.addHistoryRooms(roomsOn(DAY, count, 'member77', 20 * 60 + inserted));
				inserted += count;
			};
			live.sandbox.on('request', insert);
			const result = await runCustomer(
				getManyRooms({
					returnAll: limit === undefined,
					...(limit === undefined ? {} : { limit }),
					filters: { startDate: DAY, endDate: DAY, sortOrder: newestFirst ? 'desc' : 'asc' },
				}),
			).finally(() => live.sandbox.off('request', insert));
			expect(result.error).toBeUndefined();
			const ids = roomIds(result);
			expect(new Set(ids).size).toBe(ids.length);
			const existing = new Set(live.sandbox.historyRooms().map((room) => room.id));
			expect(ids.every((id) => existing.has(id))).toBe(true);
			if (limit !== undefined) expect(ids.length).toBeLessThanOrEqual(limit);
			const wanted = limit === undefined ? before.length : Math.min(limit, before.length);
			if (ignorePage) {
				// Only the first page can be had: what was on it, and what arrived on top of it since.
				expect(ids.length).toBeLessThanOrEqual(Math.min(perPage + inserted, limit ?? Infinity));
				expect(calls(ROOM_LIST).length).toBeLessThanOrEqual(insertions.length + 2);
			} else {
				if (limit === undefined) expect(before.every((id) => ids.includes(id))).toBe(true);
				else expect(ids.length).toBeGreaterThanOrEqual(wanted);
				// No more pages than the rooms could fill, plus the one that shows the end.
				expect(calls(ROOM_LIST).length).toBeLessThanOrEqual(Math.ceil((rooms + inserted) / perPage) + 1);
			}
		},
	);

	test.prop(
		[
			fc.record({
				days: fc.integer({ min: 1, max: 20 }),
				maxSpanDays: fc.integer({ min: 1, max: 31 }),
				perDay: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 20, maxLength: 20 }),
				pageCap: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
			}),
		],
		{ numRuns: 15 },
	)('-504 overDate at any maximum span: every room of the range once, newest first', async ({ days, maxSpanDays, perDay, pageCap }) => {
		live.sandbox.reset();
		live.sandbox.clearHistory();
		const dayOf = (i: number) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
		const ids = Array.from({ length: days }, (_, i) => live.sandbox.addHistoryRooms(roomsOn(dayOf(i), perDay[i])).ids).flat();
		live.sandbox.setHistoryReadings({ maxSpanDays, pageCap });
		const result = await runCustomer(getManyRooms({ filters: { startDate: dayOf(0), endDate: dayOf(days - 1) } }));
		expect(result.error).toBeUndefined();
		expect(roomIds(result)).toHaveLength(ids.length);
		expect(new Set(roomIds(result))).toEqual(new Set(ids));
		const opened = result.items.map((item) => String(item.json.reg_date));
		expect([...opened].sort().reverse()).toEqual(opened);
	});
});

const uuid = fc.stringMatching(/^[A-Za-z0-9_]{5,20}$/);
// Any printable text without spaces at its ends (the node trims those: a form's stray blanks).
const roomId = fc.stringMatching(/^[!-~](?:[ -~]{0,28}[!-~])?$/);
// From the input item, as workflows pass them (a literal parameter starting with = would be an expression).
const ids = { uuid: '={{ $json.uuid }}', roomId: '={{ $json.roomId }}' };
const bodyOf = (records: SandboxRecord[]) => {
	expect(records).toHaveLength(1);
	return records[0].body ?? {};
};

describe('identifiers reach HappyTalk exactly as given', () => {
	test.prop([uuid, roomId, fc.boolean()], { numRuns: 25 })(
		'customer API: Get Customer Rooms, Get Room and Customer → Update; the output uuid is the one given',
		async (givenUuid, givenRoomId, sitePrefix) => {
			live.sandbox.reset();
			live.sandbox.setHistoryReadings({ sitePrefix });
			live.sandbox.addHistoryRooms([{ id: givenRoomId, uuid: givenUuid, reg_date: `${DAY} 10:00:00` }]);
			const item = [{ uuid: givenUuid, roomId: givenRoomId }];
			const found = await runCustomer(customerRooms(ids.uuid, { filters: { startDate: DAY, endDate: DAY } }), item);
			expect(bodyOf(calls(ROOMS_BY_UUID)).uuid).toBe(givenUuid);
			expect(found.items.map((output) => [output.json.uuid, output.json.roomId])).toEqual([[givenUuid, givenRoomId]]);
			const room = await runCustomer(getRoom(ids.roomId), item);
			expect(bodyOf(calls(ROOM_BY_ID)).room_id).toBe(givenRoomId);
			// One room alone cannot show whether its leading digits and _ are a site number: when
			// HappyTalk writes none, a uuid such as 2024_lee77 loses them here (documented).
			if (sitePrefix || !/^\d+_/.test(givenUuid)) expect(room.items[0].json.uuid).toBe(givenUuid);
			const updated = await runCustomer(updateCustomer(ids.uuid, ids.roomId, { updateFields: { name: '홍길동' } }), item);
			expect(bodyOf(calls(SET_USER_INFO))).toMatchObject({ uuid: givenUuid, room_id: givenRoomId });
			expect(updated.items[0].json).toMatchObject({ updated: true, uuid: givenUuid, roomId: givenRoomId });
		},
	);

	test.prop([uuid, roomId], { numRuns: 20 })('Biz API: Message → Send, Room → End, Counselor → Check Previous', async (givenUuid, givenRoomId) => {
		live.sandbox.reset();
		const item = [{ uuid: givenUuid, roomId: givenRoomId }];
		await runBiz(send(ids.roomId, { uuid: ids.uuid }), item, true);
		await runBiz(end(ids), item, true);
		await runBiz(checkPrevious({ uuid: ids.uuid }), item, true);
		expect(bodyOf(calls('/v1/chat/write'))).toMatchObject({ uuid: givenUuid, room_id: givenRoomId });
		expect(bodyOf(calls('/v1/chat/end'))).toMatchObject({ uuid: givenUuid, room_id: givenRoomId });
		expect(bodyOf(calls('/v1/chat/isCounselor')).uuid).toBe(givenUuid);
	});

	test.prop([fc.uniqueArray(uuid, { minLength: 1, maxLength: 8 }), fc.boolean()], { numRuns: 20 })(
		"Get Many Rooms: each room's uuid is its customer's, with HappyTalk's site number taken off and nothing more",
		async (uuids, sitePrefix) => {
			const heads = new Set(uuids.map((value) => /^(\d+)_/.exec(value)?.[1]));
			// Without a site number in customer_uuid, rooms that all start with the same digits and _
			// cannot be told from rooms that carry one (documented): that case is left out here.
			fc.pre(sitePrefix || heads.size > 1 || heads.has(undefined));
			live.sandbox.reset();
			live.sandbox.clearHistory();
			live.sandbox.setHistoryReadings({ sitePrefix });
			uuids.forEach((value, i) => live.sandbox.addHistoryRooms(roomsOn(DAY, 1, value, i)));
			const result = await runCustomer(getManyRooms({ filters: { startDate: DAY, endDate: DAY, sortOrder: 'asc' } }));
			expect(result.items.map((item) => item.json.uuid)).toEqual(uuids);
		},
	);
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const realDay = fc
	.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
	.map((date) => date.toISOString().slice(0, 10));
const impossibleDay = fc.oneof(
	// A day past the month's end.
	fc.record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 3 }) }).chain(({ year, month, extra }) => {
		const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
		return last + extra > 31 ? fc.constant(`${year}-${pad(month)}-00`) : fc.constant(`${year}-${pad(month)}-${pad(last + extra)}`);
	}),
	// A month that does not exist.
	fc.tuple(fc.integer({ min: 1900, max: 2099 }), fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), fc.integer({ min: 1, max: 28 })).map(
		([year, month, day]) => `${year}-${pad(month)}-${pad(day)}`,
	),
);

describe('dates', () => {
	test.prop([realDay, fc.constantFrom('', 'T00:00:00', 'T23:59:59')], { numRuns: 40 })('every real date is accepted and sent as that day', async (day, time) => {
		live.sandbox.reset();
		const result = await runCustomer(getManyRooms({ filters: { startDate: `${day}${time}`, endDate: `${day}${time}` } }));
		expect(result.error).toBeUndefined();
		// edate is the day after: HappyTalk may leave it out of the range (docs/decisions.md).
		const dayAfter = new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
		// The first request (a day of the seeded history may bring the one for the day after alone).
		expect(calls(ROOM_LIST)[0].body).toMatchObject({ sdate: day, edate: dayAfter });
	});

	test.prop([impossibleDay, fc.constantFrom('', 'T10:00:00')], { numRuns: 60 })(
		'every impossible date is refused before any request, naming item, field and value',
		async (day, time) => {
			live.sandbox.reset();
			const value = `${day}${time}`;
			const notInCalendar = `must be a real date; got ${value}, which is not in the calendar`;
			const list = await runCustomer(getManyRooms({ filters: { startDate: value } }));
			expect(list.error?.message).toBe(`Item 0: "Start Date" (filters.startDate) ${notInCalendar}`);
			const search = await runCustomer(customerRooms('member42', { filters: { startDate: '2026-01-01', endDate: value } }), [{}, {}], true);
			expect(search.items.map((item) => item.json.error)).toEqual([0, 1].map((i) => `Item ${i}: "End Date" (filters.endDate) ${notInCalendar}`));
			const update = await runCustomer(updateCustomer('member42', '100001', { updateFields: { birthday: value } }));
			expect(update.error?.message).toBe(`Item 0: "Birthday" (updateFields.birthday) ${notInCalendar}`);
			expect(live.sandbox.requests).toHaveLength(0);
		},
	);
});
