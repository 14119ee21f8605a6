/**
 * Jest's globalSetup and globalTeardown: every test run gets one temporary folder of its own, made
 * the system's temp folder (TMPDIR) for the tests, their workers and every process they start
 * (n8n, npm, the browser), and removed when the run ends. So no run leaves anything in the system's
 * temp folder, whichever test made it, and one run's files never meet another's.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const KEYS = ['TMPDIR', 'TMP', 'TEMP'];

async function setup() {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-tests-'));
	// mkdtemp makes it 0700; the queue-mode test's PostgreSQL runs as the postgres user and must
	// reach its data folder inside.
	fs.chmodSync(folder, 0o755);
	process.env.HAPPYTALK_TEST_TEMP = folder;
	for (const key of KEYS) {
		process.env[`HAPPYTALK_OUTER_${key}`] = process.env[key] ?? '';
		process.env[key] = folder;
	}
}

async function teardown() {
	const folder = process.env.HAPPYTALK_TEST_TEMP;
	for (const key of KEYS) {
		const outer = process.env[`HAPPYTALK_OUTER_${key}`];
		if (outer) process.env[key] = outer;
		else delete process.env[key];
		delete process.env[`HAPPYTALK_OUTER_${key}`];
	}
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
	delete process.env.HAPPYTALK_TEST_TEMP;
}

module.exports = { setup, teardown };
