/**
 * n8n's queue mode for real: Redis, PostgreSQL, a main, two workers and a webhook process, each
 * n8n process with the package in its own nodes folder (as an admin installs it) and one
 * encryption key. The sandbox's customers write to the trigger's URL on the webhook process.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startQueueCluster, startedExecutions, type Cluster } from '../support/queueCluster';
import { startSandbox, type Sandbox } from '../support/sandbox';
import { sleep, until } from '../support/waiting';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importDemoData, cli } = require('../../scripts/demoData');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflows = require('../../scripts/workflows');


const VERSION: string = process.env.HAPPYTALK_QUEUE_N8N_VERSION ?? n8n.N8N_VERSIONS.current;
const autoReply = JSON.parse(readFileSync(path.join(n8n.REPO, 'examples', 'auto-reply-bot.json'), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { receivePath, triggerOf } = require('../../scripts/receivePath');
// The path up to /message/:uuid after /webhook/ (version 2 repeats the webhook id).
const AUTO_REPLY_HOOK: string = (receivePath(triggerOf(autoReply)) as string).replace(/^webhook\//, '');

/**
 * The auto-reply bot again, its trigger answering HappyTalk only once the workflow has run. Its own
 * path secret: n8n keys a webhook by method and path ("message/:uuid" for every trigger without a
 * secret), so a second trigger with the same path takes the first one's place.
 */
const AFTER_RUN = { id: 'HtE2eQueueAfter1', webhookId: '5d2e8f1a-7c3b-4e9d-a6f0-1b2c3d4e5f60', secret: 'after-run-path-secret' };

/** n8n's documented way to act on failed executions: an Error workflow that posts an alert. */
const ALERT = { id: 'HtE2eQueueAlert1' };
const alertWorkflow = (alertUrl: string) => ({
	id: ALERT.id,
	name: 'e2e queue: alert on a failed reply',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: 'alert-trigger', name: 'Error Trigger', type: 'n8n-nodes-base.errorTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'alert-post',
			name: 'Alert',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [200, 0],
			parameters: {
				method: 'POST',
				url: alertUrl,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ execution: $json.execution.id, error: $json.execution.error.message }) }}',
				options: {},
			},
		},
	],
	connections: { 'Error Trigger': { main: [[{ node: 'Alert', type: 'main', index: 0 }]] } },
});

const afterRunWorkflow = {
	...autoReply,
	id: AFTER_RUN.id,
	name: 'e2e queue: answer after the run',
	settings: { ...autoReply.settings, errorWorkflow: ALERT.id },
	nodes: autoReply.nodes.map((node: { webhookId?: string; parameters: object }) =>
		node.webhookId
			? // A version 1 trigger (its own Path Secret) beside the version 2 bot.
				{ ...node, typeVersion: 1, webhookId: AFTER_RUN.webhookId, parameters: { pathSecret: AFTER_RUN.secret, options: { answer: 'afterRun' } } }
			: node,
	),
};

/** A webhook (n8n's own node) starts a bulk send: 20 rooms, messages numbered so order can be checked. */
const BULK = { id: 'HtE2eQueueBulk01', path: 'happytalk-e2e-bulk' };
const bulkWorkflow = {
	id: BULK.id,
	name: 'e2e queue: bulk send from a webhook',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'bulk-hook',
			name: 'Start',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
			parameters: { httpMethod: 'POST', path: BULK.path, options: {} },
		},
		{
			id: 'bulk-items',
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: {
				jsCode:
					"const { count, rooms, tag } = $input.first().json.body;\nreturn Array.from({ length: count }, (_, i) => ({ json: { uuid: 'customer_' + (i % rooms), roomId: tag + '-room-' + (i % rooms), message: tag + ' #' + i } }));",
			},
		},
		{ ...workflows.sendTextNode({ name: 'Send' }), id: 'bulk-send', position: [400, 0] },
	],
	connections: {
		Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
	},
};


