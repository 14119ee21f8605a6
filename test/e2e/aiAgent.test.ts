/**
 * The HappyTalk node as an AI Agent's tool, in a real n8n: the AI Agent with the OpenAI Chat Model
 * node, pointed at the model stand-in (sandbox/model), calls our tool. A bad call (a 3-character
 * uuid), then a room HappyTalk does not know (-702), reach the model as results it can act on; its
 * corrected call is the one message the HappyTalk sandbox receives. Also: the tool schema the model
 * was sent, and the shipped example answering a customer out of the box.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { customerUuidField, roomIdField } from '../../nodes/HappyTalk/shared/fields';
import { describeLength, describeRule } from '../../nodes/HappyTalk/shared/text';
import { sendMessageFields } from '../../nodes/HappyTalk/actions/message/send/schema';
import { toolDescriptions } from '../../nodes/HappyTalk/tool/toolDescriptions';
import { outputOf, prepareRealN8n, type RealN8n } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_VERSIONS, REPO, activateCommand, runtimeDir } = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startModelStandIn } = require('../../sandbox/model/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MODEL_CREDENTIAL, SANDBOX_CREDENTIAL, AI_AGENT_RECEIVE_PATH } = require('../../scripts/demoData');

interface Conversation {
	path: string;
	tools: Array<{ name: string; description: string; parameters: { properties?: Record<string, { type?: string }>; required?: string[] } }>;
	messages: Array<{ role: string; content: string }>;
	toolResults: Array<{ callId: string; output: string }>;
}
interface ModelStandIn {
	url: string;
	requests: Conversation[];
	script(...turns: object[]): void;
	reset(): void;
	close(): Promise<void>;
}

const readExample = (name: string) => JSON.parse(readFileSync(path.join(REPO, 'examples', `${name}.json`), 'utf8'));
const example = readExample('ai-agent-replies');
const autoReplyBot = readExample('auto-reply-bot');

/**
 * The version n8n itself puts in a new workflow: the node's `defaultVersion`, else its newest.
 * Read from the installed file (loading it would pull in LangChain under this test's Node).
 */
function defaultVersion(version: string, file: string): number {
	const source = readFileSync(path.join(runtimeDir(version), 'node_modules/@n8n/n8n-nodes-langchain/dist/nodes', file), 'utf8');
	const declared = /defaultVersion:\s*([\d.]+)/.exec(source)?.[1];
	if (declared) return Number(declared);
	const list = /\bversion:\s*\[([\d.,\s]+)\]/.exec(source)?.[1] ?? '';
	return Math.max(...list.split(',').map(Number));
}

const TOOL = 'Reply_to_customer';
const CUSTOMER = { uuid: 'customer_42', roomId: '5550042' };
const UNKNOWN_ROOM = '5559999';
const REPLY = '주문하신 상품은 내일 도착합니다. 감사합니다!';

