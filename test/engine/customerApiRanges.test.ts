/**
 * Generated ranges and rooms, through real HTTP against the sandbox, under every reading of the
 * date range the spec leaves open: `edate` in or out of the range, the range selecting by
 * `reg_date` or `complate_date`, any maximum span, capped pages; and the customer searches capping
 * their answers (customer-api.md, "What the documents leave open").
 */
import { fc, test } from '@fast-check/jest';

import type { HistoryRoomSpec } from '../support/sandbox';
import type { NodeRun } from './harness';
import { customerRooms, getManyRooms, roomIds, useCustomerEngine } from './customerEngine';

const { live, runCustomer } = useCustomerEngine();
const FIRST_DAY = Date.UTC(2026, 9, 1);
const MINUTE = 60000;
const DAY_MINUTES = 1440;
const SPAN_DAYS = 40;

const dayOf = (index: number) => new Date(FIRST_DAY + index * DAY_MINUTES * MINUTE).toISOString().slice(0, 10);
/** Korea wall-clock time, `minutes` after 00:00 of the first day. */
const wallClock = (minutes: number) => new Date(FIRST_DAY + minutes * MINUTE).toISOString().slice(0, 19).replace('T', ' ');

const room = fc.record({
	openedAt: fc.integer({ min: 0, max: SPAN_DAYS * DAY_MINUTES - 1 }),
	// null: still open (no complate_date).
	openFor: fc.option(fc.integer({ min: 0, max: 3 * DAY_MINUTES }), { nil: null, freq: 6 }),
});
type Room = { openedAt: number; openFor: number | null };

const asSpec = ({ openedAt, openFor }: Room, uuid = 'member42'): HistoryRoomSpec => ({
	uuid,
	reg_date: wallClock(openedAt),
	...(openFor === null ? { status: '1' } : { complate_date: wallClock(openedAt + openFor), status: '2' }),
});

const readings = fc.record({
	edate: fc.constantFrom('inclusive' as const, 'exclusive' as const),
	rangeBy: fc.constantFrom('sortKey' as const, 'reg_date' as const, 'complate_date' as const),
	maxSpanDays: fc.integer({ min: 1, max: 31 }),
});
const range = fc
	.tuple(fc.integer({ min: 0, max: SPAN_DAYS - 1 }), fc.integer({ min: 0, max: SPAN_DAYS - 1 }))
	.map(([a, b]) => ({ startDate: dayOf(Math.min(a, b)), endDate: dayOf(Math.max(a, b)) }));
const order = fc.record({
	sortBy: fc.constantFrom('reg_date' as const, 'complate_date' as const),
	sortOrder: fc.constantFrom('desc' as const, 'asc' as const),
});

/** The date HappyTalk's range selects by, under the reading. */
const rangeKey = (rangeBy: string, sortBy: string) => (rangeBy === 'sortKey' ? sortBy : rangeBy) as 'reg_date' | 'complate_date';

/** What the user asked for: the added rooms whose date (the reading's) is a day of the range. */
function wanted(specs: HistoryRoomSpec[], ids: string[], key: 'reg_date' | 'complate_date', { startDate, endDate }: { startDate: string; endDate: string }) {
	return ids.filter((_, i) => {
		const day = specs[i][key]?.slice(0, 10);
		return day !== undefined && day >= startDate && day <= endDate;
	});
}

const hintsOf = (result: NodeRun) => result.run.data.resultData.runData.HappyTalk?.[0]?.hints ?? [];

