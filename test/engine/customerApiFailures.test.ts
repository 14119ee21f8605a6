/**
 * Failures in classes, on both APIs: what cannot pass (a 404 page: a wrong host or path) fails at
 * once, in words; what can pass (502, a garbled body, 429, 503) is retried a few times, after
 * HappyTalk's Retry-After when it gives one. Retry-After values here are 0 or 1 s, and one far
 * beyond the node's ceiling, which must fail at once rather than hang.
 */
import { checkPrevious, send } from './operationParameters';
import { getManyRooms, getRoom, ROOM_BY_ID, ROOM_LIST, useCustomerEngine } from './customerEngine';

const { live, calls, runCustomer, runBiz } = useCustomerEngine();
const IS_COUNSELOR = '/v1/chat/isCounselor';
const WRITE = '/v1/chat/write';
const gapsBetween = (records: Array<{ receivedAt: number }>) => records.slice(1).map((record, i) => record.receivedAt - records[i].receivedAt);

describe('customer API', () => {
	test.each([404, 403, 401, 405])('an HTML %i page fails at once, in words, without a retry', async (status) => {
		live.sandbox.injectFault({ status, times: Infinity, match: { path: ROOM_LIST } });
		const result = await runCustomer(getManyRooms({ options: { retries: 3 } }));
		expect(result.error?.message).toMatch(new RegExp(`^HappyTalk answered HTTP ${status} with an HTML page instead of JSON: the server at the Base URL .+, so nothing reached HappyTalk$`));
		expect(result.error?.description).toMatch(/Not retried.*Base URL in the HappyTalk Customer API credential/);
		expect(calls(ROOM_LIST)).toHaveLength(1);
	});

	test.each([
		['HTTP 502 page', { status: 502 }],
		['garbled JSON', { malformed: 'truncated-json' as const }],
		['a plain-text body', { malformed: 'text' as const }],
		['an empty body', { malformed: 'empty' as const }],
	])('%s is retried, and the read then succeeds', async (_, fault) => {
		live.sandbox.injectFault({ ...fault, times: 2, match: { path: ROOM_LIST } });
		const result = await runCustomer(getManyRooms({ options: { retries: 2 } }));
		expect(result.error).toBeUndefined();
		expect(calls(ROOM_LIST)).toHaveLength(3);
	});

	test.each([429, 503])('HTTP %i with Retry-After: 1 is retried after at least one second', async (status) => {
		live.sandbox.injectFault({ status, headers: { 'Retry-After': '1' }, match: { path: ROOM_BY_ID } });
		const [roomId] = live.sandbox.addHistoryRooms([{ uuid: 'member42', reg_date: '2026-11-20 10:00:00' }]).ids;
		const result = await runCustomer(getRoom(roomId));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.roomId).toBe(roomId);
		const attempts = calls(ROOM_BY_ID);
		expect(attempts).toHaveLength(2);
		expect(gapsBetween(attempts)[0]).toBeGreaterThanOrEqual(1000);
	});

	test('a Retry-After longer than the node waits fails at once and says so', async () => {
		live.sandbox.injectFault({ status: 503, headers: { 'Retry-After': '3600' }, times: Infinity, match: { path: ROOM_LIST } });
		const started = Date.now();
		const result = await runCustomer(getManyRooms({ options: { retries: 3 } }));
		expect(Date.now() - started).toBeLessThan(5000);
		expect(calls(ROOM_LIST)).toHaveLength(1);
		expect(result.error?.description).toMatch(/asked to wait 3600 s before trying again \(Retry-After\), longer than the node waits \(at most 60 s\)/);
	});

	test('retries run out: the error counts the attempts', async () => {
		live.sandbox.injectFault({ status: 502, headers: { 'Retry-After': '0' }, times: Infinity, match: { path: ROOM_LIST } });
		const result = await runCustomer(getManyRooms({ options: { retries: 2 } }));
		expect(result.error?.message).toBe('HappyTalk answered HTTP 502 with an HTML page instead of JSON');
		expect(result.error?.description).toMatch(/\(3 attempts\)$/);
		expect(calls(ROOM_LIST)).toHaveLength(3);
	});
});