/** Manual trigger → the customer's question → AI Agent with the OpenAI model and our tool. */
function agentWorkflow(id: string, versions: { agent: number; model: number }, toolSettings: object = {}) {
	// What the editor writes when a field is left to the model: a key from the label, no description.
	const fromAi = (key: string) => `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`\`, 'string') }}`;
	return {
		id,
		name: `ai agent ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-q`,
				name: 'Question',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return [{ json: ${JSON.stringify({ text: '배송은 언제 오나요?', ...CUSTOMER })} }];` },
			},
			{
				id: `${id}-a`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: versions.agent,
				position: [400, 0],
				parameters: { promptType: 'define', text: '={{ $json.text }}', options: {} },
			},
			{
				id: `${id}-m`,
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: versions.model,
				position: [300, 220],
				parameters:
					versions.model >= 1.2
						? { model: { __rl: true, mode: 'list', value: 'gpt-5-mini' }, options: {} }
						: { model: 'gpt-4o-mini', options: {} },
				credentials: { openAiApi: { id: MODEL_CREDENTIAL.id, name: MODEL_CREDENTIAL.name } },
			},
			{
				id: `${id}-h`,
				name: 'Reply to customer',
				type: 'n8n-nodes-happytalk.happyTalkTool',
				typeVersion: 1,
				position: [500, 220],
				parameters: {
					resource: 'message',
					operation: 'send',
					uuid: fromAi('Customer_UUID'),
					roomId: fromAi('Room_ID'),
					messageType: 'text',
					message: fromAi('Message'),
					options: {},
				},
				credentials: { happyTalkApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
				...toolSettings,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Question', type: 'main', index: 0 }]] },
			Question: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			'Reply to customer': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

const call = (args: Record<string, string>) => ({ toolCalls: [{ name: TOOL, arguments: args }] });

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? `${N8N_VERSIONS.current},${N8N_VERSIONS.newest}`)
	.split(',')
	.filter((version) => version && !version.startsWith('1.'));

describe.each(versions)('n8n %s: HappyTalk as an AI Agent tool', (version) => {
	let n8n: RealN8n;
	let model: ModelStandIn;
	const writes = () => n8n.sandbox.requests.filter((request) => request.path === '/v1/chat/write');
	const defaults = { agent: 0, model: 0 };
	/** The tools the model was offered in the first run with n8n's default agent. */
	let toolsOffered: Conversation['tools'] | undefined;

	beforeAll(async () => {
		model = (await startModelStandIn()) as ModelStandIn;
		n8n = await prepareRealN8n(version, { modelUrl: model.url });
		defaults.agent = defaultVersion(version, 'agents/Agent/Agent.node.js');
		defaults.model = defaultVersion(version, 'llms/LMChatOpenAi/LmChatOpenAi.node.js');
	});

	beforeEach(() => {
		n8n.sandbox.reset();
		model.reset();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await model?.close();
	});

	const cases = [
		// n8n's defaults for a new workflow (AI Agent 3.1, OpenAI Chat Model 1.3 on the Responses API),
		// with the tool's default "On Error: Stop Workflow".
		{ name: 'the AI Agent and model n8n adds by default', versions: () => defaults, toolSettings: {} },
		// The older agent (tools called in-process) on Chat Completions, "On Error: Continue".
		{ name: 'AI Agent 2.2 with OpenAI Chat Model 1.2', versions: () => ({ agent: 2.2, model: 1.2 }), toolSettings: { onError: 'continueRegularOutput' } },
	];

	test.each(cases.map((entry, index) => [entry.name, index] as const))(
		'%s: bad calls come back as results the model can act on; the corrected call is the one message sent',
		async (_name, index) => {
			const { versions: pick, toolSettings } = cases[index];
			const workflowId = `HtE2eAgent${version.replace(/\./g, '')}x${index}`.slice(0, 16);
			await n8n.importWorkflows([agentWorkflow(workflowId, pick(), toolSettings)]);
			n8n.sandbox.injectFault({ failCode: -702, match: { path: '/v1/chat/write', bodyIncludes: UNKNOWN_ROOM } });
			model.script(
				call({ Customer_UUID: 'abc', Room_ID: CUSTOMER.roomId, Message: REPLY }),
				call({ Customer_UUID: CUSTOMER.uuid, Room_ID: UNKNOWN_ROOM, Message: REPLY }),
				call({ Customer_UUID: CUSTOMER.uuid, Room_ID: CUSTOMER.roomId, Message: REPLY }),
				{ text: 'I told the customer when the parcel arrives.' },
			);

			const { run, stdout } = await n8n.execute(workflowId);
			if (index === 0) toolsOffered = model.requests[0]?.tools;

			expect([run.data.resultData.error?.message, stdout.slice(-2000)]).toEqual([undefined, expect.any(String)]);
			expect(model.requests.map((request) => request.path)).toEqual(
				Array(4).fill(pick().model >= 1.3 ? '/v1/responses' : '/v1/chat/completions'),
			);
			// Only the two calls that passed validation reached HappyTalk; the last one is the message.
			expect(writes().map((request) => [request.body?.room_id, request.code])).toEqual([
				[UNKNOWN_ROOM, -702],
				[CUSTOMER.roomId, 0],
			]);
			expect(writes()[1].body).toEqual({ uuid: CUSTOMER.uuid, room_id: CUSTOMER.roomId, type: 'text', msg: REPLY });

			const results = model.requests[3].toolResults.map((result) => JSON.parse(result.output)[0]);
			expect(results).toHaveLength(3);
			expect(results[0]).toMatchObject({
				error: `"${customerUuidField.label}" (uuid) must be ${describeLength(customerUuidField)} long; got 3 characters`,
				sent: false,
				mayHaveBeenDelivered: false,
				outcome: expect.stringContaining('Nothing reached the customer'),
			});
			expect(results[1]).toMatchObject({
				error: expect.stringContaining('-702'),
				whatToDo: expect.stringContaining('Room ID'),
				sent: false,
				mayHaveBeenDelivered: false,
				happyTalk: { code: -702 },
			});
			expect(results[2]).toMatchObject({
				result: expect.stringContaining(`room ${CUSTOMER.roomId} of customer ${CUSTOMER.uuid}`),
				sent: true,
				uuid: CUSTOMER.uuid,
				roomId: CUSTOMER.roomId,
				code: 0,
			});
			expect(outputOf(run, 'AI Agent').items[0]?.json.output).toBe('I told the customer when the parcel arrives.');
		},
	);

	test('the tool schema the model is sent: what the call does to a customer, what uuid and room mean, every limit', () => {
		// Sent in the first run above, as n8n builds it for its default agent.
		expect(toolsOffered).toHaveLength(1);
		const [tool] = toolsOffered!;
		expect(tool.name).toBe(TOOL);
		expect(tool.description).toBe(toolDescriptions['message.send']);
		for (const fact of [
			'real customer',
			'must be open',
			`(${describeRule(customerUuidField)})`,
			`(${describeLength(roomIdField)})`,
			describeLength(sendMessageFields.msg),
			describeLength(sendMessageFields.url),
			'in HappyTalk',
		]) {
			expect([fact, tool.description.includes(fact)]).toEqual([fact, true]);
		}
		expect(Object.keys(tool.parameters.properties ?? {}).sort()).toEqual(['Customer_UUID', 'Message', 'Room_ID']);
		expect(Object.values(tool.parameters.properties ?? {}).map((property) => property.type)).toEqual(['string', 'string', 'string']);
		expect([...(tool.parameters.required ?? [])].sort()).toEqual(['Customer_UUID', 'Message', 'Room_ID']);
	});

	test('example "ai-agent-replies" answers a customer out of the box, with the model stand-in', async () => {
		// Active beside the auto-reply bot, as in `npm start`: two HappyTalk Triggers side by side.
		for (const id of [example.id, autoReplyBot.id]) expect((await n8n.cli(activateCommand(version, id))).code).toBe(0);
		const receivePath = (AI_AGENT_RECEIVE_PATH as string).replace(/^webhook\//, '');
		const server = await n8n.startServer([`${receivePath}/message/:uuid`]);
		try {
			const answer = await n8n.sandbox.sendCustomerMessage({
				receiveUrl: `${server.url}/${AI_AGENT_RECEIVE_PATH}`,
				uuid: 'customer_77',
				room_id: '100777',
				text: '환불 가능한가요?',
			});
			expect(answer.status).toBe(200);
			const deadline = Date.now() + 60000;
			while (writes().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
			expect(writes().map((request) => request.body)).toEqual([
				{ uuid: 'customer_77', room_id: '100777', type: 'text', msg: expect.stringContaining('환불 가능한가요?') },
			]);
		} finally {
			await server.stop();
		}
	});
});
