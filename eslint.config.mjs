// n8n's lint rules for community nodes, wired by hand: @n8n/node-cli would bring the same two
// plugins, but its dependencies need Node 22+. `npm run lint` then runs n8n's verification scanner
// itself (scripts/scan.mjs), which allows no inline disables; every rule turned off below is one
// the scanner's own config (buildScanConfig in @n8n/scan-community-package) turns off too.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const n8nRuleSet = (name) => ({ rules: n8nNodesBase.configs[name].rules });

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/**', '.n8n-demo/**'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: { parser: tseslint.parser, sourceType: 'module' },
	},
	{
		files: ['**/*.js'],
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				require: 'readonly',
				module: 'writable',
				exports: 'writable',
				__dirname: 'readonly',
				process: 'readonly',
				console: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				Buffer: 'readonly',
			},
		},
	},
	{
		// n8n's runtime rules are for what ships (dist); tests and the sandbox run only here.
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		rules: {
			...n8nCommunityNodesPlugin.configs.recommended.rules,
			'no-console': 'error',
			// zod comes from n8n at run time (n8n puts its own node_modules on NODE_PATH): 3.25 in
			// n8n 1.100 and later, perhaps zod 4 tomorrow. "zod/v3" is the same zod 3 API in both;
			// bare "zod" would be zod 4's API there. `npm test` proves it (scripts/zod4.js).
			'no-restricted-imports': [
				'error',
				{ paths: [{ name: 'zod', message: "Import from 'zod/v3': n8n may resolve zod 4, whose 'zod' is another API." }] },
			],
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nRuleSet('community').rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nRuleSet('credentials').rules,
			// "Only applicable to nodes in the main repository" (the rule's own words); the scanner:
			// "Not valid for community nodes". Community credentials link to a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nRuleSet('nodes').rules,
			// These two predate NodeConnectionTypes and contradict n8n's current community rule
			// (node-connection-type-literal); the scanner: "Inputs and outputs can be enum".
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
);
