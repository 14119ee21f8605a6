/**
 * n8n's queue mode by hand, for the e2e test and the benchmark: Redis and PostgreSQL from the
 * machine's own packages on free loopback ports with their data in a temporary folder, then a main,
 * workers and a webhook process sharing one encryption key, each with its own user folder (and so
 * its own nodes folder), HTTP port and task-broker port.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./n8n');

const ENCRYPTION_KEY = 'happytalk-queue-mode-key';
const CLOCK_TICKS = 100;

// Whatever is still running when this process exits (an interrupted benchmark) goes with it.
const running = new Set();
const roots = new Set();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
	for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A long-running child process: its output, its CPU time, and a stop that waits for its end. */
function spawnService(name, command, args, { env = process.env, cwd } = {}) {
	const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	child.once('close', () => running.delete(child));
	let output = '';
	const collect = (chunk) => (output += chunk);
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const ended = new Promise((resolve) => child.once('close', resolve));
	return {
		name,
		process: child,
		output: () => output,
		/** User + system CPU seconds of the process itself (children such as task runners apart). */
		cpuSeconds: () => cpuSecondsOf(child.pid),
		alive: () => child.exitCode === null && child.signalCode === null,
		kill: (signal = 'SIGKILL') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return ended;
		},
		stop: async (graceMs = 20000) => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
			await ended;
			clearTimeout(timer);
		},
	};
}

function cpuSecondsOf(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
	} catch {
		return NaN;
	}
}

async function waitFor(check, what, timeoutMs, service) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (service && !service.alive()) throw new Error(`${what}: the process ended:\n${service.output().slice(-3000)}`);
		if (await check().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`${what} within ${timeoutMs} ms${service ? `:\n${service.output().slice(-3000)}` : ''}`);
}

async function startRedis(dataDir) {
	const port = await n8n.freePort();
	const redis = spawnService('redis', 'redis-server', [
		'--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', '', '--appendonly', 'no',
	]);
	await waitFor(async () => redis.output().includes('Ready to accept connections'), 'Redis did not start', 20000, redis);
	return { ...redis, port };
}

/** The newest PostgreSQL server binaries Debian installed, or those on PATH. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
	if (versions.length > 0) return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
	const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
	if (found.status === 0) return found.stdout.trim();
	throw new Error('PostgreSQL is not installed: run scripts/ensure-queue-services.sh');
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user Debian's package made. */
function asPostgresUser(command, args) {
	if (process.getuid?.() !== 0) return [command, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--reset-env', command, ...args]];
}

async function startPostgres(dataDir) {
	const bin = postgresBinDir();
	const pgData = path.join(dataDir, 'pgdata');
	fs.mkdirSync(pgData, { recursive: true });
	if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', dataDir]);
	const [initCommand, initArgs] = asPostgresUser(path.join(bin, 'initdb'), [
		'-D', pgData, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync',
	]);
	const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
	const port = await n8n.freePort();
	const [command, args] = asPostgresUser(path.join(bin, 'postgres'), [
		'-D', pgData, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const postgres = spawnService('postgres', command, args);
	await waitFor(
		async () => postgres.output().includes('database system is ready to accept connections'),
		'PostgreSQL did not start',
		30000,
		postgres,
	);
	/** Runs one query with psql; returns its rows as arrays of strings. */
	const query = (sql) => {
		const result = spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-At', '-F', '\t', '-c', sql], {
			encoding: 'utf8',
		});
		if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
		return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
	};
	return { ...postgres, port, database: 'postgres', user: 'n8n', query };
}

/** What every n8n process of one cluster shares: the database, Redis, the encryption key. */
function queueEnv({ redis, postgres }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
	};
}

/**
 * One n8n process of the cluster: `role` is main (`n8n start`), worker (`n8n worker`) or webhook
 * (`n8n webhook`). Resolves once its /healthz/readiness answers 200 (database and Redis reached)
 * and, for a main or a webhook process, once it serves webhooks.
 */
