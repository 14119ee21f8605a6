/**
 * What the built package requires at run time. It ships no dependencies: `n8n-workflow` and zod
 * come from n8n (which puts its own node_modules on NODE_PATH for community packages; zod 3.25 since
 * n8n 1.100, with `zod/v3`, which zod 4 keeps). Bare `zod` would be zod 4's other API under a zod 4.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DIST = path.join(__dirname, '../../dist');
const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
const required = new Set(
	files.flatMap((file) =>
		[...readFileSync(path.join(DIST, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)]
			.map((match) => match[1])
			.filter((module) => !module.startsWith('.')),
	),
);

test('the built package requires only n8n-workflow, zod/v3 and Node.js crypto', () => {
	expect(files.length).toBeGreaterThan(20);
	expect([...required].sort()).toEqual(['n8n-workflow', 'node:crypto', 'zod/v3']);
});

test('zod stays a devDependency: the package has no runtime dependencies', () => {
	const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
	expect(manifest.dependencies).toBeUndefined();
	expect(Object.keys(manifest.peerDependencies)).toEqual(['n8n-workflow']);
	expect(manifest.devDependencies.zod).toMatch(/^3\.25\./);
});
