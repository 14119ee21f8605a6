/**
 * Attachments as binary data, through n8n's engine and real HTTP against the sandbox, which
 * serves real image and file bytes for its customers' messages. The trigger's step runs as n8n
 * runs a webhook trigger's `execute` (its input: what `webhook()` parsed from HappyTalk's body);
 * Attachment → Download runs as any node. Downloads from 127.0.0.1 need "Allow Private Network
 * Addresses": the guard is tested both ways.
 */
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { parseIncomingMessage } from '../../nodes/HappyTalkTrigger/incomingMessage';
import { startSandbox, type CustomerMessage, type Sandbox } from '../support/sandbox';
import { loadEngine, shutdownEngine, type Engine } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { attachmentBytes } = require('../../sandbox/attachments') as { attachmentBytes(name: string): Buffer };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCustomerMessage } = require('../../sandbox/customerMessage') as { buildCustomerMessage(message: CustomerMessage): IDataObject };

let sandbox: Sandbox;
let engine: Engine;

beforeAll(async () => {
	sandbox = await startSandbox({ historyRooms: 0 });
	engine = await loadEngine({ clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, environment: 'custom', baseUrl: sandbox.url });
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
});

/** What the trigger's webhook() hands the execution for a message the sandbox would post. */
function triggerItem(message: Omit<CustomerMessage, 'uuid' | 'room_id'>): IDataObject {
	const body = buildCustomerMessage({ uuid: 'customer_01', room_id: '100001', ...message });
	const parsed = parseIncomingMessage('customer_01', body);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.message;
}

async function runTrigger(options: INodeParameters, ...messages: IDataObject[]) {
	const { items, error } = await engine.runNode({ event: 'customerMessage', pathSecret: '', options }, messages, { nodeType: 'happyTalkTrigger' });
	expect(error).toBeUndefined();
	return items;
}

const download = { downloadAttachments: true, allowPrivateAddresses: true };
const bytesOf = (item: INodeExecutionData) => Buffer.from(item.binary?.data?.data ?? '', 'base64');

describe('HappyTalk Trigger → Download Attachments', () => {
	test('an image and a file become binary data beside the message; a text passes as it came', async () => {
		const image = triggerItem({ image: { url: sandbox.attachmentUrl('photo.png'), width: 64, height: 48 } });
		const file = triggerItem({ file: { name: '영수증.pdf', url: sandbox.attachmentUrl('receipt.pdf'), text: '영수증입니다' } });
		const text = triggerItem({ text: '안녕하세요' });

		const [photo, receipt, plain] = await runTrigger(download, image, file, text);

		expect(photo.json).toMatchObject({ type: 'image', image: { url: sandbox.attachmentUrl('photo.png') } });
		expect(photo.json.attachment).toEqual({ downloaded: true, binaryProperty: 'data', fileName: 'photo.png', mimeType: 'image/png', fileSize: attachmentBytes('photo.png').length });
		expect(photo.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'photo.png', fileExtension: 'png' });
		expect(bytesOf(photo).equals(attachmentBytes('photo.png'))).toBe(true);

		expect(receipt.json).toMatchObject({ type: 'file', text: '영수증입니다', file: { name: '영수증.pdf' } });
		expect(receipt.json.attachment).toMatchObject({ downloaded: true, fileName: '영수증.pdf', mimeType: 'application/pdf' });
		expect(bytesOf(receipt).equals(attachmentBytes('receipt.pdf'))).toBe(true);

		expect(plain).toEqual({ json: text, pairedItem: expect.anything() });
		expect(sandbox.attachmentDownloads.map((entry) => entry.path)).toEqual(['/attachments/photo.png', '/attachments/receipt.pdf']);
	});

	test('without the option nothing is downloaded and the items are exactly what webhook() parsed', async () => {
		const image = triggerItem({ image: { url: sandbox.attachmentUrl('photo.png') } });
		const [item] = await runTrigger({}, image);
		expect(item.json).toEqual(image);
		expect(item.binary).toBeUndefined();
		expect(sandbox.attachmentDownloads).toHaveLength(0);
	});

	test.each([
		['127.0.0.1 (the sandbox)', (url: string) => url],
		['localhost', (url: string) => url.replace('127.0.0.1', 'localhost')],
		['[::1]', (url: string) => url.replace('127.0.0.1', '[::1]')],
		['a private address', () => 'http://192.168.0.10/attachments/photo.png'],
		['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
	])('SSRF guard: %s is not fetched without "Allow Private Network Addresses"; the message goes on', async (_label, address) => {
		const image = triggerItem({ image: { url: address(sandbox.attachmentUrl('photo.png')) } });
		const [item] = await runTrigger({ downloadAttachments: true }, image);
		expect(item.json).toMatchObject({ type: 'image', msgId: image.msgId, attachment: { downloaded: false, failure: 'blockedAddress' } });
		expect(String((item.json.attachment as IDataObject).error)).toContain('Allow Private Network Addresses');
		expect(item.binary).toBeUndefined();
		expect(sandbox.attachmentDownloads).toHaveLength(0);
	});

	test('SSRF guard: a redirect is checked again at every hop', async () => {
		// The machine's own name resolves to loopback here: a name passes the literal guard (n8n's
		// SSRF protection is what checks resolved addresses), its redirect to 127.0.0.1 does not.
		const address = (await lookup(hostname()).catch(() => undefined))?.address ?? '';
		if (!address.startsWith('127.')) {
			console.warn(`skipped: ${hostname()} does not resolve to a loopback address on this machine`);
			return;
		}
		const byName = sandbox.attachmentUrl('photo.png', { redirect: sandbox.attachmentUrl('photo.png') }).replace('127.0.0.1', hostname());
		const [item] = await runTrigger({ downloadAttachments: true }, triggerItem({ image: { url: byName } }));
		expect(item.json.attachment).toMatchObject({ downloaded: false, failure: 'blockedAddress' });
		expect(sandbox.attachmentDownloads.map((entry) => entry.status)).toEqual([302]);

		sandbox.reset();
		const [followed] = await runTrigger(download, triggerItem({ image: { url: byName } }));
		expect(followed.json.attachment).toMatchObject({ downloaded: true, mimeType: 'image/png' });
		expect(sandbox.attachmentDownloads.map((entry) => entry.status)).toEqual([302, 200]);
	});

	test.each([
		['declared too large', { bytes: 3 * 1024 * 1024 }, { maxSizeMb: 1 }, 'tooLarge'],
		['too large without Content-Length (reading stops at the cap)', { bytes: 3 * 1024 * 1024, noLength: 1 }, { maxSizeMb: 1 }, 'tooLarge'],
		['no answer within the time-out', { delayMs: 3000 }, { downloadTimeout: 1000 }, 'timedOut'],
		['headers at once, bytes too slowly', { bytes: 400000, trickleMs: 100 }, { downloadTimeout: 1000 }, 'timedOut'],
		['HTTP 404', { status: 404 }, {}, 'httpStatus'],
	])('%s: the message goes on, saying what failed', async (_label, query, options, failure) => {
		const image = triggerItem({ image: { url: sandbox.attachmentUrl('big.bin', query) } });
		const started = Date.now();
		const [item] = await runTrigger({ ...download, ...options }, image);
		expect(item.json).toMatchObject({ ...image, attachment: { downloaded: false, failure } });
		expect(item.binary).toBeUndefined();
		if (failure === 'timedOut') expect(Date.now() - started).toBeLessThan(2800);
	});

	test('an unreachable host is a network failure, not a lost message', async () => {
		const closed = await startSandbox();
		const url = closed.attachmentUrl('photo.png');
		await closed.close();
		const [item] = await runTrigger(download, triggerItem({ image: { url } }));
		expect(item.json.attachment).toMatchObject({ downloaded: false, failure: 'networkError' });
	});
});

