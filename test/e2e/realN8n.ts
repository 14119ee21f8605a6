/**
 * A real n8n (the CLI and the server) with this package installed from its npm tarball, the way
 * n8n's community-package installer installs it, talking to an in-process HappyTalk sandbox.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importDemoData } = require('../../scripts/demoData');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflows = require('../../scripts/workflows');

export const CREDENTIAL = workflows.SANDBOX_CREDENTIAL_REFERENCE as { id: string; name: string };
export const NODE_TYPE = 'n8n-nodes-happytalk.happyTalk';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface Server {
	url: string;
	output(): string;
	stop(): Promise<void>;
}

export interface RealN8n {
	version: string;
	userFolder: string;
	env: Record<string, string>;
	sandbox: Sandbox;
	/** Everything any n8n process printed, for the secret search. */
	transcript: string[];
	cli(args: string[]): Promise<CliResult>;
	importWorkflows(workflows: object[]): Promise<void>;
	execute(workflowId: string): Promise<{ run: ExecutionRun; stdout: string }>;
	/** With `webhookPaths` (relative to /webhook/), resolves once n8n has registered them. */
	startServer(webhookPaths?: string[]): Promise<Server>;
	dispose(): Promise<void>;
}

export interface ExecutionRun {
	status?: string;
	data: {
		resultData: {
			error?: { message: string; description?: string };
			runData: Record<string, Array<{ error?: { message: string; description?: string }; data?: { main: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }>> } }>>;
		};
	};
}

let tarball: string | undefined;

/** Builds nothing: `npm run test:e2e` builds first. Packs once per test file. */
function packedTarball(): string {
	tarball ??= n8n.packPackage(mkdtempSync(path.join(tmpdir(), 'happytalk-pack-')));
	return tarball as string;
}

/** `modelUrl`: also import the AI Agent example's OpenAI credential, pointed at a model stand-in. */
export async function prepareRealN8n(version: string, { modelUrl }: { modelUrl?: string } = {}): Promise<RealN8n> {
	n8n.ensureN8n(version);
	const userFolder = mkdtempSync(path.join(tmpdir(), `happytalk-n8n-${version}-`));
	n8n.installPackage(userFolder, packedTarball());
	const sandbox = await startSandbox();
	const port = await n8n.freePort();
	const env = n8n.n8nEnv({ userFolder, port, brokerPort: await n8n.freePort() }) as Record<string, string>;
	const transcript: string[] = [];

	// CLI commands run beside the server: they need task-broker and HTTP ports of their own.
	const cliEnv = { ...env, N8N_PORT: String(await n8n.freePort()), N8N_RUNNERS_BROKER_PORT: String(await n8n.freePort()) };
	const cli = async (args: string[]): Promise<CliResult> => {
		const result = (await n8n.runCli(version, cliEnv, args)) as CliResult;
		transcript.push(result.stdout, result.stderr);
		return result;
	};

	await importDemoData(
		env,
		{ sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
		{ version, modelUrl },
	);

	const servers: Server[] = [];
	return {
		version,
		userFolder,
		env,
		sandbox,
		transcript,
		cli,

		async importWorkflows(workflows) {
			const dir = mkdtempSync(path.join(tmpdir(), 'happytalk-workflows-'));
			workflows.forEach((workflow, index) =>
				writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflow)),
			);
			const result = await cli(['import:workflow', '--separate', `--input=${dir}`]);
			rmSync(dir, { recursive: true, force: true });
			if (result.code !== 0) throw new Error(`import:workflow failed:\n${result.stdout}\n${result.stderr}`);
		},

		async execute(workflowId) {
			const result = await cli(['execute', `--id=${workflowId}`, '--rawOutput']);
			return { run: extractRun(result.stdout), stdout: result.stdout };
		},

		async startServer(webhookPaths = []) {
			const server = await n8n.startServer(version, env, { webhookPaths });
			const wrapped: Server = {
				url: server.url,
				output: server.output,
				stop: async () => {
					await server.stop();
					transcript.push(server.output());
				},
			};
			servers.push(wrapped);
			return wrapped;
		},

		async dispose() {
			for (const server of servers) await server.stop();
			await sandbox.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** The run data that `execute --rawOutput` printed. */
export function extractRun(stdout: string): ExecutionRun {
	return n8n.extractRun(stdout) as ExecutionRun;
}

export function outputOf(run: ExecutionRun, nodeName: string) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	return { items: task?.data?.main?.[0] ?? [], error: task?.error };
}

/** Manual trigger → Code node emitting `items` → HappyTalk send text with expressions. */
export function listWorkflow(
	id: string,
	items: object[],
	settings: { continueOnFail?: boolean; options?: Record<string, unknown> } = {},
) {
	return workflows.itemsWorkflow({
		id,
		jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};`,
		node: workflows.sendTextNode({ name: 'HappyTalk', ...settings }),
	});
}
