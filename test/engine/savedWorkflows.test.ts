/**
 * Saved workflows keep running as they were saved: the examples' HappyTalk nodes (and the version
 * 1 auto-reply bot frozen in test/fixtures/v1) run through n8n-core's WorkflowExecute with their
 * saved types, versions, parameters and connections, and n8n still reads every saved parameter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import { NodeHelpers, Workflow, type IConnections, type IDataObject, type INode, type INodeType } from 'n8n-workflow';

import { COMPANY_TOKEN, startSandbox, type Sandbox } from '../support/sandbox';
import { loadEngine, PACKAGE_NAME, PACKAGE_ROOT, shutdownEngine, type Engine } from './harness';

interface SavedWorkflow {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as SavedWorkflow;
const examplesDir = path.join(PACKAGE_ROOT, 'examples');
const saved: Array<[string, SavedWorkflow]> = [
	...readdirSync(examplesDir).map((file) => [`examples/${file}`, read(path.join(examplesDir, file))] as [string, SavedWorkflow]),
	['test/fixtures/v1/auto-reply-bot.json', read(path.join(PACKAGE_ROOT, 'test/fixtures/v1/auto-reply-bot.json'))],
];

const MAIN = `${PACKAGE_NAME}.happyTalk`;
const ours = (node: INode) => node.type.startsWith(`${PACKAGE_NAME}.`);

/**
 * What the node before our first node hands it, per example: n8n's own nodes (a trigger, a Code
 * node, a webhook) are not part of these tests.
 */
const INPUT: Record<string, IDataObject[]> = {
	'Reply in the same room': [{ uuid: 'customer_01', roomId: '5550001', text: '배송은 언제 오나요?' }],
	'Send to HappyTalk': [
		{ uuid: 'customer_01', roomId: '5550001', name: '김민준', body: { uuid: 'customer_01', roomId: '5550001', message: '안녕하세요' } },
		{ uuid: 'customer_02', roomId: '5550002', name: '이서연', body: { uuid: 'customer_02', roomId: '5550002', message: '네' } },
	],
};

let sandbox: Sandbox;
let bizApi: Engine;
let customerApi: Engine;
const nodeTypes = new Map<string, INodeType>();

beforeAll(async () => {
	sandbox = await startSandbox();
	bizApi = await loadEngine({ clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, environment: 'custom', baseUrl: sandbox.url });
	customerApi = await loadEngine({ companyToken: COMPANY_TOKEN, environment: 'custom', baseUrl: sandbox.url }, 'happyTalkCustomerApi');
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	await loader.loadAll();
	for (const name of ['happyTalk', 'happyTalkTrigger', 'happyTalkHistoryTrigger']) {
		nodeTypes.set(`${PACKAGE_NAME}.${name}`, loader.getNode(name).type as INodeType);
	}
});
beforeEach(() => {
	sandbox.reset();
	sandbox.setStrictRooms(false);
});
afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
});

describe.each(saved)('%s', (_file, workflow) => {
	test('n8n reads every saved parameter of our nodes, at the saved version', () => {
		for (const node of workflow.nodes.filter(ours)) {
			const type = node.type.endsWith('Tool') ? MAIN : node.type;
			const { description } = nodeTypes.get(type)!;
			const versions = ([] as number[]).concat(description.version);
			expect([node.name, versions.includes(node.typeVersion)]).toEqual([node.name, true]);
			const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description);
			// A parameter renamed, removed or hidden for this version would be dropped here.
			expect({ node: node.name, parameters: resolved }).toMatchObject({ node: node.name, parameters: node.parameters });
		}
	});

	const main = workflow.nodes.filter((node) => node.type === MAIN);
	// (An example without a HappyTalk node, e.g. only a trigger and the tool, has no such test.)
	if (main.length === 0) return;
	// A dialog pauses for the customer's answer and reads the trigger's item ($('Customer message')):
	// it runs only as a whole workflow in a real n8n (test/e2e/orderDialog.test.ts).
	if (main.some((node) => node.parameters.operation === 'sendAndWait')) return;
	test('its HappyTalk nodes run as saved, every item answered', async () => {
		const names = new Set(main.map((node) => node.name));
		const connections: IConnections = Object.fromEntries(
			Object.entries(workflow.connections)
				.filter(([from]) => names.has(from))
				.map(([from, { main: outputs }]) => [
					from,
					{ main: outputs.map((targets) => (targets ?? []).filter((target) => names.has(target.node))) },
				]),
		);
		const fedByOurs = new Set(Object.values(connections).flatMap((output) => output.main.flat().map((c) => c!.node)));
		const first = main.find((node) => !fedByOurs.has(node.name))!;
		const items = INPUT[first.name] ?? [{}];
		// The Biz API's resources; every other one reads the customer API.
		const customer = !['message', 'room', 'counselor'].includes(String(first.parameters.resource));
		// As after the quickstart's step 2: the auto-reply bot has answered customer_01 in room 5550001.
		await bizApi.runNode({ resource: 'message', operation: 'send', uuid: 'customer_01', roomId: '5550001', messageType: 'text', message: 'hi' }, [{}]);

		const run = await (customer ? customerApi : bizApi).runWorkflow(main, connections, first.name, items);

		expect(run.data.resultData.error).toBeUndefined();
		for (const node of main) {
			const output = run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
			const failed = output.filter((item) => item.json.error !== undefined);
			expect([node.name, failed]).toEqual([node.name, []]);
			if (!customer) expect([node.name, output.length]).toEqual([node.name, items.length]);
		}
	});
});

