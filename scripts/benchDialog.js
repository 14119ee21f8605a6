/**
 * The dialog loop, measured: `rooms` customers each start a dialog (HappyTalk Trigger → Message →
 * Send and Wait for Reply → Send), so that as many executions wait; then every customer answers
 * at once. Resume latency: from the sandbox's delivery of an answer to the resumed execution's
 * next message at the sandbox. Beside it, at the same load, the chatbot loop (HappyTalk Trigger →
 * Send: every customer writes at once, a fresh execution answers), the yardstick of the target
 * "p95 within 1.5 × the chatbot loop's". Regular mode (SQLite) and queue mode (two workers and a
 * webhook process, PostgreSQL). Rooms and rounds come from HAPPYTALK_BENCH_DIALOG_* variables;
 * HAPPYTALK_BENCH_DIALOG_MODES=regular or =queue measures one mode (the other's rows are kept).
 * Each mode's row records the machine's 1-minute load average while it ran: on a shared machine
 * the figures mean little without it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startQueueCluster } = require('./queueMode');
const n8n = require('./n8n');
const { importDemoData, cli } = require('./demoData');
const { dialogWorkflow, happyTalkTriggerNode, sendTextNode } = require('./workflows');
const { importN8nApiCredential, connectN8nApi, waitingExecutions, waitingExecutionsInEditor, ownerSession } = require('./n8nApiCredential');

const settings = {
	rooms: Number(process.env.HAPPYTALK_BENCH_DIALOG_ROOMS || 100),
	rounds: Number(process.env.HAPPYTALK_BENCH_DIALOG_ROUNDS || 3),
	latencyMs: 50,
};

const DIALOG = { id: 'HtBenchDialog001', webhookId: '2b2b2b2b-0000-4000-8000-000000000001', pathSecret: 'bench-dialog-secret' };
const CHATBOT = { id: 'HtBenchDialogBot', webhookId: '2b2b2b2b-0000-4000-8000-000000000002', secret: 'bench-dialog-bot' };

const MODES = [
	{ key: 'regular', name: 'regular (SQLite)', regular: true },
	{ key: 'queue', name: 'queue, 2 workers + webhook process', regular: false },
].filter((mode) => (process.env.HAPPYTALK_BENCH_DIALOG_MODES ?? 'regular,queue').split(',').includes(mode.key));

function chatbotWorkflow() {
	return {
		id: CHATBOT.id,
		name: 'bench dialog: the chatbot loop at the same load',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			happyTalkTriggerNode({ id: `${CHATBOT.id}-t`, webhookId: CHATBOT.webhookId, pathSecret: CHATBOT.secret }),
			{ ...sendTextNode({ name: 'Reply', message: '=re: {{ $json.text }}' }), id: `${CHATBOT.id}-r`, position: [240, 0] },
		],
		connections: { 'Customer message': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
	};
}

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

async function until(predicate, timeoutMs, refresh = async () => {}) {
	const deadline = Date.now() + timeoutMs;
	await refresh();
	while (!predicate() && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		await refresh();
	}
	return predicate();
}

const writes = (sandbox) => sandbox.requests.filter((request) => request.path === '/v1/chat/write' && request.code === 0);

/**
 * Answers matched to the customer messages they answer: `expect(text)` gives the answer text a
 * message should get; latency from the message's delivery to the answer's arrival.
 */
function score(sandbox, messages, answerText, started) {
	const byAnswer = new Map(messages.map((message) => [answerText(message), message]));
	const seen = new Map();
	const latencies = [];
	let wrongRoom = 0;
	for (const request of writes(sandbox)) {
		const message = byAnswer.get(request.body.msg);
		if (!message) continue;
		seen.set(request.body.msg, (seen.get(request.body.msg) ?? 0) + 1);
		if (String(request.body.room_id) !== message.room_id || request.body.uuid !== message.uuid) wrongRoom += 1;
		if (seen.get(request.body.msg) === 1) latencies.push(request.receivedAt - message.sentAt);
	}
	const last = Math.max(...writes(sandbox).map((request) => request.receivedAt));
	return {
		latencies,
		seconds: (last - started) / 1000,
		answered: seen.size,
		lost: messages.length - seen.size,
		duplicated: [...seen.values()].reduce((sum, count) => sum + count - 1, 0),
		wrongRoom,
	};
}

/** Every customer writes at once; resolves once each got an answer or nothing new came for 15 s. */
async function everyoneWrites(sandbox, url, messages, expected) {
	const started = Date.now();
	let failed = 0;
	await Promise.all(
		messages.map(async (message) => {
			message.sentAt = Date.now();
			// HappyTalk's side gives up after 10 s: such a delivery counts, as not answered 200.
			const answer = await sandbox
				.sendCustomerMessage({ receiveUrl: url, uuid: message.uuid, room_id: message.room_id, text: message.text })
				.catch(() => ({ status: 0 }));
			if (answer.status !== 200) failed += 1;
		}),
	);
	let last = -1;
	let stableSince = Date.now();
	await until(() => {
		const count = expected();
		if (count !== last) [last, stableSince] = [count, Date.now()];
		return count >= messages.length || Date.now() - stableSince > 15000;
	}, 300000);
	return { started, failed };
}

