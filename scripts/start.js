#!/usr/bin/env node
/**
 * `npm start`: a real n8n with this package installed as a community package, the HappyTalk
 * sandbox, a "HappyTalk Sandbox" credential and the example workflows. The second start reuses
 * the n8n install, the user folder and the owner account. Ctrl+C stops n8n and the sandbox.
 * `npm start -- --n8n newest` (or HAPPYTALK_N8N=newest) runs the newest n8n of the test matrix.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startSandbox } = require('../sandbox/server');
const { startModelStandIn } = require('../sandbox/model/server');
const n8n = require('./n8n');
const { readCustomerLines, testUrlFor } = require('../sandbox/cliCustomer');
const { demoRoutes, routedCustomer } = require('./customerRoutes');
const { printConversation } = require('../sandbox/conversation');
const { importDemoData, WEBHOOK_PATH, AUTO_REPLY_RECEIVE_PATH, TRANSCRIPT_EXAMPLE } = require('./demoData');
const { connectOrderDialog, publishOrderDialog } = require('./demoDialog');
const { transcriptNews, watchExecutions } = require('./executionWatch');
const { ensurePortsFree } = require('./ports');
const { demoFolder, demoVersion } = require('./demoVersion');

const N8N_VERSION = chosenVersion();
const USER_FOLDER = demoFolder(N8N_VERSION);
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.HAPPYTALK_SANDBOX_PORT || 8787);
const MODEL_PORT = Number(process.env.HAPPYTALK_MODEL_PORT || 8788);
const OWNER = {
	email: 'demo@happytalk.example',
	firstName: 'HappyTalk',
	lastName: 'Demo',
	password: 'HappyTalk-Demo-2026',
};

async function main() {
	await ensurePortsFree([
		{ port: N8N_PORT, purpose: "n8n's editor", variable: `N8N_PORT=${N8N_PORT + 10} npm start` },
		{ port: N8N_PORT + 1, purpose: "n8n's task-runner broker, N8N_PORT + 1", variable: `N8N_PORT=${N8N_PORT + 10} npm start` },
		{ port: SANDBOX_PORT, purpose: 'the HappyTalk sandbox', variable: `HAPPYTALK_SANDBOX_PORT=${SANDBOX_PORT + 1} npm start` },
		{ port: MODEL_PORT, purpose: 'the model stand-in', variable: `HAPPYTALK_MODEL_PORT=${MODEL_PORT + 10} npm start` },
	]);

	step('Building the package');
	const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: n8n.REPO, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('npm run build failed');

	step(`Preparing n8n ${N8N_VERSION}`);
	n8n.ensureN8n(N8N_VERSION);

	step('Installing n8n-nodes-happytalk into the demo n8n, as n8n installs community packages');
	const packFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-pack-'));
	try {
		n8n.installPackage(USER_FOLDER, n8n.packPackage(packFolder));
	} finally {
		fs.rmSync(packFolder, { recursive: true, force: true });
	}

	step('Starting the HappyTalk sandbox');
	// The sandbox plays HappyTalk: customers' messages go to the auto-reply bot's trigger.
	const receiveUrl = `http://127.0.0.1:${N8N_PORT}/${AUTO_REPLY_RECEIVE_PATH}`;
	const sandbox = await startSandbox({ port: SANDBOX_PORT, receiveUrl });

	step('Starting the model stand-in (an OpenAI-compatible model for the AI Agent example; no key needed)');
	const model = await startModelStandIn({
		port: MODEL_PORT,
		onRequest: (conversation) => console.log(`  [model] ${conversation.path} → ${describeTurn(conversation.answer)}`),
	});

	const env = n8n.n8nEnv({ userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: N8N_PORT + 1 });
	step('Importing the "HappyTalk Sandbox" credential and the example workflows');
	await importDemoData(
		env,
		{ sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, companyToken: sandbox.companyToken },
		{ version: N8N_VERSION, activateExamples: true, modelUrl: model.url },
	);
	const orderDialog = await publishOrderDialog(N8N_VERSION, env);

	step('Starting n8n (about 20 seconds)');
	const server = await n8n.startServer(N8N_VERSION, env);
	let session;
	try {
		session = await n8n.ownerSession(server.url, OWNER);
		if (orderDialog) await connectOrderDialog(N8N_VERSION, USER_FOLDER, server.url, session.cookie);
	} catch (error) {
		// A set-up step after n8n started failed: stop n8n too, or it keeps the port and the folder.
		await server.stop();
		throw error;
	}
	const { created, cookie } = session;

	console.log(`
n8n ${N8N_VERSION} is ready: ${server.url}
  ${created ? 'Owner account created' : 'Owner account'}: ${OWNER.email} / ${OWNER.password}
  Credential "HappyTalk Sandbox" → HappyTalk sandbox at ${sandbox.url}
  Credential "HappyTalk Customer Sandbox" → its customer API (company token ${sandbox.companyToken})
  Credential "OpenAI (model stand-in)" → scripted model at ${model.url} (AI Agent example; see docs/ai-agent.md to use a real model)
  Example workflows: ${fs.readdirSync(path.join(n8n.REPO, 'examples')).join(', ')}
  Try the published webhook example:
    curl -X POST ${server.url}/webhook/${WEBHOOK_PATH} -H 'Content-Type: application/json' \\
      -d '{"uuid":"customer_01","roomId":"5550001","message":"안녕하세요"}'
  Be a customer: type "<uuid> <room_id> <text>" here, e.g.  customer_01 5550001 배송은 언제 오나요?
    HappyTalk Trigger starts the published auto-reply bot, which answers into the same room.
  Ask the AI Agent example instead: "ai <uuid> <room_id> <text>", e.g.  ai customer_02 5550002 환불 되나요?
    Its model is the scripted stand-in: it calls the HappyTalk tool with a canned reply, remembers
    the room's earlier turns, and hands to a counselor when asked:  ai customer_02 5550002 상담사 연결해 주세요
${orderDialog ? ORDER_DIALOG_HELP : ''}  Test a trigger from the editor: open "HappyTalk: auto-reply bot", press "Execute workflow",
    then type the line with "test " in front:  test customer_01 5550001 안녕하세요
The conversation appears below: what each customer said, and what the bot sent. Ctrl+C stops n8n and the sandbox.
`);
	printConversation(sandbox, console.log);
	const stopWatching = watchExecutions({
		url: server.url,
		cookie,
		workflowId: TRANSCRIPT_EXAMPLE.id,
		log: console.log,
		describe: transcriptNews,
	});
	const customer = routedCustomer(sandbox, demoRoutes(server.url, { orderDialog }));
	const stopReading = readCustomerLines(customer, process.stdin, (line) => console.log(`  ${line}`), {
		testReceiveUrl: testUrlFor(receiveUrl),
	});

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox...');
		stopReading();
		stopWatching();
		await server.stop();
		await sandbox.close();
		await model.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.process.on('close', (code) => {
		if (!stopping) {
			console.error(`n8n stopped unexpectedly (exit code ${code}):\n${server.output().slice(-3000)}`);
			sandbox.close().then(() => process.exit(1));
		}
	});
}

const ORDER_DIALOG_HELP = `  Talk to the order-status dialog: "order: <uuid> <room_id> <text>" starts it, e.g.  order: customer_03 5550003 주문 확인
    then answer its questions the same way (demo orders A-1001 to A-1003):  order: customer_03 5550003 A-1001
`;

function chosenVersion() {
	try {
		return demoVersion();
	} catch (error) {
		console.error(`✖ ${error.message}`);
		process.exit(1);
	}
}

function describeTurn(turn) {
	if (turn?.toolCalls?.length) return turn.toolCalls.map((call) => `tool call ${call.name} ${JSON.stringify(call.arguments)}`).join(', ');
	return `answer "${turn?.text ?? ''}"`;
}

function step(text) {
	console.log(`\n▶ ${text}`);
}

main().catch((error) => {
	console.error(`\n✖ ${error.message}`);
	process.exit(1);
});
