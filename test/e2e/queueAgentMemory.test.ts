/**
 * The AI Agent example in n8n's queue mode (main, webhook process, workers), with the memory the
 * docs/queue-mode.md recommends there: Postgres Chat Memory and Redis Chat Memory keep a room's conversation
 * where every worker reads it; the shipped Simple Memory keeps it inside one worker's process.
 * Deterministic: every first turn runs on worker 1, which then stops; every second turn runs on
 * worker 2, which never saw the first.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chatMemoryNode, POSTGRES_MEMORY_TABLE } from '../support/chatMemory';
import { firstRequestOf, historyOf, recallOf, type ModelStandIn } from '../support/agentTurns';
import { customerSays, writesTo, type Turn } from '../support/customerTurns';
import { startQueueCluster, startedExecutions, type Cluster } from '../support/queueCluster';
import { startSandbox, type Sandbox } from '../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importDemoData, cli } = require('../../scripts/demoData');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startModelStandIn } = require('../../sandbox/model/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { receivePath, triggerOf } = require('../../scripts/receivePath');

const VERSION: string = process.env.HAPPYTALK_QUEUE_N8N_VERSION ?? n8n.N8N_VERSIONS.current;
const example = JSON.parse(readFileSync(path.join(n8n.REPO, 'examples', 'ai-agent-replies.json'), 'utf8'));
const MEMORY_NODE = 'Memory per room';

const POSTGRES_CREDENTIAL = { id: 'HtE2eChatMemPg01', name: 'Chat memory (PostgreSQL)', type: 'postgres' };
const REDIS_CREDENTIAL = { id: 'HtE2eChatMemRd01', name: 'Chat memory (Redis)', type: 'redis' };

/** The example with another memory, and a trigger of its own (two triggers must not share a path). */
const variants = [
	{ memory: 'postgres', id: 'HtE2eMemoryPg001', webhookId: '3b6f1c2d-4e5a-4b7c-8d9e-0f1a2b3c4d51', credential: POSTGRES_CREDENTIAL },
	{ memory: 'redis', id: 'HtE2eMemoryRd001', webhookId: '3b6f1c2d-4e5a-4b7c-8d9e-0f1a2b3c4d52', credential: REDIS_CREDENTIAL },
	{ memory: 'simple', id: 'HtE2eMemorySm001', webhookId: '3b6f1c2d-4e5a-4b7c-8d9e-0f1a2b3c4d53', credential: undefined },
] as const;
type Variant = (typeof variants)[number];

function workflowOf(variant: Variant) {
	const memory = example.nodes.find((node: { name: string }) => node.name === MEMORY_NODE);
	return {
		...example,
		id: variant.id,
		name: `e2e queue memory: ${variant.memory}`,
		nodes: example.nodes.map((node: { name: string; webhookId?: string; parameters: object }) => {
			if (node.webhookId) return { ...node, webhookId: variant.webhookId, parameters: { ...node.parameters, pathSecret: `agent-memory-${variant.memory}` } };
			if (node.name !== MEMORY_NODE || !variant.credential) return node;
			return { ...chatMemoryNode(variant.memory), id: memory.id, name: MEMORY_NODE, position: memory.position, credentials: { [variant.credential.type]: { id: variant.credential.id, name: variant.credential.name } } };
		}),
	};
}

/** Two rooms per variant, two turns each, every text its own. */
const rooms = variants.flatMap((variant, v) =>
	[0, 1].map((r) => {
		const customer = { uuid: `mem_${variant.memory}_${r}`, roomId: `40${v}0${r}` };
		return {
			variant,
			first: { ...customer, text: `[${variant.memory} ${r}] 주문번호 B-${v}${r}77 교환 되나요?` } as Turn,
			second: { ...customer, text: `[${variant.memory} ${r}] 그럼 반품 택배는 언제 오나요?` } as Turn,
		};
	}),
);

