/**
 * A real n8n for the demo and the end-to-end tests: installed once per version into a cache
 * folder outside the repo, started with its own user folder, with this package installed into
 * `.n8n/nodes` exactly as n8n's community-package installer does.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const PACKAGE_NAME = require('../package.json').name;

/**
 * The versions the package is tested on: n8n 2.8.4 is the newest n8n that runs on Node 20;
 * 1.123.50 the newest 1.x that installs here (from 1.123.66 on, n8n needs isolated-vm, which
 * does not build on Node 20); `newest` the newest 2.x that installs from the registry (2.41.3
 * misses @n8n/agents@0.26.2 there). HAPPYTALK_N8N_NEWEST picks another one.
 */
const N8N_VERSIONS = {
	current: '2.8.4',
	legacy: '1.123.50',
	newest: process.env.HAPPYTALK_N8N_NEWEST || '2.41.1',
};

/** Every version the e2e matrix runs, oldest first. */
const N8N_MATRIX = [N8N_VERSIONS.legacy, N8N_VERSIONS.current, N8N_VERSIONS.newest];

/** n8n 2.10 on wants Node 22, 2.36 on Node 24: those run on Node 24 from the npm registry. */
const NODE_FOR_NEW_N8N = '24';

const CACHE_ROOT =
	process.env.HAPPYTALK_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-happytalk');

function runtimeDir(version) {
	return path.join(CACHE_ROOT, `n8n-${version}`);
}

function n8nBin(version) {
	return path.join(runtimeDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Written after npm finished: n8n's bin appears long before an install is complete. */
function installedMarker(version) {
	return path.join(runtimeDir(version), '.happytalk-installed');
}

function isInstalled(version) {
	return fs.existsSync(installedMarker(version)) && fs.existsSync(n8nBin(version));
}

function needsNewNode(version) {
	const [major, minor] = version.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 10);
}

/**
 * The node binary that runs n8n `version`: this one for n8n up to 2.9, otherwise Node 24 installed
 * once from the npm registry (package `node`) into the cache, never assumed on the machine.
 */
function nodeFor(version, log = console.log) {
	if (!needsNewNode(version)) return process.execPath;
	const dir = path.join(CACHE_ROOT, `node-${NODE_FOR_NEW_N8N}`);
	const bin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
	if (fs.existsSync(bin)) return bin;
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'happytalk-node-runtime', private: true }));
	log(`Installing Node ${NODE_FOR_NEW_N8N} from the npm registry into ${dir} (once) for n8n ${version}...`);
	const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', `node@${NODE_FOR_NEW_N8N}`], {
		cwd: dir,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0 || !fs.existsSync(bin)) {
		throw new Error(`Installing Node ${NODE_FOR_NEW_N8N} failed (npm exit code ${result.status})`);
	}
	return bin;
}

/** PATH with `nodeBinary`'s folder first, so npm and n8n's child processes use that node too. */
function envForNode(nodeBinary, env = process.env) {
	if (nodeBinary === process.execPath) return env;
	return { ...env, PATH: `${path.dirname(nodeBinary)}${path.delimiter}${env.PATH || ''}` };
}

/** Installs n8n `version` into the cache unless it is there; npm shows its progress. */
function ensureN8n(version, log = console.log) {
	if (isInstalled(version)) return n8nBin(version);
	const node = nodeFor(version, log);
	const dir = runtimeDir(version);
	fs.mkdirSync(dir, { recursive: true });
	// n8n-nodes-base otherwise fetches xlsx from a CDN outside the npm registry.
	const overrides = { xlsx: '0.18.5' };
	if (needsNewNode(version)) {
		// Its native build downloads zlib and OpenSSL sources, which this network cannot reach; an
		// empty stand-in costs only n8n's Kafka node, which these tests never load.
		const stub = path.join(dir, 'stub');
		fs.mkdirSync(stub, { recursive: true });
		fs.writeFileSync(
			path.join(stub, 'package.json'),
			JSON.stringify({ name: '@confluentinc/kafka-javascript', version: '0.0.0-stub', main: 'index.js' }),
		);
		fs.writeFileSync(path.join(stub, 'index.js'), 'module.exports = {};\n');
		overrides['@confluentinc/kafka-javascript'] = 'file:./stub';
	}
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: `happytalk-n8n-runtime-${version}`, private: true, dependencies: { n8n: version }, overrides }, null, 2),
	);
	log(`Installing n8n ${version} into ${dir} (once; about 3 to 5 minutes and 2.3 GB)...`);
	const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--progress=true'], {
		cwd: dir,
		env: envForNode(node),
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0 || !fs.existsSync(n8nBin(version))) {
		throw new Error(`Installing n8n ${version} failed (npm exit code ${result.status})`);
	}
	fs.writeFileSync(installedMarker(version), `${new Date().toISOString()}\n`);
	return n8nBin(version);
}

/** `npm pack` of the built package: what a user's install downloads from npm. */
function packPackage(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const result = spawnSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: REPO,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout);
	return path.join(destination, path.basename(filename));
}

