/**
 * Service Usage History → Get Many through n8n's engine against the sandbox's service usage log:
 * one request per Korean day, each under 24 hours and within one calendar day, every entry in the
 * range once, newest first, under both readings of HappyTalk's "one day" and on both endpoints.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { fc, test as propertyTest } from '@fast-check/jest';
import type { INodeParameters } from 'n8n-workflow';

import { COMPANY_TOKEN, deepText, startSandbox, type Sandbox, type ServiceHistoryEntrySpec } from '../support/sandbox';
import { loadEngine, recordingRunner, shutdownEngine, type Engine } from './harness';

const MBI_PATH = '/user/api/service_history/format/json';
const DC_PATH = '/user/api/service-history';
const DAY_MS = 86400000;

let sandbox: Sandbox;
let engine: Engine;
const { run, runs } = recordingRunner(() => engine);

const getMany = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'serviceHistory',
	operation: 'getMany',
	format: 'raw',
	returnAll: true,
	options: {},
	...overrides,
});
const requestsTo = (path: string) => sandbox.requests.filter((request) => request.path === path);
/** Korea time, as HappyTalk writes it, for an instant. */
const kst = (ms: number) => new Date(ms + 9 * 3600000).toISOString().slice(0, 19).replace('T', ' ');
const kstMs = (text: string) => Date.parse(`${text.replace(' ', 'T')}+09:00`);

beforeAll(async () => {
	sandbox = await startSandbox({ historyRooms: 0 });
	engine = await loadEngine({ companyToken: sandbox.companyToken, environment: 'custom', baseUrl: sandbox.url }, 'happyTalkCustomerApi');
});

beforeEach(() => {
	sandbox.reset();
	sandbox.clearServiceHistory();
});

afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
	// The company token never reaches an item or an error.
	expect(deepText(runs)).not.toContain(COMPANY_TOKEN);
});

describe('windows', () => {
	test('three days and a bit: one request per Korean day, newest first, each within one day; every entry once', async () => {
		const entries: ServiceHistoryEntrySpec[] = [
			'2026-11-27 23:00:00', // before the range
			'2026-11-28 06:30:00', // the range's first second
			'2026-11-28 23:59:59', // a day's last second
			'2026-11-29 00:00:00', // the next day's first
			'2026-11-30 12:00:00',
			'2026-12-01 08:15:00', // the range's last second
			'2026-12-01 08:15:01', // after the range
		].map((request_date) => ({ request_date }));
		sandbox.addServiceHistory(entries);

		const { items, error } = await run(getMany({ start: '2026-11-28T06:30:00', end: '2026-12-01T08:15:00' }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.request_date)).toEqual([
			'2026-12-01 08:15:00',
			'2026-11-30 12:00:00',
			'2026-11-29 00:00:00',
			'2026-11-28 23:59:59',
			'2026-11-28 06:30:00',
		]);
		expect(requestsTo(MBI_PATH).map((request) => [request.body?.start_date, request.body?.end_date])).toEqual([
			['2026-12-01 00:00:00', '2026-12-01 08:15:00'],
			['2026-11-30 00:00:00', '2026-11-30 23:59:59'],
			['2026-11-29 00:00:00', '2026-11-29 23:59:59'],
			['2026-11-28 06:30:00', '2026-11-28 23:59:59'],
		]);
		expect(requestsTo(MBI_PATH).every((request) => request.body?.format === 'raw')).toBe(true);
	});

	// Both readings of "one day" at once: the sandbox refuses (-504) what either forbids.
	propertyTest.prop(
		{
			startOffsetS: fc.integer({ min: 0, max: 6 * 86400 }),
			lengthS: fc.integer({ min: 0, max: 4 * 86400 }),
			// Entries at generated seconds, and on both sides of every midnight of the period.
			entryOffsetsS: fc.array(fc.integer({ min: 0, max: 10 * 86400 }), { maxLength: 25 }),
			span: fc.constantFrom('under24h' as const, 'calendarDay' as const),
		},
		{ numRuns: 20 },
	)('generated ranges and logs: exactly the entries in [Start, End], each once, newest first', async ({ startOffsetS, lengthS, entryOffsetsS, span }) => {
		sandbox.reset();
		sandbox.clearServiceHistory();
		sandbox.setServiceHistory({ span });
		const base = kstMs('2026-10-01 00:00:00');
		const midnights = Array.from({ length: 10 }, (_, day) => [day * 86400 - 1, day * 86400]).flat().filter((s) => s >= 0);
		const stored = sandbox.addServiceHistory([...entryOffsetsS, ...midnights].map((s) => ({ request_date: kst(base + s * 1000) }))).entries;
		const start = kst(base + startOffsetS * 1000);
		const end = kst(base + (startOffsetS + lengthS) * 1000);

		const { items, error } = await run(getMany({ start: start.replace(' ', 'T'), end: end.replace(' ', 'T') }));
		expect(error).toBeUndefined();
		const expected = stored
			.filter((entry) => entry.request_date >= start && entry.request_date <= end)
			.sort((a, b) => b.request_date.localeCompare(a.request_date) || Number(b.id) - Number(a.id))
			.map((entry) => entry.id);
		expect(items.map((item) => item.json.id)).toEqual(expected);
		for (const request of requestsTo(MBI_PATH)) {
			const from = String(request.body?.start_date);
			const to = String(request.body?.end_date);
			expect(request.code).toBeNull();
			expect(from.slice(0, 10)).toBe(to.slice(0, 10));
			expect(kstMs(to) - kstMs(from)).toBeLessThan(DAY_MS);
		}
	});
});