async function startN8nProcess(version, role, env, { name = role, concurrency = 10, timeoutMs = 180000 } = {}) {
	const node = n8n.nodeFor(version);
	const args = role === 'main' ? ['start'] : role === 'worker' ? ['worker', `--concurrency=${concurrency}`] : ['webhook'];
	const service = spawnService(name, node, [n8n.n8nBin(version), ...args], { env: n8n.envForNode(node, env) });
	const healthPort = role === 'worker' ? env.QUEUE_HEALTH_CHECK_PORT : env.N8N_PORT;
	const ready = async () => {
		const response = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`);
		if (!response.ok) return false;
		// The main answers before its workflows (and their webhooks) are active.
		if (role === 'main') return service.output().includes('Editor is now accessible via');
		if (role !== 'webhook') return true;
		// A webhook process answers its health check before it has routes for /webhook/: until
		// then a delivery gets Express's own "Cannot POST" page. Ready once n8n itself answers.
		const probe = await fetch(`http://127.0.0.1:${healthPort}/webhook/happytalk-readiness-probe`, { method: 'POST' });
		return !(await probe.text()).includes('Cannot POST');
	};
	await waitFor(ready, `n8n ${name} was not ready`, timeoutMs, service);
	return { ...service, role, url: `http://127.0.0.1:${env.N8N_PORT}` };
}

/** A user folder for one process, with the package in its nodes folder unless `tarball` is null. */
function userFolderFor(root, name, tarball) {
	const folder = path.join(root, name);
	fs.mkdirSync(folder, { recursive: true });
	if (tarball) n8n.installPackage(folder, tarball);
	return folder;
}

/**
 * n8n `version` in queue mode (Redis, PostgreSQL), or with `regular: true` one `n8n start` on SQLite
 * (for comparison; then `processes` must be empty). `processes` lists what to start after the main:
 * [{ role: 'worker' | 'webhook', name, package?: false, env?: {...} }]. `prepare(cliEnv)` runs the
 * CLI (import credentials and workflows, publish) on the database before the main starts; `workerEnv`
 * goes to every worker. Every
 * folder lives under one temporary root that stop() removes.
 */
async function startQueueCluster({ version, tarball, processes = [], prepare, regular = false, mainEnv = {}, workerEnv = {}, workerConcurrency = 10 }) {
	n8n.ensureN8n(version);
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-queue-'));
	fs.chmodSync(root, 0o755);
	roots.add(root);
	const started = [];
	const cluster = { root, version, redis: undefined, postgres: undefined, main: undefined, workers: [], webhooks: [], started };
	cluster.stop = async () => {
		for (const service of [...started].reverse()) await service.stop();
		fs.rmSync(root, { recursive: true, force: true });
		roots.delete(root);
	};
	try {
		if (!regular) {
			const redisDir = path.join(root, 'redis');
			fs.mkdirSync(redisDir);
			cluster.redis = await startRedis(redisDir);
			started.push(cluster.redis);
			const pgDir = path.join(root, 'postgres');
			fs.mkdirSync(pgDir);
			cluster.postgres = await startPostgres(pgDir);
			started.push(cluster.postgres);
		}

		const shared = regular ? { N8N_ENCRYPTION_KEY: ENCRYPTION_KEY } : queueEnv(cluster);
		cluster.envFor = async (name, { withPackage = true, extra = {} } = {}) => ({
			...n8n.n8nEnv({
				userFolder: userFolderFor(root, name, withPackage ? tarball : null),
				port: await n8n.freePort(),
				brokerPort: await n8n.freePort(),
			}),
			...shared,
			...extra,
		});

		/** Starts one more worker or webhook process; a worker also answers health checks on its own port. */
		cluster.add = async ({ role, name, package: withPackage = true, env = {}, concurrency = workerConcurrency }) => {
			const healthCheck =
				role === 'worker' ? { ...workerEnv, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(await n8n.freePort()) } : {};
			const processEnv = await cluster.envFor(name, { withPackage, extra: { ...healthCheck, ...env } });
			const service = await startN8nProcess(version, role, processEnv, { name, concurrency });
			started.push(service);
			(role === 'worker' ? cluster.workers : cluster.webhooks).push(service);
			return service;
		};

		const main = await cluster.envFor('main', { extra: mainEnv });
		if (prepare) {
			const cliEnv = { ...main, N8N_PORT: String(await n8n.freePort()), N8N_RUNNERS_BROKER_PORT: String(await n8n.freePort()) };
			await prepare(cliEnv);
		}
		cluster.main = await startN8nProcess(version, 'main', main);
		started.push(cluster.main);
		for (const spec of processes) await cluster.add(spec);
	} catch (error) {
		await cluster.stop();
		throw error;
	}
	return cluster;
}

module.exports = { startQueueCluster, startRedis, startPostgres, startN8nProcess, queueEnv, cpuSecondsOf, ENCRYPTION_KEY };
