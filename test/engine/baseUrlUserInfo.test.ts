/**
 * A Base URL with a user name and password, in n8n's real engine, for both credentials: nothing is
 * sent, and no part of the user info reaches an error, an output item or the run data.
 */
import { deepText, startSandbox, type Sandbox } from '../support/sandbox';
import { loadEngine, shutdownEngine, type NodeRun } from './harness';
import { send } from './operationParameters';

const USER = 'proxyUser7Q';
const PASSWORD = 'Pa55-w0rd-XYZ';

let sandbox: Sandbox;
const withUserInfo = () => sandbox.url.replace('http://', `http://${USER}:${PASSWORD}@`);

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
});

function expectNoUserInfo(run: NodeRun) {
	const text = [deepText(run.run), deepText(run.items), deepText(run.error)].join('\n');
	expect(text).toMatch(/must not contain a user name or password/);
	expect(text).not.toContain(USER);
	expect(text).not.toContain(PASSWORD);
}

test.each([
	['Biz API', 'happyTalkApi', { clientId: 'id', clientSecret: 'secret' }, send('100001')],
	['customer API', 'happyTalkCustomerApi', { companyToken: 'token' }, { resource: 'history', operation: 'getRoom', roomId: '100001' }],
] as const)('%s: refused before any request, with and without On Error: Continue', async (_api, credentialType, keys, parameters) => {
	const credentials = { ...keys, environment: 'custom', baseUrl: withUserInfo() };
	const engine = await loadEngine(credentials, credentialType);
	const stopped = await engine.runNode({ ...parameters }, [{}]);
	expect(stopped.error?.message).toMatch(/^The credential's Base URL must not contain a user name or password/);
	expectNoUserInfo(stopped);
	const continued = await engine.runNode({ ...parameters }, [{}, {}], { continueOnFail: true });
	expect(continued.items).toHaveLength(2);
	expectNoUserInfo(continued);

	const tested = await engine.testCredential(credentials);
	expect(tested.status).toBe('Error');
	expect(`${tested.message}`).not.toContain(PASSWORD);
	expect(`${tested.message}`).not.toContain(USER);
	expect(sandbox.requests).toEqual([]);
});
