/**
 * The HappyTalk Trigger hands a reply to the execution waiting in its room from `webhook()`, before
 * n8n would start an execution. Through n8n-core's real engine: the dialog (Trigger → Ask, Message →
 * Send and Wait for Reply) runs in WorkflowExecute until it pauses; the customer's next message goes
 * through the trigger's `webhook()` in n8n-core's WebhookContext; a stand-in for n8n's
 * /webhook-waiting server runs the waiting node's own `webhook()` in a WebhookContext with the paused
 * execution's data, as n8n's waiting-webhook handler does. (Continuing the workflow after the
 * resume, the n8n API path and queue mode need n8n's server: test/e2e/sendAndWait.test.ts.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeTypes,
	type IRun,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { expressResponse, loadPackageNodeTypes, NODE_TYPE, PACKAGE_NAME, useSandboxEngine } from './harness';

const live = useSandboxEngine();
const WORKFLOW_ID = 'engine-test';
const trigger: INode = {
	id: 'trigger-node',
	name: 'HappyTalk Trigger',
	type: `${PACKAGE_NAME}.happyTalkTrigger`,
	typeVersion: 2,
	position: [0, 0],
	webhookId: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f',
	parameters: {},
};
const ask: INode = {
	id: 'ask-node',
	name: 'Ask',
	type: NODE_TYPE,
	typeVersion: 1,
	position: [200, 0],
	parameters: {
		resource: 'message',
		operation: 'sendAndWait',
		uuid: '={{ $json.uuid }}',
		roomId: '={{ $json.roomId }}',
		messageType: 'text',
		message: 'Order number?',
	},
};
const connections: IConnections = { [trigger.name]: { main: [[{ node: ask.name, type: 'main' as never, index: 0 }]] } };

let nodeTypes: INodeTypes;
/** The stand-in for n8n's waiting webhooks: what each paused execution resumed with. */
let waitingServer: Server;
let waitingBaseUrl: string;
const paused = new Map<string, IRun>();
const resumedWith = new Map<string, IWebhookResponseData>();
/** `reset`: the connection breaks after the hand-over was sent (n8n may have resumed the execution). */
let waitingServerMode: 'resume' | 'reset' = 'resume';

beforeAll(async () => {
	nodeTypes = await loadPackageNodeTypes();
	waitingServer = createServer((request, response) => {
		void (async () => {
			const body = await readJson(request);
			if (waitingServerMode === 'reset') {
				request.socket.destroy();
				return;
			}
			const [executionId, nodeId] = (request.url ?? '').replace(/^\/webhook-waiting\//, '').split('/');
			const run = paused.get(executionId);
			if (!run || nodeId !== ask.id) {
				response.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'not waiting' }));
				return;
			}
			const { result, answer } = await callWebhook(ask, { body }, run);
			if (result.workflowData) {
				paused.delete(executionId);
				resumedWith.set(executionId, result);
			}
			const status = answer.status ?? 200;
			response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body ?? result.webhookResponse));
		})();
	});
	await new Promise<void>((resolve) => waitingServer.listen(0, '127.0.0.1', resolve));
	waitingBaseUrl = `http://127.0.0.1:${(waitingServer.address() as AddressInfo).port}/webhook-waiting`;
});

afterAll(async () => {
	await new Promise((resolve) => waitingServer.close(resolve));
});

beforeEach(() => {
	waitingServerMode = 'resume';
});

async function readJson(request: IncomingMessage): Promise<IDataObject> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as IDataObject;
}

/** A node's `webhook()` in n8n-core's WebhookContext, with express's few fields n8n hands it. */
async function callWebhook(node: INode, request: { body: IDataObject; params?: IDataObject }, run: IRun | null = null) {
	const workflow = new Workflow({ id: WORKFLOW_ID, nodes: [trigger, ask], connections, active: true, nodeTypes });
	const { answer, response } = expressResponse();
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const data = {
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: waitingBaseUrl,
		httpRequest: { params: request.params ?? {}, body: request.body, headers: {}, query: {} },
		httpResponse: response,
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: '',
		webhookDescription: nodeType.description.webhooks![0],
		workflowId: WORKFLOW_ID,
		workflowExecuteAdditionalData: data,
	} as IWebhookData;
	const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], run?.data ?? null);
	const result = await nodeType.webhook!.call(context);
	return { result, answer };
}

/** A customer message as HappyTalk posts it, to the trigger with these options. */
const deliver = (uuid: string, roomId: string, text: string, options: INodeParameters = {}, type = 'text') =>
	callWebhook(
		{ ...trigger, parameters: { options } },
		{ params: { uuid }, body: { room_id: roomId, type, msgid: `m-${roomId}-${text}`, content: text, image: '', auto_end: 'N' } },
	);

