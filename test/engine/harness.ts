/**
 * Runs the built package in n8n-core's real execution engine, without the n8n server: the
 * package is loaded the way n8n loads community packages, workflows run through WorkflowExecute,
 * and the credential test runs the way n8n's CredentialsTester runs a declarative test.
 */
import path from 'node:path';

import { Container } from '@n8n/di';
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	PackageDirectoryLoader,
	PollContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { startSandbox, type Sandbox } from '../support/sandbox';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export const PACKAGE_ROOT = path.resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-happytalk';
export const NODE_TYPE = `${PACKAGE_NAME}.happyTalk`;
export const CREDENTIAL_TYPE = 'happyTalkApi';
const CREDENTIAL_ID = 'happytalk-credential';

export type CredentialData = ICredentialDataDecryptedObject;

export interface NodeRun {
	/** The node's output items, when it finished. */
	items: INodeExecutionData[];
	/** The error that stopped the node, when it did not. */
	error?: Error & { description?: string; itemIndex?: number; context?: IDataObject };
	run: IRun;
}

export interface RunOptions {
	continueOnFail?: boolean;
	/** Run as n8n runs the node for an AI Agent: as its `…Tool` variant. */
	asTool?: boolean;
	/** The node's version, as a saved workflow names it (default 1). */
	typeVersion?: number;
	credentials?: CredentialData;
	/** Another node of the package (e.g. 'happyTalkTrigger'), run with `items` as its input. */
	nodeType?: string;
}

export interface WorkflowRunOptions {
	/** The execution's id, as n8n gives it (also in `$execution.resumeUrl`). */
	executionId?: string;
	/** Where `$execution.resumeUrl` points: n8n's /webhook-waiting address, or a stand-in. */
	webhookWaitingBaseUrl?: string;
}

export interface Engine {
	runNode(parameters: INodeParameters, items: IDataObject[], options?: RunOptions): Promise<NodeRun>;
	/** Several nodes as a saved workflow has them (types, versions, connections), from `startNode`. */
	runWorkflow(nodes: INode[], connections: IConnections, startNode: string, items: IDataObject[], options?: WorkflowRunOptions): Promise<IRun>;
	testCredential(data: CredentialData): Promise<{ status: string; message: string }>;
	/**
	 * One poll of a polling trigger, as n8n's ActiveWorkflows runs it: `staticData` is what n8n
	 * saved (JSON), and the answer carries what it would save next.
	 */
	poll(
		nodeName: string,
		parameters: INodeParameters,
		staticData: IDataObject,
		mode?: 'trigger' | 'manual',
	): Promise<{ result: INodeExecutionData[][] | null; staticData: IDataObject }>;
	nodeType: INodeType;
	credentialType: ICredentialType;
}

