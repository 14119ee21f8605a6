/**
 * The whole chatbot loop in a real n8n: the sandbox's customer writes, HappyTalk Trigger starts the
 * active auto-reply workflow, and the reply lands in the same room; plus open → send → end, and the
 * trigger's rejections.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CREDENTIAL, outputOf, prepareRealN8n, type RealN8n, type Server } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflows = require('../../scripts/workflows');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_MATRIX, REPO, activateCommand, ownerSession, runtimeDir } = require('../../scripts/n8n');

const OWNER = { email: 'chatbot-test@happytalk.example', firstName: 'Chat', lastName: 'Bot', password: 'HappyTalk-E2e-2026' };

const example = (name: string) =>
	JSON.parse(readFileSync(path.join(REPO, 'examples', `${name}.json`), 'utf8')) as {
		id: string;
		nodes: Array<{ type: string; webhookId?: string }>;
	};
const autoReply = example('auto-reply-bot');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { receivePath, triggerOf } = require('../../scripts/receivePath');
// The path up to /message/:uuid after /webhook/ (version 2 repeats the webhook id).
const autoReplyWebhookId: string = (receivePath(triggerOf(autoReply)) as string).replace(/^webhook\//, '');

const GUARDED = { id: 'HtE2eGuarded0001', webhookId: '3b1f6c2a-9d4e-4f8a-b7c6-5e4d3c2b1a09', secret: 'k7Qx-path-secret_2026' };
const guardedWorkflow = {
	id: GUARDED.id,
	name: 'e2e guarded trigger',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'guarded-trigger',
			name: 'Customer message',
			type: 'n8n-nodes-happytalk.happyTalkTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: GUARDED.webhookId,
			parameters: { pathSecret: GUARDED.secret, options: { messageTypes: ['text'] } },
		},
		{
			...workflows.sendTextNode({ name: 'Reply', message: '=guarded: {{ $json.text }}' }),
			id: 'guarded-reply',
			position: [220, 0],
		},
	],
	connections: { 'Customer message': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
};

// Its Path Secret starts with ":": before the rule, n8n took it for a path parameter, so that any
// value in its place (".../anything/message/...") started the workflow. Now it never activates.
const OPEN = { id: 'HtE2eOpenSecret1', webhookId: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', secret: ':open' };
const openWorkflow = {
	...guardedWorkflow,
	id: OPEN.id,
	name: 'e2e path secret outside the rule',
	nodes: [
		{ ...guardedWorkflow.nodes[0], id: 'open-trigger', webhookId: OPEN.webhookId, parameters: { pathSecret: OPEN.secret } },
		{ ...guardedWorkflow.nodes[1], id: 'open-reply' },
	],
};

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? N8N_MATRIX.join(','))
	.split(',')
	.filter(Boolean);

describe.each(versions)('n8n %s: a HappyTalk chatbot from our nodes alone', (version) => {
	let n8n: RealN8n;
	let server: Server;
	const writes = () => n8n.sandbox.requests.filter((request) => request.path === '/v1/chat/write');
	const settle = async (predicate: () => boolean, timeoutMs = 20000) => {
		const deadline = Date.now() + timeoutMs;
		while (!predicate() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
	};

	beforeAll(async () => {
		n8n = await prepareRealN8n(version);
		await n8n.importWorkflows([guardedWorkflow, openWorkflow]);
		for (const id of [autoReply.id, GUARDED.id, OPEN.id]) {
			expect((await n8n.cli(activateCommand(version, id))).code).toBe(0);
		}
		server = await n8n.startServer([
			`${autoReplyWebhookId}/message/:uuid`,
			`${GUARDED.webhookId}/${GUARDED.secret}/message/:uuid`,
		]);
	});

	beforeEach(() => n8n.sandbox.reset());

	afterAll(async () => {
		await n8n?.dispose();
	});

	test("a customer's message starts the auto-reply bot, and the reply lands in the same room", async () => {
		const receiveUrl = `${server.url}/webhook/${autoReplyWebhookId}`;
		const sent = await n8n.sandbox.sendCustomerMessage({
			receiveUrl,
			uuid: 'customer_07',
			room_id: '100123',
			text: '배송은 언제 오나요?',
		});
		expect(sent.status).toBe(200);
		expect(JSON.parse(sent.body)).toEqual({ ok: true });
		await settle(() => writes().length > 0);
		expect(writes().map((request) => request.body)).toEqual([
			{
				uuid: 'customer_07',
				room_id: '100123',
				type: 'text',
				msg: '"배송은 언제 오나요?" 메시지를 잘 받았습니다. 잠시만 기다려 주세요!',
			},
		]);
	});

	const exportedStaticData = async (workflowId: string) => {
		const folder = mkdtempSync(path.join(tmpdir(), 'happytalk-export-'));
		const file = path.join(folder, 'workflow.json');
		try {
			expect((await n8n.cli(['export:workflow', `--id=${workflowId}`, `--output=${file}`])).code).toBe(0);
			const [exported] = JSON.parse(readFileSync(file, 'utf8')) as Array<{ staticData?: Record<string, Record<string, unknown>> | null }>;
			return exported.staticData ?? {};
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	};

	test('activation records a fingerprint of the receive domain (the webhook lifecycle), never the secret, and calls no one', async () => {
		const receiveDomain = `${server.url}/webhook/${GUARDED.webhookId}/${GUARDED.secret}`;
		const staticData = await exportedStaticData(GUARDED.id);
		expect(staticData['node:Customer message']).toEqual({
			receiveDomainFingerprint: `sha256:${createHash('sha256').update(receiveDomain).digest('hex')}`,
		});
		expect(JSON.stringify(staticData)).not.toContain(GUARDED.secret);
		expect(server.output()).not.toContain(GUARDED.secret);
		expect(n8n.sandbox.requests).toEqual([]);
	});

	test("zod comes from n8n: the installed package brings none, and n8n's own gives zod/v3", () => {
		const installed = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-happytalk');
		expect(existsSync(path.join(installed, 'package.json'))).toBe(true);
		expect(existsSync(path.join(installed, 'node_modules', 'zod'))).toBe(false);
		// n8n puts the module paths of its CLI's folder on NODE_PATH before it loads community packages.
		const cli = path.join(runtimeDir(version), 'node_modules', 'n8n', 'dist');
		expect(require.resolve('zod/v3', { paths: [cli] })).toContain(runtimeDir(version));
		const { version: zodVersion } = JSON.parse(readFileSync(require.resolve('zod/package.json', { paths: [cli] }), 'utf8'));
		expect(zodVersion).toMatch(/^(3\.(2[5-9]|[3-9]\d)|[4-9])\./);
	});

	test('a Path Secret outside the rule (":open") does not activate: no guessed path starts the workflow', async () => {
		const base = `${server.url}/webhook/${OPEN.webhookId}`;
		const message = { uuid: 'customer_09', room_id: '100125', type: 'text', msgid: 'm-9', content: 'guess', image: '', auto_end: 'N' };
		for (const guess of ['anything', 'open', ':open', '%3Aopen']) {
			const answer = await fetch(`${base}/${guess}/message/customer_09`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(message),
			});
			expect([guess, answer.status]).toEqual([guess, 404]);
		}
		// n8n 1.x and 2.8 name the refusal where an admin looks: the server's log. n8n 2.41.1 prints
		// no activation error to its console (seen in a CI run); the guesses above got 404 there too.
		if (!version.startsWith('2.41.')) {
			expect(server.output()).toContain('The Path Secret may contain only letters A-Z and a-z, digits, - and _; found ":"');
		}
		// n8n calls the trigger's delete after the failed activation: an empty node entry at most.
		expect(Object.values(await exportedStaticData(OPEN.id)).flatMap((data) => Object.keys(data))).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(writes()).toEqual([]);
	});

	test("the trigger's answers: strangers and what cannot be a delivery are refused, everything else is taken", async () => {
		const base = `${server.url}/webhook/${GUARDED.webhookId}`;
		const guarded = `${base}/${GUARDED.secret}`;
		const post = (url: string, body: string, contentType = 'application/json') =>
			fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
		const message = { uuid: 'customer_08', room_id: '100124', type: 'text', msgid: 'm-1', content: 'hi', image: '', auto_end: 'N' };

		// No secret, a wrong secret, a path without /message/{uuid}: n8n knows no such webhook.
		expect((await post(`${base}/message/customer_08`, JSON.stringify(message))).status).toBe(404);
		expect((await post(`${base}/wrong-secret/message/customer_08`, JSON.stringify(message))).status).toBe(404);
		expect((await post(`${guarded}/customer_08`, JSON.stringify(message))).status).toBe(404);

		// A malformed uuid, a body that is not JSON or not an object: 400 from the trigger.
		const refusals = [
			[`${guarded}/message/customer%2008`, JSON.stringify(message), 'application/json', /the uuid being 1 to 128 characters/],
			[`${guarded}/message/customer_08`, 'hello', 'text/plain', /the body is not JSON/],
			[`${guarded}/message/customer_08`, JSON.stringify([message]), 'application/json', /JSON but not an object/],
		] as const;
		for (const [url, body, contentType, problem] of refusals) {
			const answer = await post(url, body, contentType);
			expect([answer.status, await answer.json()]).toEqual([400, { ok: false, error: expect.stringMatching(problem) }]);
		}
		// Labelled JSON but broken: n8n itself answers 422 before the trigger runs.
		expect((await post(`${guarded}/message/customer_08`, '{"room_id": ')).status).toBe(422);

		// A uuid outside the Biz API's 5 to 20 characters is still HappyTalk's: taken (marked uuidValid: false).
		const short = await post(`${guarded}/message/abc`, JSON.stringify({ ...message, uuid: 'abc', type: 'image' }));
		expect([short.status, await short.json()]).toEqual([200, { ok: true, ignored: 'message type "image"' }]);

		// The type filter ignores a known type it was not asked for, and says so.
		const image = await n8n.sandbox.sendCustomerMessage({
			receiveUrl: guarded,
			uuid: 'customer_08',
			room_id: '100124',
			image: { url: 'https://x.io/photo.png', width: 10, height: 10 },
		});
		expect([image.status, JSON.parse(image.body)]).toEqual([200, { ok: true, ignored: 'message type "image"' }]);

		// A JSON body sent as text/plain is still read.
		const plain = await post(`${guarded}/message/customer_08`, JSON.stringify({ ...message, content: 'only this one' }), 'text/plain');
		expect([plain.status, await plain.json()]).toEqual([200, { ok: true }]);
		await settle(() => writes().length > 0);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(writes().map((request) => request.body?.msg)).toEqual(['guarded: only this one']);
	});

	test('V2: a template message and an unknown layout still reach the auto-reply bot', async () => {
		const receiveUrl = `${server.url}/webhook/${autoReplyWebhookId}`;
		const post = (uuid: string, body: object) =>
			fetch(`${receiveUrl}/message/${uuid}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const template = {
			room_id: '100131',
			type: 'template',
			msgid: 'v2-1',
			content: JSON.stringify({ type: 'TEXT', message: '버튼을 눌렀어요', isLocked: false, buttonList: [{ type: 'TEXT', name: '상담원 연결' }] }),
		};
		const unknown = { roomId: '100132', messageId: 'v2-2', text_body: 'ignored', message: '새 형식의 메시지' };
		expect([(await post('customer_12', template)).status, (await post('customer_13', unknown)).status]).toEqual([200, 200]);
		await settle(() => writes().length >= 2);
		const replies = writes()
			.map((request) => request.body as Record<string, string>)
			.sort((a, b) => a.room_id.localeCompare(b.room_id));
		expect(replies).toEqual([
			{ uuid: 'customer_12', room_id: '100131', type: 'text', msg: expect.stringContaining('"버튼을 눌렀어요"') },
			{ uuid: 'customer_13', room_id: '100132', type: 'text', msg: expect.stringContaining('"새 형식의 메시지"') },
		]);
	});

	test('example "open-send-end": open a room, talk, end it', async () => {
		n8n.sandbox.setStrictRooms(true);
		const { run } = await n8n.execute(example('open-send-end').id);
		expect(run.data.resultData.error).toBeUndefined();
		const opened = outputOf(run, 'Open room').items[0].json;
		expect(opened).toMatchObject({ opened: true, uuid: 'customer_05', roomId: String(opened.room_id), code: 0 });
		expect(opened).not.toHaveProperty('counsellingAvailable');
		expect(outputOf(run, 'End room').items[0].json).toEqual({ ended: true, uuid: 'customer_05', roomId: opened.room_id, code: 0, message: '' });
		expect(n8n.sandbox.requests.map((request) => request.path)).toEqual(['/v1/chat/open', '/v1/chat/write', '/v1/chat/end']);
		expect(n8n.sandbox.requests[0].body).toMatchObject({ uuid: 'customer_05', title: '주문 문의', parameter1: 'vip', parameter2: 'app' });
		expect(n8n.sandbox.requests[1].body).toMatchObject({ room_id: opened.room_id, type: 'text' });
		expect(n8n.sandbox.rooms).toEqual([expect.objectContaining({ room_id: opened.room_id, state: 'ended' })]);
	});

	test("the credential's Test button: the keys work, a remote plain-http Base URL is named, a password in it is not", async () => {
		const { cookie } = await ownerSession(server.url, OWNER);
		const testCredential = async (data: Record<string, string>) => {
			const response = await fetch(`${server.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json' },
				// n8n 2.41 tests a saved credential (its id) with the data the editor shows.
				body: JSON.stringify({ credentials: { id: CREDENTIAL.id, name: CREDENTIAL.name, type: 'happyTalkApi', data } }),
			});
			expect(response.status).toBe(200);
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		};
		const keys = { clientId: n8n.sandbox.clientId, clientSecret: n8n.sandbox.clientSecret, environment: 'custom' };
		expect(await testCredential({ ...keys, baseUrl: n8n.sandbox.url })).toEqual({ status: 'OK', message: 'Connection successful!' });
		const refused = await testCredential({ ...keys, baseUrl: 'http://happytalk-proxy.example.com' });
		expect(refused.status).toBe('Error');
		expect(refused.message).toContain("The credential's Base URL must start with https://");
		// A user name and password in the URL: refused, and repeated nowhere n8n shows or logs.
		const password = 'Pa55-w0rd-XYZ';
		const withUserInfo = await testCredential({ ...keys, baseUrl: `https://proxyUser7Q:${password}@happytalk-proxy.example.com` });
		expect(withUserInfo.status).toBe('Error');
		expect(withUserInfo.message).toContain("The credential's Base URL must not contain a user name or password");
		expect(`${withUserInfo.message}\n${server.output()}`).not.toMatch(/proxyUser7Q|Pa55-w0rd-XYZ/);
		expect(n8n.sandbox.requests.map((request) => request.path)).toEqual(['/v1/chat/isCounselor']);
	});

	test('example "ai-agent-replies": n8n knows every node in it, our node as an AI tool included', async () => {
		const exported = await n8n.cli(['export:workflow', `--id=${example('ai-agent-replies').id}`]);
		expect(exported.code).toBe(0);
		const { cookie } = await ownerSession(server.url, OWNER);
		const response = await fetch(`${server.url}/types/nodes.json`, { headers: { cookie } });
		const known = new Set(((await response.json()) as Array<{ name: string }>).map((node) => node.name));
		for (const node of example('ai-agent-replies').nodes) expect([node.type, known.has(node.type)]).toEqual([node.type, true]);
	});
});
