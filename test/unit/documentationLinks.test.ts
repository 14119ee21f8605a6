/**
 * Every documentation link the nodes and credentials show points into the project's public
 * repository (package.json `repository`), at a heading that exists in its README, so no link
 * depends on an npm page that exists only after the first publish.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const repositoryUrl = String(manifest.repository.url).replace(/^git\+/, '').replace(/\.git$/, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
const readmeAnchors = new Set([
	'readme',
	...readFileSync(path.join(REPO, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => anchor(line.replace(/^#+ /, ''))),
]);

function filesUnder(folder: string): string[] {
	return readdirSync(path.join(REPO, folder), { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|json)$/.test(file))
		.map((file) => path.join(folder, file));
}

const links = ['nodes', 'credentials']
	.flatMap(filesUnder)
	.flatMap((file) =>
		[...readFileSync(path.join(REPO, file), 'utf8').matchAll(/https?:\/\/[\w-]+\.[^\s'"`)<]+/g)]
			.map((match) => match[0])
			// Placeholders, SVG namespaces and HappyTalk's API hosts are not documentation.
			.filter((url) => !/example\.com|w3\.org|happytalk\.io/.test(url))
			.map((url) => [file, url] as const),
	);

test('package.json names the public repository, its issues and its README', () => {
	expect(repositoryUrl).toMatch(/^https:\/\/github\.com\/[\w.-]+\/n8n-nodes-happytalk$/);
	expect(manifest.homepage).toBe(`${repositoryUrl}#readme`);
	expect(manifest.bugs.url).toBe(`${repositoryUrl}/issues`);
	expect(manifest.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
});

test('the nodes and credentials have documentation links', () => {
	expect(links.length).toBeGreaterThanOrEqual(3);
});

test.each(links)('%s links %s into the repository README, at a heading that exists', (_file, url) => {
	expect(url.startsWith(`${repositoryUrl}#`)).toBe(true);
	expect(readmeAnchors).toContain(url.slice(url.indexOf('#') + 1));
});

describe.each(['README.md', 'README.ko.md'])('%s links', (readmeName) => {
	const text = readFileSync(path.join(REPO, readmeName), 'utf8');
	const headings = new Set(
		text
			.split('\n')
			.filter((line) => /^#{1,6} /.test(line))
			.map((line) => anchor(line.replace(/^#+ /, ''))),
	);
	const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);

	test.each(targets.filter((target) => target.startsWith('#')))('%s is a heading of the same README', (target) => {
		expect(headings).toContain(target.slice(1));
	});

	test.each(targets.filter((target) => !/^(#|https?:|mailto:)/.test(target)))('%s is a file in the repository', (target) => {
		expect(existsSync(path.join(REPO, target.split('#')[0]))).toBe(true);
	});
});