const roomsFor = (tag) =>
	Array.from({ length: settings.rooms }, (_, i) => ({ uuid: `dlg_${tag}_${i}`, room_id: `dlg-${tag}-${i}` }));

async function chatbotRun(sandbox, base, tag) {
	sandbox.reset();
	sandbox.setLatency(settings.latencyMs);
	const messages = roomsFor(tag).map((room) => ({ ...room, text: `hello ${room.room_id}` }));
	const got = () => writes(sandbox).filter((request) => request.body.msg.startsWith('re: ')).length;
	const { started, failed } = await everyoneWrites(sandbox, `${base}/webhook/${CHATBOT.webhookId}/${CHATBOT.secret}`, messages, got);
	return { ...score(sandbox, messages, (message) => `re: ${message.text}`, started), non200: failed };
}

async function dialogRun(sandbox, base, tag, api) {
	sandbox.reset();
	sandbox.setLatency(settings.latencyMs);
	const url = `${base}/webhook/${DIALOG.webhookId}/${DIALOG.pathSecret}`;
	const asked = () => writes(sandbox).filter((request) => request.body.msg.startsWith('Order number')).length;
	// Not measured: every room's dialog opens, and its execution pauses (a room whose opening
	// message n8n did not take in time is written to again).
	for (let attempt = 0; attempt < 3 && asked() < settings.rooms; attempt++) {
		const waiting = new Set(writes(sandbox).map((request) => request.body.room_id));
		const open = roomsFor(tag).filter((room) => !waiting.has(room.room_id));
		for (let start = 0; start < open.length; start += 10) {
			await Promise.all(open.slice(start, start + 10).map((room) => sandbox.sendCustomerMessage({ receiveUrl: url, ...room, text: 'hi' }).catch(() => {})));
		}
		await until(() => asked() >= settings.rooms, 60000);
	}
	const askedRooms = new Set(writes(sandbox).filter((request) => request.body.msg.startsWith('Order number')).map((request) => request.body.room_id));
	const rooms = roomsFor(tag).filter((room) => askedRooms.has(room.room_id));
	// Every dialog's execution waits (as n8n reports it) before its customer answers. Regular mode:
	// n8n's editor API, since the public one leaves out what the main holds in memory (at most 100).
	let waitingNow = 0;
	const count = api.regular ? () => waitingExecutionsInEditor(api.url, api.cookie, DIALOG.id) : () => waitingExecutions(api.url, api.key, DIALOG.id);
	await until(() => waitingNow >= Math.min(rooms.length, api.regular ? 100 : Infinity), 120000, async () => (waitingNow = await count()));
	const answers = rooms.map((room) => ({ ...room, text: `answer ${room.room_id}` }));
	const got = () => writes(sandbox).filter((request) => request.body.msg.startsWith('got: ')).length;
	const { started, failed } = await everyoneWrites(sandbox, url, answers, got);
	return { ...score(sandbox, answers, (message) => `got: ${message.text}`, started), non200: failed, waiting: rooms.length, extraQuestions: asked() - rooms.length };
}

function combine(runs) {
	const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
	const sum = (key) => runs.reduce((total, run) => total + (run[key] ?? 0), 0);
	return {
		runs: runs.length,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p95PerRun: runs.map((run) => percentile([...run.latencies].sort((a, b) => a - b), 95)),
		perSecond: sum('answered') / sum('seconds'),
		lost: sum('lost'),
		duplicated: sum('duplicated'),
		wrongRoom: sum('wrongRoom'),
		non200: sum('non200'),
		waiting: runs.map((run) => run.waiting ?? settings.rooms),
		extraQuestions: sum('extraQuestions'),
	};
}

async function startCluster(mode, version, tarball, sandbox) {
	const prepare = async (cliEnv) => {
		await importDemoData(cliEnv, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version, examples: false });
		await importN8nApiCredential(version, cliEnv, 'http://127.0.0.1');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-bench-dialog-'));
		fs.writeFileSync(path.join(dir, 'dialog.json'), JSON.stringify(dialogWorkflow(DIALOG)));
		fs.writeFileSync(path.join(dir, 'chatbot.json'), JSON.stringify(chatbotWorkflow()));
		await cli(version, cliEnv, ['import:workflow', '--separate', `--input=${dir}`]);
		fs.rmSync(dir, { recursive: true, force: true });
		for (const id of [DIALOG.id, CHATBOT.id]) await cli(version, cliEnv, n8n.activateCommand(version, id));
	};
	const processes = mode.regular
		? []
		: [
				{ role: 'worker', name: 'worker-1' },
				{ role: 'worker', name: 'worker-2' },
				{ role: 'webhook', name: 'webhook' },
			];
	const cluster = await startQueueCluster({ version, tarball, regular: mode.regular, processes, workerEnv: { N8N_LOG_LEVEL: 'warn' }, prepare });
	// The trigger finds waiting executions through n8n's API, on the main.
	cluster.api = { url: cluster.main.url, key: await connectN8nApi(cluster.main.url), regular: mode.regular };
	if (mode.regular) cluster.api.cookie = (await ownerSession(cluster.main.url)).cookie;
	const base = (cluster.webhooks[0] ?? cluster.main).url;
	await n8n.waitForWebhooks(base, [`${DIALOG.webhookId}/${DIALOG.pathSecret}/message/:uuid`]);
	return cluster;
}

