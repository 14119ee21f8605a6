/**
 * The Korean pages mirror the English ones section for section (the READMEs, the changelogs and
 * docs/), and the layout in docs/development.md describes the code as it is: every path it names
 * exists, every folder of the nodes is named, and docs/development.ko.md shows the same layout.
 * (Facts inside the sections: docs.test.ts.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO = path.join(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

/** The heading levels of a Markdown page, in order, outside code blocks. */
function headingLevels(file: string): number[] {
	let inCode = false;
	const levels: number[] = [];
	for (const line of read(file).split('\n')) {
		if (line.startsWith('```')) inCode = !inCode;
		else if (!inCode && /^#{1,6} /.test(line)) levels.push(line.indexOf(' '));
	}
	return levels;
}

const pairs = [
	['README.md', 'README.ko.md'],
	['CHANGELOG.md', 'CHANGELOG.ko.md'],
	...readdirSync(path.join(REPO, 'docs'))
		.filter((file) => file.endsWith('.ko.md'))
		.map((file) => [`docs/${file.replace(/\.ko\.md$/, '.md')}`, `docs/${file}`]),
];

test.each(pairs)('%s and %s have the same sections, at the same levels, in the same order', (english, korean) => {
	expect(headingLevels(korean)).toEqual(headingLevels(english));
});

/** Table rows, list items and code fences: a row or an item left untranslated changes a count. */
function shape(file: string, lists: boolean) {
	const lines = read(file).split('\n');
	return {
		tableRows: lines.filter((line) => line.startsWith('|')).length,
		codeFences: lines.filter((line) => line.startsWith('```')).length,
		// The Korean development page explains its layout block in a list of its own, so its list items are not compared.
		...(lists ? { listItems: lines.filter((line) => /^\s*- /.test(line)).length } : {}),
	};
}

test.each(pairs)('%s and %s have as many table rows, list items and code blocks', (english, korean) => {
	const lists = english !== 'docs/development.md';
	expect(shape(korean, lists)).toEqual(shape(english, lists));
});

/** The development page's layout block: the first code block after the line that introduces it. */
function layoutBlock(file: string, intro: string): string[] {
	const lines = read(file).split('\n');
	const start = lines.findIndex((line) => line.trim() === intro);
	expect(start).toBeGreaterThan(0);
	const open = lines.findIndex((line, i) => i > start && line.startsWith('```'));
	const close = lines.findIndex((line, i) => i > open && line.startsWith('```'));
	return lines.slice(open + 1, close);
}

const layout = layoutBlock('docs/development.md', '## Layout');

/** The paths the layout names: top-level entries as written, indented ones under the last top-level folder. */
function namedPaths(block: string[]): string[] {
	const paths: string[] = [];
	let parent = '';
	for (const line of block) {
		const entry = /^(\s*)(\S+)/.exec(line);
		// Continuation lines are indented past the path column.
		if (!entry || entry[1].length > 2) continue;
		for (const name of entry[2].split(',').filter(Boolean)) {
			if (name.includes('<')) continue; // a pattern such as actions/<resource>/<operation>/
			if (entry[1].length === 0) {
				parent = name.endsWith('/') ? name : '';
				paths.push(name);
			} else {
				paths.push(parent + name);
			}
		}
		// "transport/bizApi/, transport/customerApi/" and "test/unit, test/engine, test/e2e" name several.
		const more = line.slice(entry[0].length).match(/^,?\s+((?:[\w.]+\/)+[\w.]*),?/);
		if (more && !/\s{2,}/.test(line.slice(entry[0].length, entry[0].length + more[0].length))) {
			paths.push((entry[1].length === 0 ? '' : parent) + more[1]);
		}
	}
	return paths;
}

test.each(namedPaths(layout))('the layout names %s, which exists', (named) => {
	expect(existsSync(path.join(REPO, named))).toBe(true);
});

/** Folders of the nodes the layout has to describe: each node's folders and their sub-folders. */
const nodeFolders = readdirSync(path.join(REPO, 'nodes'), { recursive: true, encoding: 'utf8' })
	.map((folder) => `nodes/${folder}`)
	.filter((folder) => statSync(path.join(REPO, folder)).isDirectory())
	// One folder per operation is described once, as actions/<resource>/<operation>/.
	.filter((folder) => !/^nodes\/HappyTalk\/actions\/./.test(folder));

test.each(nodeFolders)('%s is described in the layout', (folder) => {
	const text = layout.join('\n');
	const [, node, inside] = /^(nodes\/[^/]+)\/?(.*)$/.exec(folder)!;
	if (inside === '') expect(text).toContain(`${node}/`);
	else expect(text).toMatch(new RegExp(`(^|[\\s,])${inside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`, 'm'));
});

test('docs/development.ko.md shows the same layout', () => {
	expect(layoutBlock('docs/development.ko.md', '## 구조')).toEqual(layout);
});
