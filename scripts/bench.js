#!/usr/bin/env node
/**
 * `npm run bench`: bulk sending in a real n8n (the CLI, with this package installed as n8n installs
 * community packages) against the sandbox answering after 50 ms. Contenders: this node with its
 * defaults and one room at a time; n8n's HTTP Request node set up by hand for the same API, with
 * its defaults and with its batching option at two batch sizes. Prints one table and writes
 * docs/bench.md and docs/bench.svg, for n8n 2.8.4 and the newest n8n of the e2e matrix (a run
 * replaces only the versions it measured). `--quick` skips the 10,000-message runs.
 *
 * Then the chatbot loop (scripts/benchChatbot.js) in regular and queue mode: docs/bench-chatbot.*,
 * the Counseling Trigger's backfill (scripts/benchTrigger.js): docs/bench-trigger.*, and the
 * dialog loop (scripts/benchDialog.js, Send and Wait for Reply): docs/bench-dialog.*.
 * `--only=bulk`, `--only=loop`, `--only=trigger` or `--only=dialog` runs one of them; HAPPYTALK_BENCH_N8N_VERSIONS (comma-separated)
 * picks the n8n versions of the bulk benchmark.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { startSandbox } = require('../sandbox/server');
const n8n = require('./n8n');
const { importDemoData } = require('./demoData');
const { renderTable, renderSvg, renderLoopTable, renderLoopSvg } = require('./benchReport');
const { runChatbotBench } = require('./benchChatbot');
const { runDialogBench, renderDialogTable, mergeDialogRows } = require('./benchDialog');
const { runTriggerBackfillBench, renderTriggerTable } = require('./benchTrigger');
const { itemsWorkflow, sendTextNode, httpWriteNode } = require('./workflows');

const LATENCY_MS = 50;
const VERSIONS = (process.env.HAPPYTALK_BENCH_N8N_VERSIONS || `${n8n.N8N_VERSIONS.current},${n8n.N8N_VERSIONS.newest}`)
	.split(',')
	.filter(Boolean);
const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const DOCS = path.join(n8n.REPO, 'docs');
const RATE_LIMIT = { perSecond: 100, retryAfterSeconds: 1 };

const SIZES = [
	{ messages: 1000, rooms: 100 },
	...(QUICK ? [] : [{ messages: 10000, rooms: 1000 }]),
];

// Built first: the contenders below read our node's default concurrency from the built package (the
// options schema owns it), and a fresh clone has no dist/ yet.
spawnSync('npm', ['run', 'build', '--silent'], { cwd: n8n.REPO, stdio: 'inherit' });
const { CONCURRENCY } = require('../dist/nodes/HappyTalk/shared/options.schema');
const { MESSAGE_CONCURRENCY } = require('../dist/nodes/HappyTalkHistoryTrigger/trigger.schema');

const OURS = { name: 'HappyTalk node, defaults', concurrency: CONCURRENCY.default, node: () => happyTalkNode({}) };
const HTTP_DEFAULTS = { name: 'HTTP Request node, defaults', concurrency: Infinity, node: (sandbox) => httpRequestNode(sandbox, {}) };

const CONTENDERS = [
	OURS,
	{ name: 'HappyTalk node, concurrency 1', concurrency: 1, node: () => happyTalkNode({ concurrency: 1 }) },
	HTTP_DEFAULTS,
	// n8n's batching starts a batch every batchInterval ms without waiting for the last one, so
	// more requests are in flight than a batch holds (the table shows the peak the sandbox saw).
	// With the interval at the API's latency, batches of half our default concurrency keep as many
	// in flight as our default does; batches the size of our default keep twice as many.
	httpBatches(CONCURRENCY.default / 2),
	httpBatches(CONCURRENCY.default),
];

function httpBatches(batchSize) {
	return {
		name: `HTTP Request node, batches of ${batchSize}`,
		concurrency: batchSize,
		node: (sandbox) => httpRequestNode(sandbox, { batching: { batch: { batchSize, batchInterval: LATENCY_MS } } }),
	};
}

async function main() {
	const packFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-pack-'));
	try {
		const tarball = n8n.packPackage(packFolder);
		fs.mkdirSync(DOCS, { recursive: true });
		if (ONLY === undefined || ONLY === 'bulk') await benchBulkSending(tarball);
		if (ONLY === undefined || ONLY === 'loop') await benchChatbotLoop(tarball);
		if (ONLY === undefined || ONLY === 'dialog') await benchDialogLoop(tarball);
		if (ONLY === undefined || ONLY === 'trigger') await benchTriggerBackfill(tarball);
	} finally {
		// The packed tarball is this run's only: the system's temp folder stays as it was.
		fs.rmSync(packFolder, { recursive: true, force: true });
	}
}

/** Send and Wait for Reply: docs/bench-dialog.md and .json. */
async function benchDialogLoop(tarball) {
	const version = n8n.N8N_VERSIONS.current;
	n8n.ensureN8n(version);
	const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
	const measured = await runDialogBench({ version, tarball, sandbox });
	await sandbox.close();
	const measuredAt = new Date().toISOString();
	const jsonFile = path.join(DOCS, 'bench-dialog.json');
	const mdFile = path.join(DOCS, 'bench-dialog.md');
	const previous = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')).rows : [];
	const rows = mergeDialogRows(previous, measured.rows);
	fs.writeFileSync(jsonFile, `${JSON.stringify({ measuredAt, settings: measured.settings, rows }, null, 2)}\n`);
	const table = renderDialogTable(rows, measured.settings);
	// What people wrote below the table (from its first "## " heading on) stays.
	const old = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, 'utf8') : '';
	const notes = old.includes('\n## ') ? old.slice(old.indexOf('\n## ')) : '';
	fs.writeFileSync(
		mdFile,
		`# Dialog loop: Send and Wait for Reply\n\nMeasured ${measuredAt} by \`npm run bench -- --only=dialog\` (scripts/benchDialog.js). See docs/send-and-wait.md.\n\n${table}${notes}`,
	);
	console.log(table);
}

