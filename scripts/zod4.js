/**
 * The unit and engine tests once more with zod 4 where the package's code looks for zod: n8n
 * resolves zod for community packages (its own, 3.25 today) and may resolve zod 4 tomorrow. The
 * node imports `zod/v3`, which zod 4 keeps; this run proves that validation gives the same results.
 * Installs zod 4 from the registry into a temporary folder and removes it afterwards.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const ZOD = process.env.HAPPYTALK_ZOD4_SPEC || 'zod@^4';

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-zod4-'));
try {
	fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ private: true }));
	run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error', ZOD], { cwd: folder });
	const zodDir = path.join(folder, 'node_modules');
	const { version } = JSON.parse(fs.readFileSync(path.join(zodDir, 'zod', 'package.json'), 'utf8'));
	console.log(`== the unit and engine tests again, with zod ${version} for the package's code`);
	run('npx', ['jest', '--ci', '--resolver', path.join(REPO, 'test/support/zodResolver.js'), ...process.argv.slice(2)], {
		cwd: REPO,
		env: { ...process.env, HAPPYTALK_ZOD_DIR: zodDir, HAPPYTALK_ZOD_MAJOR: version.split('.')[0] },
	});
} finally {
	fs.rmSync(folder, { recursive: true, force: true });
}
