/**
 * A customer's photo reaching an AI model as an image, in a real n8n: Attachment → Download puts
 * the sandbox's PNG into the item's binary data, and the AI Agent (its option "Automatically
 * Passthrough Binary Images") sends it to the model stand-in. A recording proxy in front of the
 * stand-in keeps the bodies as n8n sent them: the photo is there as an image part, its bytes intact.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { outputOf, prepareRealN8n, type RealN8n } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_VERSIONS } = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startModelStandIn } = require('../../sandbox/model/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MODEL_CREDENTIAL } = require('../../scripts/demoData');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { attachmentBytes } = require('../../sandbox/attachments') as { attachmentBytes(name: string): Buffer };

interface ModelStandIn {
	url: string;
	script(...turns: object[]): void;
	reset(): void;
	close(): Promise<void>;
}

/** Forwards to the stand-in, keeping each request body as it came. */
async function recordingProxy(target: string) {
	const bodies: string[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			bodies.push(body.toString('utf8'));
			const forward = http.request(`${target}${req.url?.replace(/^\/v1/, '')}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			});
			forward.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
		bodies,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const workflow = (id: string, photoUrl: string) => ({
	id,
	name: 'e2e photo to the model',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: `${id}-m`,
			name: 'Customer message',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			// What HappyTalk Trigger outputs for an image message.
			parameters: { jsCode: `return [{ json: ${JSON.stringify({ uuid: 'customer_08', roomId: '100808', type: 'image', text: '', image: { url: photoUrl, width: 64, height: 48 } })} }];` },
		},
		{
			id: `${id}-d`,
			name: 'Download photo',
			type: 'n8n-nodes-happytalk.happyTalk',
			typeVersion: 1,
			position: [400, 0],
			parameters: {
				resource: 'attachment',
				operation: 'download',
				url: '={{ ($json.image || $json.file || {}).url }}',
				binaryPropertyName: 'data',
				options: { allowPrivateAddresses: true },
			},
		},
		{
			id: `${id}-a`,
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [600, 0],
			parameters: { promptType: 'define', text: 'The customer sent this photo. Describe it in one sentence.', options: { passthroughBinaryImages: true } },
		},
		{
			id: `${id}-o`,
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.2,
			position: [600, 220],
			parameters: { model: { __rl: true, mode: 'list', value: 'gpt-5-mini' }, options: {} },
			credentials: { openAiApi: { id: MODEL_CREDENTIAL.id, name: MODEL_CREDENTIAL.name } },
		},
	],
	connections: {
		Start: { main: [[{ node: 'Customer message', type: 'main', index: 0 }]] },
		'Customer message': { main: [[{ node: 'Download photo', type: 'main', index: 0 }]] },
		'Download photo': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
	},
});

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? N8N_VERSIONS.current)
	.split(',')
	.filter((version) => version && !version.startsWith('1.'));

describe.each(versions)('n8n %s: a customer\'s photo reaches the AI model as an image', (version) => {
	let n8n: RealN8n;
	let model: ModelStandIn;
	let proxy: Awaited<ReturnType<typeof recordingProxy>>;

	beforeAll(async () => {
		model = (await startModelStandIn()) as ModelStandIn;
		proxy = await recordingProxy(model.url);
		n8n = await prepareRealN8n(version, { modelUrl: proxy.url });
	});

	afterAll(async () => {
		await n8n?.dispose();
		await proxy?.close();
		await model?.close();
	});

	test('Attachment → Download, then the AI Agent sends the PNG itself to the model', async () => {
		const id = 'HtE2ePhotoModel1';
		await n8n.importWorkflows([workflow(id, n8n.sandbox.attachmentUrl('photo.png'))]);
		model.script({ text: 'A colour gradient from blue to pink.' });
		const { run } = await n8n.execute(id);
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'AI Agent').items[0].json.output).toBe('A colour gradient from blue to pink.');
		const photo = attachmentBytes('photo.png').toString('base64');
		const withImage = proxy.bodies.filter((body) => body.includes(`data:image/png;base64,${photo}`));
		expect(withImage).toHaveLength(1);
		// An image part of the user's message, not text pasted into it.
		expect(withImage[0]).toMatch(/"type":"(image_url|input_image)"/);
	});
});
