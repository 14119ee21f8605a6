/**
 * What the `npm start` terminal shows: both sides of the conversation (also messages posted to the
 * sandbox's control API), customer lines for the test URL, and a taken port explained.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SECRET, startSandbox, type Sandbox } from '../support/sandbox';

/* eslint-disable @typescript-eslint/no-require-imports */
const { printConversation } = require('../../sandbox/conversation');
const { parseLine, testUrlFor } = require('../../sandbox/cliCustomer');
const { ensurePortsFree } = require('../../scripts/ports');
const { demoRoutes, routedCustomer } = require('../../scripts/customerRoutes');
const { AI_AGENT_RECEIVE_PATH, ORDER_DIALOG_RECEIVE_PATH } = require('../../scripts/demoData');
/* eslint-enable @typescript-eslint/no-require-imports */

let sandbox: Sandbox;
let receiver: http.Server;
const received: string[] = [];

beforeAll(async () => {
	receiver = http.createServer((request, response) => {
		received.push(request.url ?? '');
		response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	sandbox = await startSandbox();
	sandbox.setReceiveUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/bot-id`);
});

afterAll(async () => {
	await sandbox.close();
	await new Promise((resolve) => receiver.close(resolve));
});

test('the conversation: what the customer said (terminal or control API) and what the bot sent', async () => {
	const lines: string[] = [];
	const stop = printConversation(sandbox, (line: string) => lines.push(line));
	await sandbox.sendCustomerMessage({ uuid: 'customer_01', room_id: '5550001', text: '배송은 언제 오나요?' });
	const viaControl = await fetch(`${sandbox.url}/__sandbox/customer-message`, {
		method: 'POST',
		body: JSON.stringify({ uuid: 'customer_02', room_id: '5550002', image: { url: 'https://x.io/a.png' } }),
	});
	expect(viaControl.status).toBe(200);
	const write = (body: object) =>
		fetch(`${sandbox.url}/v1/chat/write`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'HT-Client-Id': sandbox.clientId, 'HT-Client-Secret': SECRET },
			body: JSON.stringify(body),
		});
	await write({ uuid: 'customer_01', room_id: '5550001', type: 'text', msg: '내일 도착합니다.' });
	await write({ uuid: 'customer-01', room_id: '5550001', type: 'text', msg: 'refused' });
	await new Promise((resolve) => setTimeout(resolve, 100));
	stop();
	expect(lines).toEqual([
		'  customer customer_01 › room 5550001: 배송은 언제 오나요?   (HTTP 200)',
		'  customer customer_02 › room 5550002: [image] https://x.io/a.png   (HTTP 200)',
		'  bot      customer_01 › room 5550001: 내일 도착합니다.',
		'  bot      customer-01 › room 5550001: refused   (refused: -800, uuid may only hold letters A-Z and a-z, digits and _)',
	]);
	expect(received).toEqual(['/webhook/bot-id/message/customer_01', '/webhook/bot-id/message/customer_02']);
});

test('a customer line starting with "test" goes to the test URL', () => {
	expect(parseLine('test customer_01 5550001 안녕  하세요 ')).toEqual({ test: true, uuid: 'customer_01', room_id: '5550001', text: '안녕  하세요' });
	expect(parseLine('customer_01 5550001 hi')).toEqual({ test: false, uuid: 'customer_01', room_id: '5550001', text: 'hi' });
	expect(testUrlFor('http://127.0.0.1:5678/webhook/bot-id')).toBe('http://127.0.0.1:5678/webhook-test/bot-id');
	expect(testUrlFor('https://example.com/happytalk')).toBeUndefined();
});

test('"ai" and "order:" in front of a line: the AI Agent example\'s and the order-status dialog\'s triggers', async () => {
	const n8nUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
	const say = (routes: Record<string, string>, line: string) => routedCustomer(sandbox, routes).sendCustomerMessage(parseLine(line));
	received.length = 0;
	expect((await say(demoRoutes(n8nUrl), 'order: customer_03 5550003 주문 확인')).status).toBe(200);
	expect((await say(demoRoutes(n8nUrl), 'ai customer_02 5550002 환불 되나요?')).status).toBe(200);
	expect((await say(demoRoutes(n8nUrl), 'customer_01 5550001 안녕하세요')).status).toBe(200);
	expect(received).toEqual([
		`/${ORDER_DIALOG_RECEIVE_PATH}/message/customer_03`,
		`/${AI_AGENT_RECEIVE_PATH}/message/customer_02`,
		'/webhook/bot-id/message/customer_01',
	]);
	// n8n 1.x: the dialog is not published (Send and Wait for Reply needs n8n 2), so no route to it.
	expect(Object.keys(demoRoutes(n8nUrl, { orderDialog: false }))).toEqual(['ai']);
});

test('a taken port: which one, what probably holds it, which variable picks another', async () => {
	await expect(
		ensurePortsFree([{ port: sandbox.port, purpose: 'the HappyTalk sandbox', variable: 'HAPPYTALK_SANDBOX_PORT=8788 npm start' }]),
	).rejects.toThrow(
		`Port ${sandbox.port} (the HappyTalk sandbox) is taken by a HappyTalk sandbox, probably another \`npm start\` or \`npm run sandbox\`. Stop it, or choose another port: HAPPYTALK_SANDBOX_PORT=8788 npm start.`,
	);
	const port = (receiver.address() as AddressInfo).port;
	await expect(ensurePortsFree([{ port, purpose: "n8n's editor", variable: 'N8N_PORT=5688 npm start' }])).rejects.toThrow(
		new RegExp(`^Port ${port} \\(n8n's editor\\) is taken by another program`),
	);
});
