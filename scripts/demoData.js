/**
 * The sandbox credential and the example workflows, imported with n8n's own CLI before the server
 * starts. The credential is refreshed on every start (the sandbox's URL may change); the examples
 * are imported once, so a user's edits survive the next `npm start`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./n8n');
const { receivePath, triggerOf } = require('./receivePath');

const SANDBOX_CREDENTIAL = { id: 'HtSandboxCred001', name: 'HappyTalk Sandbox', type: 'happyTalkApi' };
/** The sandbox's customer API (history, customer data): the same URL, the company token. */
const SANDBOX_CUSTOMER_CREDENTIAL = { id: 'HtSandboxCust001', name: 'HappyTalk Customer Sandbox', type: 'happyTalkCustomerApi' };
/** The OpenAI credential of the AI Agent example, pointed at the model stand-in (no key needed). */
const MODEL_CREDENTIAL = { id: 'HtModelStandIn01', name: 'OpenAI (model stand-in)', type: 'openAiApi' };
const EXAMPLES = path.join(n8n.REPO, 'examples');
const readExample = (name) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, `${name}.json`), 'utf8'));
const WEBHOOK_EXAMPLE = readExample('webhook-send-text');
const WEBHOOK_PATH = WEBHOOK_EXAMPLE.nodes.find((node) => node.type === 'n8n-nodes-base.webhook').parameters.path;
const AUTO_REPLY_EXAMPLE = readExample('auto-reply-bot');
// Saves a transcript of every counseling completed while the demo runs.
const TRANSCRIPT_EXAMPLE = readExample('counseling-transcript');
/** What to register with HappyTalk as the receive domain: the trigger's URL up to /message/:uuid. */
const AUTO_REPLY_RECEIVE_PATH = receivePath(triggerOf(AUTO_REPLY_EXAMPLE));
const AI_AGENT_EXAMPLE = readExample('ai-agent-replies');
const AI_AGENT_RECEIVE_PATH = receivePath(triggerOf(AI_AGENT_EXAMPLE));
const ORDER_DIALOG_EXAMPLE = readExample('order-status-dialog');
const ORDER_DIALOG_RECEIVE_PATH = receivePath(triggerOf(ORDER_DIALOG_EXAMPLE));

function sandboxCredential({ sandboxUrl, clientId, clientSecret }) {
	return {
		...SANDBOX_CREDENTIAL,
		data: { clientId, clientSecret, environment: 'custom', baseUrl: sandboxUrl },
	};
}

function sandboxCustomerCredential({ sandboxUrl, companyToken }) {
	return {
		...SANDBOX_CUSTOMER_CREDENTIAL,
		data: { companyToken, environment: 'custom', baseUrl: sandboxUrl },
	};
}

function modelCredential(modelUrl) {
	return { ...MODEL_CREDENTIAL, data: { apiKey: 'model-stand-in-needs-no-key', url: modelUrl } };
}

/** `modelUrl`: the model stand-in's OpenAI base URL, for the AI Agent example's credential. */
async function importDemoData(
	env,
	sandbox,
	{ version = n8n.N8N_VERSIONS.current, examples = true, activateExamples = false, modelUrl } = {},
) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-import-'));
	try {
		const credentialFile = path.join(dir, 'credentials.json');
		const credentials = [sandboxCredential(sandbox), ...(modelUrl ? [modelCredential(modelUrl)] : [])];
		// Callers that know no company token (older scripts) get the Biz API credential only.
		if (sandbox.companyToken) credentials.push(sandboxCustomerCredential(sandbox));
		fs.writeFileSync(credentialFile, JSON.stringify(credentials));
		await cli(version, env, ['import:credentials', `--input=${credentialFile}`]);

		const marker = path.join(env.N8N_USER_FOLDER, '.happytalk-examples-imported');
		if (examples && !fs.existsSync(marker)) {
			await cli(version, env, ['import:workflow', '--separate', `--input=${EXAMPLES}`]);
			if (activateExamples) {
				for (const { id } of [WEBHOOK_EXAMPLE, AUTO_REPLY_EXAMPLE, AI_AGENT_EXAMPLE, TRANSCRIPT_EXAMPLE]) await cli(version, env, n8n.activateCommand(version, id));
			}
			fs.writeFileSync(marker, new Date().toISOString());
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function cli(version, env, args) {
	const result = await n8n.runCli(version, env, args);
	if (result.code !== 0) {
		throw new Error(`n8n ${args[0]} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

module.exports = {
	TRANSCRIPT_EXAMPLE,
	ORDER_DIALOG_EXAMPLE,
	importDemoData,
	sandboxCredential,
	sandboxCustomerCredential,
	modelCredential,
	SANDBOX_CREDENTIAL,
	SANDBOX_CUSTOMER_CREDENTIAL,
	MODEL_CREDENTIAL,
	WEBHOOK_PATH,
	AUTO_REPLY_RECEIVE_PATH,
	AI_AGENT_RECEIVE_PATH,
	ORDER_DIALOG_RECEIVE_PATH,
	cli,
};
