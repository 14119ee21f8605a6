/**
 * Every documentation link the nodes and credentials show points into the project's public
 * repository (package.json `repository`), at a heading that exists in its README or in a page of
 * docs/, so no link depends on an npm page that exists only after the first publish. And every
 * link between the Markdown pages (README.md, README.ko.md, CHANGELOG.md, CHANGELOG.ko.md, docs/,
 * sandbox/README.md) reaches a file and a heading that exist.
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

/** The anchors of a Markdown file's headings (outside code blocks), as GitHub makes them. */
function anchorsOf(file: string): Set<string> {
	let inCode = false;
	const anchors = new Set(file === 'README.md' ? ['readme'] : []);
	for (const line of readFileSync(path.join(REPO, file), 'utf8').split('\n')) {
		if (line.startsWith('```')) inCode = !inCode;
		else if (!inCode && /^#{1,6} /.test(line)) anchors.add(anchor(line.replace(/^#+ /, '')));
	}
	return anchors;
}

function filesUnder(folder: string, pattern: RegExp): string[] {
	return readdirSync(path.join(REPO, folder), { recursive: true, encoding: 'utf8' })
		.filter((file) => pattern.test(file))
		.map((file) => path.join(folder, file));
}

const docsPages = filesUnder('docs', /\.md$/);
const markdownFiles = ['README.md', 'README.ko.md', 'CHANGELOG.md', 'CHANGELOG.ko.md', 'sandbox/README.md', ...docsPages];
/** docs/bench*.md are written by `npm run bench` (tables, in English only). */
const translatedPages = docsPages.filter((file) => !/^docs\/bench[\w-]*\.md$/.test(file) && !file.endsWith('.ko.md'));

const links = ['nodes', 'credentials']
	.flatMap((folder) => filesUnder(folder, /\.(ts|json)$/))
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

test.each(links)('%s links %s into the repository, at a heading that exists', (_file, url) => {
	// The README is the repository's front page (`<repo>#anchor`); a docs page is `<repo>/blob/main/<path>#anchor`.
	const target = url.match(/^(.*?)(?:#(.*))?$/)!;
	const file = target[1] === repositoryUrl ? 'README.md' : target[1].replace(`${repositoryUrl}/blob/main/`, '');
	expect(markdownFiles).toContain(file);
	expect(target[2]).toBeDefined();
	expect(anchorsOf(file)).toContain(target[2]);
});

test.each(translatedPages)('%s has a Korean twin, and each links the other', (page) => {
	const twin = page.replace(/\.md$/, '.ko.md');
	expect(docsPages).toContain(twin);
	expect(readFileSync(path.join(REPO, page), 'utf8')).toContain(`](${path.basename(twin)})`);
	expect(readFileSync(path.join(REPO, twin), 'utf8')).toContain(`](${path.basename(page)})`);
});

test.each(translatedPages.flatMap((page) => [page, page.replace(/\.md$/, '.ko.md')]))('%s is linked from its README', (page) => {
	const readme = page.endsWith('.ko.md') ? 'README.ko.md' : 'README.md';
	expect(readFileSync(path.join(REPO, readme), 'utf8')).toContain(`](${page})`);
});

test.each([
	['CHANGELOG.md', 'CHANGELOG.ko.md', 'README.md'],
	['CHANGELOG.ko.md', 'CHANGELOG.md', 'README.ko.md'],
])('%s links %s and is linked from %s', (changelog, twin, readme) => {
	expect(readFileSync(path.join(REPO, changelog), 'utf8')).toContain(`](${twin})`);
	expect(readFileSync(path.join(REPO, readme), 'utf8')).toContain(`](${changelog})`);
});

const pageLinks = markdownFiles.flatMap((file) =>
	[...readFileSync(path.join(REPO, file), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => [file, match[1]] as const),
);

test('the pages link each other', () => {
	expect(pageLinks.filter(([, target]) => !/^(https?:|mailto:)/.test(target)).length).toBeGreaterThanOrEqual(100);
});

test.each(pageLinks.filter(([, target]) => target.startsWith('#')))('%s: %s is a heading of the same page', (file, target) => {
	expect(anchorsOf(file)).toContain(target.slice(1));
});

test.each(pageLinks.filter(([, target]) => !/^(#|https?:|mailto:)/.test(target)))('%s: %s is a file in the repository', (file, target) => {
	const [relative, fragment] = target.split('#');
	const linked = path.relative(REPO, path.resolve(REPO, path.dirname(file), relative));
	expect(existsSync(path.join(REPO, linked))).toBe(true);
	if (fragment !== undefined) expect(anchorsOf(linked)).toContain(fragment);
});
