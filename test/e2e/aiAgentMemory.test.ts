/**
 * The AI Agent example in a real n8n server, with the model stand-in: its Simple Memory, keyed by
 * the room, carries a room's earlier turns into the model's next request and nothing of another
 * room's; a customer who asks for a person is handed to a counselor (Room → Open). What n8n sent
 * is checked on both sides: the requests the model got, and the messages HappyTalk received.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { toolDescriptions } from '../../nodes/HappyTalk/tool/toolDescriptions';
import { firstRequestOf, historyOf, recallOf, type ModelStandIn } from '../support/agentTurns';
import { customerSays, opensFor, writesTo } from '../support/customerTurns';
import { sleep, until } from '../support/waiting';
import { prepareRealN8n, type RealN8n } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_VERSIONS, REPO, activateCommand } = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startModelStandIn } = require('../../sandbox/model/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AI_AGENT_RECEIVE_PATH } = require('../../scripts/demoData');

const example = JSON.parse(readFileSync(path.join(REPO, 'examples', 'ai-agent-replies.json'), 'utf8'));

const A = { uuid: 'customer_a1', roomId: '300101' };
const B = { uuid: 'customer_b2', roomId: '300202' };
const A1 = { ...A, text: '주문번호 A-1001 신발 사이즈를 바꿀 수 있나요?' };
const B1 = { ...B, text: '영수증을 다시 받을 수 있을까요?' };
const A2 = { ...A, text: '그리고 배송은 언제 오나요?' };
const A3 = { ...A, text: '상담사와 직접 이야기하고 싶어요' };

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? `${N8N_VERSIONS.current},${N8N_VERSIONS.newest}`)
	.split(',')
	.filter((version) => version && !version.startsWith('1.'));

describe.each(versions)('n8n %s: the AI Agent example remembers each room', (version) => {
	let n8n: RealN8n;
	let model: ModelStandIn;
	let stopServer: () => Promise<void>;
	let receiveUrl: string;

	beforeAll(async () => {
		model = (await startModelStandIn()) as ModelStandIn;
		n8n = await prepareRealN8n(version, { modelUrl: model.url });
		expect((await n8n.cli(activateCommand(version, example.id))).code).toBe(0);
		const receivePath = (AI_AGENT_RECEIVE_PATH as string).replace(/^webhook\//, '');
		const server = await n8n.startServer([`${receivePath}/message/:uuid`]);
		stopServer = server.stop;
		receiveUrl = `${server.url}/${AI_AGENT_RECEIVE_PATH}`;
	});

	afterAll(async () => {
		await stopServer?.();
		await n8n?.dispose();
		await model?.close();
	});

	test("a room's second turn carries its first; another room's turn never reaches it", async () => {
		await customerSays(n8n.sandbox, receiveUrl, A1);
		await customerSays(n8n.sandbox, receiveUrl, B1);
		await customerSays(n8n.sandbox, receiveUrl, A2);

		// What the model was sent: room A's first turn (the customer's message and what the agent
		// sent back) before its second; room B's turn alone.
		const [firstAnswerInA] = writesTo(n8n.sandbox, A.roomId);
		expect(historyOf(firstRequestOf(model, A1.text))).toEqual({ customer: [A1.text], sent: [] });
		expect(historyOf(firstRequestOf(model, B1.text))).toEqual({ customer: [B1.text], sent: [] });
		expect(historyOf(firstRequestOf(model, A2.text))).toEqual({ customer: [A1.text, A2.text], sent: [firstAnswerInA] });
		const sentAboutA = model.requests.filter((request) => request.messages.some((message) => message.content.includes(A1.text)));
		for (const request of sentAboutA) expect(JSON.stringify(request.messages)).not.toContain(B1.text);

		// What HappyTalk received: the second answer in room A quotes the first turn; room B's does not.
		expect(writesTo(n8n.sandbox, A.roomId)).toEqual([expect.stringContaining(A1.text), expect.stringContaining(recallOf(A1.text))]);
		expect(writesTo(n8n.sandbox, B.roomId)).toEqual([expect.not.stringContaining('앞서')]);
	});

	test('a customer who asks for a person is handed to a counselor: a room is opened, nothing more is written', async () => {
		await customerSays(n8n.sandbox, receiveUrl, A3, { expect: 'open' });
		const request = firstRequestOf(model, A3.text);
		expect(historyOf(request).customer).toEqual([A1.text, A2.text, A3.text]);
		// The descriptions the model chose by: the node's own, saying when to hand over and how.
		const descriptions = Object.fromEntries(request.tools.map((tool) => [tool.name, tool.description]));
		expect(descriptions).toEqual({ Reply_to_customer: toolDescriptions['message.send'], Hand_to_counselor: toolDescriptions['room.open'] });
		expect(descriptions.Hand_to_counselor).toMatch(/Use it when the customer asks for a person/);
		expect(descriptions.Reply_to_customer).toMatch(/hand the chat over with the tool that opens a counseling room/);

		expect(opensFor(n8n.sandbox, A.uuid).map((open) => open.body)).toEqual([
			{ uuid: A.uuid, title: `AI agent hand-over: room ${A.roomId}`, is_room_create_force: 'T' },
		]);
		// The model reads what happened, in the tool's own words (its next request may come after the room opened).
		const opened = /"result":"Opened counseling room \d+ for customer customer_a1/;
		expect(await until(() => model.requests.some((next) => next.toolResults.some((result) => opened.test(result.output))), 60000)).toBe(true);
		// and ends its turn: nothing more reaches the customer's room.
		await sleep(2000);
		expect(writesTo(n8n.sandbox, A.roomId)).toHaveLength(2);
	});
});
