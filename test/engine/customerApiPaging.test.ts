/**
 * The room list and the UUID search under every reading of the spec's open points that the
 * sandbox can be switched to (sandbox/historyReadings.js): pages capped below what was asked,
 * `page` ignored, `total_count` absent or wrong, numbers as strings, a shorter maximum span.
 */
import { customerRooms, getManyRooms, roomIds, roomsOn, ROOM_LIST, ROOMS_BY_UUID, useCustomerEngine } from './customerEngine';

const { live, calls, runCustomer } = useCustomerEngine();
const day = '2026-11-20';
const oneDay = { filters: { startDate: day, endDate: day } };

function seed(count: number) {
	live.sandbox.clearHistory();
	return live.sandbox.addHistoryRooms(roomsOn(day, count)).ids;
}

describe('Get Many Rooms: paging that ends, each room once, none missed', () => {
	test('HappyTalk caps pages at 20 where 50 were asked (and says limit: 20): Return All over 137 rooms returns 137', async () => {
		const ids = seed(137);
		live.sandbox.setHistoryReadings({ pageCap: 20 });
		const result = await runCustomer(getManyRooms(oneDay));
		expect(result.error).toBeUndefined();
		expect(new Set(roomIds(result))).toEqual(new Set(ids));
		expect(roomIds(result)).toHaveLength(137);
		expect(calls(ROOM_LIST).map((request) => request.body?.page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(calls(ROOM_LIST).every((request) => request.body?.limit === 50)).toBe(true);
	});

	test.each([
		['without total_count', { totalCount: 'absent' as const }],
		['with a total_count too low', { totalCount: 'low' as const }],
		['with a total_count too high', { totalCount: 'high' as const }],
		["with a total_count of the page's rooms only", { totalCount: 'page' as const }],
		['with page, limit and total_count as strings', { numbersAsStrings: true }],
		['capped at 7, without total_count, as strings', { pageCap: 7, totalCount: 'absent' as const, numbersAsStrings: true }],
	])('%s: every room once', async (_, readings) => {
		const ids = seed(137);
		live.sandbox.setHistoryReadings(readings);
		const result = await runCustomer(getManyRooms(oneDay));
		expect(result.error).toBeUndefined();
		expect(roomIds(result).sort()).toEqual([...ids].sort());
	});

	test('HappyTalk ignores page and sends no total_count: the walk ends after the repeated page', async () => {
		seed(137);
		live.sandbox.setHistoryReadings({ ignorePage: true, totalCount: 'absent' });
		const result = await runCustomer(getManyRooms(oneDay));
		expect(result.error).toBeUndefined();
		expect(new Set(roomIds(result)).size).toBe(50);
		expect(roomIds(result)).toHaveLength(50);
		expect(calls(ROOM_LIST).length).toBeLessThanOrEqual(2);
	});

	test('a page that brings nothing new ends the walk, even where page and total_count say more', async () => {
		seed(120);
		// The answer names the page asked for, so it looks paged, but repeats page 1's rooms.
		live.sandbox.setHistoryReadings({ ignorePage: 'silently', totalCount: 'high' });
		const result = await runCustomer(getManyRooms(oneDay));
		expect(result.error).toBeUndefined();
		expect(roomIds(result)).toHaveLength(50);
		expect(calls(ROOM_LIST).map((request) => request.body?.page)).toEqual([1, 2]);
	});
});

describe('-504 overDate: the window shrinks down to one day and the walk goes on', () => {
	test.each([1, 2, 7])('HappyTalk accepts %i day(s) at a time: a 10-day Return All returns every room once, newest first', async (maxSpanDays) => {
		live.sandbox.clearHistory();
		const days = Array.from({ length: 10 }, (_, i) => `2026-11-${String(11 + i).padStart(2, '0')}`);
		const ids = days.flatMap((d) => live.sandbox.addHistoryRooms(roomsOn(d, 3)).ids);
		live.sandbox.setHistoryReadings({ maxSpanDays });
		const result = await runCustomer(getManyRooms({ filters: { startDate: days[0], endDate: days[9] } }));
		expect(result.error).toBeUndefined();
		expect(roomIds(result)).toHaveLength(30);
		expect(new Set(roomIds(result))).toEqual(new Set(ids));
		const opened = result.items.map((item) => String(item.json.reg_date));
		expect([...opened].sort().reverse()).toEqual(opened);
		// Every accepted window is within the span; each refused one was larger.
		for (const request of calls(ROOM_LIST)) {
			const span = (Date.parse(String(request.body?.edate)) - Date.parse(String(request.body?.sdate))) / 86400000 + 1;
			expect(request.code === -504 ? span > maxSpanDays : span <= maxSpanDays).toBe(true);
		}
	});

	test('the UUID search shrinks its windows too', async () => {
		live.sandbox.clearHistory();
		live.sandbox.addHistoryRooms([...roomsOn('2026-11-18', 2), ...roomsOn('2026-11-19', 2), ...roomsOn('2026-11-20', 2)]);
		live.sandbox.setHistoryReadings({ maxSpanDays: 1 });
		const result = await runCustomer(customerRooms('member42', { filters: { startDate: '2026-11-18', endDate: '2026-11-20' } }));
		expect(result.error).toBeUndefined();
		expect(new Set(roomIds(result)).size).toBe(6);
		expect(calls(ROOMS_BY_UUID).filter((request) => request.code === null).map((request) => request.body?.sdate)).toEqual(['2026-11-20', '2026-11-19', '2026-11-18']);
	});

	test('a single day refused is the error, and says so', async () => {
		live.sandbox.injectFault({ failCode: -504, message: 'overDate', times: Infinity, match: { path: ROOM_LIST } });
		const result = await runCustomer(getManyRooms({ filters: { startDate: '2026-11-18', endDate: '2026-11-20' } }));
		expect(result.error?.message).toBe('HappyTalk refused the request: -504 overDate');
		expect(result.error?.description).toMatch(/even a single day/);
		const spans = calls(ROOM_LIST).map((request) => [request.body?.sdate, request.body?.edate]);
		// Each window with the day after as edate; one day refused so is asked for as sdate = edate.
		expect(spans).toEqual([
			['2026-11-18', '2026-11-21'],
			['2026-11-19', '2026-11-21'],
			['2026-11-20', '2026-11-21'],
			['2026-11-20', '2026-11-20'],
		]);
	});
});