describe('output', () => {
	test('raw: plain fields in words beside HappyTalk\'s own, log-ins marked', async () => {
		sandbox.addServiceHistory([
			{ request_date: '2026-11-30 10:00:00', type: 'A', kind: 'S', apply_content: '로그인', request_content: '[WEB] agent01(40022)상담원 로그인' },
			{ request_date: '2026-11-30 11:00:00', type: 'M', kind: 'K', apply_content: '성공', request_content: 'API 키 발급' },
		]);
		const { items } = await run(getMany({ start: '2026-11-30T00:00:00', end: '2026-11-30T23:59:59' }));
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ format: 'raw', typeName: 'manual', kindName: 'key issuance', isLogin: false, requestedAt: '2026-11-30T11:00:00+09:00', kind: 'K', type: 'M' }),
			expect.objectContaining({ format: 'raw', typeName: 'automatic', kindName: 'manager action', isLogin: true, requestedAt: '2026-11-30T10:00:00+09:00', apply_content: '로그인' }),
		]);
	});

	test('siem: HappyTalk\'s lines as strings, one item each, without log-ins', async () => {
		sandbox.addServiceHistory([
			{ request_date: '2026-11-30 10:00:00', apply_content: '로그인' },
			{ request_date: '2026-11-30 11:00:00', request_content: '상담분류 변경' },
		]);
		const { items } = await run(getMany({ format: 'siem', start: '2026-11-30T00:00:00', end: '2026-11-30T23:59:59' }));
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ format: 'siem', line: expect.stringContaining('상담분류 변경') });
		expect(requestsTo(MBI_PATH)[0].body?.format).toBe('siem');
	});

	test('Limit: the newest entries, and older days are not requested', async () => {
		sandbox.addServiceHistory(['2026-11-28 10:00:00', '2026-11-30 10:00:00', '2026-11-30 11:00:00', '2026-11-30 12:00:00'].map((request_date) => ({ request_date })));
		const { items } = await run(getMany({ returnAll: false, limit: 2, start: '2026-11-28T00:00:00', end: '2026-11-30T23:59:59' }));
		expect(items.map((item) => item.json.request_date)).toEqual(['2026-11-30 12:00:00', '2026-11-30 11:00:00']);
		expect(requestsTo(MBI_PATH)).toHaveLength(1);
	});

	test('a zone in Start/End is converted to Korea time; empty Start means the 24 hours before End', async () => {
		await run(getMany({ start: '2026-11-30T00:00:00Z', end: '2026-11-30T03:00:00Z' }));
		expect(requestsTo(MBI_PATH).map((request) => [request.body?.start_date, request.body?.end_date])).toEqual([['2026-11-30 09:00:00', '2026-11-30 12:00:00']]);
		sandbox.reset();
		await run(getMany({ end: '2026-11-30T12:00:00' }));
		expect(requestsTo(MBI_PATH).map((request) => [request.body?.start_date, request.body?.end_date])).toEqual([
			['2026-11-30 00:00:00', '2026-11-30 12:00:00'],
			['2026-11-29 12:00:01', '2026-11-29 23:59:59'],
		]);
	});
});