/**
 * As n8n 2.8's community-package installer does: unpack the tarball into
 * `<user folder>/.n8n/nodes/node_modules/<name>`, drop dev, peer and optional dependencies from its
 * package.json, `npm install` what is left (nothing: the package has no runtime dependencies), and
 * record it in `nodes/package.json`. Nothing from devDependencies (zod included) is there.
 */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'],
		packageDir,
	);

	const nodesManifest = path.join(nodesDir, 'package.json');
	const installed = fs.existsSync(nodesManifest)
		? JSON.parse(fs.readFileSync(nodesManifest, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	installed.dependencies = { ...installed.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(installed, null, 2));
	return packageDir;
}

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
	return result.stdout;
}

/** An offline, quiet n8n with its own folder and ports. */
function n8nEnv({ userFolder, port, brokerPort }) {
	// Not the caller's test settings: under NODE_ENV=test n8n keeps its logger (and so the CLI's
	// run output) silent.
	const { NODE_ENV, JEST_WORKER_ID, ...inherited } = process.env;
	return {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'happytalk-local-n8n-key',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// n8n's CLI prints `execute --rawOutput` through its logger at level info.
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		NODE_OPTIONS: '--max-old-space-size=4096',
	};
}

/** Runs an n8n CLI command to completion. */
function runCli(version, env, args, { timeoutMs = 300000 } = {}) {
	return new Promise((resolve, reject) => {
		const node = nodeFor(version);
		const child = spawn(node, [n8nBin(version), ...args], { env: envForNode(node, env), stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} took longer than ${timeoutMs} ms\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

/**
 * Resolves once n8n answers each webhook path (relative to /webhook/, `:param`s filled in) as
 * registered. From n8n 2.3x on, published workflows are activated by a background publication
 * service after the server is up, so "Editor is now accessible" no longer means the webhooks are.
 * A GET is answered "not registered for GET" by a POST webhook, and nothing runs.
 */
async function waitForWebhooks(url, paths, timeoutMs = 120000) {
	const deadline = Date.now() + timeoutMs;
	for (const webhookPath of paths) {
		const probe = `${url}/webhook/${webhookPath.replace(/:[A-Za-z]+/g, 'ready-check')}`;
		for (;;) {
			const response = await fetch(probe).catch(() => undefined);
			const text = response ? await response.text() : '';
			if (response && !(response.status === 404 && /is not registered\./.test(text))) break;
			if (Date.now() > deadline) throw new Error(`n8n did not register the webhook ${webhookPath} within ${timeoutMs} ms`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

/**
 * Starts `n8n start` and resolves once its REST API answers and its workflows are active; with
 * `webhookPaths`, once those webhooks answer too.
 */
async function startServer(version, env, { onOutput, timeoutMs = 180000, webhookPaths = [] } = {}) {
	const node = nodeFor(version);
	const child = spawn(node, [n8nBin(version), 'start'], {
		env: envForNode(node, env),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: false,
	});
	let output = '';
	const collect = (chunk) => {
		output += chunk;
		if (onOutput) onOutput(String(chunk));
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}:\n${output}`);
		// n8n prints this once the active workflows (and their webhooks) are up, after the REST API.
		if (output.includes('Editor is now accessible via')) {
			const response = await fetch(`${url}/rest/settings`).catch(() => undefined);
			if (response?.ok) break;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	if (Date.now() >= deadline) {
		child.kill('SIGKILL');
		throw new Error(`n8n did not start within ${timeoutMs} ms:\n${output}`);
	}
	await waitForWebhooks(url, webhookPaths).catch((error) => {
		child.kill('SIGKILL');
		throw new Error(`${error.message}:\n${output}`);
	});
	return {
		url,
		process: child,
		output: () => output,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('close', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 20000).unref();
			}),
	};
}

/** The CLI command that activates a workflow: n8n 2 "publishes" it, n8n 1 sets it active. */
function activateCommand(version, workflowId) {
	return version.startsWith('1.')
		? ['update:workflow', `--id=${workflowId}`, '--active=true']
		: ['publish:workflow', `--id=${workflowId}`];
}

/** Creates the owner on first start (later starts just log in); returns a session cookie. */
async function ownerSession(url, owner) {
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	const created = setup.ok;
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password }),
	});
	if (!login.ok) throw new Error(`Logging in to n8n failed: HTTP ${login.status} ${await login.text()}`);
	const cookie = (login.headers.get('set-cookie') || '').split(';')[0];
	return { cookie, created };
}

/** `execute --rawOutput` prints log lines, then the run as JSON (possibly followed by log metadata). */
function extractRun(stdout) {
	const text = stdout.replace(/\x1b\[[0-9;]*m/g, '');
	const start = text.search(/^\{$/m);
	if (start < 0) throw new Error(`No run data in n8n's output:\n${text.slice(-3000)}`);
	for (let end = text.lastIndexOf('\n}'); end > start; end = text.lastIndexOf('\n}', end - 1)) {
		try {
			return JSON.parse(text.slice(start, end + 2));
		} catch {
			// the JSON ends earlier
		}
	}
	throw new Error(`Could not parse the run data:\n${text.slice(start, start + 3000)}`);
}

/** A free TCP port on loopback. */
function freePort() {
	const net = require('node:net');
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

module.exports = {
	REPO,
	PACKAGE_NAME,
	N8N_VERSIONS,
	N8N_MATRIX,
	nodeFor,
	envForNode,
	runtimeDir,
	n8nBin,
	isInstalled,
	ensureN8n,
	packPackage,
	installPackage,
	n8nEnv,
	runCli,
	activateCommand,
	startServer,
	waitForWebhooks,
	ownerSession,
	extractRun,
	freePort,
};
