/**
 * The chatbot loop, measured: the sandbox's customers write, a workflow replies in the same room.
 * Contenders: HappyTalk Trigger + HappyTalk node (answering HappyTalk at once, and after the run);
 * n8n's Webhook node + HTTP Request node built by hand. Modes: regular (SQLite), queue mode with one
 * worker (webhooks on the main), queue mode with two workers and a webhook process. Customers write
 * in pairs (two messages to one room). Loads: a fixed rate (a pair's messages 1/rate apart), and as
 * fast as n8n takes them (a fixed number of pairs in flight, a pair's second message posted once the
 * first was answered). Message counts and rates come from HAPPYTALK_BENCH_LOOP_* variables.
 */
const { startQueueCluster } = require('./queueMode');
const n8n = require('./n8n');
const { importDemoData, cli } = require('./demoData');
const { sendTextNode, httpWriteNode } = require('./workflows');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const settings = {
	messages: Number(process.env.HAPPYTALK_BENCH_LOOP_MESSAGES || 200),
	rooms: Number(process.env.HAPPYTALK_BENCH_LOOP_ROOMS || 20),
	ratePerSecond: Number(process.env.HAPPYTALK_BENCH_LOOP_RATE || 10),
	inFlight: Number(process.env.HAPPYTALK_BENCH_LOOP_IN_FLIGHT || 16),
	latencyMs: 50,
};

const MODES = [
	{ name: 'regular (SQLite)', regular: true, processes: [] },
	{ name: 'queue, 1 worker', processes: [{ role: 'worker', name: 'worker-1' }] },
	{
		name: 'queue, 2 workers + webhook process',
		processes: [
			{ role: 'worker', name: 'worker-1' },
			{ role: 'worker', name: 'worker-2' },
			{ role: 'webhook', name: 'webhook' },
		],
	},
];

const REPLY = '=re: {{ $json.text }}';
const trigger = (id, webhookId, secret, answer) => ({
	id: `${id}-t`,
	name: 'Customer message',
	type: 'n8n-nodes-happytalk.happyTalkTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId,
	parameters: { pathSecret: secret, options: answer ? { answer } : {} },
});

// Each with its own path secret: n8n keys webhooks by method and path, and without one every
// trigger's path is "message/:uuid".
const CONTENDERS = [
	{ name: 'HappyTalk Trigger + node', id: 'HtBenchLoopOurs1', webhookId: '1a1a1a1a-0000-4000-8000-000000000001', secret: 'bench-ours' },
	{ name: 'HappyTalk Trigger (after run) + node', id: 'HtBenchLoopAfter', webhookId: '1a1a1a1a-0000-4000-8000-000000000002', secret: 'bench-after', answer: 'afterRun' },
	{ name: 'Webhook + HTTP Request nodes', id: 'HtBenchLoopHttp1', webhookId: '1a1a1a1a-0000-4000-8000-000000000003', secret: 'bench-hand', hand: true },
];

function contenderWorkflow(contender, sandbox) {
	const reply = contender.hand
		? httpWriteNode({
				name: 'Reply',
				sandbox,
				jsonBody: "={{ JSON.stringify({ uuid: $json.body.uuid, room_id: $json.body.room_id, type: 'text', msg: 're: ' + $json.body.content }) }}",
			})
		: sendTextNode({ name: 'Reply', message: REPLY });
	const start = contender.hand
		? {
				id: `${contender.id}-t`,
				name: 'Customer message',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: contender.webhookId,
				// The receive domain plus HappyTalk's /message/{UUID}, answered at once.
				parameters: { httpMethod: 'POST', path: `${contender.secret}/message/:uuid`, options: {} },
			}
		: trigger(contender.id, contender.webhookId, contender.secret, contender.answer);
	return {
		id: contender.id,
		name: `bench loop: ${contender.name}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [start, { ...reply, id: `${contender.id}-r`, position: [240, 0] }],
		connections: { 'Customer message': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
	};
}

/** The receive URL HappyTalk would be given, on the process that takes webhooks. */
function receiveUrl(cluster, contender) {
	const base = (cluster.webhooks[0] ?? cluster.main).url;
	return `${base}/webhook/${contender.webhookId}/${contender.secret}`;
}

const WARM_UP_MESSAGES = 20;

async function deliver(sandbox, url, load, count = settings.messages) {
	// Customers write in pairs: two messages to one room back to back, the case where order can break.
	const roomOf = (i) => Math.floor(i / 2) % settings.rooms;
	const messages = Array.from({ length: count }, (_, i) => ({
		uuid: `loop_${roomOf(i)}`,
		room_id: `loop-room-${roomOf(i)}`,
		text: `hello #${i}`,
	}));
	const answers = new Array(messages.length);
	const send = async (index) => {
		const started = Date.now();
		try {
			const answer = await sandbox.sendCustomerMessage({ receiveUrl: url, ...messages[index] });
			answers[index] = { status: answer.status, ms: Date.now() - started };
		} catch (error) {
			answers[index] = { status: 0, ms: Date.now() - started, error: error.message };
		}
	};
	if (load === 'rate') {
		const pending = [];
		const start = Date.now();
		for (let i = 0; i < messages.length; i += 1) {
			const due = start + (i * 1000) / settings.ratePerSecond;
			if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
			pending.push(send(i));
		}
		await Promise.all(pending);
	} else {
		// Each sender takes a customer's pair and posts the second once the first was answered.
		let pair = 0;
		await Promise.all(
			Array.from({ length: settings.inFlight }, async () => {
				while (pair * 2 < messages.length) {
					const first = 2 * pair++;
					await send(first);
					if (first + 1 < messages.length) await send(first + 1);
				}
			}),
		);
	}
	return { messages, answers };
}

