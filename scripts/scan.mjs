/**
 * n8n's verification scan, run here with the scanner's own code (@n8n/scan-community-package):
 * its ESLint config (`buildScanConfig`) and file patterns, `allowInlineConfig: false` as it sets,
 * over its two legs:
 * - the source: `package.json` and `{nodes,credentials}/**` (SOURCE_FILE_PATTERNS);
 * - the `npm pack` tarball: every `**\/*.js` and its package.json.
 * The scanner's `analyzePackage` fails on errors only; this script also fails on warnings, so the
 * package passes with nothing to explain. Needs `npm run build` first (the tarball ships dist/).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import glob from 'fast-glob';

// The scanner makes a temporary folder as it loads and leaves it behind when the process exits:
// it and everything below get a folder of this script's own, removed at the end.
const TEMP = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-scan-'));
process.env.TMPDIR = TEMP;
process.on('exit', () => fs.rmSync(TEMP, { recursive: true, force: true }));
const { buildScanConfig, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** As the scanner's analyzePackage lints a folder, returning every message, warnings included. */
async function lintLeg(name, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	const report = await (await eslint.loadFormatter('stylish')).format(results);
	process.stdout.write(`n8n scanner, ${name}: ${files.length} files, ${errors} errors, ${warnings} warnings\n${report}`);
	return { files: files.length, errors, warnings };
}

/** The tarball npm would publish, unpacked into a temporary folder. */
function unpackedTarball() {
	if (!fs.existsSync(path.join(REPO, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before the scan (the tarball ships dist/).');
	}
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'happytalk-scan-'));
	const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', folder], { cwd: REPO, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
	const [{ filename }] = JSON.parse(packed.stdout);
	const packageDir = path.join(folder, 'package');
	fs.mkdirSync(packageDir);
	const untar = spawnSync('tar', ['-xzf', path.join(folder, path.basename(filename)), '-C', packageDir, '--strip-components=1']);
	if (untar.status !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
	return { folder, packageDir };
}

const source = await lintLeg('source', REPO, SOURCE_FILE_PATTERNS);
const { folder, packageDir } = unpackedTarball();
let tarball;
try {
	tarball = await lintLeg('npm pack tarball', packageDir, TARBALL_FILE_PATTERNS);
} finally {
	fs.rmSync(folder, { recursive: true, force: true });
}
const findings = source.errors + source.warnings + tarball.errors + tarball.warnings;
if (source.files === 0 || tarball.files === 0) {
	process.stdout.write('n8n scanner: a leg found no files to scan\n');
	process.exit(1);
}
process.exit(findings === 0 ? 0 : 1);