/** Runs the dialog from the trigger with `message` until Ask pauses (its question went to the sandbox). */
async function askAndWait(executionId: string, uuid: string, roomId: string) {
	const { result } = await deliver(uuid, roomId, 'hello');
	const message = result.workflowData![0][0].json;
	const run = await live.engine.runWorkflow([trigger, ask], connections, trigger.name, [message], { executionId, webhookWaitingBaseUrl: waitingBaseUrl });
	expect(run.waitTill).toBeInstanceOf(Date);
	paused.set(executionId, run);
	return run;
}

const questionsTo = (roomId: string) =>
	live.sandbox.requests.filter((request) => request.path === '/v1/chat/write' && (request.body as IDataObject).room_id === roomId).length;

test.each(['onReceived', 'afterRun'])(
	'Answer HappyTalk "%s": the reply resumes the waiting execution from webhook(); no execution starts, HappyTalk gets {"ok":true}',
	async (answer) => {
		const executionId = answer === 'onReceived' ? '101' : '102';
		const roomId = `70000${executionId}`;
		await askAndWait(executionId, 'customer_51', roomId);
		expect(questionsTo(roomId)).toBe(1);

		const { result } = await deliver('customer_51', roomId, 'A-1001', { answer });
		expect(result).toEqual({ webhookResponse: { ok: true } });
		const resumed = resumedWith.get(executionId)!.workflowData![0];
		expect(resumed).toEqual([
			{
				json: expect.objectContaining({
					uuid: 'customer_51',
					roomId,
					text: 'A-1001',
					replied: true,
					respondedAt: expect.any(String),
					question: { type: 'text', text: 'Order number?' },
				}),
				pairedItem: { item: 0 },
			},
		]);

		// Nothing waits in that room any more: the next message starts the workflow.
		const next = await deliver('customer_51', roomId, 'again', { answer });
		expect(next.result.workflowData?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ roomId, text: 'again' })]);
	},
);

test("another customer's or another room's message is not the reply: it starts the workflow, and the execution keeps waiting", async () => {
	await askAndWait('201', 'customer_52', '7000201');
	const otherRoom = await deliver('customer_52', '7000202', 'elsewhere');
	expect(otherRoom.result).toEqual({ webhookResponse: { ok: true }, workflowData: [[{ json: expect.objectContaining({ roomId: '7000202', text: 'elsewhere' }) }]] });
	const otherCustomer = await deliver('customer_53', '7000201', 'not me');
	expect(otherCustomer.result.workflowData?.[0][0].json).toEqual(expect.objectContaining({ uuid: 'customer_53', text: 'not me' }));
	expect(paused.has('201')).toBe(true);
	expect((await deliver('customer_52', '7000201', 'mine')).result).toEqual({ webhookResponse: { ok: true } });
	expect(resumedWith.get('201')!.workflowData![0][0].json).toEqual(expect.objectContaining({ text: 'mine', replied: true }));
});

test('Message Types filters replies too: an ignored type is acknowledged and ignored, the execution keeps waiting for the next', async () => {
	await askAndWait('301', 'customer_54', '7000301');
	const options = { messageTypes: ['text'] };
	const ignored = await deliver('customer_54', '7000301', 'picture', options, 'file');
	expect(ignored.result).toEqual({ noWebhookResponse: true });
	expect(ignored.answer).toEqual({ status: 200, body: { ok: true, ignored: 'message type "file"' } });
	expect(paused.has('301')).toBe(true);
	expect((await deliver('customer_54', '7000301', 'B-2', options)).result).toEqual({ webhookResponse: { ok: true } });
});

test('a hand-over whose connection breaks (the execution may have resumed) starts nothing as a new message: the execution fails with the message as its input', async () => {
	await askAndWait('401', 'customer_55', '7000401');
	waitingServerMode = 'reset';
	const { result } = await deliver('customer_55', '7000401', 'C-3');
	const [[marked]] = result.workflowData!;
	expect(marked.json).toEqual(expect.objectContaining({ uuid: 'customer_55', roomId: '7000401', text: 'C-3', replyHandOverFailed: { stage: 'handOver', reason: expect.any(String) } }));
	expect(JSON.stringify(marked.json)).not.toContain(waitingBaseUrl);

	// n8n runs the workflow with webhook()'s items: the trigger's execute() fails, Ask never runs.
	const run = await live.engine.runWorkflow([trigger, ask], connections, trigger.name, [marked.json], { executionId: '402', webhookWaitingBaseUrl: waitingBaseUrl });
	const error = run.data.resultData.error as (Error & { description?: string }) | undefined;
	expect(error?.message).toBe('Could not hand the reply over to the waiting execution');
	expect(error?.description).toMatch(/The message is this execution's input\.$/);
	expect(run.data.resultData.lastNodeExecuted).toBe(trigger.name);
	expect(run.data.resultData.runData[ask.name]).toBeUndefined();
	expect(run.data.executionData?.nodeExecutionStack[0]?.data.main[0]?.map((item) => item.json)).toEqual([marked.json]);
	expect(questionsTo('7000401')).toBe(1);
});