async function benchTriggerBackfill(tarball) {
	const version = n8n.N8N_VERSIONS.current;
	n8n.ensureN8n(version);
	const sandbox = await startSandbox({ historyRooms: 0 });
	const row = await runTriggerBackfillBench({ version, tarball, sandbox, concurrency: MESSAGE_CONCURRENCY.default });
	await sandbox.close();
	const table = renderTriggerTable(row);
	console.log(`\n${table}`);
	fs.writeFileSync(path.join(DOCS, 'bench-trigger.md'), `${table}\n`);
	fs.writeFileSync(path.join(DOCS, 'bench-trigger.json'), `${JSON.stringify(row, null, 2)}\n`);
	console.log('Wrote docs/bench-trigger.md and docs/bench-trigger.json');
}

async function benchChatbotLoop(tarball) {
	const version = n8n.N8N_VERSIONS.current;
	n8n.ensureN8n(version);
	const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
	const { rows, settings } = await runChatbotBench({ version, tarball, sandbox });
	await sandbox.close();
	const table = renderLoopTable(rows, { ...settings, version });
	console.log(`\n${table}`);
	fs.writeFileSync(path.join(DOCS, 'bench-chatbot.md'), `${table}\n`);
	fs.writeFileSync(path.join(DOCS, 'bench-chatbot.svg'), renderLoopSvg(rows));
	fs.writeFileSync(path.join(DOCS, 'bench-chatbot.json'), `${JSON.stringify({ settings, rows }, null, 2)}\n`);
	console.log('Wrote docs/bench-chatbot.md, docs/bench-chatbot.svg and docs/bench-chatbot.json');
}

