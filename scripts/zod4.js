/**
 * The unit and engine tests once more with zod 4 where the package's code looks for zod: n8n
 * resolves zod for community packages (its own, 3.25 today) and may resolve zod 4 tomorrow. The
 * node imports `zod/v3`, which zod 4 keeps; this run proves that validation gives the same results.
 * Installs zod 4 from the registry into a temporary folder and removes it afterwards. The bulk
 * sending tests are left out: they measure pacing under load (a minute), and every item there goes
 * through the same schemas the message tests check.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const ZOD = process.env.HAPPYTALK_ZOD4_SPEC || 'zod@^4';

/** Throws on failure, so that the temporary folder is removed before the exit code is given. */
function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) throw Object.assign(new Error(`${command} failed`), { status: result.status ?? 1 });
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-zod4-'));
try {
	fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ private: true }));
	run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error', ZOD], { cwd: folder });
	const zodDir = path.join(folder, 'node_modules');
	const { version } = JSON.parse(fs.readFileSync(path.join(zodDir, 'zod', 'package.json'), 'utf8'));
	console.log(`== the unit and engine tests again, with zod ${version} for the package's code`);
	const only = process.argv.slice(2);
	const scope = only.length > 0 ? only : ['--testPathIgnorePatterns', '/test/e2e/', '/test/engine/bulkSending\\.test\\.ts$'];
	run('npx', ['jest', '--ci', '--resolver', path.join(REPO, 'test/support/zodResolver.js'), ...scope], {
		cwd: REPO,
		env: { ...process.env, HAPPYTALK_ZOD_DIR: zodDir, HAPPYTALK_ZOD_MAJOR: version.split('.')[0] },
	});
} catch (error) {
	process.exitCode = error.status ?? 1;
} finally {
	fs.rmSync(folder, { recursive: true, force: true });
}
