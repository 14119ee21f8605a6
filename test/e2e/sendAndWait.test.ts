/**
 * Message → Send and Wait for Reply in a real n8n: a dialog workflow (HappyTalk Trigger → Ask, the
 * waiting send → Answer) and the sandbox's customers. A reply resumes the waiting execution and
 * starts nothing else; a room where nothing waits starts the workflow; a time-out, a reply racing
 * the time-out, 100 rooms answering at once, an n8n restart while executions wait; queue mode.
 * Regular mode without the n8n API credential (the trigger finds the pause in its process's
 * memory), except across a restart, which needs it (the memory is gone, the database remains).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startQueueCluster, type Cluster } from '../support/queueCluster';
import { startSandbox, type Sandbox } from '../support/sandbox';
import { sleep, until } from '../support/waiting';
import { prepareRealN8n, type RealN8n, type Server } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflows = require('../../scripts/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nScripts = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importDemoData, cli } = require('../../scripts/demoData');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { answerQuestions } = require('../../sandbox/answeringCustomers');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importN8nApiCredential, connectN8nApi, waitingExecutions, waitingExecutionsInEditor, executionsInEditor, executionsOf, ownerSession } = require('../../scripts/n8nApiCredential');

const DIALOG = { id: 'HtE2eDialog00001', webhookId: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
/** 0.1 minutes: six seconds to answer. Its own path secret, so both triggers are active at once. */
const TIMED = { id: 'HtE2eDialogTimed', webhookId: '7b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', secret: 'timed-dialog-secret', limitMs: 6000 };
/** Across a restart: with the n8n API credential. */
const RESTARTED = { id: 'HtE2eDialogRestr', webhookId: '8c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f', secret: 'restart-dialog-secret' };
const dialog = workflows.dialogWorkflow(DIALOG);
const regularDialog = workflows.dialogWorkflow({ ...DIALOG, n8nApi: false });
const timedDialog = workflows.dialogWorkflow({
	...TIMED,
	pathSecret: TIMED.secret,
	limit: { limitType: 'afterTimeInterval', resumeAmount: 0.1, resumeUnit: 'minutes' },
	n8nApi: false,
});
const restartedDialog = workflows.dialogWorkflow({ ...RESTARTED, pathSecret: RESTARTED.secret });

/** n8n 2.x, where it is supported (docs/send-and-wait.md); HAPPYTALK_E2E_N8N_VERSIONS picks others. */
const versions = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? `${n8nScripts.N8N_VERSIONS.current},${n8nScripts.N8N_VERSIONS.newest}`)
	.split(',')
	.filter(Boolean);

type Write = { uuid: string; room_id: string; msg: string; receivedAt: number };

function writesOf(sandbox: Sandbox): Write[] {
	return sandbox.requests
		.filter((request) => request.path === '/v1/chat/write' && request.code === 0)
		.map((request) => ({ ...(request.body as Omit<Write, 'receivedAt'>), receivedAt: request.receivedAt }));
}

const inRoom = (sandbox: Sandbox, roomId: string) => writesOf(sandbox).filter((write) => write.room_id === roomId).map((write) => write.msg);

async function activate(env: Record<string, string>, version: string, ids: string[]) {
	for (const id of ids) {
		const result = await cli(version, env, n8nScripts.activateCommand(version, id));
		if (result.code !== 0) throw new Error(`activating ${id} failed:\n${result.stdout}\n${result.stderr}`);
	}
}

// Regular mode on 2.8.4 and the newest. n8n 2.41 evaluates expressions in isolated-vm and builds a
// bridge for every webhook request and every execution (its pool holds N8N_EXPRESSION_ENGINE_POOL_SIZE,
// default 1, and cold-starts the rest): 100 replies at once meant some 300 bridges, and the answers
// missed HappyTalk's 10 s on this 2-CPU machine. With n8n's legacy engine they pass, so the tests
// run there with the setting docs/send-and-wait.md gives for many dialogs at once.
const regularVersions = process.env.HAPPYTALK_E2E_N8N_VERSIONS ? versions : [n8nScripts.N8N_VERSIONS.current, n8nScripts.N8N_VERSIONS.newest];
const hasIsolatedExpressions = (version: string) =>
	existsSync(path.join(n8nScripts.runtimeDir(version), 'node_modules', '@n8n', 'config', 'dist', 'configs', 'expression-engine.config.js'));
