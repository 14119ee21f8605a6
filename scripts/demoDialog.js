/**
 * The order-status dialog example (Message → Send and Wait for Reply) in `npm start`: published,
 * its trigger's "n8n API" credential imported and, once n8n runs, filled with an API key made in
 * that n8n. Regular mode finds a reply's execution without it; the credential finds the executions
 * still waiting after n8n restarted (the next `npm start`). n8n 2.x only: Send and Wait for Reply
 * needs it (docs/send-and-wait.md), so `npm start -- --n8n legacy` leaves the dialog unpublished.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('./n8n');
const { cli, ORDER_DIALOG_EXAMPLE } = require('./demoData');
const { importN8nApiCredential, connectN8nApi } = require('./n8nApiCredential');

const PUBLISHED_MARKER = '.happytalk-order-dialog-published';
const CONNECTED_MARKER = '.happytalk-n8n-api-connected';

const dialogRunsOn = (version) => !version.startsWith('1.');

/**
 * Before n8n starts (n8n's CLI), once per demo folder: also a folder whose examples were imported
 * before the dialog was published, or before it existed. Returns whether the dialog is published.
 */
async function publishOrderDialog(version, env) {
	if (!dialogRunsOn(version)) return false;
	const marker = path.join(env.N8N_USER_FOLDER, PUBLISHED_MARKER);
	if (fs.existsSync(marker)) return true;
	// The imported credential holds no key yet: connectOrderDialog makes one once n8n runs.
	await importN8nApiCredential(version, env, `http://127.0.0.1:${env.N8N_PORT}`);
	fs.rmSync(path.join(env.N8N_USER_FOLDER, CONNECTED_MARKER), { force: true });
	const publish = n8n.activateCommand(version, ORDER_DIALOG_EXAMPLE.id);
	if ((await n8n.runCli(version, env, publish)).code !== 0) {
		// A demo folder made before the example existed: import it, then publish.
		await cli(version, env, ['import:workflow', `--input=${path.join(n8n.REPO, 'examples', 'order-status-dialog.json')}`]);
		await cli(version, env, publish);
	}
	fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
	return true;
}

/**
 * Once n8n runs: an API key (list and read executions) into the credential; made again only when
 * n8n's URL changed. `cookie`: an owner's session.
 */
async function connectOrderDialog(version, userFolder, n8nUrl, cookie) {
	if (!dialogRunsOn(version)) return;
	const marker = path.join(userFolder, CONNECTED_MARKER);
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === n8nUrl) return;
	await connectN8nApi(n8nUrl, cookie);
	fs.writeFileSync(marker, `${n8nUrl}\n`);
}

module.exports = { publishOrderDialog, connectOrderDialog, dialogRunsOn };
