/**
 * n8n's own community-package installer driven by environment variables, the way n8n 3.0 admins
 * install packages (n8n 2.21 and newer), with unverified packages refused as n8n 3.0 does by
 * default. The installer downloads only from registry.npmjs.org unless n8n's licence allows a
 * private registry, so the download itself cannot be run here before the first publish; what
 * an admin meets on the way is: the refusal without a pinned checksum, and the licence check on a
 * private registry (here a local one serving this package's `npm pack` tarball).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startLocalRegistry, type LocalRegistry } from '../support/localRegistry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/n8n');

const version: string = n8n.N8N_VERSIONS.newest;
const { name: PACKAGE, version: PACKAGE_VERSION } = JSON.parse(readFileSync(path.join(n8n.REPO, 'package.json'), 'utf8'));

describe(`n8n ${version} installing the package from N8N_COMMUNITY_PACKAGES, as n8n 3.0 admins do`, () => {
	let registry: LocalRegistry;
	const folders: string[] = [];

	beforeAll(async () => {
		n8n.ensureN8n(version);
		const packFolder = mkdtempSync(path.join(tmpdir(), 'happytalk-pack-'));
		folders.push(packFolder);
		registry = await startLocalRegistry(n8n.packPackage(packFolder));
	});

	afterAll(async () => {
		await registry?.close();
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});

	async function n8nWith(packages: object[]) {
		const userFolder = mkdtempSync(path.join(tmpdir(), `happytalk-env-install-${version}-`));
		folders.push(userFolder);
		const env = {
			...n8n.n8nEnv({ userFolder, port: await n8n.freePort(), brokerPort: await n8n.freePort() }),
			N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
			N8N_COMMUNITY_PACKAGES: JSON.stringify(packages),
			N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
			// n8n 3.0's default.
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
		};
		return { userFolder, env };
	}

	test('a private registry (N8N_COMMUNITY_PACKAGES_REGISTRY) needs an n8n license: n8n says so and installs nothing', async () => {
		const { userFolder, env } = await n8nWith([{ name: PACKAGE, version: PACKAGE_VERSION, checksum: registry.integrity }]);
		const server = await n8n.startServer(version, env);
		try {
			expect(server.output()).toContain(
				`Failed to install community package '${PACKAGE}@${PACKAGE_VERSION}' from env: Your license does not allow for feat:communityNodes:customRegistry`,
			);
			expect(existsSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE))).toBe(false);
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
