/**
 * HappyTalk Trigger's versions in a real n8n: two published version 2 triggers without a Path
 * Secret both receive (version 1 ones would share n8n's webhook key "message/:uuid" and replace
 * each other), and a saved version 1 workflow keeps its URL and keeps answering.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { prepareRealN8n, type RealN8n, type Server } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflows = require('../../scripts/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_MATRIX, REPO, activateCommand } = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { receivePath, webhookPath, triggerOf } = require('../../scripts/receivePath');

interface SavedNode {
	type: string;
	typeVersion: number;
	webhookId?: string;
	parameters: Record<string, unknown>;
}
interface Saved {
	id: string;
	nodes: SavedNode[];
}

/** Today's auto-reply bot as saved before version 2: its trigger is version 1. */
const versionOne = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/v1/auto-reply-bot.json'), 'utf8')) as Saved;

/** A version 2 trigger without a Path Secret, answering with `tag`. */
const newTrigger = (tag: string, id: string, webhookId: string): Saved => {
	const workflow = workflows.triggerOnlyWorkflow({ id, name: `e2e trigger 2 ${tag}`, webhookId, options: {}, typeVersion: 2 });
	return {
		...workflow,
		nodes: [
			...workflow.nodes,
			{ ...workflows.sendTextNode({ name: 'Reply', message: `=${tag}: {{ $json.text }}` }), id: `${id}-reply`, position: [220, 0] },
		],
		connections: { 'Customer message': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
	} as Saved;
};

const first = newTrigger('first', 'HtE2eTrigger11A1', '4e1d2c3b-0a9f-4e8d-8c7b-6a5f4e3d2c1b');
const second = newTrigger('second', 'HtE2eTrigger11B1', '9b8a7f6e-5d4c-4b3a-8f2e-1d0c9b8a7f6e');
const all = [versionOne, first, second];

const versions: string[] = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? N8N_MATRIX.join(',')).split(',').filter(Boolean);

describe.each(versions)('n8n %s: HappyTalk Trigger 1 and 2', (version) => {
	let n8n: RealN8n;
	let server: Server;
	const replies = () =>
		n8n.sandbox.requests.filter((request) => request.path === '/v1/chat/write').map((request) => request.body as Record<string, string>);

	beforeAll(async () => {
		n8n = await prepareRealN8n(version);
		// The fixture has the example's id: it puts the bot back as it was saved with version 1.
		await n8n.importWorkflows(all);
		for (const { id } of all) expect((await n8n.cli(activateCommand(version, id))).code).toBe(0);
		server = await n8n.startServer(all.map((workflow) => webhookPath(triggerOf(workflow))));
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('two published 2 triggers without a Path Secret both receive; the version 1 bot keeps its URL', async () => {
		expect(receivePath(triggerOf(versionOne))).toBe(`webhook/${triggerOf(versionOne).webhookId}`);
		const customers = [
			{ workflow: versionOne, uuid: 'customer_21', room_id: '100301' },
			{ workflow: first, uuid: 'customer_22', room_id: '100302' },
			{ workflow: second, uuid: 'customer_23', room_id: '100303' },
		];
		for (const { workflow, uuid, room_id } of customers) {
			const answer = await n8n.sandbox.sendCustomerMessage({
				receiveUrl: `${server.url}/${receivePath(triggerOf(workflow))}`,
				uuid,
				room_id,
				text: '안녕하세요',
			});
			expect([uuid, answer.status]).toEqual([uuid, 200]);
		}
		const deadline = Date.now() + 30000;
		while (replies().length < customers.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
		expect(replies().sort((a, b) => a.room_id.localeCompare(b.room_id))).toEqual([
			{ uuid: 'customer_21', room_id: '100301', type: 'text', msg: '"안녕하세요" 메시지를 잘 받았습니다. 잠시만 기다려 주세요!' },
			{ uuid: 'customer_22', room_id: '100302', type: 'text', msg: 'first: 안녕하세요' },
			{ uuid: 'customer_23', room_id: '100303', type: 'text', msg: 'second: 안녕하세요' },
		]);
	});
});