/** Customers writing in `rooms` rooms, `perRoom` messages each, `parallel` deliveries at a time. */
async function customersWrite(sandbox: Sandbox, receiveUrl: string, { rooms, perRoom, tag, parallel = 16 }: { rooms: number; perRoom: number; tag: string; parallel?: number }) {
	const messages = Array.from({ length: rooms * perRoom }, (_, i) => ({
		uuid: `cust_${tag}_${i % rooms}`,
		room_id: `${tag}-${i % rooms}`,
		text: `${tag} message ${i}`,
	}));
	const answers: Array<{ status: number; body: string }> = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < messages.length) {
				const index = next++;
				answers[index] = await sandbox.sendCustomerMessage({ receiveUrl, ...messages[index] });
			}
		}),
	);
	return { messages, answers };
}

describe(`n8n ${VERSION} in queue mode: main, two workers, a webhook process`, () => {
	let sandbox: Sandbox;
	let cluster: Cluster;
	// What the Error workflow posted.
	const alerts: Array<{ execution: string; error: string }> = [];
	let alertServer: Server;
	const writes = () => sandbox.requests.filter((request) => request.path === '/v1/chat/write' && request.code === 0);
	const hookUrl = (webhookId: string) => `${cluster.webhooks[0].url}/webhook/${webhookId}`;

	beforeAll(async () => {
		sandbox = await startSandbox();
		alertServer = createServer((request, response) => {
			let body = '';
			request.on('data', (chunk) => (body += chunk));
			request.on('end', () => {
				alerts.push(JSON.parse(body));
				response.end('{}');
			});
		});
		await new Promise<void>((resolve) => alertServer.listen(0, '127.0.0.1', resolve));
		const alertUrl = `http://127.0.0.1:${(alertServer.address() as AddressInfo).port}/alert`;
		const tarball = n8n.packPackage(mkdtempSync(path.join(tmpdir(), 'happytalk-pack-')));
		cluster = await startQueueCluster({
			version: VERSION,
			tarball,
			processes: [
				{ role: 'worker', name: 'worker-1' },
				{ role: 'worker', name: 'worker-2' },
				{ role: 'webhook', name: 'webhook' },
			],
			// Shorter than n8n's defaults (a 60 s lock, stalled checks every 30 s), so that the
			// killed-worker case ends within seconds.
			workerEnv: { QUEUE_WORKER_LOCK_DURATION: '10000', QUEUE_WORKER_LOCK_RENEW_TIME: '2000', QUEUE_WORKER_STALLED_INTERVAL: '5000' },
			prepare: async (cliEnv: Record<string, string>) => {
				await importDemoData(cliEnv, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version: VERSION });
				const dir = mkdtempSync(path.join(tmpdir(), 'happytalk-queue-wf-'));
				[afterRunWorkflow, bulkWorkflow, alertWorkflow(alertUrl)].forEach((workflow, i) => writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(workflow)));
				await cli(VERSION, cliEnv, ['import:workflow', '--separate', `--input=${dir}`]);
				rmSync(dir, { recursive: true, force: true });
				// n8n 2.x runs an Error workflow only once it is published.
				for (const id of [autoReply.id, AFTER_RUN.id, BULK.id, ALERT.id]) await cli(VERSION, cliEnv, n8n.activateCommand(VERSION, id));
			},
		});
	});

	beforeEach(() => sandbox.reset());

	afterAll(async () => {
		await cluster?.stop();
		await sandbox?.close();
		alertServer?.close();
	});

	test('300 customer messages over 60 rooms: each answered exactly once, in its own room, by both workers', async () => {
		const before = cluster.workers.map((worker) => startedExecutions(worker).length);
		const { messages, answers } = await customersWrite(sandbox, hookUrl(AUTO_REPLY_HOOK), { rooms: 60, perRoom: 5, tag: 'load' });
		expect(answers.filter((answer) => !(answer.status === 200 && /"ok"\s*:\s*true/.test(answer.body))).map((answer) => [answer.status, answer.body.slice(0, 200)])).toEqual([]);
		await until(() => writes().length >= messages.length, 180000);
		await sleep(2000);

		const replies = writes().map((request) => request.body as { room_id: string; msg: string });
		expect(replies).toHaveLength(messages.length);
		for (const message of messages) {
			const matching = replies.filter((reply) => reply.msg.startsWith(`"${message.text}" `));
			expect([message.text, matching.map((reply) => reply.room_id)]).toEqual([message.text, [message.room_id]]);
		}
		const ran = cluster.workers.map((worker, i) => startedExecutions(worker).length - before[i]);
		expect(ran.reduce((a, b) => a + b, 0)).toBe(messages.length);
		for (const count of ran) expect(count).toBeGreaterThan(0);
	});

	test('"Answer HappyTalk: After the Workflow Ran": the 200 comes after the reply was sent', async () => {
		const { messages, answers } = await customersWrite(sandbox, `${hookUrl(AFTER_RUN.webhookId)}/${AFTER_RUN.secret}`, { rooms: 5, perRoom: 4, tag: 'after' });
		expect(answers.map((answer) => answer.status)).toEqual(messages.map(() => 200));
		// Every reply is already there when HappyTalk has its answer: nothing to wait for.
		expect(writes()).toHaveLength(messages.length);
		for (const message of messages) {
			const matching = writes().filter((reply) => String(reply.body?.msg).startsWith(`"${message.text}" `));
			expect(matching.map((reply) => reply.body?.room_id)).toEqual([message.room_id]);
		}
	});

	test('a bulk send started by a webhook runs on a worker: every message once, each room in order', async () => {
		sandbox.setLatency(20);
		const before = cluster.workers.map((worker) => startedExecutions(worker).length);
		const started = await fetch(`${cluster.webhooks[0].url}/webhook/${BULK.path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ count: 400, rooms: 20, tag: 'bulk' }),
		});
		expect(started.status).toBe(200);
		await until(() => sandbox.stats().delivered >= 400, 120000);
		await sleep(1000);
		const stats = sandbox.stats();
		expect({ delivered: stats.delivered, duplicates: stats.duplicates, orderViolations: stats.perRoomOrderViolations }).toEqual({
			delivered: 400,
			duplicates: 0,
			orderViolations: 0,
		});
		const ran = cluster.workers.map((worker, i) => startedExecutions(worker).length - before[i]);
		expect(ran.sort()).toEqual([0, 1]);
		expect(cluster.main.output()).not.toMatch(/Unrecognized node type/);
	});

	test('a worker killed in the middle of a bulk send: nothing is sent twice, the rest is not sent, the execution ends in "error"', async () => {
		sandbox.setLatency(50);
		const before = cluster.workers.map((worker) => startedExecutions(worker).length);
		await fetch(`${cluster.webhooks[0].url}/webhook/${BULK.path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ count: 300, rooms: 20, tag: 'killed' }),
		});
		expect(await until(() => sandbox.stats().delivered >= 60, 60000)).toBe(true);
		const running = cluster.workers.findIndex((worker, i) => startedExecutions(worker).length > before[i]);
		const [executionId] = startedExecutions(cluster.workers[running]).slice(before[running]);
		await cluster.workers[running].kill('SIGKILL');
		await sleep(1000);
		const sentBeforeKill = sandbox.stats().delivered;
		const survivor = cluster.workers[1 - running];
		const status = () => cluster.postgres.query(`SELECT status FROM execution_entity WHERE id = ${Number(executionId)}`)[0]?.[0];

		// n8n 2.8 never runs a stalled job again (Bull's maxStalledCount is 0): once the dead worker's
		// lock has expired, the job fails and the execution is stored as failed.
		expect(await until(() => status() === 'error', 90000)).toBe(true);
		const stats = sandbox.stats();
		expect(startedExecutions(survivor).length).toBe(before[1 - running]);
		expect({ delivered: stats.delivered, duplicates: stats.duplicates, orderViolations: stats.perRoomOrderViolations }).toEqual({
			delivered: sentBeforeKill,
			duplicates: 0,
			orderViolations: 0,
		});
		expect(sentBeforeKill).toBeLessThan(300);
	});

	test('a worker without the package: "At Once" loses the customers silently; "After the Workflow Ran" answers 500, and an Error workflow alerts', async () => {
		// The killed worker is gone; the survivor stops too, so that only the broken worker takes jobs.
		for (const worker of cluster.workers) await worker.stop();
		alerts.splice(0);
		const broken = await cluster.add({ role: 'worker', name: 'worker-without-package', package: false });
		expect(broken.output()).toMatch(/n8n worker is now ready/);

		const atOnce = await customersWrite(sandbox, hookUrl(AUTO_REPLY_HOOK), { rooms: 5, perRoom: 2, tag: 'lost' });
		const afterRun = await customersWrite(sandbox, `${hookUrl(AFTER_RUN.webhookId)}/${AFTER_RUN.secret}`, { rooms: 5, perRoom: 2, tag: 'seen' });
		await until(() => (broken.output().match(/Unrecognized node type/g) ?? []).length >= 20, 30000);
		await sleep(2000);

		expect(atOnce.answers.map((answer) => answer.status)).toEqual(atOnce.messages.map(() => 200));
		expect(afterRun.answers.map((answer) => [answer.status, JSON.parse(answer.body)])).toEqual(
			afterRun.messages.map(() => [500, { message: 'Error in workflow' }]),
		);
		expect(writes()).toHaveLength(0);
		expect(broken.output()).toMatch(/Unrecognized node type: n8n-nodes-happytalk\.happyTalkTrigger/);
		// The Error workflow still runs (on a worker: it needs no package) and alerts once per lost message.
		expect(await until(() => alerts.length >= afterRun.messages.length, 30000)).toBe(true);
		await sleep(1000);
		expect(alerts.map((alert) => alert.error)).toEqual(
			afterRun.messages.map(() => 'Unrecognized node type: n8n-nodes-happytalk.happyTalkTrigger'),
		);
	});

	test('a worker with another encryption key: the reply fails; "After the Workflow Ran" answers 500, and an Error workflow alerts', async () => {
		for (const worker of cluster.workers) await worker.stop();
		alerts.splice(0);
		const otherKey = await cluster.add({ role: 'worker', name: 'worker-other-key', env: { N8N_ENCRYPTION_KEY: 'not-the-cluster-key' } });
		const { messages, answers } = await customersWrite(sandbox, `${hookUrl(AFTER_RUN.webhookId)}/${AFTER_RUN.secret}`, { rooms: 5, perRoom: 1, tag: 'key' });
		expect(answers.map((answer) => answer.status)).toEqual(messages.map(() => 500));
		expect(writes()).toHaveLength(0);
		// The reason is in each failed execution's data (n8n's execution list shows it).
		const failed = () =>
			Number(
				cluster.postgres.query(
					`SELECT count(*) FROM execution_data d JOIN execution_entity e ON e.id = d."executionId" WHERE e."workflowId" = '${AFTER_RUN.id}' AND d.data LIKE '%Credentials could not be decrypted%'`,
				)[0][0],
			);
		await until(() => failed() >= messages.length, 10000);
		expect(failed()).toBe(messages.length);
		expect(otherKey.alive()).toBe(true);
		// Here the workflow started and a node failed: the Error workflow alerts once per message.
		expect(await until(() => alerts.length >= messages.length, 30000)).toBe(true);
		await sleep(1000);
		expect(alerts).toHaveLength(messages.length);
		for (const alert of alerts) expect(alert.error).toMatch(/Credentials could not be decrypted/);
	});
});