describe.each(regularVersions)('n8n %s: Send and Wait for Reply, regular mode', (version) => {
	let n8n: RealN8n;
	let server: Server;
	let session: string;
	/**
	 * Resolves once n8n reports `count` executions of `workflowId` waiting: its editor API, which
	 * (unlike the public one) lists the waiting executions a regular-mode main holds in memory.
	 */
	const waiting = async (count: number, workflowId = DIALOG.id, timeoutMs = 120000) => {
		// One login per server start: n8n limits logins per minute.
		const seen = () => waitingExecutionsInEditor(server.url, session, workflowId);
		const deadline = Date.now() + timeoutMs;
		while ((await seen()) < count && Date.now() < deadline) await sleep(250);
		return (await seen()) >= count;
	};
	const receiveUrl = () => `${server.url}/webhook/${DIALOG.webhookId}`;
	const timedUrl = () => `${server.url}/webhook/${TIMED.webhookId}/${TIMED.secret}`;
	const restartedUrl = () => `${server.url}/webhook/${RESTARTED.webhookId}/${RESTARTED.secret}`;
	const hooks = [
		`${DIALOG.webhookId}/message/:uuid`,
		`${TIMED.webhookId}/${TIMED.secret}/message/:uuid`,
		`${RESTARTED.webhookId}/${RESTARTED.secret}/message/:uuid`,
	];
	const write = (url: string, uuid: string, roomId: string, text: string) =>
		n8n.sandbox.sendCustomerMessage({ receiveUrl: url, uuid, room_id: roomId, text });

	beforeAll(async () => {
		n8n = await prepareRealN8n(version);
		if (hasIsolatedExpressions(version)) n8n.env.N8N_EXPRESSION_ENGINE = 'legacy';
		await importN8nApiCredential(version, { ...n8n.env, N8N_PORT: String(await n8nScripts.freePort()), N8N_RUNNERS_BROKER_PORT: String(await n8nScripts.freePort()) }, `http://127.0.0.1:${n8n.env.N8N_PORT}`);
		await n8n.importWorkflows([regularDialog, timedDialog, restartedDialog]);
		for (const id of [DIALOG.id, TIMED.id, RESTARTED.id]) {
			expect((await n8n.cli(n8nScripts.activateCommand(version, id))).code).toBe(0);
		}
		server = await n8n.startServer(hooks);
		await connectN8nApi(server.url);
		session = (await ownerSession(server.url)).cookie;
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test("the customer's answer resumes the waiting execution; a room where nothing waits starts the workflow", async () => {
		// The customer answers once the execution waits: a reply before it has paused is not yet a
		// reply (docs/send-and-wait.md, limits).
		const stop = answerQuestions(n8n.sandbox, {
			receiveUrl: receiveUrl(),
			ready: () => waiting(1),
			answer: (question: string) => (question.startsWith('Order number') ? 'A-1001' : null),
		});
		try {
			expect((await write(receiveUrl(), 'customer_21', '200001', 'hello')).status).toBe(200);
			expect(await until(() => inRoom(n8n.sandbox, '200001').length >= 2, 60000)).toBe(true);
		} finally {
			stop();
		}
		await sleep(2000);
		// The answer did not start the workflow a second time: one question, one answer.
		expect(inRoom(n8n.sandbox, '200001')).toEqual(['Order number for hello?', 'got: A-1001']);

		// Nothing waits any more in that room: the next message is a new conversation.
		await write(receiveUrl(), 'customer_21', '200001', 'again');
		expect(await until(() => inRoom(n8n.sandbox, '200001').length >= 3, 60000)).toBe(true);
		expect(inRoom(n8n.sandbox, '200001')[2]).toBe('Order number for again?');
		expect(await waiting(1)).toBe(true);
		// Another customer's message is not the reply: it waits for customer_21. (A HappyTalk room
		// belongs to one customer: the sandbox refuses a write for another uuid in it.)
		await write(receiveUrl(), 'customer_22', '200002', 'not me');
		expect(await until(() => inRoom(n8n.sandbox, '200002').length >= 1, 60000)).toBe(true);
		expect(inRoom(n8n.sandbox, '200002')).toEqual(['Order number for not me?']);
		expect(await waiting(2)).toBe(true);
		await write(receiveUrl(), 'customer_21', '200001', 'B-2');
		await write(receiveUrl(), 'customer_22', '200002', 'C-3');
		expect(await until(() => inRoom(n8n.sandbox, '200001').length >= 4 && inRoom(n8n.sandbox, '200002').length >= 2, 60000)).toBe(true);
		await sleep(1500);
		expect(inRoom(n8n.sandbox, '200001').slice(3)).toEqual(['got: B-2']);
		expect(inRoom(n8n.sandbox, '200002')).toEqual(['Order number for not me?', 'got: C-3']);
		// The trigger handed the three answers over in its webhook: they started no execution of
		// their own, so n8n lists one per conversation ("hello", "again", "not me").
		expect(await executionsInEditor(server.url, session, DIALOG.id)).toBe(3);
	});

	test('100 rooms wait, every customer answers at once: each execution gets its own room\'s answer, once', async () => {
		n8n.sandbox.reset();
		const rooms = Array.from({ length: 100 }, (_, i) => ({ uuid: `cust_many_${i}`, roomId: `3000${String(i).padStart(3, '0')}` }));
		const questionsAsked = () => writesOf(n8n.sandbox).filter((w) => w.msg.startsWith('Order number')).length;
		for (let start = 0; start < rooms.length; start += 20) {
			await Promise.all(rooms.slice(start, start + 20).map((room) => write(receiveUrl(), room.uuid, room.roomId, 'hi')));
		}
		expect(await until(() => questionsAsked() >= 100, 240000)).toBe(true);
		expect(await waiting(100, DIALOG.id, 240000)).toBe(true);
		const answers = await Promise.all(rooms.map((room) => write(receiveUrl(), room.uuid, room.roomId, `reply ${room.roomId}`)));
		expect(answers.every((answer) => answer.status === 200)).toBe(true);
		const got = () => writesOf(n8n.sandbox).filter((w) => w.msg.startsWith('got: '));
		expect(await until(() => got().length >= 100, 240000)).toBe(true);
		await sleep(3000);
		// None lost, none twice, none in another room; and no answer started a new conversation.
		expect(got().map((w) => `${w.uuid} ${w.room_id} ${w.msg}`).sort()).toEqual(
			rooms.map((room) => `${room.uuid} ${room.roomId} got: reply ${room.roomId}`).sort(),
		);
		expect(questionsAsked()).toBe(100);
	});

	test('Limit Wait Time: silence resumes with replied: false and the question; a reply racing the limit counts once', async () => {
		n8n.sandbox.reset();
		await write(timedUrl(), 'customer_31', '400001', 'silent');
		await write(timedUrl(), 'customer_32', '400002', 'late');
		expect(await until(() => inRoom(n8n.sandbox, '400002').length >= 1, 60000)).toBe(true);
		expect(await waiting(2, TIMED.id, 5000)).toBe(true);
		// The reply leaves just as the six seconds end (the limit runs from just before the question).
		const asked = writesOf(n8n.sandbox).find((w) => w.room_id === '400002')!.receivedAt;
		await sleep(Math.max(0, asked + TIMED.limitMs - 30 - Date.now()));
		await write(timedUrl(), 'customer_32', '400002', 'just in time?');

		// n8n resumes a timed-out execution when its wait tracker next looks (every minute).
		const settled = () => inRoom(n8n.sandbox, '400001').length >= 2 && inRoom(n8n.sandbox, '400002').length >= 2;
		expect(await until(settled, 150000)).toBe(true);
		await sleep(3000);
		expect(inRoom(n8n.sandbox, '400001')).toEqual(['Order number for silent?', 'timed out: Order number for silent?']);
		// Either the reply came in time, or after the limit, and then it is a new conversation, which
		// times out in its turn; never both for the first question, and never lost. n8n's wait tracker
		// may resume both time-outs in one look, so they reach HappyTalk in either order.
		const inTime = ['Order number for late?', 'got: just in time?'];
		const afterLimit = [
			'Order number for late?',
			'timed out: Order number for late?',
			'Order number for just in time??',
			'timed out: Order number for just in time??',
		];
		if (inRoom(n8n.sandbox, '400002').includes('got: just in time?')) {
			expect(inRoom(n8n.sandbox, '400002')).toEqual(inTime);
		} else {
			expect(await until(() => inRoom(n8n.sandbox, '400002').length >= afterLimit.length, 150000)).toBe(true);
			await sleep(3000);
			expect(inRoom(n8n.sandbox, '400002').slice().sort()).toEqual(afterLimit.slice().sort());
		}
	});

	test('executions keep waiting across an n8n restart, and the answer after it resumes them (with the n8n API credential)', async () => {
		n8n.sandbox.reset();
		await write(restartedUrl(), 'customer_41', '500001', 'before restart');
		expect(await until(() => inRoom(n8n.sandbox, '500001').length >= 1, 60000)).toBe(true);
		expect(await waiting(1, RESTARTED.id)).toBe(true);
		await server.stop();
		server = await n8n.startServer(hooks);
		session = (await ownerSession(server.url)).cookie;
		await write(restartedUrl(), 'customer_41', '500001', 'after restart');
		expect(await until(() => inRoom(n8n.sandbox, '500001').length >= 2, 60000)).toBe(true);
		await sleep(1500);
		expect(inRoom(n8n.sandbox, '500001')).toEqual(['Order number for before restart?', 'got: after restart']);
	});
});

/** Queue mode on 2.8.4 and the newest: the API path (the trigger in a webhook process) differs between them (the resume token). */
const queueVersions: string[] = process.env.HAPPYTALK_QUEUE_N8N_VERSION
	? [process.env.HAPPYTALK_QUEUE_N8N_VERSION]
	: [n8nScripts.N8N_VERSIONS.current, n8nScripts.N8N_VERSIONS.newest];

describe.each(queueVersions)('n8n %s: Send and Wait for Reply in queue mode (a main, two workers, two webhook processes)', (QUEUE_VERSION) => {
	let sandbox: Sandbox;
	let cluster: Cluster;
	let apiKey: string;
	const packFolder = mkdtempSync(path.join(tmpdir(), 'happytalk-pack-'));

	beforeAll(async () => {
		sandbox = await startSandbox();
		cluster = await startQueueCluster({
			version: QUEUE_VERSION,
			tarball: n8nScripts.packPackage(packFolder),
			prepare: async (env: Record<string, string>) => {
				await importN8nApiCredential(QUEUE_VERSION, env, `http://127.0.0.1:${env.N8N_PORT}`);
				const keys = { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, companyToken: sandbox.companyToken };
				await importDemoData(env, keys, { version: QUEUE_VERSION });
				const dir = mkdtempSync(path.join(tmpdir(), 'happytalk-dialog-'));
				writeFileSync(path.join(dir, 'dialog.json'), JSON.stringify(dialog));
				const imported = await cli(QUEUE_VERSION, env, ['import:workflow', '--separate', `--input=${dir}`]);
				rmSync(dir, { recursive: true, force: true });
				if (imported.code !== 0) throw new Error(imported.stderr);
				await activate(env, QUEUE_VERSION, [DIALOG.id]);
			},
		});
		apiKey = await connectN8nApi(cluster.main.url);
		const first = await cluster.add({ role: 'webhook', name: 'webhook-1' });
		await cluster.add({ role: 'webhook', name: 'webhook-2' });
		await cluster.add({ role: 'worker', name: 'worker-1' });
		await cluster.add({ role: 'worker', name: 'worker-2' });
		await n8nScripts.waitForWebhooks(first.url, [`${DIALOG.webhookId}/message/:uuid`]);
	});

	afterAll(async () => {
		await cluster?.stop();
		await sandbox?.close();
		rmSync(packFolder, { recursive: true, force: true });
	});

	test('20 rooms through both webhook processes: every answer resumes its own execution, once', async () => {
		const [first, second] = cluster.webhooks;
		const urlFor = (i: number) => `${(i % 2 === 0 ? first : second).url}/webhook/${DIALOG.webhookId}`;
		const rooms = Array.from({ length: 20 }, (_, i) => ({ uuid: `cust_queue_${i}`, roomId: `6000${String(i).padStart(2, '0')}` }));
		await Promise.all(rooms.map((room, i) => sandbox.sendCustomerMessage({ receiveUrl: urlFor(i), uuid: room.uuid, room_id: room.roomId, text: 'hi' })));
		const asked = () => writesOf(sandbox).filter((w) => w.msg.startsWith('Order number')).length;
		expect(await until(() => asked() >= 20, 180000)).toBe(true);
		const deadline = Date.now() + 120000;
		while ((await waitingExecutions(cluster.main.url, apiKey, DIALOG.id)) < 20 && Date.now() < deadline) await sleep(250);
		expect(await waitingExecutions(cluster.main.url, apiKey, DIALOG.id)).toBe(20);
		// Each answer through the other webhook process than the question's message.
		await Promise.all(rooms.map((room, i) => sandbox.sendCustomerMessage({ receiveUrl: urlFor(i + 1), uuid: room.uuid, room_id: room.roomId, text: `q ${room.roomId}` })));
		const got = () => writesOf(sandbox).filter((w) => w.msg.startsWith('got: '));
		expect(await until(() => got().length >= 20, 180000)).toBe(true);
		await sleep(3000);
		expect(got().map((w) => `${w.room_id} ${w.msg}`).sort()).toEqual(rooms.map((room) => `${room.roomId} got: q ${room.roomId}`).sort());
		expect(asked()).toBe(20);
		// The answers were handed over in the webhook processes: one execution per room, none for an answer.
		expect(await executionsOf(cluster.main.url, apiKey, DIALOG.id)).toBe(20);
	});
});