describe('Attachment → Download', () => {
	const params = (overrides: INodeParameters = {}): INodeParameters => ({
		resource: 'attachment',
		operation: 'download',
		url: '={{ ($json.image || $json.file || {}).url }}',
		binaryPropertyName: 'data',
		options: { allowPrivateAddresses: true },
		...overrides,
	});

	test('reads a trigger item by default; the input JSON stays, the file goes to the chosen field', async () => {
		const image = triggerItem({ image: { url: sandbox.attachmentUrl('photo.png') } });
		const file = triggerItem({ file: { name: 'notes.txt', url: sandbox.attachmentUrl('notes.txt') } });
		const { items, error } = await engine.runNode(params({ binaryPropertyName: 'attachment' }), [image, file]);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({ msgId: image.msgId, attachment: { downloaded: true, binaryProperty: 'attachment', mimeType: 'image/png' } });
		expect(Buffer.from(items[0].binary?.attachment?.data ?? '', 'base64').equals(attachmentBytes('photo.png'))).toBe(true);
		expect(items[1].binary?.attachment).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
		expect(Buffer.from(items[1].binary?.attachment?.data ?? '', 'base64').toString('utf8')).toContain('배송지 변경');
	});

	test('a failed download is the item\'s error: it stops the node, or with "On Error: Continue" is an error item', async () => {
		const blocked = await engine.runNode(params({ url: sandbox.attachmentUrl('photo.png'), options: {} }), [{}]);
		expect(blocked.error?.message).toContain('Allow Private Network Addresses');
		const inputs = [{ n: 1, uuid: 'customer_01', roomId: '5550001' }, { n: 2 }];
		const { items } = await engine.runNode(params({ url: '={{ $json.n === 1 ? "not a url" : "' + sandbox.attachmentUrl('photo.png') + '" }}' }), inputs, { continueOnFail: true });
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ json: { error: expect.stringContaining('Not a URL') }, pairedItem: { item: 0 } });
		// The input's customer and room come first, as on every error item.
		expect(Object.entries(items[0].json).slice(0, 2)).toEqual([['uuid', 'customer_01'], ['roomId', '5550001']]);
		expect(items[1].json.attachment).toMatchObject({ downloaded: true });
	});
});