async function runDialogBench({ version, tarball, sandbox, log = console.log }) {
	const rows = [];
	for (const mode of MODES) {
		log(`Starting n8n ${version}, ${mode.name} (dialog loop)...`);
		const cluster = await startCluster(mode, version, tarball, sandbox);
		const base = (cluster.webhooks[0] ?? cluster.main).url;
		const load = [];
		const sampleLoad = () => load.push(os.loadavg()[0]);
		sampleLoad();
		const sampler = setInterval(sampleLoad, 5000);
		try {
			// Warm-up, not measured.
			await chatbotRun(sandbox, base, 'warm');
			await dialogRun(sandbox, base, 'warm', cluster.api);
			const chatbot = [];
			const dialog = [];
			for (let round = 0; round < settings.rounds; round++) {
				// Alternating who goes first, so that neither always meets a fresher n8n.
				const pair = [
					async () => chatbot.push(await chatbotRun(sandbox, base, `c${round}`)),
					async () => dialog.push(await dialogRun(sandbox, base, `d${round}`, cluster.api)),
				];
				for (const step of round % 2 === 0 ? pair : pair.reverse()) await step();
			}
			for (const [loop, runs] of [['chatbot loop (fresh execution)', chatbot], ['dialog loop (resumed execution)', dialog]]) {
				const row = { version, mode: mode.name, loop, rooms: settings.rooms, measuredAt: new Date().toISOString(), ...combine(runs), load: loadRange(load) };
				rows.push(row);
				log(`  ${mode.name}, ${loop}: rooms ${row.waiting.join('/')}, not 200 ${row.non200}, new conversations ${row.extraQuestions}, p50 ${row.p50} ms, p95 ${row.p95} ms (per run ${row.p95PerRun.join(', ')}), ${row.perSecond.toFixed(1)}/s, lost ${row.lost}, dup ${row.duplicated}, wrong room ${row.wrongRoom}`);
			}
		} finally {
			clearInterval(sampler);
			await cluster.stop();
		}
	}
	return { rows, settings: { ...settings, cpus: os.cpus().length } };
}

/** The 1-minute load average's lowest and highest sample while a mode ran. */
const loadRange = (samples) => [Math.min(...samples), Math.max(...samples)].map((value) => Math.round(value * 10) / 10);

/** Rows of the modes measured now replace theirs among `previous`; the others are kept. */
function mergeDialogRows(previous, rows) {
	const measured = new Set(rows.map((row) => `${row.version} ${row.mode}`));
	return [...previous.filter((row) => !measured.has(`${row.version} ${row.mode}`)), ...rows];
}

function renderDialogTable(rows, meta) {
	const lines = [
		'| n8n | mode | loop | measured (UTC) | load avg | runs | rooms per run | p50 ms | p95 ms | p95 per run | answers/s | lost | duplicated | wrong room | not 200 | new conversation instead |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
		...rows.map(
			(row) =>
				`| ${row.version} | ${row.mode} | ${row.loop} | ${row.measuredAt ? row.measuredAt.slice(0, 16).replace('T', ' ') : '–'} | ${row.load ? row.load.join(' to ') : '–'} | ${row.runs} | ${row.waiting.join(', ')} | ${row.p50} | ${row.p95} | ${row.p95PerRun.join(', ')} | ${row.perSecond.toFixed(1)} | ${row.lost} | ${row.duplicated} | ${row.wrongRoom} | ${row.non200} | ${row.extraQuestions} |`,
		),
	];
	const ratios = [];
	for (const mode of new Set(rows.map((row) => row.mode))) {
		const [bot, dialog] = ['chatbot', 'dialog'].map((loop) => rows.find((row) => row.mode === mode && row.loop.startsWith(loop)));
		if (bot && dialog) ratios.push(`- ${mode}: dialog p95 / chatbot p95 = ${(dialog.p95 / bot.p95).toFixed(2)} (target at most 1.5)`);
	}
	// Rows of several runs may stand together: each row's own "runs" are its rounds per loop.
	return `${lines.join('\n')}\n\n${ratios.join('\n')}\n\n${meta.rooms} rooms, every customer at once, the chatbot and the dialog loop alternating ("runs": rounds per loop), the sandbox answering after ${meta.latencyMs} ms, ${meta.cpus} CPUs (shared).\n`;
}

module.exports = { runDialogBench, renderDialogTable, mergeDialogRows, DIALOG_SETTINGS: settings };