/** An engine whose node holds one credential: `happyTalkApi` (default) or `happyTalkCustomerApi`. */
export async function loadEngine(
	defaultCredentials: CredentialData,
	credentialTypeName: string = CREDENTIAL_TYPE,
): Promise<Engine> {
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	await loader.loadAll();
	if (loader.packageName !== PACKAGE_NAME) throw new Error(`Loaded ${loader.packageName}`);

	const nodeTypes: INodeTypes = {
		getByName: (type) => loader.getNode(stripPackage(type)).type,
		getByNameAndVersion: (type, version) =>
			NodeHelpers.getVersionedNodeType(loader.getNode(stripPackage(type)).type, version),
		getKnownTypes: () => ({}),
	};
	const credentialType = loader.getCredential(credentialTypeName).type;
	const nodeType = nodeTypes.getByNameAndVersion(NODE_TYPE, 1);

	const additionalData = (credentials: CredentialData): IWorkflowExecuteAdditionalData =>
		({
			credentialsHelper: new CredentialsHelper(credentialType, credentials),
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not part of these tests');
			},
			getRunExecutionData: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('Task runners are not part of these tests');
			},
		}) as unknown as IWorkflowExecuteAdditionalData;

	/** Runs `nodes` through n8n-core's WorkflowExecute, starting at `start` with `inputItems`. */
	const execute = async (
		nodes: INode[],
		connections: IConnections,
		start: INode,
		inputItems: IDataObject[],
		credentials: CredentialData,
		options: WorkflowRunOptions = {},
	): Promise<IRun> => {
		const workflow = new Workflow({ id: 'engine-test', nodes, connections, active: false, nodeTypes });
		const runData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node: start, data: { main: [inputItems.map((json) => ({ json }))] }, source: null },
				],
			},
		});
		const data = additionalData(credentials);
		if (options.executionId !== undefined) data.executionId = options.executionId;
		if (options.webhookWaitingBaseUrl !== undefined) data.webhookWaitingBaseUrl = options.webhookWaitingBaseUrl;
		data.hooks = new ExecutionLifecycleHooks('manual', 'engine-test', {
			id: 'engine-test',
			name: 'Engine test',
			active: false,
			isArchived: false,
			nodes,
			connections,
			createdAt: new Date(),
			updatedAt: new Date(),
			activeVersionId: null,
		});
		return await new WorkflowExecute(data, 'manual', runData).processRunExecutionData(workflow);
	};

	return {
		nodeType,
		credentialType,

		async runNode(parameters, inputItems, options = {}) {
			const node: INode = {
				id: 'happytalk-node',
				name: 'HappyTalk',
				type: options.nodeType ? `${PACKAGE_NAME}.${options.nodeType}` : options.asTool ? `${NODE_TYPE}Tool` : NODE_TYPE,
				typeVersion: options.typeVersion ?? 1,
				position: [0, 0],
				parameters,
				credentials: { [credentialTypeName]: { id: CREDENTIAL_ID, name: 'HappyTalk' } },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			};
			const run = await execute([node], {}, node, inputItems, options.credentials ?? defaultCredentials);
			const task = run.data.resultData.runData[node.name]?.[0];
			return {
				items: task?.data?.main?.[0] ?? [],
				error: (run.data.resultData.error ?? task?.error) as NodeRun['error'],
				run,
			};
		},

		async runWorkflow(nodes, connections, startNode, inputItems, options) {
			const withCredential = nodes.map((node) => ({
				...node,
				credentials: { [credentialTypeName]: { id: CREDENTIAL_ID, name: 'HappyTalk' } },
			}));
			const start = withCredential.find((node) => node.name === startNode);
			if (!start) throw new Error(`No node "${startNode}"`);
			return await execute(withCredential, connections, start, inputItems, defaultCredentials, options);
		},

		async poll(nodeName, parameters, staticData, mode = 'trigger') {
			const node: INode = {
				id: 'poll-node',
				name: 'Trigger',
				type: `${PACKAGE_NAME}.${nodeName}`,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { [credentialTypeName]: { id: CREDENTIAL_ID, name: 'HappyTalk' } },
			};
			const workflow = new Workflow({
				id: 'poll-test',
				nodes: [node],
				connections: {},
				active: true,
				nodeTypes,
				staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
			});
			const context = new PollContext(workflow, node, additionalData(defaultCredentials), mode, mode === 'manual' ? 'manual' : 'activate');
			const result = await nodeTypes.getByNameAndVersion(node.type, 1).poll!.call(context);
			return { result, staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject };
		},

		// As n8n's CredentialsTester does for a declarative `test`: a temporary node whose only
		// property routes the test request, run by n8n-core's RoutingNode, then the rules.
		async testCredential(data) {
			const test = credentialType.test!;
			const tempType: INodeType = {
				description: {
					...nodeType.description,
					credentials: [{ name: credentialTypeName, required: true }],
					properties: [
						{
							displayName: 'Temp',
							name: 'temp',
							type: 'string',
							routing: { request: test.request },
							default: '',
						} as INodeProperties,
					],
				},
			};
			const node: INode = {
				id: 'temp',
				name: 'Temp-Node',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
				credentials: { [credentialTypeName]: { id: CREDENTIAL_ID, name: 'HappyTalk' } },
			};
			const workflow = new Workflow({
				nodes: [node],
				connections: {},
				active: false,
				nodeTypes: {
					getByName: () => tempType,
					getByNameAndVersion: () => tempType,
					getKnownTypes: () => ({}),
				},
			});
			const context = new ExecuteContext(
				workflow,
				node,
				additionalData(data),
				'internal',
				createRunExecutionData(),
				0,
				[],
				{ main: [[{ json: {} }]] },
				{ node, data: {}, source: null },
				[],
			);
			let response: INodeExecutionData[][] | null | undefined;
			try {
				response = await new RoutingNode(context, tempType, {
					id: CREDENTIAL_ID,
					name: 'HappyTalk',
					type: credentialTypeName,
					data,
				}).runNode();
			} catch (error) {
				const cause = (error as { cause?: { response?: { status: number }; code?: string } }).cause;
				if (cause?.response) return { status: 'Error', message: `Received HTTP status code: ${cause.response.status}` };
				if (cause?.code) return { status: 'Error', message: cause.code };
				return { status: 'Error', message: String((error as Error).message) };
			}
			for (const rule of test.rules ?? []) {
				if (rule.type !== 'responseSuccessBody') continue;
				const body = response?.[0]?.[0]?.json ?? {};
				if (body[rule.properties.key] === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'OK', message: 'Connection successful!' };
		},
	};
}

