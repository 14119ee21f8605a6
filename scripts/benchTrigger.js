/**
 * The Counseling Trigger's backfill in a real n8n: a workflow whose trigger includes the last
 * hours on first activation, against the sandbox holding ROOMS completed rooms with messages and
 * answering every request after LATENCY_MS. n8n polls once while it activates the workflow; the
 * time runs from the first room-list request to the last message request answered. Bound: the
 * message requests at the trigger's default concurrency, one latency each
 * (ROOMS / concurrency × latency); target TARGET × bound.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./n8n');
const { importDemoData, SANDBOX_CUSTOMER_CREDENTIAL } = require('./demoData');

const ROOMS = 500;
const LATENCY_MS = 100;
const TARGET = 1.3;
const ROOM_LIST = '/user/api/chat_room_lists/format/json';
const ROOM_BY_ID = '/user/api/chat_data/format/json';

const korea = (ms) => new Date(ms + 9 * 3600000).toISOString().slice(0, 19).replace('T', ' ');

async function runTriggerBackfillBench({ version, tarball, sandbox, concurrency, log = console.log }) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-bench-trigger-'));
	let server;
	try {
		n8n.installPackage(userFolder, tarball);
		const env = n8n.n8nEnv({ userFolder, port: await n8n.freePort(), brokerPort: await n8n.freePort() });
		await importDemoData(env, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, companyToken: sandbox.companyToken }, { version, examples: false });
		const id = 'HtBenchBackfill1';
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-bench-trigger-wf-'));
		fs.writeFileSync(path.join(dir, 'workflow.json'), JSON.stringify(backfillWorkflow(id)));
		for (const args of [['import:workflow', `--input=${path.join(dir, 'workflow.json')}`], n8n.activateCommand(version, id)]) {
			const result = await n8n.runCli(version, env, args);
			if (result.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stderr}`);
		}
		fs.rmSync(dir, { recursive: true, force: true });

		sandbox.reset();
		sandbox.clearHistory();
		// Completed over the last 10 hours, each with a conversation of three messages.
		const now = Date.now();
		sandbox.addHistoryRooms(
			Array.from({ length: ROOMS }, (_, i) => {
				const completedAt = now - 60000 - i * 70000;
				return {
					id: `BENCH${String(i).padStart(6, '0')}`.padEnd(30, 'b'),
					uuid: `bench_${i}`,
					reg_date: korea(completedAt - 600000),
					complate_date: korea(completedAt),
					messages: [
						{ user_type: 'C', contents: 'hello', send_date: korea(completedAt - 590000) },
						{ user_type: 'H', contents: 'how can I help?', send_date: korea(completedAt - 580000) },
						{ user_type: 'C', contents: 'thanks', send_date: korea(completedAt - 10000) },
					],
				};
			}),
		);
		sandbox.setLatency(LATENCY_MS);
		log(`Counseling Trigger backfill: ${ROOMS} rooms, n8n ${version} starting ...`);
		const loadAverage = os.loadavg()[0];
		server = await n8n.startServer(version, env);
		const deadline = Date.now() + 300000;
		const answered = () => sandbox.requests.filter((request) => request.path === ROOM_BY_ID && request.answeredAt !== null);
		while (answered().length < ROOMS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
		const messages = answered();
		const lists = sandbox.requests.filter((request) => request.path === ROOM_LIST);
		if (messages.length < ROOMS) throw new Error(`Only ${messages.length} of ${ROOMS} rooms' messages were requested`);
		const begin = lists[0].receivedAt;
		const seconds = (Math.max(...messages.map((request) => request.answeredAt)) - begin) / 1000;
		const listSeconds = (Math.max(...lists.map((request) => request.answeredAt)) - begin) / 1000;
		const boundSeconds = (ROOMS / concurrency) * (LATENCY_MS / 1000);
		return {
			version,
			rooms: ROOMS,
			latencyMs: LATENCY_MS,
			concurrency,
			seconds,
			listSeconds,
			boundSeconds,
			loadAverage,
			target: TARGET,
			listRequests: lists.length,
			messageRequests: messages.length,
			distinctRooms: new Set(messages.map((request) => request.body?.room_id)).size,
			peakMessagesInFlight: peakInFlight(messages),
		};
	} finally {
		sandbox.setLatency(0);
		if (server) await server.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

/** The most requests open at the same moment. */
function peakInFlight(requests) {
	const events = requests.flatMap((request) => [[request.receivedAt, 1], [request.answeredAt, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let open = 0;
	let peak = 0;
	for (const [, change] of events) {
		open += change;
		peak = Math.max(peak, open);
	}
	return peak;
}

function backfillWorkflow(id) {
	return {
		id,
		name: 'Benchmark: Counseling Trigger backfill',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'backfill-trigger',
				name: 'Counseling completed',
				type: 'n8n-nodes-happytalk.happyTalkHistoryTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyHour' }] }, event: 'counselingCompleted', options: { startHours: 24 } },
				credentials: { happyTalkCustomerApi: { id: SANDBOX_CUSTOMER_CREDENTIAL.id, name: SANDBOX_CUSTOMER_CREDENTIAL.name } },
			},
		],
		connections: {},
	};
}

function renderTriggerTable(row) {
	return [
		`Counseling Trigger backfill in n8n ${row.version}: ${row.rooms} completed rooms with messages on first activation, sandbox latency ${row.latencyMs} ms, on this machine (${os.cpus().length} cores, load average ${row.loadAverage.toFixed(1)} when n8n started).`,
		'Bound: the message requests at the default concurrency, one latency each; the room list is walked meanwhile.',
		'',
		'| run | wall time (s) | bound (s) | time / bound | target | room list walked in (s) | room-list requests | message requests | rooms | peak message requests in flight |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		`| defaults (message requests at once: ${row.concurrency}) | ${row.seconds.toFixed(2)} | ${row.boundSeconds.toFixed(2)} | ${(row.seconds / row.boundSeconds).toFixed(2)} | ≤ ${row.target.toFixed(2)} | ${row.listSeconds.toFixed(2)} | ${row.listRequests} | ${row.messageRequests} | ${row.distinctRooms} | ${row.peakMessagesInFlight} |`,
	].join('\n');
}

module.exports = { runTriggerBackfillBench, renderTriggerTable };