describe('Biz API', () => {
	test('an HTML 404 page fails a message at once: nothing was delivered, so nothing is resent or left in doubt', async () => {
		live.sandbox.injectFault({ status: 404, times: Infinity, match: { path: WRITE } });
		const result = await runBiz(send('100001', { options: { retries: 3, retryMaybeDelivered: true } }), [{}], true);
		expect(result.items[0].json).toMatchObject({
			error: expect.stringMatching(/^HappyTalk answered HTTP 404 with an HTML page instead of JSON \("404 Not Found"\): the server at the Base URL has nothing at this path/),
			mayHaveBeenDelivered: false,
		});
		expect(calls(WRITE)).toHaveLength(1);
	});

	test.each([429, 503])('HTTP %i with Retry-After: 1 is waited out, then the message is sent once', async (status) => {
		live.sandbox.injectFault({ status, headers: { 'Retry-After': '1' }, match: { path: WRITE } });
		const result = await runBiz(send('100001', { options: { retries: 2 } }));
		expect(result.error).toBeUndefined();
		const attempts = calls(WRITE);
		expect(attempts.map((record) => record.status)).toEqual([status, 200]);
		expect(gapsBetween(attempts)[0]).toBeGreaterThanOrEqual(1000);
		expect(live.sandbox.stats().delivered).toBe(1);
	});

	test('a 503 without Retry-After may have been half-handled: not resent without consent', async () => {
		live.sandbox.injectFault({ status: 503, match: { path: WRITE } });
		const result = await runBiz(send('100001', { options: { retries: 2 } }), [{}], true);
		expect(result.items[0].json).toMatchObject({ mayHaveBeenDelivered: true });
		expect(calls(WRITE)).toHaveLength(1);
	});

	test('a Retry-After beyond the ceiling fails at once and says so', async () => {
		live.sandbox.injectFault({ status: 429, headers: { 'Retry-After': '900' }, times: Infinity, match: { path: WRITE } });
		const result = await runBiz(send('100001', { options: { retries: 3 } }), [{}], true);
		expect(String(result.items[0].json.description)).toMatch(/asked to wait 900 s .*at most 60 s/);
		expect(calls(WRITE)).toHaveLength(1);
	});
});

describe('Counselor → Check Previous (Biz API)', () => {
	test.each([
		[1, true],
		['1', true],
		[0, false],
		['0', false],
	])('counselor_code %j reads as available: %s', async (code, available) => {
		live.sandbox.setCounselor({ counselor: 'exist', counselor_code: code, counselor_name: '김상담' });
		const result = await runBiz(checkPrevious());
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ previousCounselorExists: true, previousCounselorAvailable: available, counselor_code: code });
	});

	test.each([-1, '-1', 7])('counselor_code %j is an error, not "not available"', async (code) => {
		live.sandbox.setCounselor({ counselor: 'exist', counselor_code: code, counselor_name: '' });
		const result = await runBiz(checkPrevious(), [{}], true);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(String(code) === '-1' ? /counselor_code -1, which its documentation calls an error/ : /counselor_code 7, which its documentation does not list/);
		expect(result.items[0].json).not.toHaveProperty('previousCounselorAvailable');
	});

	test('a 502 with Retry-After: 1 is asked again after that wait', async () => {
		live.sandbox.injectFault({ status: 502, headers: { 'Retry-After': '1' }, match: { path: IS_COUNSELOR } });
		const result = await runBiz(checkPrevious({ options: { retries: 1 } }));
		expect(result.error).toBeUndefined();
		expect(gapsBetween(calls(IS_COUNSELOR))[0]).toBeGreaterThanOrEqual(1000);
	});

	test('a question is asked again after a garbled answer, without "Retry Even When It May Have Been Delivered"', async () => {
		live.sandbox.injectFault({ malformed: 'truncated-json', match: { path: IS_COUNSELOR } });
		live.sandbox.injectFault({ status: 502, match: { path: IS_COUNSELOR } });
		const result = await runBiz(checkPrevious({ options: { retries: 2 } }));
		expect(result.error).toBeUndefined();
		expect(calls(IS_COUNSELOR)).toHaveLength(3);
	});
});