/** Runs the node and keeps every run, so a test file can search them all for the secret at the end. */
/** This package's node types as n8n loads them from its folder (a type name with or without the package prefix). */
export async function loadPackageNodeTypes(): Promise<INodeTypes> {
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	await loader.loadAll();
	const byName = (type: string) => loader.getNode(type.replace(`${PACKAGE_NAME}.`, '')).type;
	return {
		getByName: byName,
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(byName(type), version),
		getKnownTypes: () => ({}),
	};
}

/**
 * The few methods of express's response a webhook calls (`status(...).json(...)`), recording what
 * it answered: a webhook that answers by itself returns `noWebhookResponse`.
 */
export function expressResponse() {
	const answer: { status?: number; body?: unknown } = {};
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(value: unknown) {
			answer.body = value;
			return response;
		},
	};
	return { answer, response };
}

export function recordingRunner(engine: () => Engine) {
	const runs: NodeRun[] = [];
	const run = async (parameters: INodeParameters, items: object[] = [{}], continueOnFail = false) => {
		const result = await engine().runNode(parameters, items as IDataObject[], { continueOnFail });
		runs.push(result);
		return result;
	};
	return { run, runs };
}

/** n8n-core keeps an interval alive for SSH tunnels; stop it so jest can exit. */
export function shutdownEngine() {
	Container.get(SSHClientsManager).onShutdown();
}

/**
 * A test file's sandbox and engine, with a sandbox credential: started before the file, reset
 * (strict rooms, when asked) before each test, stopped after. Read `sandbox` and `engine` in tests.
 */
export function useSandboxEngine({ strictRooms = false } = {}) {
	const live = {} as { sandbox: Sandbox; engine: Engine };
	beforeAll(async () => {
		live.sandbox = await startSandbox();
		live.engine = await loadEngine({
			clientId: live.sandbox.clientId,
			clientSecret: live.sandbox.clientSecret,
			environment: 'custom',
			baseUrl: live.sandbox.url,
		});
	});
	beforeEach(() => {
		live.sandbox.reset();
		live.sandbox.setStrictRooms(strictRooms);
	});
	afterAll(async () => {
		await live.sandbox.close();
		shutdownEngine();
	});
	return live;
}

/** The node's name in the package; n8n derives a `…Tool` variant from the node itself. */
function stripPackage(type: string) {
	const name = type.startsWith(`${PACKAGE_NAME}.`) ? type.slice(PACKAGE_NAME.length + 1) : type;
	return name === 'happyTalkTool' ? 'happyTalk' : name;
}

/** Holds one credential and applies its `authenticate` as n8n's CredentialsHelper does. */
class CredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly type: ICredentialType,
		private readonly data: CredentialData,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.type.authenticate;
		if (typeName !== this.type.name || typeof authenticate !== 'function') {
			throw new Error(`Unexpected credential type ${typeName}`);
		}
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by the node');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		if (nodeCredentials.id !== CREDENTIAL_ID) throw new Error('Unknown credential');
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return this.type.properties;
	}
}
