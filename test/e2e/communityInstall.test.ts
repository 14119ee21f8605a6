import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { deepText, SECRET } from '../support/sandbox';
import { listWorkflow, outputOf, prepareRealN8n, type RealN8n } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_MATRIX, REPO, activateCommand } = require('../../scripts/n8n');

const examples = Object.fromEntries(
	readdirSync(path.join(REPO, 'examples')).map((file) => [
		file.replace(/\.json$/, ''),
		JSON.parse(readFileSync(path.join(REPO, 'examples', file), 'utf8')) as { id: string },
	]),
);

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? N8N_MATRIX.join(','))
	.split(',')
	.filter(Boolean);

describe.each(versions)('n8n %s with the package installed from its tarball', (version) => {
	let n8n: RealN8n;
	const runs: unknown[] = [];
	const writes = () => n8n.sandbox.requests.filter((request) => request.path === '/v1/chat/write');

	beforeAll(async () => {
		n8n = await prepareRealN8n(version);
		await n8n.importWorkflows([
			listWorkflow('HtE2eBadItem0001', [
				{ uuid: 'customer_01', roomId: 'r1', message: 'first' },
				{ uuid: 'abcd', roomId: 'r2', message: 'uuid too short' },
				{ uuid: 'customer_03', roomId: 'r3', message: 'third' },
			]),
			// One room at a time, so "earlier items sent, later ones not" holds across rooms too.
			listWorkflow(
				'HtE2eFailCode001',
				[
					{ uuid: 'customer_01', roomId: 'r1', message: 'first' },
					{ uuid: 'customer_02', roomId: 'gone-room', message: 'to a room that does not exist' },
					{ uuid: 'customer_03', roomId: 'r3', message: 'never sent' },
				],
				{ options: { concurrency: 1 } },
			),
			listWorkflow(
				'HtE2eContinue001',
				[
					{ uuid: 'customer_01', roomId: 'r1', message: 'good' },
					{ uuid: 'abcd', roomId: 'r2', message: 'bad uuid' },
					{ uuid: 'customer_03', roomId: 'gone-room', message: 'refused' },
					{ uuid: 'customer_04', roomId: 'r4', message: '가'.repeat(1001) },
					{ uuid: 'customer_05', roomId: 'r5', message: 'good too' },
				],
				{ continueOnFail: true },
			),
		]);
	});

	beforeEach(() => n8n.sandbox.reset());

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('example "send-image": one image message, and its answer in the run data', async () => {
		const { run } = await n8n.execute(examples['send-image'].id);
		runs.push(run);
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Send image to HappyTalk').items).toEqual([
			{
				json: { uuid: 'customer_01', roomId: '5550001', sent: true, code: 0, room_id: '5550001', message: '' },
				pairedItem: { item: 0 },
			},
		]);
		expect(writes().map((request) => request.body)).toEqual([
			{
				uuid: 'customer_01',
				room_id: '5550001',
				type: 'image',
				url: 'https://images.example.com/coupons/welcome.png',
			},
		]);
		expect(writes()[0].headers['ht-client-secret']).toBe(SECRET);
	});

	test('example "send-many-from-list": five customers, five messages, in order', async () => {
		const { run } = await n8n.execute(examples['send-many-from-list'].id);
		runs.push(run);
		const { items } = outputOf(run, 'Send to HappyTalk');
		expect(items.map((item) => item.json)).toEqual(
			['5550001', '5550002', '5550003', '5550004', '5550005'].map((room_id, index) => ({
				uuid: `customer_0${index + 1}`,
				roomId: room_id,
				sent: true,
				code: 0,
				room_id,
				message: '',
			})),
		);
		expect(writes().map((request) => request.body?.room_id)).toEqual([
			'5550001',
			'5550002',
			'5550003',
			'5550004',
			'5550005',
		]);
		expect(writes()[0].body?.msg).toBe('김민준님, 문의해 주셔서 감사합니다. 상담사가 곧 답변드리겠습니다.');
	});

	test('a bad item: the clear error in the run data, and nothing sent', async () => {
		const { run } = await n8n.execute('HtE2eBadItem0001');
		runs.push(run);
		const { error } = outputOf(run, 'HappyTalk');
		expect(error?.message).toBe('Item 1: "Customer UUID" (uuid) must be 5 to 20 characters long; got 4 characters');
		expect(run.data.resultData.error?.message).toBe(error?.message);
		expect(writes()).toHaveLength(0);
	});

	test("a HappyTalk fail code: the explanation in the run data; earlier items sent, later ones not", async () => {
		n8n.sandbox.injectFault({ failCode: -702, match: { bodyIncludes: 'gone-room' } });
		const { run } = await n8n.execute('HtE2eFailCode001');
		runs.push(run);
		const { error } = outputOf(run, 'HappyTalk');
		expect(error?.message).toBe('HappyTalk refused the request: -702 NotRoom');
		expect(error?.description).toMatch(/There is no room with this Room ID/);
		expect(error?.description).toMatch(/Items already sent before the node stopped: 0\.$/);
		expect(writes().map((request) => request.body?.room_id)).toEqual(['r1', 'gone-room']);
	});

	test('On Error: Continue: error items for the bad ones, the good ones still went out', async () => {
		n8n.sandbox.injectFault({ failCode: -702, match: { bodyIncludes: 'gone-room' } });
		const { run } = await n8n.execute('HtE2eContinue001');
		runs.push(run);
		const { items } = outputOf(run, 'HappyTalk');
		expect(items).toHaveLength(5);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(items[0].json).toEqual({ uuid: 'customer_01', roomId: 'r1', sent: true, code: 0, room_id: 'r1', message: '' });
		expect(items[1].json.error).toMatch(/^Item 1: "Customer UUID" \(uuid\) must be 5 to 20 characters long/);
		expect(items[2].json).toMatchObject({ error: 'HappyTalk refused the request: -702 NotRoom' });
		expect(items[3].json.error).toMatch(/^Item 3: "Message" \(message\) must be 1 to 1000 characters long; got 1001/);
		expect(items[4].json).toEqual({ uuid: 'customer_05', roomId: 'r5', sent: true, code: 0, room_id: 'r5', message: '' });
		expect(writes().map((request) => request.body?.room_id)).toEqual(['r1', 'gone-room', 'r5']);
	});

	test('example "webhook-send-text": an active workflow sends what a POST brings', async () => {
		const id = examples['webhook-send-text'].id;
		const published = await n8n.cli(activateCommand(version, id));
		expect(published.code).toBe(0);

		const server = await n8n.startServer(['happytalk-send-text']);
		const response = await fetch(`${server.url}/webhook/happytalk-send-text`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ uuid: 'web_customer', roomId: '7770001', message: '웹훅에서 보낸 메시지 👋' }),
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			uuid: 'web_customer',
			roomId: '7770001',
			sent: true,
			code: 0,
			room_id: '7770001',
			message: '',
		});
		expect(writes().map((request) => request.body)).toEqual([
			{ uuid: 'web_customer', room_id: '7770001', type: 'text', msg: '웹훅에서 보낸 메시지 👋' },
		]);
		await server.stop();
	});

	test("the Client Secret is in no run data, no n8n output and no export of n8n's database", async () => {
		const credentials = await n8n.cli(['export:credentials', '--all', '--pretty']);
		const workflows = await n8n.cli(['export:workflow', '--all', '--pretty']);
		expect(credentials.code).toBe(0);
		expect(credentials.stdout).toContain('HtSandboxCred001');
		expect(workflows.code).toBe(0);
		const database = readFileSync(path.join(n8n.userFolder, '.n8n', 'database.sqlite'));

		expect(runs.length).toBeGreaterThanOrEqual(5);
		expect(deepText(runs)).not.toContain(SECRET);
		expect(n8n.transcript.join('\n')).not.toContain(SECRET);
		expect(database.includes(Buffer.from(SECRET))).toBe(false);
	});
});
