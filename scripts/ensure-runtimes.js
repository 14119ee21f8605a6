/**
 * Installs every n8n of the e2e matrix that the cache lacks, all at once: on a new machine the
 * installs are mostly downloads, so running them side by side saves most of their time. Each
 * install logs into the cache folder; a failure prints that log's end.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('./n8n');

function install(version) {
	const log = path.join(n8n.runtimeDir(version), '..', `install-n8n-${version}.log`);
	fs.mkdirSync(path.dirname(log), { recursive: true });
	const out = fs.openSync(log, 'w');
	const started = Date.now();
	const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(__dirname + '/n8n.js')}).ensureN8n(${JSON.stringify(version)})`], {
		stdio: ['ignore', out, out],
	});
	return new Promise((resolve, reject) =>
		child.on('close', (code) => {
			fs.closeSync(out);
			const seconds = ((Date.now() - started) / 1000).toFixed(0);
			if (code === 0) return resolve(console.log(`n8n ${version}: installed in ${seconds} s`));
			const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
			reject(new Error(`Installing n8n ${version} failed after ${seconds} s (log: ${log}):\n${tail}`));
		}),
	);
}

async function main() {
	const versions = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? n8n.N8N_MATRIX.join(','))
		.split(',')
		.filter(Boolean);
	const missing = versions.filter((version) => !n8n.isInstalled(version));
	if (missing.length === 0) return;
	console.log(`Installing n8n ${missing.join(', ')} into ${path.dirname(n8n.runtimeDir(missing[0]))} (once, side by side)...`);
	// Node 24 first, once, so the installs of newer n8n versions do not race for it.
	n8n.nodeFor(n8n.N8N_VERSIONS.newest);
	const results = await Promise.allSettled(missing.map(install));
	const failed = results.filter((result) => result.status === 'rejected');
	if (failed.length > 0) {
		for (const failure of failed) console.error(failure.reason.message);
		process.exit(1);
	}
}

main();