describe('date ranges under every reading', () => {
	test.prop([fc.array(room, { maxLength: 60 }), readings, range, order, fc.option(fc.integer({ min: 1, max: 20 }), { nil: null })], { numRuns: 30 })(
		'Get Many Rooms returns every room of the range once, none outside it, in order where the range selects by the sort date',
		async (rooms, reading, dates, { sortBy, sortOrder }, pageCap) => {
			live.sandbox.reset();
			live.sandbox.clearHistory();
			const specs = rooms.map((entry) => asSpec(entry));
			const { ids } = live.sandbox.addHistoryRooms(specs);
			live.sandbox.setHistoryReadings({ ...reading, pageCap });
			const result = await runCustomer(getManyRooms({ filters: { ...dates, sortBy, sortOrder } }));
			expect(result.error).toBeUndefined();
			const key = rangeKey(reading.rangeBy, sortBy);
			const got = roomIds(result);
			expect(got).toHaveLength(new Set(got).size);
			expect([...got].sort()).toEqual(wanted(specs, ids, key, dates).sort());
			if (key === sortBy) {
				const dates = result.items.map((item) => String(item.json[sortBy]));
				const sorted = [...dates].sort();
				expect(dates).toEqual(sortOrder === 'asc' ? sorted : sorted.reverse());
			}
		},
	);

	test.prop([fc.array(room, { minLength: 1, maxLength: 30 }), fc.array(room, { maxLength: 10 }), readings, range, order], { numRuns: 20 })(
		"Get Customer Rooms by UUID returns the customer's rooms of the range once, none outside it",
		async (mine, others, reading, dates, { sortBy, sortOrder }) => {
			live.sandbox.reset();
			live.sandbox.clearHistory();
			const specs = mine.map((entry) => asSpec(entry));
			const { ids } = live.sandbox.addHistoryRooms(specs);
			live.sandbox.addHistoryRooms(others.map((entry) => asSpec(entry, 'member77')));
			live.sandbox.setHistoryReadings(reading);
			const result = await runCustomer(customerRooms('member42', { filters: { ...dates, sortBy, sortOrder } }));
			expect(result.error).toBeUndefined();
			const got = roomIds(result);
			expect(got).toHaveLength(new Set(got).size);
			expect([...got].sort()).toEqual(wanted(specs, ids, rangeKey(reading.rangeBy, sortBy), dates).sort());
		},
	);
});

describe('customer searches that cap their answers', () => {
	const perDay = fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 10, maxLength: 10 });
	test.prop(
		[perDay, readings, fc.option(fc.integer({ min: 10, max: 30 }), { nil: null }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })],
		{ numRuns: 25 },
	)(
		'the UUID search misses no room unless a day alone holds as many as the cap, and then says so',
		async (counts, reading, customerSearchCap, a, b) => {
			live.sandbox.reset();
			live.sandbox.clearHistory();
			const specs = counts.flatMap((count, day) =>
				Array.from({ length: count }, (_, i) => asSpec({ openedAt: day * DAY_MINUTES + 60 + i * 37, openFor: 30 })),
			);
			const { ids } = live.sandbox.addHistoryRooms(specs);
			live.sandbox.setHistoryReadings({ ...reading, customerSearchCap });
			const dates = { startDate: dayOf(Math.min(a, b)), endDate: dayOf(Math.max(a, b)) };
			const result = await runCustomer(customerRooms('member42', { filters: dates }));
			expect(result.error).toBeUndefined();
			const got = roomIds(result);
			const all = wanted(specs, ids, 'reg_date', dates);
			expect(got).toHaveLength(new Set(got).size);
			expect(got.every((id) => all.includes(id))).toBe(true);
			// Rooms open 30 minutes from 01:00: opened and completed the same day.
			const fullDay = customerSearchCap !== null && counts.some((count) => count >= customerSearchCap);
			if (!fullDay) expect([...got].sort()).toEqual([...all].sort());
			if (got.length < all.length) expect(hintsOf(result).map((hint) => hint.message).join()).toMatch(/may be more/);
			// An answer is taken as possibly cut from 10 rooms on (CUSTOMER_SEARCH_CUT_AT).
			if (counts.every((count) => count < 10)) expect(hintsOf(result)).toEqual([]);
		},
	);

	test.prop([fc.integer({ min: 1, max: 40 }), fc.option(fc.integer({ min: 10, max: 30 }), { nil: null })], { numRuns: 10 })(
		'the customer-ID search, which takes no dates, says when its answer may be cut',
		async (count, customerSearchCap) => {
			live.sandbox.reset();
			live.sandbox.clearHistory();
			live.sandbox.addHistoryRooms(Array.from({ length: count }, (_, i) => ({ ...asSpec({ openedAt: i * 97, openFor: 5 }), users_id: 'user-member42' })));
			live.sandbox.setHistoryReadings({ customerSearchCap });
			const result = await runCustomer(customerRooms('', { searchBy: 'customerId', customerId: 'user-member42' }));
			const returned = result.items.length;
			expect(returned).toBe(Math.min(count, customerSearchCap ?? Infinity));
			expect(hintsOf(result).length > 0).toBe(returned >= 10);
		},
	);
});
