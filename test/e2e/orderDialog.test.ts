/**
 * The order-status dialog example (examples/order-status-dialog.json) in a real n8n server, on both
 * sides of the wire: the sandbox's customers answer the questions the workflow sends them through
 * Message → Send and Wait for Reply, and the test reads what HappyTalk received. Four conversations
 * at once in four rooms: found at once and handed to a counselor; two wrong numbers, then found
 * and declined; three wrong numbers and handed over; and a customer who never answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { customerSays, opensFor, writesTo, type Turn } from '../support/customerTurns';
import { sleep, until } from '../support/waiting';
import { prepareRealN8n, type RealN8n } from './realN8n';

/* eslint-disable @typescript-eslint/no-require-imports */
const { N8N_VERSIONS, REPO, activateCommand } = require('../../scripts/n8n');
const { ORDER_DIALOG_RECEIVE_PATH } = require('../../scripts/demoData');
const { publishOrderDialog, connectOrderDialog } = require('../../scripts/demoDialog');
const { connectN8nApi } = require('../../scripts/n8nApiCredential');
const { receivePath, triggerOf, webhookPath } = require('../../scripts/receivePath');
/* eslint-enable @typescript-eslint/no-require-imports */

const example = JSON.parse(readFileSync(path.join(REPO, 'examples', 'order-status-dialog.json'), 'utf8'));
const ASK = 'Ask for the order number';
const OFFER = 'Answer and offer a counselor';

/** The example with every wait limited to `seconds` (its own id and trigger path, beside the example). */
const TIMEOUT_SECONDS = 8;
const quickTimeOut = {
	...example,
	id: 'HtE2eDialogQuick',
	name: 'e2e: order-status dialog, quick time-out',
	nodes: example.nodes.map((node: { name: string; webhookId?: string; parameters: Record<string, unknown> }) => {
		if (node.webhookId) return { ...node, webhookId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', parameters: { ...node.parameters, pathSecret: 'quick-time-out-secret' } };
		if (node.name !== ASK && node.name !== OFFER) return node;
		const limit = { values: { limitType: 'afterTimeInterval', resumeAmount: TIMEOUT_SECONDS / 60, resumeUnit: 'minutes' } };
		return { ...node, parameters: { ...node.parameters, options: { limitWaitTime: limit } } };
	}),
};

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? `${N8N_VERSIONS.current},${N8N_VERSIONS.newest}`)
	.split(',')
	// Send and Wait for Reply: n8n 2.x (docs/send-and-wait.md).
	.filter((version) => version && !version.startsWith('1.'));

const READING_MS = 2000;
const FIRST_QUESTION = '안녕하세요! 주문 상태를 확인해 드릴게요. 주문번호를 입력해 주세요 (예: A-1001).';
const WRONG_FORMAT = '주문번호는 A-1001처럼 영문 한 글자, 하이픈, 숫자 네 자리입니다. 다시 입력해 주세요.';
const OFFER_LINE = '\n상담사와 연결해 드릴까요? 원하시면 "네"라고 답해 주세요.';

