/** The sandbox's switches for the customer API's open points refuse what would silently do nothing. */
import { startSandbox, type Sandbox } from '../support/sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ historyRooms: 0 });
});
afterAll(() => sandbox.close());

test.each([
	[{ pagecap: 20 }, /unknown key pagecap/],
	[{ pageCap: 0 }, /pageCap must be a whole number of at least 1, or null/],
	[{ maxSpanDays: 1.5 }, /maxSpanDays must be a whole number of at least 1/],
	[{ totalCount: 'none' }, /totalCount must be one of exact, absent, low, high, page/],
	[{ ignorePage: 'yes' }, /ignorePage must be true, false or 'silently'/],
	[{ sitePrefix: 'no' }, /sitePrefix must be true or false/],
	[{ edate: 'open' }, /edate must be one of inclusive, exclusive/],
	[{ customerSearchCap: 0 }, /customerSearchCap must be a whole number of at least 1, or null/],
])('%j is refused, and changes nothing', (readings, message) => {
	expect(() => sandbox.setHistoryReadings(readings as never)).toThrow(message);
	expect(sandbox.setHistoryReadings({}).readings).toMatchObject({ pageCap: null, maxSpanDays: 31, totalCount: 'exact', ignorePage: false, sitePrefix: true, edate: 'inclusive', customerSearchCap: null });
});

test('the control API sets readings, and reset() restores the start ones', async () => {
	const answer = await fetch(`${sandbox.url}/__sandbox/history/readings`, { method: 'POST', body: JSON.stringify({ pageCap: 20, maxSpanDays: 1 }) });
	expect(await answer.json()).toMatchObject({ ok: true, readings: { pageCap: 20, maxSpanDays: 1, totalCount: 'exact' } });
	const refused = await fetch(`${sandbox.url}/__sandbox/history/readings`, { method: 'POST', body: JSON.stringify({ maxSpanDays: 0 }) });
	expect(refused.status).toBe(400);
	sandbox.reset();
	expect(sandbox.setHistoryReadings({}).readings).toMatchObject({ pageCap: null, maxSpanDays: 31 });
});

test("edate 'exclusive' stops the range where edate starts: sdate = edate selects nothing, and the span is edate − sdate days", async () => {
	sandbox.reset();
	sandbox.clearHistory();
	sandbox.addHistoryRooms([
		{ id: 'DAY-20', uuid: 'member42', reg_date: '2026-11-20 10:00:00' },
		{ id: 'DAY-21', uuid: 'member42', reg_date: '2026-11-21 10:00:00' },
	]);
	const list = async (sdate: string, edate: string) => {
		const answer = await fetch(`${sandbox.url}/user/api/chat_room_lists/format/json`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ token: sandbox.companyToken, sdate, edate, limit: 50 }),
		});
		const body = (await answer.json()) as { code?: number; data?: { chat_list: Array<{ id: string }> } };
		return body.code ?? body.data?.chat_list.map((room) => room.id).sort();
	};
	expect(await list('2026-11-20', '2026-11-21')).toEqual(['DAY-20', 'DAY-21']);
	expect(await list('2026-11-20', '2026-11-20')).toEqual(['DAY-20']);
	sandbox.setHistoryReadings({ edate: 'exclusive', maxSpanDays: 1 });
	expect(await list('2026-11-20', '2026-11-21')).toEqual(['DAY-20']);
	expect(await list('2026-11-20', '2026-11-20')).toEqual([]);
	expect(await list('2026-11-20', '2026-11-22')).toBe(-504);
	sandbox.reset();
});