describe("HappyTalk Trigger's webhook path, as n8n registers it", () => {
	const webhookId = '0c3c6f5e-1b0a-4c61-9d0e-8a7b6c5d4e3f';
	const registered = (typeVersion: number, id: string, pathSecret = '') => {
		const nodeType = nodeTypes.get(`${PACKAGE_NAME}.happyTalkTrigger`)!;
		const node: INode = {
			id: `node-${id}`,
			name: 'Customer message',
			type: `${PACKAGE_NAME}.happyTalkTrigger`,
			typeVersion,
			position: [0, 0],
			webhookId: id,
			parameters: { pathSecret, options: {} },
		};
		const workflow = new Workflow({
			id: 'wf',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
		});
		const webhook = nodeType.description.webhooks![0];
		const nodePath = String(workflow.expression.getSimpleParameterValue(node, webhook.path, 'internal', {}));
		return {
			// The key of n8n's webhook table, as WebhookService.getNodeWebhooks builds it.
			key: NodeHelpers.getNodeWebhookPath('wf', node, nodePath, webhook.isFullPath as boolean),
			url: NodeHelpers.getNodeWebhookUrl('https://n8n.example/webhook', 'wf', node, nodePath, webhook.isFullPath as boolean),
		};
	};

	test('version 1 keeps the URL HappyTalk has registered', () => {
		expect(registered(1, webhookId)).toEqual({ key: 'message/:uuid', url: `https://n8n.example/webhook/${webhookId}/message/:uuid` });
		expect(registered(1, webhookId, 'k7Qx_s')).toEqual({
			key: 'k7Qx_s/message/:uuid',
			url: `https://n8n.example/webhook/${webhookId}/k7Qx_s/message/:uuid`,
		});
	});

	test('version 2 puts the webhook id in the path, so no two triggers share a key (generated ids and secrets)', () => {
		expect(registered(2, webhookId)).toEqual({
			key: `${webhookId}/message/:uuid`,
			url: `https://n8n.example/webhook/${webhookId}/${webhookId}/message/:uuid`,
		});
		const secrets = ['', 'shared-secret', 'a', 'Z_9-'];
		const keys = { v1: new Set<string>(), v2: new Set<string>() };
		const triggers = 200;
		for (let i = 0; i < triggers; i++) {
			const secret = secrets[i % secrets.length];
			const id = crypto.randomUUID();
			keys.v1.add(registered(1, id, secret).key);
			keys.v2.add(registered(2, id, secret).key);
		}
		// Version 1: one key per Path Secret, whatever the webhook id; version 2: one per trigger.
		expect([keys.v1.size, keys.v2.size]).toEqual([secrets.length, triggers]);
	});

	test('new triggers get 2; the move notice shows on version 1 only', () => {
		const { description } = nodeTypes.get(`${PACKAGE_NAME}.happyTalkTrigger`)!;
		expect([description.version, description.defaultVersion]).toEqual([[1, 2], 2]);
		const notice = description.properties.find((property) => property.name === 'versionOneNotice')!;
		const shown = (typeVersion: number) =>
			NodeHelpers.displayParameter({}, notice, { typeVersion } as INode, description);
		expect([shown(1), shown(2)]).toEqual([true, false]);
	});
});

describe('canvas subtitles, as n8n evaluates them', () => {
	const subtitle = (name: string, parameters: INode['parameters']) => {
		const nodeType = nodeTypes.get(`${PACKAGE_NAME}.${name}`)!;
		const node: INode = { id: 'n', name: 'Node', type: `${PACKAGE_NAME}.${name}`, typeVersion: 1, position: [0, 0], parameters };
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
		});
		return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {});
	};

	test("the HappyTalk node shows the operation's action, never its internal values", () => {
		const { description } = nodeTypes.get(MAIN)!;
		const operations = description.properties.filter((property) => property.name === 'operation');
		const shown = operations.flatMap((property) =>
			(property.options as Array<{ value: string; action: string }>).map((option) => {
				const resource = String(property.displayOptions!.show!.resource![0]);
				return [resource, option.value, subtitle('happyTalk', { resource, operation: option.value })];
			}),
		);
		expect(shown.length).toBeGreaterThanOrEqual(8);
		for (const [resource, operation, text] of shown) {
			const action = (operations.flatMap((property) => property.options) as Array<{ value: string; action: string }>).find(
				(option) => option.value === operation,
			)!.action;
			expect([resource, operation, text]).toEqual([resource, operation, action]);
		}
		expect(subtitle('happyTalk', { resource: 'history', operation: 'getManyRooms' })).toBe('Get many counseling rooms');
	});

	test("the Counseling Trigger's subtitle says what it emits, not its own name again", () => {
		expect(subtitle('happyTalkHistoryTrigger', { options: {} })).toBe('Completed rooms, with messages');
		expect(subtitle('happyTalkHistoryTrigger', { options: { includeMessages: false } })).toBe('Completed rooms');
	});
});