test('example "service-usage-log": its node, as saved, reads the last 24 hours of the sandbox\'s seeded log', async () => {
	sandbox.reset();
	const example = JSON.parse(readFileSync(path.join(__dirname, '../../examples/service-usage-log.json'), 'utf8')) as {
		nodes: Array<{ type: string; parameters: INodeParameters }>;
	};
	const node = example.nodes.find((candidate) => candidate.type === 'n8n-nodes-happytalk.happyTalk');
	const { items, error } = await run(node!.parameters);
	expect(error).toBeUndefined();
	const since = kst(Date.now() - DAY_MS - 60000);
	const expected = sandbox.serviceHistoryEntries().filter((entry) => entry.request_date >= since);
	expect(items.length).toBeGreaterThan(10);
	expect(items.length).toBeLessThanOrEqual(expected.length);
	expect(items.every((item) => String(item.json.request_date) >= since)).toBe(true);
	expect(requestsTo(MBI_PATH).length).toBeLessThanOrEqual(2);
});

describe('endpoints and errors', () => {
	test('Endpoint "bnd" uses the dc page\'s path (here on the custom Base URL)', async () => {
		sandbox.addServiceHistory([{ request_date: '2026-11-30 10:00:00' }]);
		const { items } = await run(getMany({ start: '2026-11-30T00:00:00', end: '2026-11-30T23:59:59', options: { endpoint: 'bnd' } }));
		expect(items).toHaveLength(1);
		expect(requestsTo(DC_PATH)).toHaveLength(1);
		expect(requestsTo(MBI_PATH)).toHaveLength(0);
	});

	test.each([
		[{ start: '2026-12-01T00:00:00', end: '2026-11-30T00:00:00' }, '"End" (end) must not be before Start (2026-12-01 00:00:00); got 2026-11-30 00:00:00'],
		[{ start: '2025-11-30T00:00:00', end: '2026-12-01T00:00:00' }, '"End" (end) must be less than 366 days after Start'],
		[{ start: 'next tuesday', end: '2026-12-01T00:00:00' }, '"Start" (start) must be a date and time'],
		// Impossible dates are refused, naming the value, however they are written (V8's Date.parse
		// would read 2026-02-30 as 2 March, and the request would ask for another day).
		[{ start: '2026-02-30 10:00:00', end: '2026-03-03T00:00:00' }, '"Start" (start) must be a real date and time; got 2026-02-30 10:00:00'],
		[{ start: '2026-03-01T00:00:00', end: '2026-02-30T10:00:00' }, '"End" (end) must be a real date and time; got 2026-02-30T10:00:00'],
		[{ start: '2026-11-30T00:00:00', end: '2026-11-30 25:00:00' }, '"End" (end) must be a real date and time; got 2026-11-30 25:00:00'],
	])('bad input %j: a clear error before any request', async (dates, message) => {
		const { error } = await run(getMany(dates));
		expect(error?.message).toContain(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('as an AI Agent\'s tool: entries come back as results, a bad range as a result the model can correct', async () => {
		sandbox.addServiceHistory([{ request_date: '2026-11-30 10:00:00' }]);
		const found = await engine.runNode(getMany({ start: '2026-11-30T00:00:00', end: '2026-11-30T23:59:59' }), [{}], { asTool: true });
		expect(found.items.map((item) => item.json)).toEqual([expect.objectContaining({ format: 'raw', request_date: '2026-11-30 10:00:00' })]);
		// Each entry starts with one sentence, as every other operation's results do.
		const [entry] = found.items.map((item) => item.json);
		expect(Object.keys(entry)[0]).toBe('result');
		expect(entry.result).toBe(`Service usage log entry: ${String(entry.kindName)} (${String(entry.typeName)}), requested 2026-11-30T10:00:00+09:00. Nothing was changed.`);
		const none = await engine.runNode(getMany({ start: '2026-11-29T00:00:00', end: '2026-11-29T23:59:59' }), [{}], { asTool: true });
		runs.push(none);
		expect(none.items.map((item) => item.json)).toEqual([{ result: 'No service usage log entry in that period. Nothing was changed.', found: 0 }]);
		const wrong = await engine.runNode(getMany({ start: '2026-12-01T00:00:00', end: '2026-11-30T00:00:00' }), [{}], { asTool: true });
		runs.push(found, wrong);
		expect(wrong.error).toBeUndefined();
		expect(wrong.items[0].json).toMatchObject({ error: expect.stringContaining('must not be before Start'), mayHaveBeenDelivered: false });
	});

	test('HappyTalk\'s -504 overDate is an error item under "On Error: Continue"', async () => {
		sandbox.injectFault({ failCode: -504, match: { path: MBI_PATH } });
		const { items } = await run(getMany({ start: '2026-11-30T00:00:00', end: '2026-11-30T10:00:00' }), [{}], true);
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toEqual(expect.stringContaining('-504'));
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});
