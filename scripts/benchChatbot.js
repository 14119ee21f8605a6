/**
 * The chatbot loop, measured: the sandbox's customers write, a workflow replies in the same room.
 * Contenders: HappyTalk Trigger + HappyTalk node (answering HappyTalk at once, and after the run);
 * n8n's Webhook node + HTTP Request node built by hand (the secret in the node, and in a
 * credential). Modes: regular (SQLite), queue mode with one worker (webhooks on the main), queue
 * mode with two workers and a webhook process. Customers write in pairs (two messages to one room).
 * Loads: a fixed rate (a pair's messages 1/rate apart), and as fast as n8n takes them (a fixed
 * number of pairs in flight, a pair's second message posted once the first was answered). Each load
 * runs every contender `rounds` times, round by round, each round started by another contender
 * (by default every contender starts one round), after one unmeasured run of that load; a row pools
 * its contender's runs. Message counts, rates and rounds come from HAPPYTALK_BENCH_LOOP_* variables.
 */
const { startQueueCluster } = require('./queueMode');
const n8n = require('./n8n');
const { importDemoData, cli } = require('./demoData');
const { sendTextNode, httpWriteNode } = require('./workflows');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');


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
	{ name: 'HappyTalk Trigger + node', id: 'HtBenchLoopOurs1', webhookId: '1a1a1a1a-0000-4000-8000-000000000001', secret: 'bench-ours-path-secret' },
	{ name: 'HappyTalk Trigger (after run) + node', id: 'HtBenchLoopAfter', webhookId: '1a1a1a1a-0000-4000-8000-000000000002', secret: 'bench-after-path-secret', answer: 'afterRun' },
	{ name: 'Webhook + HTTP Request nodes, secret in the node', id: 'HtBenchLoopHttp1', webhookId: '1a1a1a1a-0000-4000-8000-000000000003', secret: 'bench-hand-built', hand: true },
	// Like for like: a user who keeps the Client Secret out of the workflow's JSON needs a credential.
	{ name: 'Webhook + HTTP Request nodes, secret in a credential', id: 'HtBenchLoopHttp2', webhookId: '1a1a1a1a-0000-4000-8000-000000000004', secret: 'bench-hand-credential', hand: true, credential: true },
];

const settings = {
	messages: Number(process.env.HAPPYTALK_BENCH_LOOP_MESSAGES || 200),
	rooms: Number(process.env.HAPPYTALK_BENCH_LOOP_ROOMS || 20),
	ratePerSecond: Number(process.env.HAPPYTALK_BENCH_LOOP_RATE || 10),
	inFlight: Number(process.env.HAPPYTALK_BENCH_LOOP_IN_FLIGHT || 16),
	// As many rounds as contenders: each begins one round.
	rounds: Number(process.env.HAPPYTALK_BENCH_LOOP_ROUNDS || CONTENDERS.length),
	latencyMs: 50,
};

/** n8n's Custom Auth credential holding HappyTalk's two headers, for the hand-built bot. */
const CUSTOM_AUTH = { id: 'HtBenchCustAuth1', name: 'HappyTalk by hand (Custom Auth)', type: 'httpCustomAuth' };
const customAuthCredential = (sandbox) => ({
	...CUSTOM_AUTH,
	data: { json: JSON.stringify({ headers: { 'HT-Client-Id': sandbox.clientId, 'HT-Client-Secret': sandbox.clientSecret } }) },
});

function handReplyNode(contender, sandbox) {
	const node = httpWriteNode({
		name: 'Reply',
		sandbox,
		jsonBody: "={{ JSON.stringify({ uuid: $json.body.uuid, room_id: $json.body.room_id, type: 'text', msg: 're: ' + $json.body.content }) }}",
	});
	if (!contender.credential) return node;
	const { sendHeaders, headerParameters, ...parameters } = node.parameters;
	return {
		...node,
		parameters: { ...parameters, authentication: 'genericCredentialType', genericAuthType: 'httpCustomAuth' },
		credentials: { httpCustomAuth: { id: CUSTOM_AUTH.id, name: CUSTOM_AUTH.name } },
	};
}

