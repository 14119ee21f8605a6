#!/usr/bin/env node
/**
 * `npm run bench:attachments`: what downloading a customer's attachment costs HappyTalk's answer,
 * in a real n8n (2.8.4 unless HAPPYTALK_BENCH_N8N_VERSIONS says otherwise). The sandbox's
 * customer sends photos whose download answers after 0, 1,000 or 5,000 ms; each contender is a
 * HappyTalk Trigger alone in its workflow: without Download Attachments, with it and "At Once",
 * with it and "After the Workflow Ran". Prints median and p95 of the time until HappyTalk got its
 * answer, and writes docs/bench-attachments.md. `--rounds=N` messages per cell (default 8).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { startSandbox } = require('../sandbox/server');
const n8n = require('./n8n');
const { importDemoData } = require('./demoData');
const { triggerOnlyWorkflow } = require('./workflows');

const VERSIONS = (process.env.HAPPYTALK_BENCH_N8N_VERSIONS || n8n.N8N_VERSIONS.current).split(',').filter(Boolean);
const ROUNDS = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 8);
const DELAYS_MS = [0, 1000, 5000];
const OUT = path.join(n8n.REPO, 'docs', 'bench-attachments.md');

const CONTENDERS = [
	{ key: 'off', name: 'Download Attachments off, At Once', options: { answer: 'onReceived' } },
	{ key: 'atOnce', name: 'Download Attachments, At Once', options: { answer: 'onReceived', downloadAttachments: true, allowPrivateAddresses: true } },
	{ key: 'afterRun', name: 'Download Attachments, After the Workflow Ran', options: { answer: 'afterRun', downloadAttachments: true, allowPrivateAddresses: true } },
].map((contender, index) => ({
	...contender,
	id: `HtBenchAttach00${index + 1}`,
	webhookId: `7b1e8a6f-2d3c-4f4e-8b9a-0c1d2e3f4a5${index}`,
	// Each its own Path Secret: triggers on one path would replace each other.
	secret: `bench-attach-${contender.key}`,
}));

const workflowOf = (contender) =>
	triggerOnlyWorkflow({
		id: contender.id,
		name: `bench attachments: ${contender.name}`,
		webhookId: contender.webhookId,
		pathSecret: contender.secret,
		options: { ...contender.options, downloadTimeout: 30000 },
	});

const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

async function benchVersion(version) {
	n8n.ensureN8n(version);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-bench-attach-'));
	const sandbox = await startSandbox({ historyRooms: 0 });
	let server;
	try {
		const userFolder = path.join(work, 'n8n');
		n8n.installPackage(userFolder, n8n.packPackage(path.join(work, 'pack')));
		const env = n8n.n8nEnv({ userFolder, port: await n8n.freePort(), brokerPort: await n8n.freePort() });
		const cliEnv = { ...env, N8N_PORT: String(await n8n.freePort()), N8N_RUNNERS_BROKER_PORT: String(await n8n.freePort()) };
		await importDemoData(cliEnv, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version, examples: false });
		const dir = path.join(work, 'workflows');
		fs.mkdirSync(dir);
		CONTENDERS.forEach((contender, index) => fs.writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflowOf(contender))));
		for (const args of [['import:workflow', '--separate', `--input=${dir}`], ...CONTENDERS.map(({ id }) => n8n.activateCommand(version, id))]) {
			const result = await n8n.runCli(version, cliEnv, args);
			if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stderr}`);
		}
		server = await n8n.startServer(version, env, { webhookPaths: CONTENDERS.map((c) => `${c.webhookId}/${c.secret}/message/:uuid`) });

		const rows = [];
		for (const delayMs of DELAYS_MS) {
			for (const contender of CONTENDERS) {
				const receiveUrl = `${server.url}/webhook/${contender.webhookId}/${contender.secret}`;
				const send = async (round) => {
					const started = process.hrtime.bigint();
					const answer = await sandbox.sendCustomerMessage({
						receiveUrl,
						uuid: 'customer_09',
						room_id: String(200000 + round),
						image: { url: sandbox.attachmentUrl('photo.png', { delayMs }), width: 64, height: 48 },
					});
					if (answer.status !== 200) throw new Error(`${contender.name}: HTTP ${answer.status} ${answer.body}`);
					return Number(process.hrtime.bigint() - started) / 1e6;
				};
				await send(-1); // unmeasured: the first message of a workflow pays for loading it
				const times = [];
				for (let round = 0; round < ROUNDS; round++) times.push(await send(round));
				const row = { version, delayMs, contender: contender.name, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
				rows.push(row);
				console.log(`n8n ${version}  download ${String(delayMs).padStart(4)} ms  ${contender.name.padEnd(46)} median ${row.median.toFixed(0).padStart(5)} ms  p95 ${row.p95.toFixed(0).padStart(5)} ms`);
				// Let the executions of "At Once" finish before the next cell measures.
				await new Promise((resolve) => setTimeout(resolve, delayMs + 1000));
			}
		}
		return rows;
	} finally {
		if (server) await server.stop();
		await sandbox.close();
		fs.rmSync(work, { recursive: true, force: true });
	}
}

async function main() {
	spawnSync('npm', ['run', 'build', '--silent'], { cwd: n8n.REPO, stdio: 'inherit' });
	const rows = [];
	for (const version of VERSIONS) rows.push(...(await benchVersion(version)));
	const table = [
		'| n8n | download takes | trigger | HappyTalk answered after (median) | p95 |',
		'|---|---|---|---|---|',
		...rows.map((row) => `| ${row.version} | ${row.delayMs} ms | ${row.contender} | ${row.median.toFixed(0)} ms | ${row.p95.toFixed(0)} ms |`),
	];
	const text = [
		'# Attachment downloads and HappyTalk\'s answer',
		'',
		`Written by \`npm run bench:attachments\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end), ${ROUNDS} photos per row, one after another, after one unmeasured photo.`,
		'The sandbox serves a 6 KB PNG after the delay shown; each row is a HappyTalk Trigger alone in its workflow.',
		'',
		...table,
		'',
	].join('\n');
	fs.writeFileSync(OUT, text);
	console.log(`\nwritten to ${path.relative(n8n.REPO, OUT)}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