// Regular mode (the trigger finds the pause in its process's memory, docs/send-and-wait.md), on
// 2.8.4 and 2.41.1 by default: the four conversations passed five times on each (2026-12-06, load
// average 2 to 9 on 2 CPUs), about 55 s each, the file about 2 minutes per version.
describe.each(versions)('n8n %s: the order-status dialog example', (version) => {
	let n8n: RealN8n;
	let stopServer: () => Promise<void>;
	let n8nUrl: string;
	let dialogUrl: string;
	let quickUrl: string;

	beforeAll(async () => {
		n8n = await prepareRealN8n(version);
		// The example as `npm start` publishes it, with its trigger's n8n API credential connected.
		expect(await publishOrderDialog(version, n8n.env)).toBe(true);
		await n8n.importWorkflows([quickTimeOut]);
		expect((await n8n.cli(activateCommand(version, quickTimeOut.id))).code).toBe(0);
		const server = await n8n.startServer([webhookPath(triggerOf(example)), webhookPath(triggerOf(quickTimeOut))]);
		stopServer = server.stop;
		n8nUrl = server.url;
		await connectOrderDialog(version, n8n.userFolder, server.url);
		dialogUrl = `${server.url}/${ORDER_DIALOG_RECEIVE_PATH}`;
		quickUrl = `${server.url}/${receivePath(triggerOf(quickTimeOut))}`;
	});

	afterAll(async () => {
		await stopServer?.();
		await n8n?.dispose();
	});

	/**
	 * One customer's conversation: each line, then what the workflow answered in HappyTalk. A person
	 * reads the question before answering: a reply within moments of it, before the execution has
	 * paused, is not yet a reply (docs/send-and-wait.md, limits).
	 */
	async function converse(customer: { uuid: string; roomId: string }, lines: string[], last: 'write' | 'open' = 'write') {
		for (const [index, text] of lines.entries()) {
			if (index > 0) await sleep(READING_MS);
			const turn: Turn = { ...customer, text };
			await customerSays(n8n.sandbox, dialogUrl, turn, { expect: index === lines.length - 1 ? last : 'write' });
		}
	}

	test('four customers at once: found and handed over, found after two wrong numbers, three wrong numbers, no answer', async () => {
		const found = { uuid: 'dialog_found', roomId: '700001' };
		const retried = { uuid: 'dialog_retry', roomId: '700002' };
		const lost = { uuid: 'dialog_lost', roomId: '700003' };
		const silent = { uuid: 'dialog_silent', roomId: '700004' };

		const silentStarted = Date.now();
		await Promise.all([
			converse(found, ['주문 확인하고 싶어요', 'a-1001', '네, 연결해 주세요'], 'open'),
			converse(retried, ['배송 조회', '12345', 'B-9999', 'A-1003', '아니요, 괜찮아요']),
			converse(lost, ['주문', '모르겠어요', 'X-0000', 'Z-1', '상담사요'], 'open'),
			customerSays(n8n.sandbox, quickUrl, { ...silent, text: '주문 조회' }),
		]);

		expect(writesTo(n8n.sandbox, found.roomId)).toEqual([FIRST_QUESTION, `주문 A-1001: 배송 중입니다. CJ대한통운 송장번호 6012-3456-7890, 내일 도착 예정입니다.${OFFER_LINE}`]);
		expect(opensFor(n8n.sandbox, found.uuid).map((open) => open.body)).toEqual([
			{ uuid: found.uuid, title: 'Order status: A-1001', order_number: 'A-1001', is_room_create_force: 'T' },
		]);

		expect(writesTo(n8n.sandbox, retried.roomId)).toEqual([
			FIRST_QUESTION,
			WRONG_FORMAT,
			'주문번호 B-9999을(를) 찾지 못했습니다. 다시 한번 확인해 주세요.',
			`주문 A-1003: 배송이 완료되었습니다 (12월 1일, 문 앞).${OFFER_LINE}`,
			'알겠습니다. 이용해 주셔서 감사합니다. 좋은 하루 보내세요!',
		]);
		expect(opensFor(n8n.sandbox, retried.uuid)).toEqual([]);

		// Asked again twice, then no third time: the customer is offered a counselor instead.
		expect(writesTo(n8n.sandbox, lost.roomId)).toEqual([FIRST_QUESTION, WRONG_FORMAT, '주문번호 X-0000을(를) 찾지 못했습니다. 다시 한번 확인해 주세요.', `죄송합니다. 주문번호를 확인하지 못했습니다.${OFFER_LINE}`]);
		expect(opensFor(n8n.sandbox, lost.uuid).map((open) => open.body)).toEqual([{ uuid: lost.uuid, title: 'Order status: number not found', is_room_create_force: 'T' }]);

		// The customer who never answers gets a polite goodbye once the wait is over, and nothing else.
		expect(await until(() => writesTo(n8n.sandbox, silent.roomId).length >= 2, 120000)).toBe(true);
		expect(Date.now() - silentStarted).toBeGreaterThanOrEqual(TIMEOUT_SECONDS * 1000);
		expect(writesTo(n8n.sandbox, silent.roomId)).toEqual([FIRST_QUESTION, '답이 없으셔서 대화를 마칩니다. 필요하시면 언제든 다시 말씀해 주세요.']);
	});

	test("connecting the credential again (npm start on another port) replaces n8n's API key: the old one is refused", async () => {
		const apiStatus = async (key: string) =>
			(await fetch(`${n8nUrl}/api/v1/executions?limit=1`, { headers: { 'X-N8N-API-KEY': key } })).status;
		const first: string = await connectN8nApi(n8nUrl);
		const second: string = await connectN8nApi(n8nUrl);
		expect([await apiStatus(first), await apiStatus(second)]).toEqual([401, 200]);
	});
});
