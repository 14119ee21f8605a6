/**
 * The node in n8n's real editor, in a real browser (Debian's chromium via playwright-core):
 * found in the node panel, credential offered, fields shown and hidden by message type, executed
 * against the sandbox. Screenshots go to a temporary folder; `npm run docs:screenshots` runs this
 * test with HAPPYTALK_SCREENSHOTS_DIR=docs/images to refresh the README's.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { resources } from '../../nodes/HappyTalk/actions/registry';
import { APP_DESCRIPTION } from '../../nodes/HappyTalk/shared/appDescription';
import { prepareRealN8n, type RealN8n, type Server } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_VERSIONS, REPO, ownerSession } = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { receivePath, triggerOf } = require('../../scripts/receivePath');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.HAPPYTALK_SCREENSHOTS_DIR
	? path.resolve(REPO, process.env.HAPPYTALK_SCREENSHOTS_DIR)
	: mkdtempSync(path.join(tmpdir(), 'happytalk-screenshots-'));
const OWNER = { email: 'editor-test@happytalk.example', firstName: 'Editor', lastName: 'Test', password: 'HappyTalk-E2e-2026' };

let n8n: RealN8n;
let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: apt-get install -y chromium`);
	mkdirSync(SCREENSHOTS, { recursive: true });
	n8n = await prepareRealN8n(N8N_VERSIONS.current);
	server = await n8n.startServer();
	const { cookie } = await ownerSession(server.url, OWNER);
	const [name, value] = (cookie as string).split('=');

	selectors.setTestIdAttribute('data-test-id');
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addCookies([{ name, value, url: server.url }]);
	page = await context.newPage();
});

afterAll(async () => {
	await browser?.close();
	await n8n?.dispose();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
const parameter = (name: string) => page.getByTestId(`parameter-input-${name}`);

test('find, configure and execute the HappyTalk node in the editor', async () => {
	await page.goto(`${server.url}/workflow/new`, { waitUntil: 'networkidle' });

	// The node panel finds the community node by name.
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill('HappyTalk');
	const result = page.getByTestId('node-creator-item-name').filter({ hasText: /^HappyTalk$/ });
	await expect(result.count()).resolves.toBe(1);
	await result.click();
	// As a first step n8n lists the node's triggers (named by the trigger's "Event" option) and
	// folds its actions: every operation of the registry (Biz API, customer API and Attachment).
	await page.getByText('On customer message', { exact: true }).waitFor();
	// Its details show the merged entry's description, which n8n takes from the trigger: one
	// sentence for the node and the trigger, not the trigger's own.
	await expect(page.getByText(APP_DESCRIPTION, { exact: true }).count()).resolves.toBe(1);
	await expect(page.getByText(/Starts the workflow when a customer writes/).count()).resolves.toBe(0);
	await expect(page.getByText('On new HappyTalk event', { exact: true }).count()).resolves.toBe(0);
	const actions = resources.reduce((count, resource) => count + Object.keys(resource.operations).length, 0);
	await page.getByText(`Actions (${actions})`, { exact: true }).click();
	await page.getByText('Open a room', { exact: true }).waitFor();
	await shot('node-panel');
	await page.getByText('Send a message', { exact: true }).click();
	await page.getByTestId('ndv').waitFor();

	// The sandbox credential is offered (and, being the only one, selected).
	await expect(page.getByTestId('node-credentials-select').locator('input').inputValue()).resolves.toBe('HappyTalk Sandbox');

	// Text: Message shown, File URL hidden; hints state the limits.
	await expect(parameter('messageType').locator('input').inputValue()).resolves.toBe('Text');
	await expect(parameter('message').isVisible()).resolves.toBe(true);
	await expect(parameter('url').count()).resolves.toBe(0);
	await expect(page.getByText('5 to 20 characters: letters A-Z and a-z, digits and _', { exact: true }).isVisible()).resolves.toBe(true);

	await parameter('uuid').locator('input').fill('customer_01');
	await parameter('roomId').locator('input').fill('5550001');
	await parameter('message').locator('textarea').fill('안녕하세요, n8n에서 보낸 메시지입니다 😀');
	await page.getByTestId('node-parameters').getByText('Message Type', { exact: true }).click();
	await shot('text-message');

	// Exactly the four message types.
	await parameter('messageType').click();
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.last().waitFor();
	await expect(options.allInnerTexts()).resolves.toEqual(['Text', 'Image', 'Video', 'Audio']);

	// Image: File URL shown, Message hidden.
	await options.filter({ hasText: /^Image$/ }).click();
	await parameter('url').waitFor();
	await expect(parameter('message').count()).resolves.toBe(0);
	await parameter('url').locator('input').fill('https://images.example.com/coupons/welcome.png');

	// Execute the step against the sandbox: code 0 in the output.
	n8n.sandbox.reset();
	await page.getByTestId('node-execute-button').click();
	const outputTable = page.locator('table').filter({ hasText: 'room_id' });
	await outputTable.waitFor({ timeout: 30000 });
	// The plain fields first, HappyTalk's answer after them.
	const headers = (await outputTable.locator('th').allInnerTexts()).map((text) => text.trim());
	expect(headers).toEqual(expect.arrayContaining(['sent', 'uuid', 'roomId', 'code', 'room_id', 'message']));
	const cells = (await outputTable.locator('tbody tr').first().locator('td').allInnerTexts()).map((text) => text.trim());
	expect(['sent', 'uuid', 'roomId', 'code', 'room_id'].map((name) => cells[headers.indexOf(name)])).toEqual([
		'true',
		'customer_01',
		'5550001',
		'0',
		'5550001',
	]);
	await shot('image-message-executed');

	expect(n8n.sandbox.requests.map((request) => request.body)).toEqual([
		{ uuid: 'customer_01', room_id: '5550001', type: 'image', url: 'https://images.example.com/coupons/welcome.png' },
	]);
});

test('test the trigger from the editor: "Execute workflow", then the sandbox\'s customer posts to the test URL', async () => {
	const bot = JSON.parse(readFileSync(path.join(REPO, 'examples', 'auto-reply-bot.json'), 'utf8')) as {
		id: string;
		nodes: Array<{ webhookId?: string }>;
	};
	await page.goto(`${server.url}/workflow/${bot.id}`, { waitUntil: 'networkidle' });
	n8n.sandbox.reset();
	await page.getByTestId('execute-workflow-button').click();

	// What the README tells users: the demo's "test <uuid> <room> <text>", or any customer message
	// sent with the test URL (…/webhook-test/<id>) as its receive URL. n8n listens once registered.
	const testReceiveUrl = `${server.url}/${(receivePath(triggerOf(bot)) as string).replace(/^webhook\//, 'webhook-test/')}`;
	let answer = { status: 0, body: '' };
	for (const deadline = Date.now() + 30000; Date.now() < deadline; ) {
		answer = await n8n.sandbox.sendCustomerMessage({ receiveUrl: testReceiveUrl, uuid: 'customer_11', room_id: '100211', text: '테스트 메시지' });
		if (answer.status === 200) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { ok: true }]);

	const writes = () => n8n.sandbox.requests.filter((request) => request.path === '/v1/chat/write');
	for (const deadline = Date.now() + 30000; writes().length === 0 && Date.now() < deadline; ) {
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	expect(writes().map((request) => request.body)).toEqual([
		{ uuid: 'customer_11', room_id: '100211', type: 'text', msg: expect.stringContaining('테스트 메시지') },
	]);
});