async function benchBulkSending(tarball) {
	// Rows of versions this run does not measure stay as the last run left them.
	const jsonPath = path.join(DOCS, 'bench.json');
	const kept = fs.existsSync(jsonPath)
		? JSON.parse(fs.readFileSync(jsonPath, 'utf8'))
				.map((row) => ({ version: n8n.N8N_VERSIONS.current, ...row }))
				.filter((row) => !VERSIONS.includes(row.version))
		: [];
	const measured = [];
	for (const version of VERSIONS) measured.push(...(await benchBulkOn(version, tarball)));
	const rows = [...kept, ...measured];
	const versions = [...new Set(rows.map((row) => row.version))];
	const table = versions
		.map((version) => renderTable(rows.filter((row) => row.version === version), { latencyMs: LATENCY_MS, version }))
		.join('\n\n');
	console.log(`\n${table}`);
	fs.writeFileSync(path.join(DOCS, 'bench.md'), `${table}\n`);
	fs.writeFileSync(path.join(DOCS, 'bench.svg'), renderSvg(rows.map((row) => ({ ...row, label: `n8n ${row.version}: ${row.label}` }))));
	fs.writeFileSync(jsonPath, `${JSON.stringify(rows.map(({ contender, ...row }) => row), null, 2)}\n`);
	console.log('Wrote docs/bench.md, docs/bench.svg and docs/bench.json');
}

async function benchBulkOn(version, tarball) {
	n8n.ensureN8n(version);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-bench-'));
	n8n.installPackage(userFolder, tarball);
	const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
	const env = n8n.n8nEnv({ userFolder, port: await n8n.freePort(), brokerPort: await n8n.freePort() });
	// The run data of 10,000 items is printed whole; keep n8n's own logging out of the timings.
	await importDemoData(env, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version, examples: false });

	const rows = [];
	// Warm-up, not measured: the first run of a fresh n8n pays for its start (caches, the package's
	// first load, the database), whichever contender goes first.
	process.stdout.write('[warm-up] HappyTalk node, defaults, 1000 messages / 100 rooms (not measured) ... ');
	const warmUp = await measure(version, env, sandbox, { size: { messages: 1000, rooms: 100 }, contender: OURS });
	console.log(`${warmUp.seconds.toFixed(1)} s`);
	const plan = [
		...SIZES.flatMap((size) => CONTENDERS.map((contender) => ({ size, contender }))),
		// Rate-limited: HappyTalk (here, the sandbox) answers 429 with Retry-After above 100 requests a second.
		...[
			OURS,
			{
				name: `HappyTalk node, ${RATE_LIMIT.perSecond} requests per second`,
				concurrency: CONCURRENCY.default,
				node: () => happyTalkNode({ requestsPerSecond: RATE_LIMIT.perSecond }),
			},
			HTTP_DEFAULTS,
		].map((contender) => ({ size: { messages: 1000, rooms: 100 }, contender, rateLimit: RATE_LIMIT })),
	];
	for (const [index, run] of plan.entries()) {
		const label = `${run.contender.name}, ${run.size.messages} messages / ${run.size.rooms} rooms${run.rateLimit ? ', rate-limited' : ''}`;
		process.stdout.write(`[${index + 1}/${plan.length}] ${label} ... `);
		const row = await measure(version, env, sandbox, run);
		rows.push({ version: version, label, ...run, ...row });
		console.log(`${row.seconds.toFixed(1)} s, ${row.perSecond.toFixed(0)} msg/s, ${row.peakInFlight} in flight at most`);
	}
	await sandbox.close();
	fs.rmSync(userFolder, { recursive: true, force: true });
	return rows;
}

