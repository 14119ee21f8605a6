/**
 * The HappyTalk Trigger's n8n API credential for Send and Wait for Reply, as a user sets it up: an
 * API key made in n8n (Settings → n8n API), in n8n's own "n8n API" credential. The credential is
 * imported (with its fixed id, so workflows can name it) before n8n starts; the key can only be
 * made once n8n runs, so it is filled in then.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { cli } = require('./demoData');
const { ownerSession } = require('./n8n');

const N8N_API_CREDENTIAL = { id: 'HtN8nApiCred0001', name: 'n8n API (HappyTalk replies)', type: 'n8nApi' };
const API_KEY_LABEL = 'HappyTalk replies';
const OWNER = { email: 'dialog@happytalk.example', firstName: 'Dialog', lastName: 'Owner', password: 'HappyTalk-Dialog-2026' };

async function importN8nApiCredential(version, cliEnv, n8nUrl) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-n8n-api-'));
	try {
		const file = path.join(dir, 'credential.json');
		fs.writeFileSync(file, JSON.stringify([{ ...N8N_API_CREDENTIAL, data: { apiKey: 'made-once-n8n-runs', baseUrl: `${n8nUrl}/api/v1` } }]));
		await cli(version, cliEnv, ['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Makes an API key that may list and read executions, puts it into the credential, returns it.
 * `cookie`: an owner's session (`npm start` has its own owner); otherwise this module's owner.
 */
async function connectN8nApi(n8nUrl, cookie) {
	cookie ??= (await ownerSession(n8nUrl, OWNER)).cookie;
	const headers = { 'content-type': 'application/json', cookie };
	// n8n refuses a second key with the same label; the old one's only user is this credential.
	const listed = await fetch(`${n8nUrl}/rest/api-keys`, { headers });
	if (!listed.ok) throw new Error(`Listing n8n API keys failed: HTTP ${listed.status} ${await listed.text()}`);
	// n8n 2.8 answers a list; 2.41 a page ({ items, counts, totals }).
	const keys = (await listed.json()).data;
	for (const old of Array.isArray(keys) ? keys : (keys?.items ?? [])) {
		if (old.label !== API_KEY_LABEL) continue;
		const deleted = await fetch(`${n8nUrl}/rest/api-keys/${old.id}`, { method: 'DELETE', headers });
		if (!deleted.ok) throw new Error(`Deleting the old n8n API key failed: HTTP ${deleted.status} ${await deleted.text()}`);
	}
	const created = await fetch(`${n8nUrl}/rest/api-keys`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ label: API_KEY_LABEL, expiresAt: null, scopes: ['execution:list', 'execution:read'] }),
	});
	if (!created.ok) throw new Error(`Making an n8n API key failed: HTTP ${created.status} ${await created.text()}`);
	const { data } = await created.json();
	const updated = await fetch(`${n8nUrl}/rest/credentials/${N8N_API_CREDENTIAL.id}`, {
		method: 'PATCH',
		headers,
		body: JSON.stringify({ name: N8N_API_CREDENTIAL.name, type: N8N_API_CREDENTIAL.type, data: { apiKey: data.rawApiKey, baseUrl: `${n8nUrl}/api/v1` } }),
	});
	if (!updated.ok) throw new Error(`Updating the n8n API credential failed: HTTP ${updated.status} ${await updated.text()}`);
	return data.rawApiKey;
}

/** How many executions of a workflow wait, as n8n itself reports them. */
async function waitingExecutions(n8nUrl, apiKey, workflowId) {
	const response = await fetch(`${n8nUrl}/api/v1/executions?status=waiting&workflowId=${workflowId}&limit=250`, { headers: { 'X-N8N-API-KEY': apiKey } });
	if (!response.ok) throw new Error(`Listing waiting executions failed: HTTP ${response.status}`);
	return ((await response.json()).data ?? []).length;
}

/** The owner's session cookie for n8n's editor API. */
const dialogOwnerSession = (n8nUrl) => ownerSession(n8nUrl, OWNER);

/**
 * The same count from n8n's own editor API (the owner's session cookie): it lists every waiting
 * execution, also those a regular-mode main still holds in memory, which the public API leaves out.
 * At most 100: n8n 2.41 refuses a larger page ("Execution limit must be between 1 and 100", HTTP
 * 400), and no test waits for more.
 */
async function waitingExecutionsInEditor(n8nUrl, cookie, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ status: ['waiting'], workflowId }));
	const response = await fetch(`${n8nUrl}/rest/executions?filter=${filter}&limit=100`, { headers: { cookie } });
	if (!response.ok) throw new Error(`Listing waiting executions failed: HTTP ${response.status} ${await response.text()}`);
	return ((await response.json()).data?.results ?? []).length;
}

/** Every execution of the workflow, whatever its status, from n8n's editor API (at most 100). */
async function executionsInEditor(n8nUrl, cookie, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const response = await fetch(`${n8nUrl}/rest/executions?filter=${filter}&limit=100`, { headers: { cookie } });
	if (!response.ok) throw new Error(`Listing executions failed: HTTP ${response.status} ${await response.text()}`);
	return ((await response.json()).data?.results ?? []).length;
}

/** Every execution of the workflow the public API lists, whatever its status (at most 250). */
async function executionsOf(n8nUrl, apiKey, workflowId) {
	const response = await fetch(`${n8nUrl}/api/v1/executions?workflowId=${workflowId}&limit=250`, { headers: { 'X-N8N-API-KEY': apiKey } });
	if (!response.ok) throw new Error(`Listing executions failed: HTTP ${response.status}`);
	return ((await response.json()).data ?? []).length;
}

module.exports = {
	N8N_API_CREDENTIAL,
	importN8nApiCredential,
	connectN8nApi,
	waitingExecutions,
	waitingExecutionsInEditor,
	executionsInEditor,
	executionsOf,
	ownerSession: dialogOwnerSession,
};
