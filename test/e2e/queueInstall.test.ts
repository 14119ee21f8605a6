/**
 * The package installed the way most admins install community nodes: n8n's editor, Settings →
 * Community Nodes → Install, here in queue mode. No process has the package at start. The main
 * downloads it from registry.npmjs.org (a local stand-in: the package is not published yet, and n8n
 * accepts no other registry without a licence) and tells every worker and webhook process over
 * Redis to install it too; a worker started later installs it itself with
 * N8N_REINSTALL_MISSING_PACKAGES. Then the chatbot runs on the workers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startLocalRegistry, type LocalRegistry } from '../support/localRegistry';
import { startNpmjsStandIn, type NpmjsStandIn } from '../support/npmjsStandIn';
import { startQueueCluster, startedExecutions, type Cluster, type Service } from '../support/queueCluster';
import { startSandbox, type Sandbox } from '../support/sandbox';
import { sleep, until } from '../support/waiting';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importDemoData } = require('../../scripts/demoData');


const VERSION: string = process.env.HAPPYTALK_QUEUE_N8N_VERSION ?? n8n.N8N_VERSIONS.current;
const { name: PACKAGE, version: PACKAGE_VERSION } = JSON.parse(readFileSync(path.join(n8n.REPO, 'package.json'), 'utf8'));
const TARBALL_PATH = `/${PACKAGE}/-/${PACKAGE}-${PACKAGE_VERSION}.tgz`;
const OWNER = { email: 'queue-install@happytalk.example', firstName: 'Queue', lastName: 'Admin', password: 'HappyTalk-E2e-2026' };
const autoReply = JSON.parse(readFileSync(path.join(n8n.REPO, 'examples', 'auto-reply-bot.json'), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { receivePath, triggerOf } = require('../../scripts/receivePath');
// The path up to /message/:uuid after /webhook/ (version 2 repeats the webhook id).
const AUTO_REPLY_HOOK: string = (receivePath(triggerOf(autoReply)) as string).replace(/^webhook\//, '');

const installedLog = (service: Service) => service.output().includes(`Community package installed: ${PACKAGE}`);

describe(`n8n ${VERSION} in queue mode: the package installed from the editor reaches every process`, () => {
	let sandbox: Sandbox;
	let registry: LocalRegistry;
	let npmjs: NpmjsStandIn;
	let cluster: Cluster;
	let cookie: string;
	const folders: string[] = [];
	const installedIn = (service: Service) => existsSync(path.join(cluster.root, service.name, '.n8n', 'nodes', 'node_modules', PACKAGE, 'package.json'));
	const rest = (route: string, init: RequestInit = {}) =>
		fetch(`${cluster.main.url}/rest${route}`, { ...init, headers: { 'content-type': 'application/json', cookie, ...init.headers } });
	const writes = () => sandbox.requests.filter((request) => request.path === '/v1/chat/write' && request.code === 0);

	beforeAll(async () => {
		sandbox = await startSandbox();
		const packFolder = mkdtempSync(path.join(tmpdir(), 'happytalk-pack-'));
		folders.push(packFolder);
		registry = await startLocalRegistry(n8n.packPackage(packFolder));
		npmjs = await startNpmjsStandIn(registry);
		cluster = await startQueueCluster({
			version: VERSION,
			// No process has the package: the editor's install brings it.
			tarball: null,
			processes: [
				{ role: 'worker', name: 'worker-1' },
				{ role: 'worker', name: 'worker-2' },
				{ role: 'webhook', name: 'webhook', env: npmjs.env },
			],
			mainEnv: npmjs.env,
			workerEnv: npmjs.env,
			prepare: (cliEnv: Record<string, string>) =>
				importDemoData(cliEnv, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version: VERSION }),
		});
		({ cookie } = await n8n.ownerSession(cluster.main.url, OWNER));
	});

	afterAll(async () => {
		await cluster?.stop();
		await npmjs?.close();
		await registry?.close();
		await sandbox?.close();
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});

	test('Install on the main: every worker and the webhook process install it too, from the same registry', async () => {
		const answer = await rest('/community-packages', { method: 'POST', body: JSON.stringify({ name: PACKAGE }) });
		// n8n's own message on a refusal (e.g. what npm said) is part of the failure.
		expect([answer.status, answer.ok ? '' : await answer.clone().text()]).toEqual([200, '']);
		const { data } = (await answer.json()) as { data: { packageName: string; installedVersion: string; installedNodes: Array<{ type: string }> } };
		expect([data.packageName, data.installedVersion]).toEqual([PACKAGE, PACKAGE_VERSION]);
		expect(data.installedNodes.map((node) => node.type).sort()).toEqual(
			['happyTalk', 'happyTalkHistoryTrigger', 'happyTalkTrigger'].map((node) => `${PACKAGE}.${node}`),
		);

		const others = [...cluster.workers, ...cluster.webhooks];
		expect(await until(() => others.every(installedLog), 60000)).toBe(true);
		for (const service of [cluster.main, ...others]) expect([service.name, installedIn(service)]).toEqual([service.name, true]);
		// Each process fetched the tarball itself.
		expect(registry.requests.filter((request) => request === TARBALL_PATH)).toHaveLength(1 + others.length);
	});

	test('then the chatbot, activated in the editor, runs on both workers: every message answered once, in its room', async () => {
		const workflow = await rest(`/workflows/${autoReply.id}`);
		const { versionId } = ((await workflow.json()) as { data: { versionId: string } }).data;
		const activated = await rest(`/workflows/${autoReply.id}/activate`, { method: 'POST', body: JSON.stringify({ versionId }) });
		expect(activated.status).toBe(200);

		const receiveUrl = `${cluster.webhooks[0].url}/webhook/${AUTO_REPLY_HOOK}`;
		// The webhook process learns of the activation from the database.
		await n8n.waitForWebhooks(cluster.webhooks[0].url, [`${AUTO_REPLY_HOOK}/message/:uuid`]);

		const messages = Array.from({ length: 40 }, (_, i) => ({ uuid: `inst_${i % 10}`, room_id: `install-${i % 10}`, text: `installed ${i}` }));
		const before = cluster.workers.map((worker) => startedExecutions(worker).length);
		const answers = await Promise.all(messages.map((message) => sandbox.sendCustomerMessage({ receiveUrl, ...message })));
		expect(answers.map((answer) => answer.status)).toEqual(messages.map(() => 200));
		expect(await until(() => writes().length >= messages.length, 60000)).toBe(true);
		await sleep(1000);
		for (const message of messages) {
			const matching = writes().filter((reply) => String(reply.body?.msg).startsWith(`"${message.text}" `));
			expect([message.text, matching.map((reply) => reply.body?.room_id)]).toEqual([message.text, [message.room_id]]);
		}
		const ran = cluster.workers.map((worker, i) => startedExecutions(worker).length - before[i]);
		expect(ran.reduce((a, b) => a + b, 0)).toBe(messages.length);
		for (const count of ran) expect(count).toBeGreaterThan(0);
	});

	test('a worker added later installs it at start with N8N_REINSTALL_MISSING_PACKAGES=true, and runs the chatbot', async () => {
		for (const worker of cluster.workers) await worker.stop();
		const late = await cluster.add({ role: 'worker', name: 'worker-late', env: { N8N_REINSTALL_MISSING_PACKAGES: 'true' } });
		expect(installedIn(late)).toBe(true);

		sandbox.reset();
		const answer = await sandbox.sendCustomerMessage({
			receiveUrl: `${cluster.webhooks[0].url}/webhook/${AUTO_REPLY_HOOK}`,
			uuid: 'inst_late',
			room_id: 'install-late',
			text: 'a late worker',
		});
		expect(answer.status).toBe(200);
		expect(await until(() => writes().length > 0, 30000)).toBe(true);
		expect(writes().map((reply) => reply.body?.room_id)).toEqual(['install-late']);
		expect(startedExecutions(late)).toHaveLength(1);
		expect(late.output()).not.toMatch(/Unrecognized node type/);
	});
});
