/**
 * The HappyTalk Trigger's activation in n8n-core's real hook context, the way n8n activates a
 * webhook: the path from the node's own expression, then checkExists and create. Generated Path
 * Secrets: only those inside the rule activate, and no secret reaches the static data. Then
 * deliveries through n8n-core's webhook context.
 */
import { fc, test } from '@fast-check/jest';
import { HookContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { PATH_SECRET_RULE } from '../../nodes/HappyTalkTrigger/pathSecret';
import { expressResponse, loadPackageNodeTypes, PACKAGE_NAME } from './harness';

const TRIGGER_TYPE = `${PACKAGE_NAME}.happyTalkTrigger`;
const WEBHOOK_ID = '3b1f6c2a-9d4e-4f8a-b7c6-5e4d3c2b1a09';
const additionalData = { webhookBaseUrl: 'http://127.0.0.1:5678/webhook', webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test' } as IWorkflowExecuteAdditionalData;

let nodeTypes: INodeTypes;
let triggerType: INodeType;

beforeAll(async () => {
	nodeTypes = await loadPackageNodeTypes();
	triggerType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
});

function triggerNode(pathSecret: string): INode {
	return {
		id: 'trigger',
		name: 'Customer message',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: { pathSecret },
	};
}

/** As n8n's WebhookService: the path, its webhook id when dynamic, then checkExists / create. */
async function activate(pathSecret: string, staticData: IDataObject = {}) {
	const node = triggerNode(pathSecret);
	const workflow = new Workflow({ id: 'activation-test', nodes: [node], connections: {}, active: true, nodeTypes, staticData });
	const description = triggerType.description.webhooks![0];
	const nodePath = String(workflow.expression.getSimpleParameterValue(node, description.path, 'internal', {}));
	const path = NodeHelpers.getNodeWebhookPath(workflow.id, node, nodePath, true);
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: path.startsWith(':') || path.includes('/:') ? WEBHOOK_ID : undefined,
	};
	const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
	const methods = triggerType.webhookMethods!.default!;
	const outcome: { path: string; staticData: IDataObject; activated: boolean; error?: Error & { description?: string } } = {
		path,
		staticData: workflow.staticData as IDataObject,
		activated: true,
	};
	try {
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
	} catch (error) {
		outcome.activated = false;
		outcome.error = error as Error & { description?: string };
	}
	return outcome;
}

const ruleCharacter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-');
const validSecret = fc.string({ unit: ruleCharacter, minLength: PATH_SECRET_RULE.min, maxLength: PATH_SECRET_RULE.max });
const staticSegments = (path: string) => path.split('/').filter((segment) => !segment.startsWith(':'));

test.prop([validSecret])('a secret inside the rule activates: the secret is one plain segment, none in static data', async (secret) => {
	const result = await activate(secret);
	expect(result).toMatchObject({ activated: true, path: `${secret}/message/:uuid` });
	// n8n matches a dynamic webhook by its plain segments: the secret must be one of them.
	expect(staticSegments(result.path)).toEqual([secret, 'message']);
	expect(JSON.stringify(result.staticData)).not.toContain(secret);
	expect(result.staticData).toEqual({ 'node:Customer message': { receiveDomainFingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } });
});

const outsideRule = fc.oneof(
	// Too short or too long.
	fc.string({ unit: ruleCharacter, minLength: 1, maxLength: PATH_SECRET_RULE.min - 1 }),
	fc.string({ unit: ruleCharacter, minLength: PATH_SECRET_RULE.max + 1, maxLength: 300 }),
	// The right length with a character outside the rule somewhere, ":" first included.
	fc
		.tuple(validSecret, fc.constantFrom(':', '/', '?', '#', '%', ' ', '.', '~', '한', '\u0000'), fc.nat())
		.map(([secret, character, at]) => {
			const position = character === ':' ? 0 : at % secret.length;
			return secret.slice(0, position) + character + secret.slice(position + 1);
		}),
);

test.prop([outsideRule])('a secret outside the rule does not activate, and the refusal never repeats it', async (secret) => {
	const result = await activate(secret);
	expect(result.activated).toBe(false);
	const words = `${result.error?.message} ${result.error?.description}`;
	expect(result.error?.message).toMatch(/^The Path Secret (may contain only|must be \d+ to \d+ characters)/);
	// Only the characters that are not allowed may be named; the secret's run of allowed ones never.
	const allowedRun = secret.match(/[A-Za-z0-9_-]{6,}/g) ?? [];
	for (const run of allowedRun) expect(words).not.toContain(run);
	expect(result.staticData).toEqual({});
});

test('":open" would have made a path that matches any value in its place; it does not activate', async () => {
	const result = await activate(':open-sesame-0123456789');
	expect(staticSegments(result.path)).toEqual(['message']);
	expect(result).toMatchObject({ activated: false, error: { message: expect.stringContaining('found ":"') } });
});

test('no secret: the path is message/:uuid under the webhook id, as before', async () => {
	expect(await activate('')).toMatchObject({ activated: true, path: 'message/:uuid' });
});

test('activating again keeps one fingerprint and drops the plain domain that earlier releases kept; another secret, another fingerprint', async () => {
	const secret = 'k7Qx-path-secret_2026';
	const first = await activate(secret);
	const again = await activate(secret, { 'node:Customer message': { ...first.staticData['node:Customer message'] as IDataObject, receiveDomain: `http://127.0.0.1:5678/webhook/${WEBHOOK_ID}/${secret}` } });
	expect(again.staticData).toEqual(first.staticData);
	const other = await activate('another-path-secret-0001', JSON.parse(JSON.stringify(first.staticData)) as IDataObject);
	expect(other.staticData).not.toEqual(first.staticData);
	expect(JSON.stringify(other.staticData)).not.toContain('another-path-secret-0001');
});

/**
 * One delivery through n8n-core's webhook context. The request and response are the few fields of
 * express's objects that n8n hands a webhook (`params` from the matched path, the parsed body).
 */
async function deliver(pathSecret: string, params: IDataObject, body: IDataObject) {
	const node = triggerNode(pathSecret);
	const workflow = new Workflow({ id: 'delivery-test', nodes: [node], connections: {}, active: true, nodeTypes });
	const { answer, response } = expressResponse();
	const data = { ...additionalData, httpRequest: { params, body, headers: {}, query: {} }, httpResponse: response } as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = { httpMethod: 'POST', node: node.name, path: '', webhookDescription: triggerType.description.webhooks![0], workflowId: workflow.id, workflowExecuteAdditionalData: data } as IWebhookData;
	const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
	const result = await triggerType.webhook!.call(context);
	return { answer, result, items: result.workflowData?.[0]?.map((item) => item.json) };
}

const message = { room_id: '100001', type: 'text', msgid: 'm-1', content: 'hi', image: '', auto_end: 'N' };

test.prop([outsideRule.filter((secret) => secret.startsWith(':'))], { numRuns: 20 })(
	'a trigger whose secret breaks the rule (registered before the rule existed) answers 404 and starts nothing',
	async (secret) => {
		const { answer, result } = await deliver(secret, { uuid: 'customer_01', [secret.slice(1)]: 'anything' }, message);
		expect(answer).toEqual({ status: 404, body: { ok: false, error: 'Not found' } });
		expect(result).toEqual({ noWebhookResponse: true });
	},
);

test('a 3-character uuid is taken, marked uuidValid: false; a customer_01 is valid', async () => {
	const short = await deliver('k7Qx-path-secret_2026', { uuid: 'abc' }, { ...message, uuid: 'abc' });
	expect(short.items).toEqual([expect.objectContaining({ uuid: 'abc', uuidValid: false, roomId: '100001', text: 'hi', layout: 'v1' })]);
	const valid = await deliver('', { uuid: 'customer_01' }, message);
	expect(valid.items).toEqual([expect.objectContaining({ uuid: 'customer_01', uuidValid: true })]);
});