describe(`n8n ${VERSION} in queue mode: the AI Agent's memory per room across workers`, () => {
	let sandbox: Sandbox;
	let model: ModelStandIn;
	let cluster: Cluster;
	const packDir = mkdtempSync(path.join(tmpdir(), 'happytalk-pack-'));
	const receiveUrl = (variant: Variant) => `${cluster.webhooks[0].url}/${receivePath(triggerOf(workflowOf(variant)))}`;

	beforeAll(async () => {
		sandbox = await startSandbox();
		model = (await startModelStandIn()) as ModelStandIn;
		cluster = await startQueueCluster({
			version: VERSION,
			tarball: n8n.packPackage(packDir),
			processes: [
				{ role: 'worker', name: 'worker-1' },
				{ role: 'webhook', name: 'webhook' },
			],
			prepare: async (cliEnv: Record<string, string>) => {
				await importDemoData(cliEnv, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version: VERSION, examples: false, modelUrl: model.url });
				const dir = mkdtempSync(path.join(tmpdir(), 'happytalk-queue-memory-'));
				// The queue's own PostgreSQL and Redis (Redis database 1: the queue uses 0).
				const credentials = [
					{ ...POSTGRES_CREDENTIAL, data: { host: '127.0.0.1', port: Number(cliEnv.DB_POSTGRESDB_PORT), database: cliEnv.DB_POSTGRESDB_DATABASE, user: cliEnv.DB_POSTGRESDB_USER, password: '', ssl: 'disable' } },
					{ ...REDIS_CREDENTIAL, data: { host: '127.0.0.1', port: Number(cliEnv.QUEUE_BULL_REDIS_PORT), database: 1, password: '' } },
				];
				writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(credentials));
				await cli(VERSION, cliEnv, ['import:credentials', `--input=${path.join(dir, 'credentials.json')}`]);
				const workflowDir = path.join(dir, 'workflows');
				mkdirSync(workflowDir);
				variants.forEach((variant, i) => writeFileSync(path.join(workflowDir, `${i}.json`), JSON.stringify(workflowOf(variant))));
				await cli(VERSION, cliEnv, ['import:workflow', '--separate', `--input=${workflowDir}`]);
				rmSync(dir, { recursive: true, force: true });
				for (const variant of variants) await cli(VERSION, cliEnv, n8n.activateCommand(VERSION, variant.id));
			},
		});
	});

	afterAll(async () => {
		await cluster?.stop();
		await sandbox?.close();
		await model?.close();
		rmSync(packDir, { recursive: true, force: true });
	});

	test('first turns on worker 1, second turns on worker 2: Postgres and Redis Chat Memory carry the first turn, Simple Memory does not', async () => {
		const [worker1] = cluster.workers;
		await Promise.all(rooms.map((room) => customerSays(sandbox, receiveUrl(room.variant), room.first)));
		expect(startedExecutions(worker1)).toHaveLength(rooms.length);

		const worker2 = await cluster.add({ role: 'worker', name: 'worker-2' });
		await worker1.stop();
		await Promise.all(rooms.map((room) => customerSays(sandbox, receiveUrl(room.variant), room.second)));
		expect(startedExecutions(worker2)).toHaveLength(rooms.length);

		for (const room of rooms) {
			const remembered = room.variant.memory !== 'simple';
			const sent = firstRequestOf(model, room.second.text);
			const [firstAnswer, secondAnswer] = writesTo(sandbox, room.first.roomId);
			expect([room.second.text, historyOf(sent)]).toEqual([
				room.second.text,
				remembered ? { customer: [room.first.text, room.second.text], sent: [firstAnswer] } : { customer: [room.second.text], sent: [] },
			]);
			// No other room's words, in any memory.
			const others = rooms.filter((other) => other !== room).flatMap((other) => [other.first.text, other.second.text]);
			for (const text of others) expect([room.second.text, JSON.stringify(sent.messages).includes(text)]).toEqual([room.second.text, false]);
			expect([room.second.text, secondAnswer.includes(recallOf(room.first.text))]).toEqual([room.second.text, remembered]);
		}

		// Where Postgres Chat Memory keeps it: in its table, one session per room.
		const sessions = cluster.postgres.query(`SELECT DISTINCT session_id FROM ${POSTGRES_MEMORY_TABLE} ORDER BY session_id`);
		expect(sessions).toEqual(rooms.filter((room) => room.variant.memory === 'postgres').map((room) => [room.first.roomId]));
	});
});
