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
])('%j is refused, and changes nothing', (readings, message) => {
	expect(() => sandbox.setHistoryReadings(readings as never)).toThrow(message);
	expect(sandbox.setHistoryReadings({}).readings).toMatchObject({ pageCap: null, maxSpanDays: 31, totalCount: 'exact', ignorePage: false, sitePrefix: true });
});

test('the control API sets readings, and reset() restores the start ones', async () => {
	const answer = await fetch(`${sandbox.url}/__sandbox/history/readings`, { method: 'POST', body: JSON.stringify({ pageCap: 20, maxSpanDays: 1 }) });
	expect(await answer.json()).toMatchObject({ ok: true, readings: { pageCap: 20, maxSpanDays: 1, totalCount: 'exact' } });
	const refused = await fetch(`${sandbox.url}/__sandbox/history/readings`, { method: 'POST', body: JSON.stringify({ maxSpanDays: 0 }) });
	expect(refused.status).toBe(400);
	sandbox.reset();
	expect(sandbox.setHistoryReadings({}).readings).toMatchObject({ pageCap: null, maxSpanDays: 31 });
});
