/**
 * The Base URL rule over generated URLs: what it accepts reaches requests unchanged, a user name or
 * password is refused without ever being repeated, and the credential tests' n8n expression
 * (evaluated by n8n's own expression engine) decides as the node does.
 */
import { fc, test } from '@fast-check/jest';
import { Workflow, type INode, type INodeType, type IWorkflowDataProxyAdditionalKeys } from 'n8n-workflow';

import { resolveBaseUrlFor } from '../../nodes/HappyTalk/transport/baseUrlRule';
import { baseUrlExpression, HAPPYTALK_HOSTS } from '../../nodes/HappyTalk/transport/bizApi/baseUrl';
import { CUSTOMER_API_HOSTS, customerApiBaseUrlExpression } from '../../nodes/HappyTalk/transport/customerApi/baseUrl';

const custom = (baseUrl: string) => ({ environment: 'custom', baseUrl });
const refusal = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		return (error as Error).message;
	}
	return undefined;
};

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const hostName = fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => [...labels, 'example'].join('.'));
const port = fc.option(fc.integer({ min: 1, max: 65535 }).map((value) => `:${value}`), { nil: '' });
const pathSegment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/);
const path = fc.array(pathSegment, { maxLength: 3 }).map((segments) => segments.map((segment) => `/${segment}`).join(''));
const loopback = fc.constantFrom('localhost', '127.0.0.1', '127.3.2.1', '[::1]');
const acceptable = fc.oneof(
	fc.tuple(hostName, port, path).map(([host, portPart, pathPart]) => `https://${host}${portPart}${pathPart}`),
	fc.tuple(loopback, port, path).map(([host, portPart, pathPart]) => `http://${host}${portPart}${pathPart}`),
);

test.prop([acceptable, fc.constantFrom('', '/', '//')])('an https URL (or http on loopback) is used as given, without trailing slashes', (url, tail) => {
	expect(resolveBaseUrlFor(custom(url + tail), HAPPYTALK_HOSTS)).toBe(url);
});

// Upper case and symbols, so that no run of six of them can stand in the rule's English words.
const secretCharacter = fc.constantFrom(...'ABCDEFGHJKMNPQRSTVWXYZ0123456789-._~!$&()*+,;=%:@/?#');
const secretPart = fc.string({ unit: secretCharacter, minLength: 6, maxLength: 24 });
const withUserInfo = fc
	.tuple(fc.constantFrom('https', 'http', 'HTTPS'), secretPart, fc.option(secretPart, { nil: undefined }), fc.oneof(hostName, loopback), port, path)
	.map(([scheme, user, password, host, portPart, pathPart]) => ({
		url: `${scheme}://${user}${password === undefined ? '' : `:${password}`}@${host}${portPart}${pathPart}`,
		userInfo: `${user}${password === undefined ? '' : `:${password}`}`,
	}));

test.prop([withUserInfo], { numRuns: 300 })('a URL with a user name or password is refused, and no six characters of them are repeated', ({ url, userInfo }) => {
	for (const hosts of [HAPPYTALK_HOSTS, CUSTOMER_API_HOSTS]) {
		const message = refusal(() => resolveBaseUrlFor(custom(url), hosts));
		expect(message).toMatch(/^The credential's Base URL must not contain a user name or password/);
		for (let start = 0; start + 6 <= userInfo.length; start++) expect(message).not.toContain(userInfo.slice(start, start + 6));
	}
});

/** n8n's own expression engine over `$credentials`, as its credential tester evaluates a test's baseURL. */
function evaluate(expression: string, credentials: Record<string, string>): unknown {
	const node: INode = { id: 'n', name: 'Temp-Node', type: 'test.node', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodeType = { description: { properties: [] } } as unknown as INodeType;
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
	});
	try {
		return workflow.expression.getParameterValue(expression, null, 0, 0, node.name, [], 'internal', {
			$credentials: credentials,
		} as unknown as IWorkflowDataProxyAdditionalKeys);
	} catch {
		return undefined;
	}
}

const anyBaseUrl = fc.oneof(acceptable, withUserInfo.map(({ url }) => url), fc.string({ maxLength: 40 }), fc.webUrl());
test.prop([anyBaseUrl, fc.constantFrom('custom', 'production', 'development')], { numRuns: 60 })(
	"the credential tests' expression in n8n's engine gives the node's URL, or no URL where the node refuses",
	(baseUrl, environment) => {
		for (const [expression, hosts] of [
			[baseUrlExpression, HAPPYTALK_HOSTS],
			[customerApiBaseUrlExpression, CUSTOMER_API_HOSTS],
		] as const) {
			let expected: string | undefined;
			try {
				expected = resolveBaseUrlFor({ environment, baseUrl }, hosts);
			} catch {
				expected = undefined;
			}
			const value = evaluate(expression, { environment, baseUrl });
			if (expected === undefined) expect(typeof value === 'string' && /^https?:\/\//.test(value)).toBe(false);
			else expect(value).toBe(expected);
		}
	},
);

// Found by the property above: an "@" in the user name, a "/" after it, and another "@" later.
test('a user info with "@" and "/" in it is not shown as the host', () => {
	const message = refusal(() => resolveBaseUrlFor(custom('https://@AAAAA/A@localhost'), HAPPYTALK_HOSTS));
	expect(message).toMatch(/must not contain a user name or password .*; got a value with "@"$/);
	expect(message).not.toContain('AAAAA');
});
