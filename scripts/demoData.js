/**
 * The sandbox credential and the example workflows, imported with n8n's own CLI before the server
 * starts. The credential is refreshed on every start (the sandbox's URL may change); the examples
 * are imported once, so a user's edits survive the next `npm start`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./n8n');

const SANDBOX_CREDENTIAL = { id: 'HtSandboxCred001', name: 'HappyTalk Sandbox', type: 'happyTalkApi' };
const EXAMPLES = path.join(n8n.REPO, 'examples');
const WEBHOOK_EXAMPLE = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'webhook-send-text.json'), 'utf8'));
const WEBHOOK_PATH = WEBHOOK_EXAMPLE.nodes.find((node) => node.type === 'n8n-nodes-base.webhook').parameters.path;

function sandboxCredential({ sandboxUrl, clientId, clientSecret }) {
	return {
		...SANDBOX_CREDENTIAL,
		data: { clientId, clientSecret, environment: 'custom', baseUrl: sandboxUrl },
	};
}

async function importDemoData(
	env,
	sandbox,
	{ version = n8n.N8N_VERSIONS.current, examples = true, activateWebhookExample = false } = {},
) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-import-'));
	try {
		const credentialFile = path.join(dir, 'credentials.json');
		fs.writeFileSync(credentialFile, JSON.stringify([sandboxCredential(sandbox)]));
		await cli(version, env, ['import:credentials', `--input=${credentialFile}`]);

		const marker = path.join(env.N8N_USER_FOLDER, '.happytalk-examples-imported');
		if (examples && !fs.existsSync(marker)) {
			await cli(version, env, ['import:workflow', '--separate', `--input=${EXAMPLES}`]);
			if (activateWebhookExample) await cli(version, env, n8n.activateCommand(version, WEBHOOK_EXAMPLE.id));
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

module.exports = { importDemoData, sandboxCredential, SANDBOX_CREDENTIAL, WEBHOOK_PATH, cli };