function contenderWorkflow(contender, sandbox) {
	const reply = contender.hand ? handReplyNode(contender, sandbox) : sendTextNode({ name: 'Reply', message: REPLY });
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

const WARM_UP_MESSAGES = 60;

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

/** Matches every reply the sandbox received to the customer message it answers: one run's raw figures. */
function scoreRun(sandbox, { messages, answers }) {
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
	const firstSent = Math.min(...sandbox.customerMessages.map((record) => record.sentAt));
	const lastReply = Math.max(...sandbox.requests.map((request) => request.receivedAt));
	return {
		latencies,
		answerTimes: answers.map((answer) => answer.ms),
		answered: seen.size,
		replies: [...seen.values()].reduce((a, b) => a + b, 0),
		seconds: (lastReply - firstSent) / 1000,
		non200: answers.filter((answer) => answer.status !== 200).length,
		lost: messages.length - seen.size,
		duplicated: [...seen.values()].reduce((sum, count) => sum + count - 1, 0),
		wrongRoom,
		orderViolations: sandbox.stats().perRoomOrderViolations,
	};
}

/** One row from a contender's runs: latencies pooled, counts summed, CPU per run averaged. */
function combineRuns(runs) {
	const sorted = (key) => runs.flatMap((run) => run[key]).sort((a, b) => a - b);
	const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
	const latencies = sorted('latencies');
	const cpu = {};
	for (const run of runs) for (const [name, seconds] of Object.entries(run.cpu)) cpu[name] = (cpu[name] ?? 0) + seconds / runs.length;
	return {
		runs: runs.length,
		replies: sum('replies'),
		repliesPerSecond: sum('answered') / sum('seconds'),
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		// How far one run's p95 is from the next: the noise the pooled figures carry.
		p95PerRun: runs.map((run) => percentile([...run.latencies].sort((a, b) => a - b), 95)),
		answerP50: percentile(sorted('answerTimes'), 50),
		non200: sum('non200'),
		lost: sum('lost'),
		duplicated: sum('duplicated'),
		wrongRoom: sum('wrongRoom'),
		orderViolations: sum('orderViolations'),
		cpu,
		// A virtual machine's CPU taken by its neighbours during these runs: figures above a few
		// per cent are disturbed.
		stealPercent: (100 * runs.reduce((total, run) => total + run.stealShare, 0)) / runs.length,
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

/** The machine's CPU time so far (all cores), and how much of it the hypervisor gave to others (steal). */
function machineCpu() {
	try {
		const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
	} catch {
		return { total: NaN, steal: NaN };
	}
}

/** One run of one contender under one load, on a reset sandbox: its raw figures and each process's CPU. */
async function measureRun(cluster, sandbox, contender, load) {
	sandbox.reset();
	sandbox.setLatency(settings.latencyMs);
	const processes = [cluster.main, ...cluster.workers, ...cluster.webhooks];
	const cpuBefore = processes.map((service) => service.cpuSeconds());
	const machineBefore = machineCpu();
	const delivery = await deliver(sandbox, receiveUrl(cluster, contender), load);
	await waitForReplies(sandbox, settings.messages);
	const cpu = Object.fromEntries(processes.map((service, i) => [service.name, service.cpuSeconds() - cpuBefore[i]]));
	const machineAfter = machineCpu();
	const stealShare = (machineAfter.steal - machineBefore.steal) / (machineAfter.total - machineBefore.total);
	return { ...scoreRun(sandbox, delivery), cpu, stealShare };
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
				const credentialFile = path.join(dir, 'custom-auth.json');
				fs.writeFileSync(credentialFile, JSON.stringify([customAuthCredential(sandbox)]));
				await cli(version, cliEnv, ['import:credentials', `--input=${credentialFile}`]);
				fs.rmSync(credentialFile);
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
				const loadName = load === 'rate' ? `${settings.ratePerSecond} msg/s` : `${settings.inFlight} pairs in flight`;
				const runs = new Map(CONTENDERS.map((contender) => [contender, []]));
				// Not measured: the first run after a change of load is slower whoever makes it (seen as
				// the first round's first run standing out), so round 0's leader settles it first.
				await measureRun(cluster, sandbox, CONTENDERS[0], load);
				for (let round = 0; round < settings.rounds; round++) {
					const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]);
					for (const contender of order) runs.get(contender).push(await measureRun(cluster, sandbox, contender, load));
				}
				for (const contender of CONTENDERS) {
					const row = { version, mode: mode.name, load: loadName, contender: contender.name, messages: settings.messages, rooms: settings.rooms, ...combineRuns(runs.get(contender)) };
					rows.push(row);
					log(
						`  ${mode.name}, ${loadName}, ${contender.name}: ${row.repliesPerSecond.toFixed(1)} replies/s, p50 ${row.p50} ms, p95 ${row.p95} ms, lost ${row.lost}, not 200 ${row.non200}, dup ${row.duplicated}, wrong room ${row.wrongRoom}, order ${row.orderViolations}, cpu ${JSON.stringify(row.cpu)}`,
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
