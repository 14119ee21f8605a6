/**
 * Attachments as binary data in a real n8n: the sandbox's customer sends a photo, HappyTalk
 * Trigger (Download Attachments on) starts the workflow, and the photo is binary data in n8n's run
 * data. And what the download costs HappyTalk's answer: with "At Once" the answer comes before
 * the (deliberately slow) download has finished; with "After the Workflow Ran" after it. And on
 * n8n 2.x, the photo reaching an AI model as an image: Attachment → Download, then the AI Agent
 * (its option "Automatically Passthrough Binary Images") sends it to the model stand-in, behind a
 * recording proxy that keeps the bodies as n8n sent them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { outputOf, prepareRealN8n, type RealN8n, type Server } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_MATRIX, ownerSession, runtimeDir } = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflows = require('../../scripts/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startModelStandIn } = require('../../sandbox/model/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MODEL_CREDENTIAL } = require('../../scripts/demoData');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { attachmentBytes } = require('../../sandbox/attachments') as { attachmentBytes(name: string): Buffer };

const OWNER = { email: 'attachments-test@happytalk.example', firstName: 'Attach', lastName: 'Ment', password: 'HappyTalk-E2e-2026' };
/** Long enough that an answer which waited for the download is told apart on a busy machine. */
const DOWNLOAD_DELAY_MS = 6000;

// Different Path Secrets: two triggers on one path would replace each other (see README).
const TRIGGERS = {
	atOnce: { id: 'HtE2eAttach00001', webhookId: '6a0d7f5e-1c2b-4e3d-9a8f-7b6c5d4e3f21', secret: 'attach-at-once-secret', answer: 'onReceived' },
	afterRun: { id: 'HtE2eAttach00002', webhookId: '6a0d7f5e-1c2b-4e3d-9a8f-7b6c5d4e3f22', secret: 'attach-after-run', answer: 'afterRun' },
} as const;
type Trigger = (typeof TRIGGERS)[keyof typeof TRIGGERS];

const triggerWorkflow = (trigger: Trigger) =>
	workflows.triggerOnlyWorkflow({
		id: trigger.id,
		name: `e2e attachments (${trigger.answer})`,
		webhookId: trigger.webhookId,
		pathSecret: trigger.secret,
		// The sandbox runs on 127.0.0.1: only with this option may it be downloaded from.
		options: { answer: trigger.answer, downloadAttachments: true, allowPrivateAddresses: true, downloadTimeout: 30000 },
	});

