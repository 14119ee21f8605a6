/**
 * Which n8n `npm start` runs: 2.8.4 (the matrix's current) unless `--n8n <version>` or
 * HAPPYTALK_N8N names another: `newest` or `legacy` (the matrix's ends) or a version number.
 * Each version keeps a demo folder of its own: n8n migrates its database forward only, so a
 * folder a newer n8n has used would not start with an older one again.
 */
const path = require('node:path');

const n8n = require('./n8n');

function demoVersion(argv = process.argv.slice(2), env = process.env) {
	const flag = argv.findIndex((arg) => arg === '--n8n' || arg.startsWith('--n8n='));
	const asked = flag === -1 ? env.HAPPYTALK_N8N : argv[flag].includes('=') ? argv[flag].split('=')[1] : argv[flag + 1];
	if (!asked) return n8n.N8N_VERSIONS.current;
	const version = n8n.N8N_VERSIONS[asked] ?? asked;
	if (!/^\d+\.\d+\.\d+$/.test(version)) {
		throw new Error(`--n8n / HAPPYTALK_N8N: expected current, newest, legacy or a version such as 2.41.1; got "${asked}"`);
	}
	return version;
}

function demoFolder(version) {
	return path.join(n8n.REPO, version === n8n.N8N_VERSIONS.current ? '.n8n-demo' : `.n8n-demo-${version}`);
}

module.exports = { demoVersion, demoFolder };