function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Matches every reply the sandbox received to the customer message it answers. */
function score(sandbox, { messages, answers }) {
	const sent = new Map(sandbox.customerMessages.map((record) => [record.body.content, record]));
	const byText = new Map(messages.map((message) => [message.text, message]));
	const seen = new Map();
	const latencies = [];
	let wrongRoom = 0;
	for (const request of sandbox.requests) {
		if (request.path !== '/v1/chat/write' || request.code !== 0) continue;
		const text = String(request.body.msg).replace(/^re: /, '');
		const message = byText.get(text);
		if (!message) continue;
		seen.set(text, (seen.get(text) ?? 0) + 1);
		if (String(request.body.room_id) !== message.room_id) wrongRoom += 1;
		if (seen.get(text) === 1) latencies.push(request.receivedAt - sent.get(text).sentAt);
	}
	latencies.sort((a, b) => a - b);
	const firstSent = Math.min(...sandbox.customerMessages.map((record) => record.sentAt));
	const lastReply = Math.max(...sandbox.requests.map((request) => request.receivedAt));
	const answerTimes = answers.map((answer) => answer.ms).sort((a, b) => a - b);
	return {
		replies: [...seen.values()].reduce((a, b) => a + b, 0),
		repliesPerSecond: seen.size / ((lastReply - firstSent) / 1000),
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		answerP50: percentile(answerTimes, 50),
		non200: answers.filter((answer) => answer.status !== 200).length,
		lost: messages.length - seen.size,
		duplicated: [...seen.values()].reduce((sum, count) => sum + count - 1, 0),
		wrongRoom,
		orderViolations: sandbox.stats().perRoomOrderViolations,
	};
}

async function waitForReplies(sandbox, expected, timeoutMs = 120000) {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	while (Date.now() < deadline) {
		const delivered = sandbox.stats().delivered;
		if (delivered !== last) {
			last = delivered;
			stableSince = Date.now();
		}
		// All there, or nothing new for 10 s (the rest is lost).
		if (delivered >= expected && Date.now() - stableSince > 1000) return;
		if (Date.now() - stableSince > 10000) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function runChatbotBench({ version, tarball, sandbox, log = console.log }) {
	const rows = [];
	// Other work on the machine weighs on every figure: the 1-minute load average, sampled throughout.
	const loads = [];
	const sampler = setInterval(() => loads.push(os.loadavg()[0]), 10000);
	for (const mode of MODES) {
		log(`Starting n8n ${version}, ${mode.name}...`);
		sandbox.reset();
		sandbox.setLatency(settings.latencyMs);
		const cluster = await startQueueCluster({
			version,
			tarball,
			regular: mode.regular,
			processes: mode.processes,
			workerEnv: { N8N_LOG_LEVEL: 'warn' },
			prepare: async (cliEnv) => {
				await importDemoData(cliEnv, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version, examples: false });
				const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-bench-loop-'));
				CONTENDERS.forEach((contender, i) => fs.writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(contenderWorkflow(contender, sandbox))));
				await cli(version, cliEnv, ['import:workflow', '--separate', `--input=${dir}`]);
				fs.rmSync(dir, { recursive: true, force: true });
				for (const contender of CONTENDERS) await cli(version, cliEnv, n8n.activateCommand(version, contender.id));
			},
		});
		try {
			// Warm-up, not measured: n8n's first executions of a workflow cost more (code loading, JIT).
			for (const contender of CONTENDERS) {
				sandbox.reset();
				await deliver(sandbox, receiveUrl(cluster, contender), 'flood', WARM_UP_MESSAGES);
				await waitForReplies(sandbox, WARM_UP_MESSAGES);
			}
			for (const load of ['rate', 'flood']) {
				for (const contender of CONTENDERS) {
					sandbox.reset();
					sandbox.setLatency(settings.latencyMs);
					const processes = [cluster.main, ...cluster.workers, ...cluster.webhooks];
					const cpuBefore = processes.map((service) => service.cpuSeconds());
					const wall = Date.now();
					const delivery = await deliver(sandbox, receiveUrl(cluster, contender), load);
					await waitForReplies(sandbox, settings.messages);
					const seconds = (Date.now() - wall) / 1000;
					const cpu = Object.fromEntries(processes.map((service, i) => [service.name, service.cpuSeconds() - cpuBefore[i]]));
					const loadName = load === 'rate' ? `${settings.ratePerSecond} msg/s` : `${settings.inFlight} pairs in flight`;
					const row = { version, mode: mode.name, load: loadName, contender: contender.name, messages: settings.messages, rooms: settings.rooms, seconds, cpu, ...score(sandbox, delivery) };
					rows.push(row);
					log(
						`  ${mode.name}, ${loadName}, ${contender.name}: ${row.repliesPerSecond.toFixed(1)} replies/s, p50 ${row.p50} ms, p95 ${row.p95} ms, lost ${row.lost}, not 200 ${row.non200}, dup ${row.duplicated}, wrong room ${row.wrongRoom}, order ${row.orderViolations}, cpu ${JSON.stringify(cpu)}`,
					);
				}
			}
		} finally {
			await cluster.stop();
		}
	}
	clearInterval(sampler);
	loads.sort((a, b) => a - b);
	return { rows, settings: { ...settings, loadAverage: { min: loads[0], median: loads[Math.floor(loads.length / 2)], max: loads.at(-1) } } };
}

module.exports = { runChatbotBench, CHATBOT_SETTINGS: settings };