interface ModelStandIn {
	url: string;
	script(...turns: object[]): void;
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

/** Manual trigger → an image message as the trigger outputs it → Attachment → Download → AI Agent. */
const photoToModelWorkflow = (id: string, photoUrl: string) => ({
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

interface BinaryMeta {
	mimeType: string;
	fileName: string;
	fileSize: string;
	fileExtension?: string;
}

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? N8N_MATRIX.join(','))
	.split(',')
	.filter(Boolean);

describe.each(versions)('n8n %s: attachments as binary data', (version) => {
	let n8n: RealN8n;
	let server: Server;
	let cookie: string;
	let model: ModelStandIn;
	let proxy: Awaited<ReturnType<typeof recordingProxy>>;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = () => require(path.join(runtimeDir(version), 'node_modules', 'flatted')) as { parse(text: string): unknown };

	/** The trigger's output in the newest finished execution of a workflow, from n8n's REST API. */
	async function triggerOutput(workflowId: string) {
		const get = async (url: string) => ((await (await fetch(`${server.url}${url}`, { headers: { cookie } })).json()) as { data: unknown }).data;
		for (let attempt = 0; attempt < 100; attempt++) {
			const list = (await get(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`)) as { results?: Array<{ id: string; status: string }> } | Array<{ id: string; status: string }>;
			const results = Array.isArray(list) ? list : (list.results ?? []);
			const done = results.find((execution) => execution.status === 'success');
			if (done) {
				const execution = (await get(`/rest/executions/${done.id}`)) as { data: string };
				const data = flatted().parse(execution.data) as {
					resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, BinaryMeta> }>> } }>> };
				};
				return data.resultData.runData['Customer message'][0].data.main[0];
			}
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
		throw new Error(`no finished execution of ${workflowId}`);
	}

	/** Sends a photo whose download answers only after DOWNLOAD_DELAY_MS; when did HappyTalk get its answer? */
	async function sendSlowPhoto(trigger: Trigger) {
		const url = n8n.sandbox.attachmentUrl('photo.png', { delayMs: DOWNLOAD_DELAY_MS });
		const sentAt = Date.now();
		const answer = await n8n.sandbox.sendCustomerMessage({
			receiveUrl: `${server.url}/webhook/${trigger.webhookId}/${trigger.secret}`,
			uuid: 'customer_05',
			room_id: '100555',
			image: { url, width: 64, height: 48 },
		});
		const answeredAt = Date.now();
		return { answer, sentAt, answeredAt };
	}

	beforeAll(async () => {
		model = (await startModelStandIn()) as ModelStandIn;
		proxy = await recordingProxy(model.url);
		n8n = await prepareRealN8n(version, { modelUrl: proxy.url });
		await n8n.importWorkflows(Object.values(TRIGGERS).map(triggerWorkflow));
		for (const trigger of Object.values(TRIGGERS)) {
			expect((await n8n.cli(version.startsWith('1.') ? ['update:workflow', `--id=${trigger.id}`, '--active=true'] : ['publish:workflow', `--id=${trigger.id}`])).code).toBe(0);
		}
		server = await n8n.startServer(Object.values(TRIGGERS).map((trigger) => `${trigger.webhookId}/${trigger.secret}/message/:uuid`));
		({ cookie } = await ownerSession(server.url, OWNER));
	});

	beforeEach(() => n8n.sandbox.reset());

	afterAll(async () => {
		await n8n?.dispose();
		await proxy?.close();
		await model?.close();
	});

	test('"At Once": HappyTalk is answered before the slow download has finished; the photo is binary data in the run', async () => {
		const { answer, sentAt, answeredAt } = await sendSlowPhoto(TRIGGERS.atOnce);
		expect(answer.status).toBe(200);
		const [item] = await triggerOutput(TRIGGERS.atOnce.id);
		const download = n8n.sandbox.attachmentDownloads[0];
		// The download started inside the execution and answered DOWNLOAD_DELAY_MS later: after HappyTalk's answer.
		expect(download.at + DOWNLOAD_DELAY_MS).toBeGreaterThan(answeredAt);
		console.log(`n8n ${version}, At Once: HappyTalk answered after ${answeredAt - sentAt} ms; the download took ${DOWNLOAD_DELAY_MS} ms more`);

		expect(item.json).toMatchObject({ type: 'image', uuid: 'customer_05', roomId: '100555', attachment: { downloaded: true, mimeType: 'image/png', fileName: 'photo.png', fileSize: attachmentBytes('photo.png').length } });
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'photo.png', fileExtension: 'png' });
	});

	test('"After the Workflow Ran": the answer waits for the download, as for the rest of the run', async () => {
		const { answer, sentAt, answeredAt } = await sendSlowPhoto(TRIGGERS.afterRun);
		expect(answer.status).toBe(200);
		const download = n8n.sandbox.attachmentDownloads[0];
		expect(answeredAt).toBeGreaterThanOrEqual(download.at + DOWNLOAD_DELAY_MS);
		console.log(`n8n ${version}, After the Workflow Ran: HappyTalk answered after ${answeredAt - sentAt} ms (download ${DOWNLOAD_DELAY_MS} ms)`);
		const [item] = await triggerOutput(TRIGGERS.afterRun.id);
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png' });
	});

	// Only on n8n 2.x: n8n 1.x's AI Agent is not part of the matrix's AI tests (see aiAgent.test.ts).
	if (!version.startsWith('1.')) test('a photo reaches the AI model as an image: Attachment → Download, then the AI Agent sends the PNG itself', async () => {
		const id = 'HtE2ePhotoModel1';
		await n8n.importWorkflows([photoToModelWorkflow(id, n8n.sandbox.attachmentUrl('photo.png'))]);
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
