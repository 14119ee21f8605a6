/**
 * n8n's own community-package installer driven by environment variables, the way n8n 3.0 admins
 * install packages (n8n 2.21 and newer), with unverified packages refused as n8n 3.0 does by
 * default. The installer downloads only from registry.npmjs.org unless n8n's licence allows a
 * private registry: here registry.npmjs.org is a local stand-in serving this package's `npm pack`
 * tarball (test/support/npmjsStandIn.ts), so the whole download runs as it will once the package is
 * published. Also what an admin meets on the way: the refusal without a pinned checksum, a checksum
 * that does not match, and the licence check on a private registry.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startLocalRegistry, type LocalRegistry } from '../support/localRegistry';
import { startNpmjsStandIn, type NpmjsStandIn } from '../support/npmjsStandIn';
import { startSandbox, type Sandbox } from '../support/sandbox';
import { until } from '../support/waiting';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/n8n');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importDemoData, cli } = require('../../scripts/demoData');

const version: string = n8n.N8N_VERSIONS.newest;
const autoReply = JSON.parse(readFileSync(path.join(n8n.REPO, 'examples', 'auto-reply-bot.json'), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { receivePath, triggerOf } = require('../../scripts/receivePath');
// The path up to /message/:uuid after /webhook/ (version 2 repeats the webhook id).
const AUTO_REPLY_HOOK: string = (receivePath(triggerOf(autoReply)) as string).replace(/^webhook\//, '');
const { name: PACKAGE, version: PACKAGE_VERSION } = JSON.parse(readFileSync(path.join(n8n.REPO, 'package.json'), 'utf8'));

describe(`n8n ${version} installing the package from N8N_COMMUNITY_PACKAGES, as n8n 3.0 admins do`, () => {
	let registry: LocalRegistry;
	let npmjs: NpmjsStandIn;
	let sandbox: Sandbox;
	const folders: string[] = [];

	beforeAll(async () => {
		n8n.ensureN8n(version);
		const packFolder = mkdtempSync(path.join(tmpdir(), 'happytalk-pack-'));
		folders.push(packFolder);
		registry = await startLocalRegistry(n8n.packPackage(packFolder));
		npmjs = await startNpmjsStandIn(registry);
		sandbox = await startSandbox();
	});

	beforeEach(() => registry.requests.splice(0));

	afterAll(async () => {
		await sandbox?.close();
		await npmjs?.close();
		await registry?.close();
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});

	/** An n8n that installs `packages` at start, from registry.npmjs.org or from `privateRegistry`. */
	async function n8nWith(packages: object[], { privateRegistry = false } = {}) {
		const userFolder = mkdtempSync(path.join(tmpdir(), `happytalk-env-install-${version}-`));
		folders.push(userFolder);
		const env = {
			...n8n.n8nEnv({ userFolder, port: await n8n.freePort(), brokerPort: await n8n.freePort() }),
			N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
			N8N_COMMUNITY_PACKAGES: JSON.stringify(packages),
			// n8n 3.0's default.
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
			...(privateRegistry ? { N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url } : npmjs.env),
		};
		return { userFolder, env };
	}
	const installedIn = (userFolder: string) => existsSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE, 'package.json'));

	test('with its checksum pinned, n8n installs the package from registry.npmjs.org at start, and the chatbot runs', async () => {
		const { userFolder, env } = await n8nWith([{ name: PACKAGE, version: PACKAGE_VERSION, checksum: registry.integrity }]);
		await importDemoData(env, { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, { version });
		await cli(version, env, n8n.activateCommand(version, autoReply.id));
		const server = await n8n.startServer(version, env, { webhookPaths: [`${AUTO_REPLY_HOOK}/message/:uuid`] });
		try {
			expect(installedIn(userFolder)).toBe(true);
			expect(registry.requests).toContain(`/${PACKAGE}/-/${PACKAGE}-${PACKAGE_VERSION}.tgz`);

			sandbox.reset();
			const answer = await sandbox.sendCustomerMessage({ receiveUrl: `${server.url}/webhook/${AUTO_REPLY_HOOK}`, uuid: 'env_install', room_id: 'env-1', text: 'from env' });
			expect(answer.status).toBe(200);
			await until(() => sandbox.requests.some((request) => request.path === '/v1/chat/write'), 20000);
			expect(sandbox.requests.filter((request) => request.path === '/v1/chat/write').map((request) => request.body?.room_id)).toEqual(['env-1']);
		} finally {
			await server.stop();
		}
	});

	test('a checksum that does not match: n8n installs nothing and says why', async () => {
		const wrong = `sha512-${Buffer.alloc(64).toString('base64')}`;
		const { userFolder, env } = await n8nWith([{ name: PACKAGE, version: PACKAGE_VERSION, checksum: wrong }]);
		const server = await n8n.startServer(version, env);
		try {
			expect(server.output()).toContain(
				`Failed to install community package '${PACKAGE}@${PACKAGE_VERSION}' from env: Failed to verify package checksum.`,
			);
			expect(installedIn(userFolder)).toBe(false);
			expect(registry.requests).not.toContain(`/${PACKAGE}/-/${PACKAGE}-${PACKAGE_VERSION}.tgz`);
		} finally {
			await server.stop();
		}
	});

	test('a private registry (N8N_COMMUNITY_PACKAGES_REGISTRY) needs an n8n license: n8n says so and installs nothing', async () => {
		const { userFolder, env } = await n8nWith([{ name: PACKAGE, version: PACKAGE_VERSION, checksum: registry.integrity }], { privateRegistry: true });
		const server = await n8n.startServer(version, env);
		try {
			expect(server.output()).toContain(
				`Failed to install community package '${PACKAGE}@${PACKAGE_VERSION}' from env: Your license does not allow for feat:communityNodes:customRegistry`,
			);
			expect(installedIn(userFolder)).toBe(false);
			// Refused before any download: the registry was never asked.
			expect(registry.requests).toEqual([]);
		} finally {
			await server.stop();
		}
	});

	test('without a checksum, n8n refuses to start and says why', async () => {
		const { env } = await n8nWith([{ name: PACKAGE, version: PACKAGE_VERSION }]);
		await expect(n8n.startServer(version, env)).rejects.toThrow(
			`N8N_COMMUNITY_PACKAGES: no checksum available for '${PACKAGE}@${PACKAGE_VERSION}' and unverified packages are disabled`,
		);
	});
});
