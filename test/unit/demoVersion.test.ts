/** `npm start`'s choice of n8n: the flag, the variable, the matrix's names, and each its own folder. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoFolder, demoVersion } = require('../../scripts/demoVersion');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_VERSIONS } = require('../../scripts/n8n');

test.each([
	[[], {}, N8N_VERSIONS.current],
	[['--n8n', 'newest'], {}, N8N_VERSIONS.newest],
	[['--n8n=legacy'], {}, N8N_VERSIONS.legacy],
	[['--n8n', '2.30.0'], { HAPPYTALK_N8N: 'newest' }, '2.30.0'],
	[[], { HAPPYTALK_N8N: 'newest' }, N8N_VERSIONS.newest],
])('npm start %j with %j runs n8n %s', (argv, env, version) => {
	expect(demoVersion(argv, env)).toBe(version);
});

test('a name that is no version is refused with what is expected', () => {
	expect(() => demoVersion(['--n8n', 'latest'], {})).toThrow('expected current, newest, legacy or a version such as 2.41.1; got "latest"');
});

test('the current n8n keeps the demo folder; any other has its own (n8n migrates its database forward only)', () => {
	expect(demoFolder(N8N_VERSIONS.current)).toMatch(/\/\.n8n-demo$/);
	expect(demoFolder(N8N_VERSIONS.newest)).toMatch(new RegExp(`/\\.n8n-demo-${N8N_VERSIONS.newest.replace(/\./g, '\\.')}$`));
});