async function measure(version, env, sandbox, { size, contender, rateLimit }) {
	sandbox.reset();
	sandbox.setRateLimit(rateLimit ?? null);
	const id = `HtBench${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
	const workflow = benchWorkflow(id, size, contender.node(sandbox));
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-bench-wf-')), 'workflow.json');
	fs.writeFileSync(file, JSON.stringify(workflow));
	const imported = await n8n.runCli(version, env, ['import:workflow', `--input=${file}`]);
	if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);

	const { peakRssBytes } = await executeWithPeakMemory(version, env, id);
	const items = await outputItems(version, env.N8N_USER_FOLDER, id);
	const stats = sandbox.stats();
	const seconds = (stats.lastAnsweredAt - stats.firstReceivedAt) / 1000;
	const failed = items.filter((item) => item.json.error !== undefined || item.json.skipped).length;
	const chain = size.messages / size.rooms;
	// The fastest possible: limited by concurrency, by the longest room's chain, and by the rate limit.
	const bound = Math.max(
		(size.messages * LATENCY_MS) / Math.min(contender.concurrency, size.messages) / 1000,
		(chain * LATENCY_MS) / 1000,
		rateLimit ? size.messages / rateLimit.perSecond : 0,
	);
	return {
		seconds,
		perSecond: stats.delivered / seconds,
		boundSeconds: bound,
		orderViolations: stats.perRoomOrderViolations,
		delivered: stats.delivered,
		failed,
		lost: size.messages - stats.delivered - failed,
		duplicates: stats.duplicates,
		rateLimited: stats.rateLimited,
		peakInFlight: stats.peakInFlight,
		peakRssMb: peakRssBytes / 1024 / 1024,
	};
}

/** Runs `n8n execute`, sampling the process's peak resident memory (VmHWM) while it runs. */
function executeWithPeakMemory(version, env, id) {
	const { spawn } = require('node:child_process');
	return new Promise((resolve, reject) => {
		// Quiet, and without --rawOutput: printing 10,000 items would weigh on the measured process.
		const node = n8n.nodeFor(version);
		const child = spawn(node, [n8n.n8nBin(version), 'execute', `--id=${id}`], {
			env: n8n.envForNode(node, { ...env, N8N_PORT: '0', N8N_LOG_LEVEL: 'warn' }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		let peak = 0;
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const sample = setInterval(() => {
			try {
				const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
				const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
				peak = Math.max(peak, kb * 1024);
			} catch {
				// the process has ended
			}
		}, 100);
		child.on('close', (code) => {
			clearInterval(sample);
			if (code !== 0) reject(new Error(`n8n execute failed (${code}):\n${stdout.slice(-1000)}\n${stderr.slice(-2000)}`));
			else resolve({ peakRssBytes: peak });
		});
	});
}

/**
 * The Send node's output, read from the execution n8n saved: the CLI prints 10,000-item runs
 * through its logger, which may be cut short when the process exits.
 */
async function outputItems(version, userFolder, workflowId) {
	// Read by the node that runs this n8n: its sqlite3 is built for that node's ABI.
	const reader = `
		const [runtime, file, workflowId] = process.argv.slice(1);
		const sqlite3 = require(runtime + '/sqlite3');
		const flatted = require(runtime + '/flatted');
		const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
		db.get('SELECT d.data FROM execution_data d JOIN execution_entity e ON e.id = d.executionId WHERE e.workflowId = ? ORDER BY e.id DESC LIMIT 1', [workflowId], (error, row) => {
			if (error) throw error;
			const items = flatted.parse(row.data).resultData.runData.Send?.[0]?.data?.main?.[0] ?? [];
			process.stdout.write(JSON.stringify(items.map((item) => ({ json: { error: item.json.error, skipped: item.json.skipped } }))));
			db.close();
		});`;
	const runtime = path.join(n8n.runtimeDir(version), 'node_modules');
	const result = spawnSync(n8n.nodeFor(version), ['-e', reader, runtime, path.join(userFolder, '.n8n', 'database.sqlite'), workflowId], {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`Reading the execution failed:\n${result.stderr}`);
	return JSON.parse(result.stdout);
}

function benchWorkflow(id, { messages, rooms }, sendNode) {
	return itemsWorkflow({
		id,
		// Interleaved rooms; each text ends with "#<n>" so the sandbox can check per-room order.
		jsCode: `return Array.from({ length: ${messages} }, (_, i) => ({ json: { uuid: 'customer_' + (i % ${rooms}), roomId: 'room-' + (i % ${rooms}), message: 'bench message #' + i } }));`,
		node: { ...sendNode, name: 'Send', onError: 'continueRegularOutput' },
	});
}

function happyTalkNode(options) {
	return sendTextNode({ name: 'Send', options });
}

/** The same API call built by hand, as a user without this node would. */
function httpRequestNode(sandbox, options) {
	return httpWriteNode({
		sandbox,
		options,
		jsonBody: "={{ JSON.stringify({ uuid: $json.uuid, room_id: $json.roomId, type: 'text', msg: $json.message }) }}",
	});
}

// Ctrl-C ends the n8n processes and databases the benchmark started (see queueMode.js).
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
